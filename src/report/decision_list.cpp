// build_decision_list: the list after a meeting, gathered from diff(before, after)
// and from the later picture, with every label resolved in the list's language.
#include <actielijst/changes.hpp>
#include <actielijst/decision_list.hpp>
#include <actielijst/output.hpp>
#include <actielijst/store.hpp>

#include "report/decision_list_text.hpp"
#include "report/i18n.hpp"
#include "report/stream.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

namespace actielijst {
namespace decision_list {
namespace {

struct Phrase {
    std::string_view key, nl, en;
};

// Keep sorted by key: looked up by binary search.
constexpr Phrase phrases[] = {
    {"action", "Actiepunt", "Action point"},
    {"actions_added", "Nieuwe actiepunten", "New action points"},
    {"actions_closed", "Afgesloten actiepunten", "Closed action points"},
    {"added", "nieuw", "added"},
    {"adopted", "aangenomen", "adopted"},
    {"at_meeting", "in deze vergadering", "at this meeting"},
    {"between", "tussen de vergaderingen", "between the meetings"},
    {"closed", "afgesloten", "closed"},
    {"consensus", "Consensus", "Consensus"},
    {"date", "Datum", "Date"},
    {"deadlines_moved", "Nieuwe deadlines", "New deadlines"},
    {"decision", "Besluit", "Decision"},
    {"decisions", "Genomen besluiten", "Decisions taken"},
    {"default_title", "Besluitenlijst", "Decision list"},
    {"due", "Deadline nadert", "Due soon"},
    {"due_date", "Deadline", "Due"},
    {"due_on", "deadline {}", "due {}"},
    {"footer", "Opgesteld uit de historie van de actielijst tussen twee vergaderingen.",
     "Compiled from the history of the action list between two meetings."},
    {"from", "Was", "Was"},
    {"goal", "Doel", "Goal"},
    {"item", "Onderdeel", "Section"},
    {"key", "Sleutel", "Key"},
    {"kind", "Soort", "Kind"},
    {"lead", "trekker", "lead"},
    {"meeting", "Vergadering", "Meeting"},
    {"moved", "verschoven", "moved"},
    {"moved_times", "{} keer verschoven", "moved {} times"},
    {"moves", "Verschoven", "Moves"},
    {"new_deadline", "nieuwe deadline", "new deadline"},
    {"no_due", "geen", "none"},
    {"no_previous", "Geen eerdere vergadering: de lijst bevat alles tot en met deze vergadering.",
     "No earlier meeting: the list holds everything up to and including this meeting."},
    {"none_actions_added", "Er zijn geen actiepunten toegevoegd.", "No action points were added."},
    {"none_actions_closed", "Er zijn geen actiepunten afgesloten.", "No action points were closed."},
    {"none_deadlines_moved", "Er zijn geen deadlines gewijzigd.", "No deadlines changed."},
    {"none_decisions", "Er zijn geen besluiten genomen.", "No decisions were taken."},
    {"none_open_items", "Er staat niets open.", "Nothing is open."},
    {"none_tabled", "Er zijn geen nieuwe voorstellen ingebracht.", "No new proposals were tabled."},
    {"open", "open", "open"},
    {"open_items", "Openstaand voor de volgende vergadering", "Open for the next meeting"},
    {"overdue", "Deadline verstreken", "Overdue"},
    {"owners", "Betrokken", "Involved"},
    {"period", "Wijzigingen na {} tot en met {}.", "Changes after {} up to and including {}."},
    {"previous", "Vorige vergadering", "Previous meeting"},
    {"proposal", "Voorstel", "Proposal"},
    {"proposal_open", "Open voorstel", "Open proposal"},
    {"regions", "Regio's", "Regions"},
    {"rejected", "verworpen", "rejected"},
    {"removed", "van de lijst gehaald", "taken off the list"},
    {"reopened", "opnieuw open", "re-opened"},
    {"stalled", "Vastgelopen", "Stalled"},
    {"state", "Stand", "State"},
    {"support", "ondersteunend", "support"},
    {"tabled", "Ingebrachte voorstellen", "Proposals tabled"},
    {"tabled_kind", "ingebracht", "tabled"},
    {"text", "Toelichting", "Details"},
    {"theme", "Thema", "Theme"},
    {"title", "Titel", "Title"},
    {"to", "Wordt", "Now"},
    {"withdrawn", "ingetrokken", "withdrawn"},
};

static_assert(std::is_sorted(std::begin(phrases), std::end(phrases),
                             [](const Phrase& a, const Phrase& b) { return a.key < b.key; }),
              "phrases must be sorted by key");

}  // namespace

std::string_view text(std::string_view language, std::string_view key) noexcept {
    const auto it = std::lower_bound(std::begin(phrases), std::end(phrases), key,
                                     [](const Phrase& p, std::string_view k) { return p.key < k; });
    if (it == std::end(phrases) || it->key != key) return key;
    return language == "en" ? it->en : it->nl;
}

}  // namespace decision_list

namespace {

using decision_list::text;

class Builder {
public:
    Builder(const View& after, const std::string& lang) : view_(after), lang_(lang) {
        for (const auto& a : after.actions()) ++titles_[a.title()];
    }

    /// The title, with the key in brackets where another action of the list has the
    /// same title, as the report refers to actions.
    std::string reference(const std::string& key, const std::string& title) const {
        const auto it = titles_.find(title);
        return it != titles_.end() && it->second > 1 ? title + " (" + key + ")" : title;
    }

    std::string tr(std::string_view key) const { return std::string(text(lang_, key)); }

    std::string action_title(const std::string& key, const View* other = nullptr) const {
        if (const ActionPoint* a = view_.action(key)) return reference(key, a->title());
        if (other)
            if (const ActionPoint* a = other->action(key)) return reference(key, a->title());
        if (const ReferencedAction* r = view_.referenced(key)) return r->title;
        return key;
    }
    std::string theme_label(const std::string& key) const {
        const Theme* t = view_.theme(key);
        return t ? t->label().in(lang_) : key;
    }
    std::string region_name(const std::string& code) const {
        const Region* r = view_.region(code);
        return r ? r->name() : code;
    }
    std::string state_label(const View& v, const std::string& key) const {
        const ProgressState* s = v.state(key);
        return s ? s->label().in(lang_) : key;
    }
    std::string meeting_title(const std::string& key) const {
        for (const auto& m : view_.meetings())
            if (m.key() == key) return m.title();
        return {};
    }

    DecisionListProposal proposal(const Proposal& p, bool decided, const std::string& meeting, const View& other) const {
        DecisionListProposal r;
        r.key = p.key();
        r.action = p.action();
        r.action_title = action_title(p.action(), &other);
        r.kind = std::string(to_string(p.kind()));
        r.kind_label = tr(r.kind);
        r.state = std::string(to_string(p.state()));
        r.state_label = tr(r.state);
        r.text = p.text();
        if (decided) {
            r.decision = p.decision();
            r.date = p.decided();
            r.meeting = p.decided_meeting();
        } else {
            r.date = p.tabled();
            r.meeting = p.meeting();
        }
        r.meeting_title = meeting_title(r.meeting);
        r.at_meeting = !r.meeting.empty() && r.meeting == meeting;
        return r;
    }

    /// Whether every scope of `a` (or, without scopes, every status it has, at least
    /// one) is in a done or dropped state in `v`.
    static bool closed(const View& v, const ActionPoint& a) {
        const auto is_closed = [&](const StatusUpdate* s) {
            const ProgressState* st = s ? v.state(s->state()) : nullptr;
            return st && st->closed();
        };
        const auto statuses = v.statuses_of(a.key());
        if (statuses.empty()) return false;
        for (const auto& code : a.scope())
            if (!is_closed(v.status(a.key(), code))) return false;
        return std::all_of(statuses.begin(), statuses.end(), is_closed);
    }

    DecisionListAction action(const View& v, const ActionPoint& a, std::string reason) const {
        DecisionListAction r;
        r.key = a.key();
        r.theme = a.theme();
        r.theme_label = theme_label(a.theme());
        r.title = a.title();
        r.goal = a.goal();
        for (const auto& o : a.owners()) (o.role() == OwnerRole::lead ? r.leads : r.supports).push_back(o.name());
        r.due = a.due();
        r.reason_label = tr(reason);
        r.reason = std::move(reason);
        if (r.reason == "removed") return r;
        std::vector<std::string> labels;
        const StatusUpdate* latest = nullptr;
        for (const StatusUpdate* s : v.statuses_of(a.key())) {
            auto label = state_label(v, s->state());
            if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(std::move(label));
            if (!latest || latest->as_of() < s->as_of()) latest = s;
        }
        for (const auto& l : labels) r.state_label += (r.state_label.empty() ? "" : ", ") + l;
        if (latest) {
            r.as_of = latest->as_of();
            r.text = latest->text();
        }
        return r;
    }

private:
    const View& view_;
    const std::string& lang_;
    std::map<std::string, std::size_t, std::less<>> titles_;
};

const std::string* meta_text(const View& view, std::string_view key) {
    for (const auto& m : view.meta())
        if (m.key == key)
            if (const auto* t = std::get_if<std::string>(&m.value)) return t;
    return nullptr;
}

void check_options(const DecisionListOptions& options) {
    if (options.language != "nl" && options.language != "en")
        throw Error(Errc::invalid, "language", "expected \"nl\" or \"en\", got \"" + options.language + "\"");
    if (options.due_within_days < 0)
        throw Error(Errc::invalid, "due_within_days",
                    "expected 0 or more, got " + std::to_string(options.due_within_days));
}

}  // namespace

DecisionList build_decision_list(const View& before, const View& after, const std::string& meeting_key,
                                 const DecisionListOptions& options) {
    check_options(options);
    const std::string& lang = options.language;
    const Meeting* meeting = nullptr;
    for (const auto& m : after.meetings())
        if (meeting_key.empty() || m.key() == meeting_key) meeting = &m;
    if (!meeting) {
        if (meeting_key.empty())
            throw Error(Errc::not_found, "meeting", "no meeting held on or before " + after.as_of().iso());
        throw Error(Errc::not_found, "meeting", "unknown meeting \"" + meeting_key + "\"");
    }
    const Meeting* previous = nullptr;
    for (const auto& m : after.meetings())
        if (m.date() < meeting->date() && (!previous || previous->date() <= m.date())) previous = &m;

    Builder b(after, lang);
    DecisionList r;
    r.language = lang;
    r.title = !options.title.empty() ? options.title : b.tr("default_title");
    if (const std::string* t = meta_text(after, "title")) r.list_title = *t;
    r.meeting = meeting->key();
    r.meeting_title = meeting->title();
    r.meeting_date = meeting->date();
    r.meeting_date_text = report::long_date(lang, meeting->date());
    if (previous) {
        r.previous_meeting = previous->key();
        r.previous_meeting_title = previous->title();
        r.previous_meeting_date = previous->date();
        r.from = before.as_of();
    }
    r.to = after.as_of();
    r.due_within_days = options.due_within_days;

    const Changes changes = diff(before, after);

    for (const auto& p : changes.proposals) {
        if (!p.after) continue;
        const Proposal& now = *p.after;
        if (now.state() != ProposalState::open) {
            const bool decided = !p.before || p.before->state() != now.state() || p.before->decided() != now.decided() ||
                                 p.before->decision() != now.decision();
            if (decided) r.decisions.push_back(b.proposal(now, true, r.meeting, before));
        } else if (!p.before || p.before->state() != ProposalState::open) {
            auto tabled = b.proposal(now, false, r.meeting, before);
            if (p.before) tabled.state_label = b.tr("reopened");
            r.tabled.push_back(std::move(tabled));
        }
    }

    std::vector<DecisionListAction> removed;
    for (const auto& a : changes.actions) {
        if (a.kind == ChangeKind::added && a.after) {
            r.actions_added.push_back(b.action(after, *a.after, "added"));
        } else if (a.kind == ChangeKind::removed && a.before) {
            if (!Builder::closed(before, *a.before)) removed.push_back(b.action(before, *a.before, "removed"));
        } else if (a.before && a.after && a.before->due() != a.after->due()) {
            r.deadlines_moved.push_back(DecisionListDeadline{a.key, b.theme_label(a.after->theme()), b.reference(a.key, a.after->title()),
                                                             a.before->due(), a.after->due(), after.due_moves(a.key)});
        }
    }
    // Closed: every scope done or dropped now, and not so before (or not on the list).
    for (const auto& a : after.actions()) {
        if (!Builder::closed(after, a)) continue;
        const ActionPoint* earlier = before.action(a.key());
        if (earlier && Builder::closed(before, *earlier)) continue;
        r.actions_closed.push_back(b.action(after, a, "closed"));
    }
    for (auto& a : removed) r.actions_closed.push_back(std::move(a));

    // Open for the next meeting: open proposals, then per action due and stalled.
    std::map<std::string, std::vector<const Proposal*>, std::less<>> open_of;
    for (const auto& p : after.proposals())
        if (p.state() == ProposalState::open) open_of[p.action()].push_back(&p);
    for (auto& [action, list] : open_of)
        std::sort(list.begin(), list.end(), [](const Proposal* x, const Proposal* y) { return x->key() < y->key(); });
    for (const auto& a : after.actions()) {
        const auto it = open_of.find(a.key());
        if (it == open_of.end()) continue;
        for (const Proposal* p : it->second) {
            DecisionListOpenItem item;
            item.kind = "proposal";
            item.kind_label = b.tr("proposal_open");
            item.key = p->key();
            item.action = a.key();
            item.action_title = b.action_title(a.key());
            item.text = p->text();
            r.open_items.push_back(std::move(item));
        }
    }
    const Date horizon = Date::from_days(meeting->date().days() + options.due_within_days);
    for (const auto& a : after.actions()) {
        if (Builder::closed(after, a)) continue;
        if (a.due() && *a.due() <= horizon) {
            DecisionListOpenItem item;
            item.kind = *a.due() < meeting->date() ? "overdue" : "due";
            item.kind_label = b.tr(item.kind);
            item.key = a.key();
            item.action = a.key();
            item.action_title = b.action_title(a.key());
            item.due = a.due();
            r.open_items.push_back(std::move(item));
        }
        DecisionListOpenItem stalled;
        for (const StatusUpdate* s : after.statuses_of(a.key())) {
            const ProgressState* st = after.state(s->state());
            if (!st || st->category() != StateCategory::blocked) continue;
            const auto name = b.region_name(s->scope());
            stalled.regions.push_back(name);
            stalled.text += (stalled.text.empty() ? "" : "\n") + name + ": " + b.state_label(after, s->state()) + " (" +
                            report::long_date(lang, s->as_of()) + ")";
        }
        if (!stalled.regions.empty()) {
            stalled.kind = "stalled";
            stalled.kind_label = b.tr("stalled");
            stalled.key = a.key();
            stalled.action = a.key();
            stalled.action_title = b.action_title(a.key());
            r.open_items.push_back(std::move(stalled));
        }
    }
    return r;
}

DecisionList build_decision_list(const Store& store, const std::string& meeting_key,
                                 const DecisionListOptions& options, std::optional<Date> as_of) {
    check_options(options);
    const auto meetings = store.meetings();
    const Meeting* meeting = nullptr;
    for (const auto& m : meetings)
        if (meeting_key.empty() ? (!as_of || m.date() <= *as_of) : m.key() == meeting_key) meeting = &m;
    if (!meeting) {
        if (!meeting_key.empty())
            throw Error(Errc::not_found, "meeting", "unknown meeting \"" + meeting_key + "\"");
        throw Error(Errc::not_found, "meeting",
                    as_of ? "no meeting held on or before " + as_of->iso() : std::string("the list has no meetings"));
    }
    const Meeting* previous = nullptr;
    for (const auto& m : meetings)
        if (m.date() < meeting->date()) previous = &m;  // meetings() is by date
    const View after = store.view(meeting->date());
    const View before = previous ? store.view(previous->date()) : View(ViewData{});
    return build_decision_list(before, after, meeting->key(), options);
}

void render_decision_list(const DecisionList& list, ReportFormat format, std::ostream& out) {
    switch (format) {
        case ReportFormat::html: return render_decision_list_html(list, out);
        case ReportFormat::markdown: return render_decision_list_markdown(list, out);
        case ReportFormat::csv: return render_decision_list_csv(list, out);
        case ReportFormat::json: return render_decision_list_json(list, out);
    }
    throw Error(Errc::invalid, "format", "unknown format");
}

std::string render_decision_list(const DecisionList& list, ReportFormat format) {
    return report::collect([&](std::ostream& out) { render_decision_list(list, format, out); });
}

void render_decision_list_file(const DecisionList& list, ReportFormat format, const std::string& path) {
    if (to_string(format) == "?") throw Error(Errc::invalid, "format", "unknown format");
    write_file(path, [&](std::ostream& out) { render_decision_list(list, format, out); });
}

}  // namespace actielijst
