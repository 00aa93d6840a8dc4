// build_report: gathers what the report shows from a View, the rules' Evaluation
// and optionally Changes, with every label resolved in the report's language.
#include <actielijst/changes.hpp>
#include <actielijst/report.hpp>

#include "report/i18n.hpp"
#include "report/reasons.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

namespace actielijst {
namespace {

using report::fill;
using report::integer;
using report::tr;

const std::vector<std::string> all_sections = {"summary", "overview", "decisions", "signals",
                                               "changes", "actions",  "monitoring"};
const std::vector<std::string> categories = {"todo", "active", "blocked", "partial", "done", "dropped", "none"};

/// The state categories a scope can be in, in the order the words of an aggregation
/// name them: what is closed first, then what needs attention.
constexpr std::array<const char*, 5> scope_categories = {"done", "dropped", "blocked", "active", "todo"};

/// The states of affairs of several scopes of one action (all its scopes, or those in
/// one overview column), counted by category.
struct Tally {
    std::array<std::size_t, scope_categories.size()> by{};
    std::size_t unknown = 0;  ///< scopes without a state of affairs
    std::size_t total = 0;
    std::size_t municipalities = 0;  ///< of total, how many are municipalities
    std::string state;               ///< the state key, when all known scopes share one
    bool mixed = false;              ///< the known scopes are in different states
    std::string state_label;         ///< of the one state, when all share it
    std::optional<Date> latest;

    void add(const ReportScope& s) {
        ++total;
        if (s.region_kind == "municipality") ++municipalities;
        const auto it = std::find(scope_categories.begin(), scope_categories.end(), s.category);
        if (s.state.empty() || it == scope_categories.end()) {
            ++unknown;
            return;
        }
        ++by[static_cast<std::size_t>(it - scope_categories.begin())];
        if (state.empty() && !mixed)
            state = s.state;
        else if (state != s.state)
            mixed = true;
        state_label = s.state_label;
        if (s.as_of && (!latest || *s.as_of > *latest)) latest = s.as_of;
    }
    std::size_t count(std::string_view category) const {
        for (std::size_t i = 0; i < scope_categories.size(); ++i)
            if (category == scope_categories[i]) return by[i];
        return 0;
    }
    /// The category the scopes are in together (docs/report.md, "Overall state").
    std::string category() const {
        const std::size_t known = total - unknown;
        if (known == 0) return {};
        const std::size_t closed = count("done") + count("dropped");
        if (closed == known && unknown == 0) return count("done") ? "done" : "dropped";
        if (closed > 0) return "partial";
        for (const char* c : {"blocked", "active", "todo"})
            if (count(c)) return c;
        return {};
    }
};

/// "regio's", "gemeenten" or "gebieden": what the scopes of a tally are.
std::string_view unit_words(std::string_view lang, const Tally& t) {
    if (t.municipalities == t.total) return report::tr(lang, "unit_municipalities");
    if (t.municipalities == 0) return report::tr(lang, "unit_regions");
    return report::tr(lang, "unit_areas");
}

/// The tally in words: the one state's label when every scope has it; else the
/// category, then how many scopes are in each ("Deels gereed: 1 van 3 regio's gereed,
/// 2 niet gestart").
std::string tally_words(std::string_view lang, const Tally& t) {
    if (t.total == 0 || t.unknown == t.total) return std::string(report::tr(lang, "none"));
    if (t.unknown == 0 && !t.mixed) return t.state_label;
    std::string parts;
    bool first = true;
    const auto part = [&](std::size_t n, std::string_view words) {
        if (!n) return;
        const auto count = report::integer(lang, static_cast<std::int64_t>(n));
        parts += first ? report::fill(report::tr(lang, "n_of_total"),
                                      {count, report::integer(lang, static_cast<std::int64_t>(t.total)),
                                       unit_words(lang, t), words})
                       : ", " + count + " " + std::string(words);
        first = false;
    };
    for (std::size_t i = 0; i < scope_categories.size(); ++i)
        part(t.by[i], report::tr(lang, std::string("w_") + scope_categories[i]));
    part(t.unknown, report::tr(lang, "w_none"));
    return std::string(report::tr(lang, t.category().empty() ? "none" : t.category())) + ": " + parts;
}

class Builder {
public:
    // The lookups an action card needs are indexed once per report, so building
    // it stays linear in the number of actions (a scan per action was quadratic).
    Builder(const View& view, const Evaluation& evaluation, const ReportOptions& options)
        : view_(view), evaluation_(evaluation), lang_(options.language) {
        for (const auto& st : evaluation_.statuses) status_of_.emplace(st.action, &st);
        for (const auto& p : view_.proposals()) proposals_of_[p.action()].push_back(&p);
        for (const auto& a : view_.actions()) ++titles_[a.title()];
    }

    /// An action's title as the report refers to it: with its key in brackets when
    /// another action of the list has the same title ("Huisvesting (wonen-lokaal-beleid)").
    std::string reference(const std::string& key, const std::string& title) const {
        const auto it = titles_.find(title);
        return it != titles_.end() && it->second > 1 ? title + " (" + key + ")" : title;
    }

    /// The overview column a scope falls in: the region itself when it is a province
    /// or COROP region, the region of a municipality; empty otherwise.
    /// Sets the overview's columns, so column_index can place a scope.
    void set_columns(const std::vector<ReportColumn>& columns) {
        for (std::size_t i = 0; i < columns.size(); ++i) column_number_.emplace(columns[i].region, i);
    }

    /// The overview column of a scope (its index in the columns given to set_columns),
    /// or a number past the last when it falls in none. Remembered per scope code.
    std::size_t column_index(const std::string& code) const {
        const auto known = scope_column_.find(code);
        if (known != scope_column_.end()) return known->second;
        const auto it = column_number_.find(column_of(code));
        const std::size_t i = it == column_number_.end() ? column_number_.size() : it->second;
        scope_column_.emplace(code, i);
        return i;
    }

    std::string column_of(const std::string& code) const {
        const Region* r = view_.region(code);
        if (!r) return {};
        if (r->kind() != RegionKind::municipality) return code;
        return r->parent();
    }

    std::string region_name(const std::string& code) const {
        const Region* r = view_.region(code);
        return r ? r->name() : code;
    }
    std::string action_title(const std::string& key) const {
        if (const ActionPoint* a = view_.action(key)) return reference(key, a->title());
        if (const ReferencedAction* r = view_.referenced(key)) return r->title;  // outside a selection
        return key;
    }
    std::string state_label(const std::string& key) const {
        const ProgressState* s = view_.state(key);
        return s ? s->label().in(lang_) : key;
    }

    ReportProposal proposal(const Proposal& p) const {
        ReportProposal r;
        r.key = p.key();
        r.action = p.action();
        r.action_title = action_title(p.action());
        r.kind = std::string(to_string(p.kind()));
        r.kind_label = std::string(tr(lang_, r.kind));
        r.state = std::string(to_string(p.state()));
        r.state_label = std::string(tr(lang_, r.state));
        r.text = p.text();
        r.meeting = p.meeting();
        r.decided = p.decided();
        return r;
    }

    std::string rollup_words(const Rollup& r, const std::string& level_label) const {
        const auto n = integer(lang_, static_cast<std::int64_t>(r.municipalities));
        const auto level = fill(tr(lang_, "or_higher"), {level_label});
        if (r.reported) {
            return fill(tr(lang_, "rollup_words"), {integer(lang_, *r.reported), n, level}) + " " +
                   fill(tr(lang_, "rollup_reported"), {report::long_date(lang_, *r.reported_as_of)});
        }
        return fill(tr(lang_, "rollup_words"),
                    {integer(lang_, static_cast<std::int64_t>(r.known_at_or_above)), n, level}) +
               " " + fill(tr(lang_, "rollup_known"), {integer(lang_, static_cast<std::int64_t>(r.known))});
    }

    /// Rollups of every ordinal indicator over a region, for each level above the
    /// lowest, where anything is known.
    void rollups(const std::string& region, std::vector<ReportRollup>& out) const {
        // Every action in a region shows the same rollups: computed once per region.
        const auto cached = rollups_of_.find(region);
        if (cached != rollups_of_.end()) {
            out.insert(out.end(), cached->second.begin(), cached->second.end());
            return;
        }
        auto& computed = rollups_of_[region];
        for (const auto& ind : view_.indicators()) {
            if (ind.kind() != IndicatorKind::ordinal) continue;
            for (std::size_t i = 1; i < ind.levels().size(); ++i) {
                const auto& level = ind.levels()[i];
                const Rollup r = view_.rollup(ind.key(), region, level.key());
                if (r.municipalities == 0 || (r.known_at_or_above == 0 && !r.reported)) continue;
                ReportRollup rr;
                rr.indicator = ind.key();
                rr.indicator_label = ind.label().in(lang_);
                rr.region = region;
                rr.region_name = region_name(region);
                rr.level = level.key();
                rr.level_label = level.label().in(lang_);
                rr.rollup = r;
                rr.words = rollup_words(r, rr.level_label);
                computed.push_back(std::move(rr));
            }
        }
        out.insert(out.end(), computed.begin(), computed.end());
    }

    ReportScope scope(const std::string& region, const StatusUpdate* s) const {
        ReportScope r;
        r.region = region;
        r.region_name = region_name(region);
        if (const Region* reg = view_.region(region)) {
            r.region_kind = std::string(to_string(reg->kind()));
            if (reg->kind() == RegionKind::municipality) r.parent_name = region_name(reg->parent());
        }
        if (s) {
            r.state = s->state();
            r.state_label = state_label(s->state());
            if (const ProgressState* st = view_.state(s->state())) r.category = std::string(to_string(st->category()));
            r.text = s->text();
            r.as_of = s->as_of();
            r.author = s->author();
        }
        return r;
    }

    ReportAction action(const ActionPoint& a, const std::vector<ReportColumn>& columns) const {
        ReportAction r;
        r.key = a.key();
        r.theme = a.theme();
        r.title = a.title();
        r.reference = reference(a.key(), a.title());
        r.goal = a.goal();
        for (const auto& o : a.owners()) (o.role() == OwnerRole::lead ? r.leads : r.supports).push_back(o.name());
        r.due = a.due();
        r.due_moves = view_.due_moves(a.key());
        std::set<std::string> shown;
        for (const auto& code : a.scope()) {
            r.scopes.push_back(scope(code, view_.status(a.key(), code)));
            shown.insert(code);
        }
        for (const StatusUpdate* s : view_.statuses_of(a.key()))
            if (shown.insert(s->scope()).second) r.scopes.push_back(scope(s->scope(), s));
        Tally all;
        for (const auto& s : r.scopes) all.add(s);
        r.category = all.category();
        r.category_label = std::string(tr(lang_, r.category.empty() ? "none" : r.category));
        r.overall = tally_words(lang_, all);
        if (!columns.empty()) {
            // Each scope is tallied once, in its column; only the columns it touches
            // get words, so a row costs what the action has, not what the list has.
            r.cells.resize(columns.size());
            for (const auto& code : a.scope())
                if (const auto i = column_index(code); i < r.cells.size()) r.cells[i].in_scope = true;
            std::vector<std::pair<std::size_t, Tally>> touched;
            for (const auto& s : r.scopes) {
                const auto i = column_index(s.region);
                if (i >= r.cells.size()) continue;
                auto it = std::find_if(touched.begin(), touched.end(), [&](const auto& t) { return t.first == i; });
                if (it == touched.end()) it = touched.insert(touched.end(), {i, Tally{}});
                it->second.add(s);
            }
            for (const auto& [i, t] : touched) {
                r.cells[i].category = t.category();
                r.cells[i].label = tally_words(lang_, t);
                r.cells[i].as_of = t.latest;
            }
        }
        if (const auto it = status_of_.find(a.key()); it != status_of_.end()) {
            const ActionStatus& st = *it->second;
            r.rag = std::string(to_string(st.rag));
            for (std::size_t i : st.findings)
                if (i < evaluation_.findings.size() &&
                    std::find(r.rag_rules.begin(), r.rag_rules.end(), evaluation_.findings[i].rule) == r.rag_rules.end())
                    r.rag_rules.push_back(evaluation_.findings[i].rule);
        }
        if (r.rag.empty()) r.rag = "grey";
        r.rag_label = std::string(tr(lang_, r.rag));
        // Only the indicators that measure this action (Indicator::actions).
        std::vector<ReportRollup> region_rollups;
        for (const auto& code : a.scope())
            if (const Region* reg = view_.region(code); reg && reg->kind() == RegionKind::corop) rollups(code, region_rollups);
        for (auto& ru : region_rollups)
            if (measures(ru.indicator, a.key())) r.rollups.push_back(std::move(ru));
        if (const auto it = proposals_of_.find(a.key()); it != proposals_of_.end())
            for (const Proposal* p : it->second) r.proposals.push_back(proposal(*p));
        for (const auto& ref : a.see_also()) {
            const ActionPoint* other = view_.action(ref);
            const ReferencedAction* outside = other ? nullptr : view_.referenced(ref);
            r.see_also.push_back({ref, other ? reference(ref, other->title()) : outside ? outside->title : std::string()});
        }
        return r;
    }

    bool measures(const std::string& indicator, const std::string& action) const {
        const Indicator* ind = view_.indicator(indicator);
        if (!ind) return false;
        const auto& keys = ind->actions();
        return std::find(keys.begin(), keys.end(), action) != keys.end();
    }

    std::string observation_value(const Observation& o) const {
        const Indicator* ind = view_.indicator(o.indicator());
        const auto& v = o.value();
        if (!v.level.empty()) {
            std::string level = v.level;
            if (ind)
                for (const auto& l : ind->levels())
                    if (l.key() == v.level) level = l.label().in(lang_);
            if (v.count) {
                const auto n = view_.municipalities_in(o.region()).size();
                return fill(tr(lang_, "rollup_words"), {integer(lang_, *v.count), integer(lang_, static_cast<std::int64_t>(n)),
                                                        fill(tr(lang_, "or_higher"), {level})});
            }
            return v.at_least ? fill(tr(lang_, "at_least"), {level}) : level;
        }
        if (!v.value) return std::string(tr(lang_, "no_value"));
        std::string text = report::number(lang_, *v.value);
        if (ind && !ind->unit().empty()) text += " " + ind->unit();
        return text;
    }

    ReportObservation observation(const Observation& o) const {
        ReportObservation r;
        r.indicator = o.indicator();
        const Indicator* ind = view_.indicator(o.indicator());
        r.indicator_label = ind ? ind->label().in(lang_) : o.indicator();
        r.region = o.region();
        r.region_name = region_name(o.region());
        r.value = observation_value(o);
        r.source = o.source();
        r.note = o.note();
        r.as_of = o.as_of();
        r.age_days = days_between(o.as_of(), view_.as_of());
        return r;
    }

    std::string kind_name(ChangeKind k) const {
        switch (k) {
            case ChangeKind::added: return "added";
            case ChangeKind::removed: return "removed";
            case ChangeKind::changed: break;
        }
        return "changed";
    }

    std::string status_text(const std::optional<StatusUpdate>& s) const {
        if (!s) return {};
        return state_label(s->state()) + " (" + report::long_date(lang_, s->as_of()) + "): " + s->text();
    }

    /// An action as a change row shows it: against `other`, only what differs (its
    /// title, goal, due date, references), so a moved deadline reads as one; else its goal.
    std::string action_text(const ActionPoint& a, const ActionPoint* other) const {
        if (!other) return a.goal();
        std::string out;
        const auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
        if (a.title() != other->title()) add(a.title());
        if (a.goal() != other->goal()) add(a.goal());
        if (a.due() != other->due())
            add(std::string(tr(lang_, "due")) + ": " +
                (a.due() ? report::long_date(lang_, *a.due()) : std::string(tr(lang_, "no_due"))));
        if (a.see_also() != other->see_also()) {
            std::string refs;
            for (const auto& k : a.see_also()) refs += (refs.empty() ? "" : ", ") + action_title(k);
            add(std::string(tr(lang_, "see_also")) + ": " + (refs.empty() ? "\u2014" : refs));
        }
        return out.empty() ? a.goal() : out;
    }

    void changes(const Changes& c, std::vector<ReportChange>& out) const {
        const auto push = [&](std::string what, std::string kind, std::string subject, std::string region,
                              std::string before, std::string after) {
            ReportChange r;
            r.what = std::move(what);
            r.kind_label = std::string(tr(lang_, kind));
            r.kind = std::move(kind);
            r.subject = std::move(subject);
            r.region_name = std::move(region);
            r.before = std::move(before);
            r.after = std::move(after);
            out.push_back(std::move(r));
        };
        for (const auto& a : c.actions) {
            const ActionPoint* before = a.before ? &*a.before : nullptr;
            const ActionPoint* after = a.after ? &*a.after : nullptr;
            push("action", kind_name(a.kind),
                 after    ? reference(a.key, after->title())
                 : before ? reference(a.key, before->title())
                          : a.key,
                 {},
                 before ? action_text(*before, after) : std::string(),
                 after ? action_text(*after, before) : std::string());
        }
        for (const auto& s : c.statuses)
            push("status", s.closed ? "closed" : kind_name(s.kind), action_title(s.action), region_name(s.scope),
                 status_text(s.before), status_text(s.after));
        for (const auto& p : c.proposals) {
            const auto text = [&](const std::optional<Proposal>& x) {
                return x ? std::string(tr(lang_, to_string(x->state()))) + ": " + x->text() : std::string();
            };
            const Proposal* any = p.after ? &*p.after : p.before ? &*p.before : nullptr;
            push("proposal", p.decided ? "decided" : kind_name(p.kind),
                 p.key + (any ? " (" + action_title(any->action()) + ")" : std::string()), {}, text(p.before),
                 text(p.after));
        }
        for (const auto& o : c.observations) {
            const Observation* any = o.after ? &*o.after : o.before ? &*o.before : nullptr;
            if (!any) continue;
            const Indicator* ind = view_.indicator(any->indicator());
            push("observation", kind_name(o.kind), ind ? ind->label().in(lang_) : any->indicator(),
                 region_name(any->region()), o.before ? observation_value(*o.before) : std::string(),
                 o.after ? observation_value(*o.after) : std::string());
        }
    }

private:
    const View& view_;
    const Evaluation& evaluation_;
    std::string lang_;
    std::map<std::string, const ActionStatus*, std::less<>> status_of_;
    std::map<std::string, std::vector<const Proposal*>, std::less<>> proposals_of_;
    mutable std::map<std::string, std::vector<ReportRollup>, std::less<>> rollups_of_;
    std::unordered_map<std::string, std::size_t> titles_;
    std::unordered_map<std::string, std::size_t> column_number_;
    mutable std::unordered_map<std::string, std::size_t> scope_column_;
};

const std::string* meta_text(const View& view, std::string_view key) {
    for (const auto& m : view.meta())
        if (m.key == key)
            if (const auto* t = std::get_if<std::string>(&m.value)) return t;
    return nullptr;
}

bool meta_flag(const View& view, std::string_view key) {
    for (const auto& m : view.meta())
        if (m.key == key)
            if (const auto* b = std::get_if<bool>(&m.value)) return *b;
    return false;
}

/// Municipalities of a region per level of an ordinal indicator, highest first. At or
/// above each level count those the municipalities' own figures place there, or the
/// region's own statement when it says more; each municipality then counts at the
/// highest level it reaches. The lowest level counts only municipalities observed
/// exactly there; the rest are unknown.
void fill_levels(const View& view, const Indicator& ind, const std::string& region, const std::string& lang,
                 ReportCoverage& c) {
    const auto& levels = ind.levels();
    const std::size_t n = c.rollup.municipalities;
    std::vector<std::size_t> at_or_above(levels.size() + 1, 0);
    std::size_t known = 0;
    for (std::size_t i = levels.size(); i-- > 0;) {
        const Rollup ru = view.rollup(ind.key(), region, levels[i].key());
        std::size_t count = ru.known_at_or_above;
        if (ru.reported && *ru.reported > 0) count = std::max(count, static_cast<std::size_t>(*ru.reported));
        // Whatever is at a higher level is at this one too.
        at_or_above[i] = std::min(n, std::max(count, at_or_above[i + 1]));
        known = ru.known;
    }
    // The lowest level: only what is observed there, not what a region's count leaves over.
    std::size_t lowest = known >= at_or_above[1] ? known - at_or_above[1] : 0;
    if (levels.size() > 1) at_or_above[0] = std::min(n, at_or_above[1] + lowest);
    std::size_t placed = 0;
    std::string words;
    for (std::size_t i = levels.size(); i-- > 0;) {
        const std::size_t exact = at_or_above[i] - at_or_above[i + 1];
        c.levels.push_back({levels[i].key(), levels[i].label().in(lang), exact});
        placed += exact;
        if (exact)
            words += (words.empty() ? "" : ", ") + report::integer(lang, static_cast<std::int64_t>(exact)) + " " +
                     levels[i].label().in(lang);
    }
    c.unknown = n - std::min(n, placed);
    if (c.unknown)
        words += (words.empty() ? "" : ", ") + report::integer(lang, static_cast<std::int64_t>(c.unknown)) + " " +
                 std::string(tr(lang, "w_none"));
    c.words = placed ? words : report::fill(tr(lang, "no_figures"), {report::integer(lang, static_cast<std::int64_t>(n))});
}

}  // namespace

const std::vector<std::string>& report_sections() { return all_sections; }

std::string reason_in_words(const Reason& reason, const View& view, std::string_view language) {
    return report::describe_reason(reason, view, language);
}

Report build_report(const View& view, const Evaluation& evaluation, const ReportOptions& options,
                    const Changes* changes, const std::vector<Contact>& contacts) {
    if (options.language != "nl" && options.language != "en")
        throw Error(Errc::invalid, "language", "expected \"nl\" or \"en\", got \"" + options.language + "\"");
    for (const auto& s : options.sections)
        if (std::find(all_sections.begin(), all_sections.end(), s) == all_sections.end())
            throw Error(Errc::invalid, "sections",
                        "unknown section \"" + s +
                            "\"; expected summary, overview, decisions, signals, changes, actions or monitoring");
    const std::string& lang = options.language;
    Builder b(view, evaluation, options);
    Report r;
    r.language = lang;
    for (const auto& s : all_sections)
        if (options.sections.empty() ||
            std::find(options.sections.begin(), options.sections.end(), s) != options.sections.end())
            r.sections.push_back(s);
    const std::string* meta_title = meta_text(view, "title");
    r.title = !options.title.empty() ? options.title : meta_title ? *meta_title : std::string(tr(lang, "default_title"));
    r.as_of = view.as_of();
    r.as_of_text = report::long_date(lang, view.as_of());
    if (meta_flag(view, "as_of_inferred"))
        if (const std::string* note = meta_text(view, "as_of_note")) r.as_of_note = *note;
    const Meeting* meeting = nullptr;
    if (!options.meeting.empty()) {
        for (const auto& m : view.meetings())
            if (m.key() == options.meeting) meeting = &m;
        if (!meeting) throw Error(Errc::not_found, "meeting", "unknown meeting \"" + options.meeting + "\"");
    } else {
        for (const auto& m : view.meetings())
            if (m.date() <= view.as_of()) meeting = &m;
    }
    if (meeting) {
        r.meeting = meeting->key();
        r.meeting_title = meeting->title();
        r.meeting_date = meeting->date();
    }
    r.filter = options.filter;

    std::vector<const ActionPoint*> selected;
    if (options.filter.empty())
        for (const auto& a : view.actions()) selected.push_back(&a);
    else
        selected = Filter::parse(options.filter, "filter", &view).select(view);
    std::set<std::string, std::less<>> chosen;
    for (const auto* a : selected) chosen.insert(a->key());

    // The overview's columns: every province or COROP region a selected action's scope
    // or state of affairs names, directly or through a municipality. Without the
    // overview section there are none, and no cells are built.
    if (std::find(r.sections.begin(), r.sections.end(), "overview") != r.sections.end()) {
        std::set<std::string, std::less<>> named;
        for (const auto* a : selected) {
            for (const auto& code : a->scope()) named.insert(b.column_of(code));
            for (const StatusUpdate* s : view.statuses_of(a->key())) named.insert(b.column_of(s->scope()));
        }
        for (const auto& reg : view.regions())
            if (reg.kind() != RegionKind::municipality && named.count(reg.code()))
                r.columns.push_back({reg.code(), reg.name(), std::string(to_string(reg.kind()))});
        b.set_columns(r.columns);
    }

    // Themes, actions and the summary table.
    r.summary.categories = categories;
    for (const auto& c : categories) r.summary.category_labels.emplace_back(tr(lang, c));
    for (const auto& theme : view.themes()) {
        ReportTheme t{theme.key(), theme.label().in(lang), {}};
        ReportSummaryRow row{theme.key(), t.label, std::vector<std::size_t>(categories.size(), 0)};
        for (const auto* a : selected) {
            if (a->theme() != theme.key()) continue;
            t.actions.push_back(b.action(*a, r.columns));
            const auto& ra = t.actions.back();
            const auto c = std::find(categories.begin(), categories.end(), ra.category.empty() ? "none" : ra.category);
            ++row.counts[static_cast<std::size_t>(c - categories.begin())];
            ++r.summary.actions;
            for (const auto& s : ra.scopes)
                if (!s.state.empty()) ++r.summary.statuses;
            for (std::size_t i = 0; i < 4; ++i)
                if (ra.rag == to_string(static_cast<Rag>(i))) ++r.summary.rag[i];
        }
        r.summary.themes.push_back(std::move(row));
        r.themes.push_back(std::move(t));
    }

    for (const auto& p : view.proposals())
        if (p.state() == ProposalState::open && chosen.count(p.action())) r.decisions.push_back(b.proposal(p));
    r.summary.open_proposals = r.decisions.size();

    for (const Severity sev : {Severity::alert, Severity::warning, Severity::info})
        for (const auto& f : evaluation.findings) {
            if (f.severity != sev || (!f.action.empty() && !chosen.count(f.action))) continue;
            ReportFinding rf;
            rf.rule = f.rule;
            rf.severity = std::string(to_string(f.severity));
            rf.severity_label = std::string(tr(lang, rf.severity));
            rf.action = f.action;
            if (!f.action.empty()) rf.action_title = b.action_title(f.action);
            rf.region = f.region;
            if (!f.region.empty()) rf.region_name = b.region_name(f.region);
            rf.message = f.message;
            rf.reasons = f.reasons;
            for (const auto& reason : f.reasons) rf.reason_words.push_back(report::describe_reason(reason, view, lang));
            r.signals.push_back(std::move(rf));
            ++r.summary.findings[static_cast<std::size_t>(sev)];
        }

    if (changes) {
        r.changes_from = changes->from;
        b.changes(*changes, r.changes);
    }

    for (const auto& ind : view.indicators()) {
        if (ind.kind() != IndicatorKind::ordinal || ind.levels().size() < 2) continue;
        for (const auto& reg : view.regions()) {
            if (reg.kind() != RegionKind::corop) continue;
            const auto& top = ind.levels().back();
            ReportCoverage c;
            c.indicator = ind.key();
            c.indicator_label = ind.label().in(lang);
            c.region = reg.code();
            c.region_name = reg.name();
            c.level_label = top.label().in(lang);
            c.rollup = view.rollup(ind.key(), reg.code(), top.key());
            if (!c.rollup.municipalities) continue;
            fill_levels(view, ind, reg.code(), lang, c);
            r.coverage.push_back(std::move(c));
        }
    }
    for (const auto& o : view.observations()) r.monitoring.push_back(b.observation(o));

    if (options.include_contacts)
        for (const auto& c : contacts)
            r.contacts.push_back({c.municipality(), b.region_name(c.municipality()), c.role(), c.name(), c.email()});
    return r;
}

}  // namespace actielijst
