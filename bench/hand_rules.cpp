#include "hand_rules.hpp"

#include <actielijst/progress_state.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bench::hand {
namespace {

using namespace actielijst;

// ---- rendering (docs/rules.md, "Messages") ----------------------------------------

void append(std::string& s, std::int64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    s.append(buf, r.ptr);
}

void append(std::string& s, double x) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    s.append(buf, r.ptr);
}

void append(std::string& s, const Date& d) { s += d.iso(); }

void append_list(std::string& s, const std::vector<std::string_view>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) s += ", ";
        s += items[i];
    }
}

/// "since_update is 412 days (last_update 2023-01-31, as_of 2024-03-18)"
Reason duration_reason(std::string expression, std::string_view field, std::int64_t days, std::string_view from_name,
                       const Date& from, std::string_view to_name, const Date& to) {
    Reason r{std::move(expression), std::string(field)};
    r.detail += " is ";
    append(r.detail, days);
    r.detail += " days (";
    r.detail += from_name;
    r.detail += ' ';
    append(r.detail, from);
    r.detail += ", ";
    r.detail += to_name;
    r.detail += ' ';
    append(r.detail, to);
    r.detail += ')';
    return r;
}

Reason number_reason(std::string expression, std::string_view field, std::int64_t n) {
    Reason r{std::move(expression), std::string(field)};
    r.detail += " is ";
    append(r.detail, n);
    return r;
}

Reason bool_reason(std::string expression, std::string_view field, bool value, std::string_view context = {}) {
    Reason r{std::move(expression), std::string(field)};
    r.detail += value ? " is true" : " is false";
    if (!context.empty()) {
        r.detail += " (";
        r.detail += context;
        r.detail += ')';
    }
    return r;
}

// ---- the View, indexed once ----------------------------------------------------------

constexpr std::size_t no_index = std::numeric_limits<std::size_t>::max();

struct ActionFacts {
    std::size_t first_status = 0, end_status = 0;  // into Index::by_action
    bool not_started = true;
    bool all_closed = false;
    std::int64_t open_proposals = 0, adopted_proposals = 0, agenda_count = 0;
};

struct Index {
    const View& view;
    std::int64_t today;
    std::unordered_map<std::string_view, std::size_t> regions, actions;
    std::unordered_map<std::string_view, const ProgressState*> states;
    std::vector<std::int64_t> meeting_days;  // sorted
    std::unordered_map<std::string_view, std::int64_t> meeting_day;
    /// Statuses grouped by action (indexes into view.statuses()), with their categories.
    std::vector<std::size_t> by_action;
    std::vector<StateCategory> category;  // per view.statuses() index
    std::vector<ActionFacts> facts;
    std::vector<std::size_t> display;  // action indexes in theme order, then View order

    explicit Index(const View& v) : view(v), today(v.as_of().days()) {
        const auto& rs = v.regions();
        regions.reserve(rs.size() * 2);
        for (std::size_t i = 0; i < rs.size(); ++i) regions.emplace(rs[i].code(), i);
        for (const auto& s : v.states()) states.emplace(s.key(), &s);
        for (const auto& m : v.meetings()) {
            meeting_days.push_back(m.date().days());
            meeting_day.emplace(m.key(), m.date().days());
        }
        std::sort(meeting_days.begin(), meeting_days.end());
        const auto& as = v.actions();
        actions.reserve(as.size() * 2);
        for (std::size_t i = 0; i < as.size(); ++i) actions.emplace(as[i].key(), i);
        facts.resize(as.size());

        // Group the statuses by action: a counting sort, keeping their order.
        const auto& st = v.statuses();
        std::vector<std::size_t> owner(st.size());
        category.resize(st.size());
        std::vector<std::size_t> counts(as.size() + 1, 0);
        std::string_view last_key;
        std::size_t last = no_index;
        for (std::size_t k = 0; k < st.size(); ++k) {
            if (last == no_index || st[k].action() != last_key) {
                last_key = st[k].action();
                last = actions.find(last_key)->second;
            }
            owner[k] = last;
            ++counts[last + 1];
            category[k] = states.find(st[k].state())->second->category();
        }
        for (std::size_t a = 0; a < as.size(); ++a) {
            counts[a + 1] += counts[a];
            facts[a].first_status = counts[a];
            facts[a].end_status = counts[a + 1];
        }
        by_action.resize(st.size());
        for (std::size_t k = 0; k < st.size(); ++k) by_action[counts[owner[k]]++] = k;

        for (auto& f : facts) {
            bool any = false, all_todo = true, all_closed = true;
            for (std::size_t k = f.first_status; k < f.end_status; ++k) {
                const auto c = category[by_action[k]];
                any = true;
                all_todo = all_todo && c == StateCategory::todo;
                all_closed = all_closed && (c == StateCategory::done || c == StateCategory::dropped);
            }
            f.not_started = !any || all_todo;
            f.all_closed = any && all_closed;
        }
        for (const auto& p : v.proposals()) {
            auto& f = facts[actions.find(p.action())->second];
            if (p.state() == ProposalState::adopted) ++f.adopted_proposals;
            if (p.state() != ProposalState::open) continue;
            ++f.open_proposals;
            if (p.meeting().empty()) continue;
            // Meetings from the one it was tabled at (inclusive) up to as_of.
            const auto from = meeting_day.find(p.meeting())->second;
            const auto n = std::upper_bound(meeting_days.begin(), meeting_days.end(), today) -
                           std::lower_bound(meeting_days.begin(), meeting_days.end(), from);
            f.agenda_count = std::max<std::int64_t>(f.agenda_count, std::max<std::int64_t>(n, 0));
        }
        std::vector<std::size_t> theme_pos(as.size());
        std::unordered_map<std::string_view, std::size_t> themes;
        for (std::size_t t = 0; t < v.themes().size(); ++t) themes.emplace(v.themes()[t].key(), t);
        for (std::size_t a = 0; a < as.size(); ++a) theme_pos[a] = themes.find(as[a].theme())->second;
        display.resize(as.size());
        for (std::size_t a = 0; a < as.size(); ++a) display[a] = a;
        std::stable_sort(display.begin(), display.end(),
                         [&](std::size_t x, std::size_t y) { return theme_pos[x] < theme_pos[y]; });
    }

    /// Meetings held after `day`, up to as_of.
    std::int64_t meetings_after(std::int64_t day) const {
        const auto n = std::upper_bound(meeting_days.begin(), meeting_days.end(), today) -
                       std::upper_bound(meeting_days.begin(), meeting_days.end(), day);
        return std::max<std::int64_t>(n, 0);
    }
};

// ---- output ---------------------------------------------------------------------------

/// Findings per severity, each in action, scope and rule order; the per-action
/// findings of one action come before its per-scope findings.
struct Out {
    std::array<std::vector<Finding>, 3> action_findings;  // by Severity
    std::array<std::vector<std::size_t>, 3> action_of;     // parallel: the action index
    std::array<std::vector<Finding>, 3> region_findings;

    Finding& add(std::size_t action, const char* rule, Severity sev, RuleTarget target, const char* section,
                 const ActionPoint& a, std::string region, std::size_t reasons) {
        const auto s = static_cast<std::size_t>(sev);
        auto& f = action_findings[s].emplace_back();
        f.reasons.reserve(reasons);
        f.message.reserve(a.title().size() + 96);
        action_of[s].push_back(action);
        f.rule = rule;
        f.severity = sev;
        f.section = section;
        f.target = target;
        f.action = a.key();
        f.region = std::move(region);
        return f;
    }
};

constexpr const char* signals = "signals";
constexpr const char* decisions = "decisions";

void per_action(const Index& ix, std::size_t ai, Out& out, std::vector<std::string_view>& scratch) {
    const View& v = ix.view;
    const auto& a = v.actions()[ai];
    const auto& f = ix.facts[ai];
    const Date& as_of = v.as_of();

    // overdue: not all_closed and past_due > 0d
    // due_soon: not all_closed and until_due >= 0d and until_due <= 30d
    if (a.due() && !f.all_closed) {
        const std::int64_t past_due = ix.today - a.due()->days();
        if (past_due > 0) {
            auto& x = out.add(ai, "overdue", Severity::alert, RuleTarget::action, signals, a, {}, 2);
            x.message = a.title();
            x.message += " is over de deadline van ";
            append(x.message, *a.due());
            x.message += " (";
            append(x.message, past_due);
            x.message += " dagen)";
            x.reasons.push_back(bool_reason("all_closed", "all_closed", false));
            x.reasons.push_back(duration_reason("past_due > 0d", "past_due", past_due, "due", *a.due(), "as_of", as_of));
        }
        const std::int64_t until_due = -past_due;
        if (until_due >= 0 && until_due <= 30) {
            auto& x = out.add(ai, "due_soon", Severity::warning, RuleTarget::action, signals, a, {}, 3);
            x.message = a.title();
            x.message += ": deadline ";
            append(x.message, *a.due());
            x.message += " over ";
            append(x.message, until_due);
            x.message += " dagen";
            x.reasons.push_back(bool_reason("all_closed", "all_closed", false));
            x.reasons.push_back(
                duration_reason("until_due >= 0d", "until_due", until_due, "due", *a.due(), "as_of", as_of));
            x.reasons.push_back(
                duration_reason("until_due <= 30d", "until_due", until_due, "due", *a.due(), "as_of", as_of));
        }
    }
    // deadline_moved: due_moves >= 2
    if (const auto moves = v.due_moves(a.key()); moves >= 2) {
        auto& x = out.add(ai, "deadline_moved", Severity::warning, RuleTarget::action, signals, a, {}, 1);
        x.message = "De deadline van ";
        x.message += a.title();
        x.message += " is ";
        append(x.message, std::int64_t{moves});
        x.message += " keer verschoven (nu ";
        if (a.due())
            append(x.message, *a.due());
        else
            x.message += "—";
        x.message += ')';
        x.reasons.push_back(number_reason("due_moves >= 2", "due_moves", moves));
    }
    // decision_needed: open_proposals > 0
    if (f.open_proposals > 0) {
        auto& x = out.add(ai, "decision_needed", Severity::warning, RuleTarget::action, decisions, a, {}, 1);
        x.message = a.title();
        x.message += ": ";
        append(x.message, f.open_proposals);
        x.message += " voorstel(len) ter besluitvorming";
        x.reasons.push_back(number_reason("open_proposals > 0", "open_proposals", f.open_proposals));
    }
    // decision_postponed: agenda_count >= 3
    if (f.agenda_count >= 3) {
        auto& x = out.add(ai, "decision_postponed", Severity::alert, RuleTarget::action, decisions, a, {}, 1);
        x.message = a.title();
        x.message += ": een voorstel staat al ";
        append(x.message, f.agenda_count);
        x.message += " vergaderingen op de agenda zonder besluit";
        x.reasons.push_back(number_reason("agenda_count >= 3", "agenda_count", f.agenda_count));
    }
    // dangling_reference: count(dangling_refs) > 0
    // reference_to_closed: not all_closed and count(closed_refs) > 0
    if (!a.see_also().empty()) {
        scratch.clear();
        for (const auto& r : a.see_also())
            if (!ix.actions.contains(r)) scratch.push_back(r);
        if (!scratch.empty()) {
            auto& x = out.add(ai, "dangling_reference", Severity::warning, RuleTarget::action, signals, a, {}, 1);
            x.message = a.title();
            x.message += " verwijst naar onbekende actiepunten: ";
            append_list(x.message, scratch);
            x.reasons.push_back(number_reason("count(dangling_refs) > 0", "count(dangling_refs)",
                                              static_cast<std::int64_t>(scratch.size())));
        }
        if (!f.all_closed) {
            scratch.clear();
            for (const auto& r : a.see_also())
                if (const auto it = ix.actions.find(r); it != ix.actions.end() && ix.facts[it->second].all_closed)
                    scratch.push_back(r);
            if (!scratch.empty()) {
                auto& x = out.add(ai, "reference_to_closed", Severity::info, RuleTarget::action, signals, a, {}, 2);
                x.message = a.title();
                x.message += " verwijst naar afgesloten actiepunten: ";
                append_list(x.message, scratch);
                x.reasons.push_back(bool_reason("all_closed", "all_closed", false));
                x.reasons.push_back(number_reason("count(closed_refs) > 0", "count(closed_refs)",
                                                  static_cast<std::int64_t>(scratch.size())));
            }
        }
    }
}

void per_scope(const Index& ix, std::size_t ai, Out& out, std::vector<const StatusUpdate*>& slot,
               std::vector<StateCategory>& cat, std::vector<char>& in_scope) {
    const View& v = ix.view;
    const auto& a = v.actions()[ai];
    const auto& f = ix.facts[ai];
    const Date& as_of = v.as_of();
    const auto& regions = v.regions();
    for (const auto& s : a.scope()) in_scope[ix.regions.find(s)->second] = 1;
    for (std::size_t k = f.first_status; k < f.end_status; ++k) {
        const auto si = ix.by_action[k];
        const auto& st = v.statuses()[si];
        const auto r = ix.regions.find(st.scope())->second;
        slot[r] = &st;
        cat[r] = ix.category[si];
    }
    for (std::size_t r = 0; r < regions.size(); ++r) {
        const StatusUpdate* st = slot[r];
        if (!st && !in_scope[r]) continue;
        const auto& region = regions[r];
        if (st) {
            const auto c = cat[r];
            const bool closed = c == StateCategory::done || c == StateCategory::dropped;
            const auto since = ix.today - st->as_of().days();
            // stalled: state_category = "blocked"
            if (c == StateCategory::blocked) {
                auto& x = out.add(ai, "stalled", Severity::alert, RuleTarget::scope, signals, a, region.code(), 1);
                x.message = a.title();
                x.message += " stagneert in ";
                x.message += region.name();
                x.message += ": ";
                x.message += st->text();
                Reason rs{"state_category = \"blocked\"", "state_category is \"blocked\" (state \""};
                rs.detail += st->state();
                rs.detail += "\", ";
                append(rs.detail, st->as_of());
                rs.detail += ')';
                x.reasons.push_back(std::move(rs));
            }
            // stale_state_of_affairs: not closed and since_update > 180d
            if (!closed && since > 180) {
                auto& x = out.add(ai, "stale_state_of_affairs", Severity::warning, RuleTarget::scope, signals, a,
                                  region.code(), 2);
                x.message = "De stand van zaken van ";
                x.message += a.title();
                x.message += " in ";
                x.message += region.name();
                x.message += " is van ";
                append(x.message, st->as_of());
                x.message += " (";
                append(x.message, since);
                x.message += " dagen oud)";
                x.reasons.push_back(bool_reason("closed", "closed", false, "state \"" + st->state() + "\""));
                x.reasons.push_back(
                    duration_reason("since_update > 180d", "since_update", since, "last_update", st->as_of(), "as_of", as_of));
            }
            // unchanged_for_meetings: not closed and meetings_unchanged >= 3
            if (!closed) {
                const auto unchanged = ix.meetings_after(st->as_of().days());
                if (unchanged >= 3) {
                    auto& x = out.add(ai, "unchanged_for_meetings", Severity::warning, RuleTarget::scope, signals, a,
                                      region.code(), 2);
                    x.message = a.title();
                    x.message += " in ";
                    x.message += region.name();
                    x.message += ": stand van zaken ongewijzigd sinds ";
                    append(x.message, unchanged);
                    x.message += " vergaderingen";
                    x.reasons.push_back(bool_reason("closed", "closed", false, "state \"" + st->state() + "\""));
                    x.reasons.push_back(number_reason("meetings_unchanged >= 3", "meetings_unchanged", unchanged));
                }
            }
            // closed_without_decision: state_category = "dropped" and adopted_proposals = 0
            if (c == StateCategory::dropped && f.adopted_proposals == 0) {
                auto& x = out.add(ai, "closed_without_decision", Severity::info, RuleTarget::scope, signals, a,
                                  region.code(), 2);
                x.message = a.title();
                x.message += " is in ";
                x.message += region.name();
                x.message += " afgesloten als '";
                x.message += st->state();
                x.message += "' zonder besluit van de stuurgroep";
                Reason rs{"state_category = \"dropped\"", "state_category is \"dropped\" (state \""};
                rs.detail += st->state();
                rs.detail += "\", ";
                append(rs.detail, st->as_of());
                rs.detail += ')';
                x.reasons.push_back(std::move(rs));
                x.reasons.push_back(number_reason("adopted_proposals = 0", "adopted_proposals", 0));
            }
        } else {
            // missing_state_of_affairs: in_scope and state is not set (here in_scope holds)
            auto& x = out.add(ai, "missing_state_of_affairs", Severity::info, RuleTarget::scope, signals, a,
                              region.code(), 2);
            x.message = a.title();
            x.message += ": geen stand van zaken voor ";
            x.message += region.name();
            x.reasons.push_back(bool_reason("in_scope", "in_scope", true));
            x.reasons.push_back(Reason{"state is not set", "state is not set"});
        }
        slot[r] = nullptr;
        in_scope[r] = 0;
    }
}

/// Per-region facts the default rules need.
struct RegionFacts {
    std::int64_t municipalities = 0;
    std::optional<Date> stalest;
    std::optional<double> lowest_progress;
    std::vector<std::string_view> progress_unknown;
};

std::vector<RegionFacts> region_facts(const View& v) {
    const auto& regions = v.regions();
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t r = 0; r < regions.size(); ++r) index.emplace(regions[r].code(), r);
    // Every region's municipalities: walk up from each municipality.
    std::vector<std::vector<std::size_t>> members(regions.size());
    for (std::size_t m = 0; m < regions.size(); ++m) {
        if (regions[m].kind() != RegionKind::municipality) continue;
        for (std::size_t p = m;;) {
            members[p].push_back(m);
            if (regions[p].parent().empty()) break;
            p = index.find(regions[p].parent())->second;
        }
    }
    std::vector<RegionFacts> out(regions.size());
    for (std::size_t r = 0; r < regions.size(); ++r) out[r].municipalities = static_cast<std::int64_t>(members[r].size());
    for (const auto& o : v.observations()) {
        auto& s = out[index.find(o.region())->second].stalest;
        if (!s || o.as_of() < *s) s = o.as_of();
    }
    // Ordinal indicators observed somewhere, and which regions have data for each:
    // their own reported count, or an observation of a municipality in them.
    for (const auto& ind : v.indicators()) {
        if (ind.kind() != IndicatorKind::ordinal) continue;
        std::vector<char> own_count(regions.size(), 0), municipal(regions.size(), 0);
        bool observed = false;
        for (const auto& o : v.observations()) {
            if (o.indicator() != ind.key()) continue;
            observed = true;
            const auto r = index.find(o.region())->second;
            if (o.value().count) own_count[r] = 1;
            if (regions[r].kind() == RegionKind::municipality) municipal[r] = 1;
        }
        if (!observed) continue;
        const auto& second = ind.levels().at(1).key();
        for (std::size_t r = 0; r < regions.size(); ++r) {
            if (members[r].empty()) continue;
            bool data = own_count[r] != 0;
            for (const auto m : members[r]) data = data || municipal[m] != 0;
            auto& f = out[r];
            if (!data) {
                f.progress_unknown.push_back(ind.key());
                continue;
            }
            const auto roll = v.rollup(ind.key(), regions[r].code(), second);
            if (roll.known == 0 && !roll.reported) continue;  // coverage unset
            const auto at_or_above = std::max<std::int64_t>(static_cast<std::int64_t>(roll.known_at_or_above),
                                                            roll.reported.value_or(0));
            const double coverage = static_cast<double>(at_or_above) / static_cast<double>(roll.municipalities);
            if (!f.lowest_progress || coverage < *f.lowest_progress) f.lowest_progress = coverage;
        }
    }
    return out;
}

void per_region(const View& v, Out& out) {
    const auto& regions = v.regions();
    const auto facts = region_facts(v);
    const std::int64_t today = v.as_of().days();
    for (std::size_t r = 0; r < regions.size(); ++r) {
        const auto& region = regions[r];
        const auto& f = facts[r];
        auto add = [&](const char* rule) -> Finding& {
            auto& x = out.region_findings[static_cast<std::size_t>(Severity::warning)].emplace_back();
            x.rule = rule;
            x.severity = Severity::warning;
            x.section = signals;
            x.target = RuleTarget::region;
            x.region = region.code();
            return x;
        };
        const bool corop = region.kind() == RegionKind::corop;
        // progress_unknown: region_kind = "corop" and count(progress_unknown) > 0
        if (corop && !f.progress_unknown.empty()) {
            auto& x = add("progress_unknown");
            x.message = region.name();
            x.message += ": geen voortgang bekend voor ";
            append_list(x.message, f.progress_unknown);
            x.reasons.push_back(Reason{"region_kind = \"corop\"", "region_kind is \"corop\""});
            x.reasons.push_back(number_reason("count(progress_unknown) > 0", "count(progress_unknown)",
                                              static_cast<std::int64_t>(f.progress_unknown.size())));
        }
        // low_progress: region_kind = "corop" and lowest_progress < 50%
        if (corop && f.lowest_progress && *f.lowest_progress < 0.5) {
            auto& x = add("low_progress");
            x.message = region.name();
            x.message += ": bij minder dan de helft van de ";
            append(x.message, f.municipalities);
            x.message += " gemeenten is voortgang bekend";
            x.reasons.push_back(Reason{"region_kind = \"corop\"", "region_kind is \"corop\""});
            Reason rs{"lowest_progress < 50%", "lowest_progress is "};
            append(rs.detail, *f.lowest_progress);
            x.reasons.push_back(std::move(rs));
        }
        // stale_monitoring: observation_age > 1y
        if (f.stalest && today - f.stalest->days() > 365) {
            const auto age = today - f.stalest->days();
            auto& x = add("stale_monitoring");
            x.message = region.name();
            x.message += ": de monitoringscijfers zijn van ";
            append(x.message, *f.stalest);
            x.message += " (";
            append(x.message, age);
            x.message += " dagen oud)";
            x.reasons.push_back(duration_reason("observation_age > 1y", "observation_age", age, "stalest_observation",
                                                *f.stalest, "as_of", v.as_of()));
        }
    }
}

}  // namespace

Targets targets(const View& view) {
    Targets t;
    t.actions = view.actions().size();
    t.regions = view.regions().size();
    // (action, region) pairs: the declared scope plus the regions with a state of affairs.
    std::unordered_map<std::string_view, std::vector<std::string_view>> extra;
    for (const auto& s : view.statuses()) extra[s.action()].push_back(s.scope());
    for (const auto& a : view.actions()) {
        t.pairs += a.scope().size();
        if (const auto it = extra.find(a.key()); it != extra.end())
            for (const auto& r : it->second)
                if (std::find(a.scope().begin(), a.scope().end(), r) == a.scope().end()) ++t.pairs;
    }
    return t;
}

Evaluation evaluate_default_rules(const View& view) {
    const Index ix(view);
    Out out;
    std::vector<const StatusUpdate*> slot(view.regions().size(), nullptr);
    std::vector<StateCategory> cat(view.regions().size(), StateCategory::todo);
    std::vector<char> in_scope(view.regions().size(), 0);
    std::vector<std::string_view> scratch;
    for (const auto ai : ix.display) {
        per_action(ix, ai, out, scratch);
        per_scope(ix, ai, out, slot, cat, in_scope);
    }
    per_region(view, out);

    Evaluation e;
    e.as_of = view.as_of();
    std::size_t total = 0;
    for (std::size_t s = 0; s < 3; ++s) total += out.action_findings[s].size() + out.region_findings[s].size();
    e.findings.reserve(total);
    std::vector<std::size_t> action_of;  // per finding; no_index for per-region findings
    action_of.reserve(total);
    for (std::size_t s = 3; s-- > 0;) {
        for (auto& f : out.action_findings[s]) e.findings.push_back(std::move(f));
        action_of.insert(action_of.end(), out.action_of[s].begin(), out.action_of[s].end());
        for (auto& f : out.region_findings[s]) e.findings.push_back(std::move(f));
        action_of.insert(action_of.end(), out.region_findings[s].size(), no_index);
    }

    // RAG: grey when not_started or all_closed; otherwise red at alert, amber at warning.
    const auto& actions = view.actions();
    std::vector<int> worst(actions.size(), -1);
    for (std::size_t k = 0; k < e.findings.size(); ++k)
        if (action_of[k] != no_index)
            worst[action_of[k]] = std::max(worst[action_of[k]], static_cast<int>(e.findings[k].severity));
    e.statuses.resize(actions.size());
    for (std::size_t a = 0; a < actions.size(); ++a) {
        auto& s = e.statuses[a];
        s.action = actions[a].key();
        const auto& f = ix.facts[a];
        if (f.not_started || f.all_closed) {
            s.rag = Rag::grey;
            if (f.not_started) s.reasons.push_back(bool_reason("not_started", "not_started", true));
            if (f.all_closed) s.reasons.push_back(bool_reason("all_closed", "all_closed", true));
        } else if (worst[a] >= static_cast<int>(Severity::alert)) {
            s.rag = Rag::red;
        } else if (worst[a] >= static_cast<int>(Severity::warning)) {
            s.rag = Rag::amber;
        } else {
            s.rag = Rag::green;
        }
        if (s.rag == Rag::grey || s.rag == Rag::green) worst[a] = 99;  // no findings listed
    }
    for (std::size_t k = 0; k < e.findings.size(); ++k) {
        const auto a = action_of[k];
        if (a != no_index && static_cast<int>(e.findings[k].severity) >= worst[a]) e.statuses[a].findings.push_back(k);
    }
    return e;
}

}  // namespace bench::hand
