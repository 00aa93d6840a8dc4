// status, history, propose, decide, observe: appending to the store's history.
#include "cli.hpp"
#include "output.hpp"

#include <ostream>

namespace cli {
namespace {

// ---- status --------------------------------------------------------------

struct StatusOptions {
    std::string action, scope, state, text, date, author, meeting;
};

int run_status(const Context& ctx, const StatusOptions& o) {
    auto store = open_store(ctx, Access::write);
    // Reported at a meeting: dated by it unless --date says otherwise.
    const auto date = !o.date.empty()      ? actielijst::Date::parse(o.date, "--date")
                      : !o.meeting.empty() ? meeting_date(store, o.meeting, "--meeting")
                                           : actielijst::Date::today();
    const actielijst::StatusUpdate update(o.action, o.scope, o.state, o.text, date, o.author, o.meeting);
    const bool added = store.record(update);
    const Labels labels(store, ctx.language);
    const auto scope = store.resolve_region(o.scope).value_or(o.scope);  // an alias ("Zuid") by its name
    actielijst::write_stdout([&](std::ostream& out) {
        out << (added ? "Recorded " : "Already stored: ") << o.action << " / " << labels.region(scope) << ": "
            << labels.state(o.state) << " as of " << update.as_of().iso()
            << (added ? ".\n" : " (nothing written).\n");
    });
    return exit_ok;
}

// ---- history -------------------------------------------------------------

struct HistoryOptions {
    std::string action, scope;
    bool json = false;
};

int run_history(const Context& ctx, const HistoryOptions& o) {
    const auto store = open_store(ctx, Access::read);
    std::string scope;
    if (!o.scope.empty()) {
        const auto code = store.resolve_region(o.scope);
        if (!code) throw actielijst::Error(actielijst::Errc::not_found, "SCOPE: unknown region \"" + o.scope + "\"");
        scope = *code;
    }
    const auto updates = store.history(o.action, scope);
    if (o.json) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& u : updates) list.push_back(to_json(u));
        print_json(list);
        return exit_ok;
    }
    const Labels labels(store, ctx.language);
    actielijst::write_stdout([&](std::ostream& out) {
        if (updates.empty()) out << "No states of affairs recorded for " << o.action << ".\n";
        for (const auto& u : updates) {
            out << u.as_of().iso() << "  " << labels.region(u.scope()) << "  " << labels.state(u.state());
            if (!u.author().empty()) out << "  (" << u.author() << ")";
            out << "\n    " << u.text() << "\n";
        }
    });
    return exit_ok;
}

// ---- propose -------------------------------------------------------------

struct ProposeOptions {
    std::string key, action, text, meeting, date;
    bool consensus = false;
};

int run_propose(const Context& ctx, const ProposeOptions& o) {
    auto store = open_store(ctx, Access::write);
    // Merging upserts proposals by key; a new proposal must not silently replace one.
    if (const auto p = store.proposal(o.key))
        throw actielijst::Error(actielijst::Errc::exists,
                                "KEY: proposal \"" + o.key + "\" already exists (state " +
                                    std::string(actielijst::to_string(p->state())) + ")");
    // The tabling date is always explicit, so a script gets the same store every run.
    const auto tabled = !o.date.empty()      ? actielijst::Date::parse(o.date, "--date")
                        : !o.meeting.empty() ? meeting_date(store, o.meeting, "--meeting")
                                             : actielijst::Date::today();
    actielijst::Dataset data;
    data.proposals.emplace_back(o.key, o.action, o.text, actielijst::ProposalState::open,
                                o.consensus ? actielijst::ProposalKind::consensus : actielijst::ProposalKind::proposal,
                                o.meeting, std::nullopt, tabled);
    store.merge(data);
    actielijst::write_stdout([&](std::ostream& out) {
        out << "Proposed " << o.key << " for " << o.action << " (open), tabled on " << tabled.iso();
        if (!o.meeting.empty()) out << " at " << o.meeting;
        out << ".\n";
    });
    return exit_ok;
}

// ---- decide --------------------------------------------------------------

struct DecideOptions {
    std::string key, state, date, meeting, text;
};

int run_decide(const Context& ctx, const DecideOptions& o) {
    if (o.date.empty() && o.meeting.empty())
        throw UsageError("decide: a decision needs --date DATE or --meeting KEY (the meeting that took it, on its date)");
    auto store = open_store(ctx, Access::write);
    const auto state = actielijst::parse_proposal_state(o.state, "STATE");
    std::optional<actielijst::Date> date;
    if (!o.date.empty()) date = actielijst::Date::parse(o.date, "--date");
    // The store dates a decision by its meeting when no date is given, and keeps the
    // meeting the proposal was tabled at.
    const bool added = store.decide(o.key, state, date, o.meeting, o.text);
    if (!date) date = meeting_date(store, o.meeting, "--meeting");
    actielijst::write_stdout([&](std::ostream& out) {
        out << (added ? "Recorded: " : "Already recorded: ") << o.key << " "
            << Labels(store, ctx.language).proposal_state(state) << " on " << date->iso();
        if (!o.meeting.empty()) out << " at " << o.meeting;
        out << (added ? ".\n" : " (nothing written).\n");
    });
    return exit_ok;
}

// ---- observe -------------------------------------------------------------

struct ObserveOptions {
    std::string indicator, region, level, date, note, source;
    std::optional<double> value;
    std::optional<std::int64_t> count;
    bool at_least = false;
};

int run_observe(const Context& ctx, const ObserveOptions& o) {
    auto store = open_store(ctx, Access::write);
    actielijst::ObservationValue value;
    value.level = o.level;
    value.value = o.value;
    value.count = o.count;
    value.at_least = o.at_least;
    actielijst::Dataset data;
    data.observations.emplace_back(o.indicator, o.region, date_or_today(o.date, "--date"), value, o.source, o.note);
    store.merge(data);
    const Labels labels(store, ctx.language);
    const auto region = store.resolve_region(o.region).value_or(o.region);
    actielijst::write_stdout([&](std::ostream& out) {
        out << "Observed " << labels.indicator(o.indicator) << " in " << labels.region(region) << " as of " << data.observations[0].as_of().iso()
            << ".\n";
    });
    return exit_ok;
}

}  // namespace

void add_record_commands(CLI::App& app, Context& ctx) {
    {
        auto o = std::make_shared<StatusOptions>();
        auto* sub = add_command(app, ctx, "status", "Record a state of affairs of an action for a region", o,
                                run_status);
        sub->add_option("ACTION", o->action, "Action point key")->required();
        sub->add_option("SCOPE", o->scope, "Region code or alias (e.g. CR37, Noord)")->required();
        sub->add_option("STATE", o->state, "Progress state key (e.g. in_progress, stalled, done)")->required();
        sub->add_option("TEXT", o->text, "The state of affairs in words")->required();
        sub->add_option("--date", o->date, "As-of date (default: the date of --meeting, else today, UTC)")
            ->check(iso_date());
        sub->add_option("--author", o->author, "Who reported it");
        sub->add_option("--meeting", o->meeting, "Key of the meeting it was reported at (meeting add)");
    }
    {
        auto o = std::make_shared<HistoryOptions>();
        auto* sub = add_command(app, ctx, "history", "Show the states of affairs of an action, oldest first", o,
                                run_history);
        sub->add_option("ACTION", o->action, "Action point key")->required();
        sub->add_option("SCOPE", o->scope, "Only this region (code or alias)");
        sub->add_flag("--json", o->json, "Print JSON");
    }
    {
        auto o = std::make_shared<ProposeOptions>();
        auto* sub = add_command(app, ctx, "propose",
                                "Table an open proposal on an action point (at --meeting, on --date)", o, run_propose);
        sub->add_option("KEY", o->key, "New proposal key (e.g. P4)")->required();
        sub->add_option("ACTION", o->action, "Action point key")->required();
        sub->add_option("TEXT", o->text, "What is proposed")->required();
        sub->add_option("--meeting", o->meeting, "Key of the meeting it is tabled at (meeting add)");
        sub->add_option("--date", o->date, "The date it is tabled (default: the date of --meeting, else today, UTC)")
            ->check(iso_date());
        sub->add_flag("--consensus", o->consensus, "A conclusion the group reached rather than a request");
    }
    {
        auto o = std::make_shared<DecideOptions>();
        auto* sub = add_command(app, ctx, "decide",
                                "Record a decision on a proposal, dated by --date or --meeting (history: proposal history)",
                                o, run_decide);
        sub->add_option("KEY", o->key, "Proposal key")->required();
        sub->add_option("STATE", o->state, "adopted, rejected, withdrawn, or open to re-open it")
            ->required()
            ->check(CLI::IsMember({"adopted", "rejected", "withdrawn", "open"}));
        sub->add_option("--date", o->date, "Decision date (default: the date of --meeting)")->check(iso_date());
        sub->add_option("--meeting", o->meeting, "Key of the meeting that took it (meeting add)");
        sub->add_option("--text", o->text, "The decision in words, as recorded");
    }
    {
        auto o = std::make_shared<ObserveOptions>();
        auto* sub = add_command(app, ctx, "observe", "Record a monitoring figure for a region", o, run_observe);
        sub->add_option("INDICATOR", o->indicator, "Indicator key")->required();
        sub->add_option("REGION", o->region, "Region code or alias")->required();
        auto* what = sub->add_option_group("value", "exactly one of --level and --value");
        auto* level = what->add_option("--level", o->level, "Ordinal indicators: the level reached");
        what->add_option("--value", o->value, "Count and number indicators: the figure");
        what->require_option(1);
        sub->add_flag("--at-least", o->at_least, "The region is at --level or higher")->needs(level);
        sub->add_option("--count", o->count, "This many municipalities of the region are at --level or higher")
            ->needs(level)
            ->check(CLI::NonNegativeNumber);
        sub->add_option("--date", o->date, "As-of date (default: today, UTC)")->check(iso_date());
        sub->add_option("--note", o->note, "A note on the figure");
        sub->add_option("--source", o->source, "Where the figure comes from");
    }
}

}  // namespace cli
