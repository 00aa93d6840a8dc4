#include "report/reasons.hpp"

#include "report/i18n.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>

namespace actielijst::report {
namespace {

// ---- The phrase table ------------------------------------------------------------
// Every phrase in Dutch and English; "{}" is filled in turn (i18n.hpp, fill). Kept
// here rather than in i18n.cpp: these are the rules' words, not the report's.

struct Entry {
    std::string_view key, nl, en;
};

constexpr Entry phrases[] = {
    // states of affairs
    {"state_since", "stand van zaken {} sinds {}", "state of affairs {} since {}"},
    {"state", "stand van zaken {}", "state of affairs {}"},
    {"no_state", "geen stand van zaken", "no state of affairs"},
    {"no_state_yet", "nog geen stand van zaken", "no state of affairs yet"},
    {"closed", "afgesloten ({})", "closed ({})"},
    {"open", "nog open ({})", "still open ({})"},
    {"at_region", "{}: {}", "{}: {}"},
    {"last_update", "laatste stand van zaken van {}", "last state of affairs on {}"},
    {"quiet_gt", "meer dan {} geen nieuwe stand van zaken (laatste: {})",
     "no new state of affairs for more than {} (last: {})"},
    {"quiet_ge", "{} of langer geen nieuwe stand van zaken (laatste: {})",
     "no new state of affairs for {} or longer (last: {})"},
    {"fresh_lt", "minder dan {} geleden een nieuwe stand van zaken (laatste: {})",
     "a new state of affairs less than {} ago (last: {})"},
    {"fresh_le", "hoogstens {} geleden een nieuwe stand van zaken (laatste: {})",
     "a new state of affairs at most {} ago (last: {})"},
    {"quiet", "laatste stand van zaken {} geleden ({})", "last state of affairs {} ago ({})"},
    {"unchanged", "{} ongewijzigd", "unchanged for {}"},
    {"in_scope", "regio valt onder het actiepunt", "region in the action's scope"},
    {"not_in_scope", "regio valt niet onder het actiepunt", "region not in the action's scope"},
    {"not_started", "nog niet gestart", "not started"},
    {"started", "gestart", "started"},
    {"all_closed", "overal afgesloten", "closed everywhere"},
    {"not_all_closed", "nog niet overal afgesloten", "not closed everywhere"},
    {"somewhere", "stand van zaken {} in ten minste één regio", "state of affairs {} in at least one region"},
    {"nowhere", "stand van zaken {} in geen enkele regio", "state of affairs {} in no region"},
    {"category_somewhere", "categorie {} in ten minste één regio", "category {} in at least one region"},
    {"category_nowhere", "categorie {} in geen enkele regio", "category {} in no region"},
    // due dates
    {"overdue", "deadline {} verstreken ({})", "due date {} passed ({} ago)"},
    {"due_today", "deadline vandaag ({})", "due today ({})"},
    {"due_in", "deadline {} over {}", "due on {}, in {}"},
    {"due", "deadline {}", "due date {}"},
    {"no_due", "geen deadline", "no due date"},
    {"due_moved", "deadline {} keer verschoven", "due date moved {} times"},
    {"due_moved_once", "deadline 1 keer verschoven", "due date moved once"},
    {"due_never_moved", "deadline nooit verschoven", "due date never moved"},
    // proposals
    {"no_open_proposals", "geen open voorstellen", "no open proposals"},
    {"no_adopted_proposal", "geen aangenomen voorstel", "no adopted proposal"},
    {"on_agenda", "een voorstel staat al {} op de agenda", "a proposal on the agenda for {}"},
    {"on_agenda_since", "een voorstel staat al {} op de agenda (sinds {})",
     "a proposal on the agenda for {} (since {})"},
    // references
    {"dangling_one", "verwijst naar een onbekend actiepunt: {}", "refers to an unknown action: {}"},
    {"dangling_many", "verwijst naar {} onbekende actiepunten: {}", "refers to {} unknown actions: {}"},
    {"dangling_none", "geen verwijzingen naar onbekende actiepunten", "no references to unknown actions"},
    {"closed_ref_one", "verwijst naar een afgesloten actiepunt: {}", "refers to a closed action: {}"},
    {"closed_ref_many", "verwijst naar {} afgesloten actiepunten: {}", "refers to {} closed actions: {}"},
    {"closed_ref_none", "geen verwijzingen naar afgesloten actiepunten", "no references to closed actions"},
    {"see_also", "zie ook: {}", "see also: {}"},
    // owners, themes, regions
    {"owner", "{} is betrokken", "{} is involved"},
    {"not_owner", "{} is niet betrokken", "{} is not involved"},
    {"lead", "{} is trekker", "{} leads"},
    {"not_lead", "{} is geen trekker", "{} does not lead"},
    {"theme", "thema {}", "theme {}"},
    {"in_region", "ligt in {}", "lies in {}"},
    {"scope_has", "{} valt onder het actiepunt", "{} is in the action's scope"},
    {"scope_has_not", "{} valt niet onder het actiepunt", "{} is not in the action's scope"},
    {"province", "provincie", "province"},
    {"corop", "COROP-regio", "COROP region"},
    {"municipality", "gemeente", "municipality"},
    // monitoring
    {"figures_older", "monitoringscijfers ouder dan {} (van {})", "monitoring figures older than {} (from {})"},
    {"figures_as_old", "monitoringscijfers van {} of ouder (van {})", "monitoring figures {} old or older (from {})"},
    {"figures_age", "monitoringscijfers van {} ({} oud)", "monitoring figures from {} ({} old)"},
    {"no_figures", "geen monitoringscijfers", "no monitoring figures"},
    {"oldest_figure", "oudste monitoringscijfer van {}", "oldest monitoring figure from {}"},
    {"indicator_figures_older", "cijfers over {} ouder dan {} (van {})", "figures on {} older than {} (from {})"},
    {"indicator_figures", "cijfers over {} van {}", "figures on {} from {}"},
    {"indicator_no_figures", "geen cijfers over {}", "no figures on {}"},
    {"indicator_observed", "cijfers over {} bekend", "figures on {} known"},
    {"progress_unknown", "geen voortgang bekend voor {}", "no progress known for {}"},
    {"progress", "voortgang bij {} van de gemeenten", "progress in {} of the municipalities"},
    {"coverage", "{} bij {} van de gemeenten", "{} in {} of the municipalities"},
    {"at_or_above", "{} bij {}", "{} in {}"},
    {"labelled", "{}: {}", "{}: {}"},
    {"suffix", "{} ({})", "{} ({})"},
    // comparisons with a threshold
    {">", "meer dan {}", "more than {}"},
    {">=", "minstens {}", "at least {}"},
    {"<", "minder dan {}", "less than {}"},
    {"<=", "hoogstens {}", "at most {}"},
};

/// A noun in both languages, one and many.
struct Noun {
    std::string_view nl_one, nl_many, en_one, en_many;
};

constexpr Noun days_noun{"dag", "dagen", "day", "days"};
constexpr Noun weeks_noun{"week", "weken", "week", "weeks"};
constexpr Noun months_noun{"maand", "maanden", "month", "months"};
constexpr Noun years_noun{"jaar", "jaar", "year", "years"};
constexpr Noun meetings_noun{"vergadering", "vergaderingen", "meeting", "meetings"};
constexpr Noun open_proposals_noun{"open voorstel", "open voorstellen", "open proposal", "open proposals"};
constexpr Noun adopted_proposals_noun{"aangenomen voorstel", "aangenomen voorstellen", "adopted proposal",
                                      "adopted proposals"};
constexpr Noun statuses_noun{"stand van zaken", "standen van zaken", "state of affairs", "states of affairs"};
constexpr Noun regions_noun{"regio", "regio's", "region", "regions"};
constexpr Noun municipalities_noun{"gemeente", "gemeenten", "municipality", "municipalities"};
constexpr Noun observations_noun{"monitoringscijfer", "monitoringscijfers", "monitoring figure", "monitoring figures"};
constexpr Noun owners_noun{"betrokkene", "betrokkenen", "owner", "owners"};
constexpr Noun leads_noun{"trekker", "trekkers", "lead", "leads"};

std::optional<double> parse_number(std::string_view s) {
    double v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec != std::errc{} || res.ptr != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

std::optional<std::int64_t> parse_whole(std::string_view s) {
    const auto v = parse_number(s);
    if (!v || std::floor(*v) != *v || std::fabs(*v) > 9e15) return std::nullopt;
    return static_cast<std::int64_t>(*v);
}

class Words {
public:
    Words(const Reason& reason, const View& view, std::string_view language)
        : r_(reason), view_(view), lang_(language), nl_(language == "nl") {}

    std::string describe() const;

private:
    std::string_view text(std::string_view key) const {
        for (const auto& e : phrases)
            if (e.key == key) return nl_ ? e.nl : e.en;
        return {};
    }
    std::string say(std::string_view key, std::initializer_list<std::string_view> args = {}) const {
        return fill(text(key), args);
    }
    std::string count(std::int64_t n, const Noun& noun) const {
        const bool one = n == 1 || n == -1;
        return integer(lang_, n) + " " + std::string(nl_ ? (one ? noun.nl_one : noun.nl_many)
                                                         : (one ? noun.en_one : noun.en_many));
    }
    /// A duration as the rule wrote it where it is a plain one (`6w`: "6 weken"),
    /// otherwise its number of days.
    std::string duration(std::string_view written, std::string_view days) const {
        if (written.size() >= 2) {
            const auto n = parse_whole(written.substr(0, written.size() - 1));
            if (n && written.find_first_not_of("0123456789") == written.size() - 1) {
                switch (written.back()) {
                    case 'd': return count(*n, days_noun);
                    case 'w': return count(*n, weeks_noun);
                    case 'm': return count(*n, months_noun);
                    case 'y': return count(*n, years_noun);
                    default: break;
                }
            }
        }
        const auto d = parse_whole(days);
        return d ? count(*d, days_noun) : std::string{};
    }
    std::string percent(std::string_view fraction) const {
        const auto v = parse_number(fraction);
        return v ? number(lang_, *v * 100) + "%" : std::string{};
    }
    std::string date() const { return r_.date ? long_date(lang_, *r_.date) : std::string{}; }
    std::string state_label(std::string_view key) const {
        const auto* s = view_.state(key);
        return s ? s->label().in(lang_) : std::string(key);
    }
    std::string region_name(std::string_view code) const {
        const auto* g = view_.region(code);
        return g ? g->name() : std::string(code);
    }
    std::string indicator_label(std::string_view key) const {
        const auto* i = view_.indicator(key);
        return i ? i->label().in(lang_) : std::string(key);
    }
    std::string level_label(std::string_view indicator, std::string_view level) const {
        if (const auto* i = view_.indicator(indicator))
            for (const auto& l : i->levels())
                if (l.key() == level) return l.label().in(lang_);
        return std::string(level);
    }
    std::string action_title(std::string_view key) const {
        if (const auto* a = view_.action(key)) return a->title();
        if (const auto* a = view_.referenced(key)) return a->title;
        return std::string(key);
    }
    template <class F>
    std::string joined(F&& name) const {
        std::string out;
        for (const auto& item : r_.items) {
            if (!out.empty()) out += ", ";
            out += name(item);
        }
        return out;
    }
    /// " (minder dan 50%)" for a threshold comparison, empty for others.
    std::string bound(std::string_view shown) const {
        const auto b = text(r_.op);
        if (b.empty() || shown.empty() || r_.op == "=" || r_.op == "!=") return {};
        return " (" + fill(b, {shown}) + ")";
    }
    bool holds() const { return r_.threshold_value == "true"; }
    bool unset() const { return r_.op == "is not set"; }

    /// The state of affairs the reason is about: "stand van zaken Stagneert sinds 1 maart 2023".
    std::string state_phrase() const {
        if (unset()) return say("no_state");
        std::string label;
        if (!r_.state.empty()) label = state_label(r_.state);
        else if (r_.field == "state" || r_.field == "state_at" || r_.field == "state_label") label = state_label(r_.value);
        if (label.empty()) return {};
        return r_.date ? say("state_since", {label, date()}) : say("state", {label});
    }
    std::string since_update() const;
    std::string due(std::int64_t past) const;
    std::string list_field(std::string_view field) const;
    std::string number_field() const;
    std::string function() const;

    const Reason& r_;
    const View& view_;
    std::string_view lang_;
    bool nl_;
};

std::string Words::since_update() const {
    if (unset()) return say("no_state_yet");
    if (r_.op == "is set") return r_.date ? say("last_update", {date()}) : std::string{};
    if (!r_.date) return {};
    const std::string d = date();
    const std::string limit = duration(r_.threshold, r_.threshold_value);
    if (!limit.empty()) {
        if (r_.op == ">") return say("quiet_gt", {limit, d});
        if (r_.op == ">=") return say("quiet_ge", {limit, d});
        if (r_.op == "<") return say("fresh_lt", {limit, d});
        if (r_.op == "<=") return say("fresh_le", {limit, d});
    }
    const auto days = parse_whole(r_.value);
    return days ? say("quiet", {count(*days, days_noun), d}) : std::string{};
}

std::string Words::due(std::int64_t past) const {
    if (!r_.date) return {};
    const std::string d = date();
    if (past > 0) return say("overdue", {d, count(past, days_noun)});
    if (past == 0) return say("due_today", {d});
    return say("due_in", {d, count(-past, days_noun)});
}

std::string Words::list_field(std::string_view field) const {
    const auto n = static_cast<std::int64_t>(r_.items.size());
    const std::string& x = r_.threshold_value;
    const bool has = r_.op == "has", has_not = r_.op == "has not";
    if (field == "dangling_refs") {
        if (n == 0) return say("dangling_none");
        const auto keys = joined([](const std::string& k) { return k; });
        return n == 1 ? say("dangling_one", {keys}) : say("dangling_many", {integer(lang_, n), keys});
    }
    if (field == "closed_refs") {
        if (n == 0) return say("closed_ref_none");
        const auto titles = joined([&](const std::string& k) { return action_title(k); });
        return n == 1 ? say("closed_ref_one", {titles}) : say("closed_ref_many", {integer(lang_, n), titles});
    }
    if (field == "refs") {
        if (n == 0) return {};
        return say("see_also", {joined([&](const std::string& k) { return action_title(k); })});
    }
    if (field == "progress_unknown") {
        if (n == 0) return {};
        return say("progress_unknown", {joined([&](const std::string& k) { return indicator_label(k); })});
    }
    if (field == "owners") {
        if (has || has_not) return say(has ? "owner" : "not_owner", {x});
        return r_.field == "count" ? count(n, owners_noun) : std::string{};
    }
    if (field == "leads") {
        if (has || has_not) return say(has ? "lead" : "not_lead", {x});
        return r_.field == "count" ? count(n, leads_noun) : std::string{};
    }
    if (field == "regions") {
        if (has || has_not) return say(has ? "scope_has" : "scope_has_not", {region_name(x)});
        return r_.field == "count" ? count(n, regions_noun) : std::string{};
    }
    if (field == "states") {
        if (has || has_not) return say(has ? "somewhere" : "nowhere", {state_label(x)});
        return r_.field == "count" ? count(n, statuses_noun) : std::string{};
    }
    if (field == "categories") {
        if (has || has_not) return say(has ? "category_somewhere" : "category_nowhere", {tr(lang_, x)});
        return r_.field == "count" ? count(n, statuses_noun) : std::string{};
    }
    return {};
}

std::string Words::number_field() const {
    const auto& f = r_.field;
    const auto n = parse_whole(r_.value);
    if (f == "lowest_progress") {
        if (unset() || r_.value.empty()) return {};
        std::string out = say("progress", {percent(r_.value)}) + bound(percent(r_.threshold_value));
        return r_.arguments.empty() ? out : say("labelled", {indicator_label(r_.arguments.front()), out});
    }
    if (!n) return {};
    if (f == "open_proposals") return *n == 0 ? say("no_open_proposals") : count(*n, open_proposals_noun);
    if (f == "adopted_proposals") return *n == 0 ? say("no_adopted_proposal") : count(*n, adopted_proposals_noun);
    if (f == "meetings_unchanged") return say("unchanged", {count(*n, meetings_noun)});
    if (f == "agenda_count")
        return r_.date ? say("on_agenda_since", {count(*n, meetings_noun), date()})
                       : say("on_agenda", {count(*n, meetings_noun)});
    if (f == "due_moves") {
        if (*n == 0) return say("due_never_moved");
        if (*n == 1) return say("due_moved_once");
        return say("due_moved", {integer(lang_, *n)});
    }
    if (f == "statuses") return count(*n, statuses_noun);
    if (f == "scopes") return count(*n, regions_noun);
    if (f == "municipalities") return count(*n, municipalities_noun);
    if (f == "observations") return count(*n, observations_noun);
    return {};
}

std::string Words::function() const {
    const auto& f = r_.field;
    const auto& args = r_.arguments;
    if (f == "count") return args.size() == 1 ? list_field(args.front()) : std::string{};
    if (args.empty()) return {};
    const std::string_view first = args.front();
    if (f == "state_at" || f == "category_at") {
        const std::string what = unset() ? say("no_state") : state_phrase();
        return what.empty() ? std::string{} : say("at_region", {region_name(first), what});
    }
    const std::string indicator = indicator_label(first);
    if (f == "observed") return holds() ? say("indicator_observed", {indicator}) : say("indicator_no_figures", {indicator});
    if (f == "last_observed" || f == "observation_age") {
        if (unset() || !r_.date) return say("indicator_no_figures", {indicator});
        if (f == "observation_age" && (r_.op == ">" || r_.op == ">=")) {
            const std::string limit = duration(r_.threshold, r_.threshold_value);
            if (!limit.empty()) return say("indicator_figures_older", {indicator, limit, date()});
        }
        return say("indicator_figures", {indicator, date()});
    }
    if (args.size() < 2) return {};
    const std::string level = level_label(first, args[1]);
    if (f == "coverage") {
        if (unset() || r_.value.empty()) return say("indicator_no_figures", {indicator});
        return say("labelled", {indicator, say("coverage", {level, percent(r_.value)}) +
                                               bound(percent(r_.threshold_value))});
    }
    if (f == "at_or_above") {
        const auto n = parse_whole(r_.value);
        if (unset() || !n) return say("indicator_no_figures", {indicator});
        return say("labelled", {indicator, say("at_or_above", {level, count(*n, municipalities_noun)})});
    }
    return {};
}

std::string Words::describe() const {
    const auto& f = r_.field;
    if (f.empty() || r_.op.empty()) return {};
    // States of affairs.
    if (f == "state" || f == "state_category" || f == "state_label") return state_phrase();
    if (f == "closed") {
        if (unset()) return say("no_state");
        const std::string state = state_phrase();
        if (state.empty()) return {};
        return say(holds() ? "closed" : "open", {state});
    }
    if (f == "since_update") return since_update();
    if (f == "last_update") {
        if (unset()) return say("no_state_yet");
        return r_.date ? say("last_update", {date()}) : std::string{};
    }
    if (f == "in_scope") return say(holds() ? "in_scope" : "not_in_scope");
    if (f == "not_started") return say(holds() ? "not_started" : "started");
    if (f == "all_closed") return say(holds() ? "all_closed" : "not_all_closed");
    // Due dates.
    if (f == "past_due" || f == "until_due") {
        if (unset()) return say("no_due");
        const auto days = parse_whole(r_.value);
        if (!days) return {};
        return due(f == "past_due" ? *days : -*days);
    }
    if (f == "due") {
        if (unset()) return say("no_due");
        return r_.date ? say("due", {date()}) : std::string{};
    }
    // Themes and regions.
    if (f == "theme") {
        const auto* t = view_.theme(r_.value);
        return t ? say("theme", {t->label().in(lang_)}) : std::string{};
    }
    if (f == "region") return r_.value.empty() ? std::string{} : region_name(r_.value);
    if (f == "region_parent") return r_.value.empty() ? std::string{} : say("in_region", {region_name(r_.value)});
    if (f == "region_kind") {
        if (r_.value == "province" || r_.value == "corop" || r_.value == "municipality") return say(r_.value);
        return {};
    }
    // Monitoring.
    if (f == "observation_age" && r_.arguments.empty()) {
        if (unset() || !r_.date) return say("no_figures");
        const std::string limit = duration(r_.threshold, r_.threshold_value);
        if (!limit.empty() && r_.op == ">") return say("figures_older", {limit, date()});
        if (!limit.empty() && r_.op == ">=") return say("figures_as_old", {limit, date()});
        const auto days = parse_whole(r_.value);
        return days ? say("figures_age", {date(), count(*days, days_noun)}) : std::string{};
    }
    if (f == "stalest_observation") {
        if (unset() || !r_.date) return say("no_figures");
        return say("oldest_figure", {date()});
    }
    if (f == "dangling_refs" || f == "closed_refs" || f == "refs" || f == "progress_unknown" || f == "owners" ||
        f == "leads" || f == "regions" || f == "states" || f == "categories")
        return list_field(f);
    if (f == "count" || f == "state_at" || f == "category_at" || f == "observed" || f == "last_observed" ||
        f == "observation_age" || f == "coverage" || f == "at_or_above")
        return function();
    return number_field();
}

}  // namespace

std::string describe_reason(const Reason& reason, const View& view, std::string_view language) {
    if (language != "nl" && language != "en") return {};
    return Words(reason, view, language).describe();
}

}  // namespace actielijst::report
