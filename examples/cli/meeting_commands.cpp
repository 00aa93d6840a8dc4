// meeting add|list, proposal history: the meeting cycle — the meetings a list is
// kept at, and what became of a proposal from one meeting to the next.
#include "cli.hpp"
#include "output.hpp"

#include <algorithm>
#include <ostream>
#include <optional>

namespace cli {
namespace {

// ---- meeting add ---------------------------------------------------------

struct MeetingAddOptions {
    std::string key, date;
    std::optional<std::string> title;
};

int run_meeting_add(const Context& ctx, const MeetingAddOptions& o) {
    auto store = open_store(ctx, Access::write);
    const auto date = actielijst::Date::parse(o.date, "DATE");
    const actielijst::Meeting* stored = nullptr;
    const auto meetings = store.meetings();
    for (const auto& m : meetings)
        if (m.key() == o.key) stored = &m;
    // Without --title a stored meeting keeps its title; the store checks the date
    // (a key on another date is Errc::exists, with its own message).
    const auto title = o.title ? *o.title : stored ? stored->title() : std::string();
    store.add_meeting(actielijst::Meeting(o.key, date, title));
    actielijst::write_stdout([&](std::ostream& out) {
        if (!stored)
            out << "Added meeting " << o.key << " on " << date.iso() << ".\n";
        else if (stored->title() != title)
            out << "Meeting " << o.key << " on " << date.iso() << ": title changed.\n";
        else
            out << "Already stored: meeting " << o.key << " on " << date.iso() << " (nothing written).\n";
    });
    return exit_ok;
}

// ---- meeting list --------------------------------------------------------

struct MeetingListOptions {
    bool json = false;
};

int run_meeting_list(const Context& ctx, const MeetingListOptions& o) {
    const auto store = open_store(ctx, Access::read);
    const auto meetings = store.meetings();
    if (o.json) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& m : meetings) list.push_back({{"key", m.key()}, {"date", m.date().iso()}, {"title", m.title()}});
        print_json(list);
        return exit_ok;
    }
    if (meetings.empty()) {
        write_output("", "No meetings stored.\n");
        return exit_ok;
    }
    std::size_t width = 3;  // "KEY"
    for (const auto& m : meetings) width = std::max(width, m.key().size());
    const auto pad = [width](const std::string& text) { return text + std::string(width - text.size() + 2, ' '); };
    actielijst::write_stdout([&](std::ostream& out) {
        out << pad("KEY") << "DATE        TITLE\n";
        for (const auto& m : meetings) out << pad(m.key()) << m.date().iso() << "  " << m.title() << "\n";
    });
    return exit_ok;
}

// ---- proposal history ----------------------------------------------------

nlohmann::ordered_json or_null(const std::string& text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

struct ProposalHistoryOptions {
    std::string key;
    bool json = false;
};

int run_proposal_history(const Context& ctx, const ProposalHistoryOptions& o) {
    const auto store = open_store(ctx, Access::read);
    const auto events = store.proposal_history(o.key);  // Errc::not_found for an unknown key
    if (o.json) {
        auto list = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto& e = events[i];
            list.push_back({{"event", i == 0 ? "tabled" : "decision"},
                            {"proposal", e.proposal},
                            {"state", std::string(actielijst::to_string(e.state))},
                            {"date", e.date.iso()},
                            {"meeting", or_null(e.meeting)},
                            {"text", or_null(e.text)}});
        }
        print_json(list);
        return exit_ok;
    }
    const auto proposal = store.proposal(o.key);
    const Labels labels(store, ctx.language);
    actielijst::write_stdout([&](std::ostream& out) {
        if (proposal) out << proposal->key() << " (" << proposal->action() << "): " << proposal->text() << "\n";
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto& e = events[i];
            const auto state = std::string(labels.proposal_state(e.state));
            out << "  " << e.date.iso() << "  " << (i == 0 ? "tabled " : "decided") << "  " << state;
            if (!e.meeting.empty()) out << std::string(state.size() < 11 ? 11 - state.size() : 0, ' ') << "  at " << e.meeting;
            out << "\n";
            if (!e.text.empty()) out << "      " << e.text << "\n";
        }
    });
    return exit_ok;
}

}  // namespace

void add_meeting_commands(CLI::App& app, Context& ctx) {
    auto* meeting = app.add_subcommand("meeting", "The meetings of the steering group: add one, list them");
    meeting->require_subcommand(1, 1);
    {
        auto o = std::make_shared<MeetingAddOptions>();
        auto* sub = add_command(*meeting, ctx, "add",
                                "Store a meeting (a key is used once; again with the same date changes the title)", o,
                                run_meeting_add);
        sub->add_option("KEY", o->key, "Meeting key (e.g. sg-2023-04)")->required();
        sub->add_option("DATE", o->date, "The date it is held")->required()->check(iso_date());
        sub->add_option("--title", o->title, "Title (e.g. Stuurgroep april; default: a stored meeting keeps its title)");
    }
    {
        auto o = std::make_shared<MeetingListOptions>();
        auto* sub = add_command(*meeting, ctx, "list", "List every meeting by date: key, date, title", o,
                                run_meeting_list);
        sub->add_flag("--json", o->json, "Print JSON");
    }
    auto* proposal = app.add_subcommand("proposal", "What became of a proposal from meeting to meeting");
    proposal->require_subcommand(1, 1);
    {
        auto o = std::make_shared<ProposalHistoryOptions>();
        auto* sub = add_command(*proposal, ctx, "history",
                                "Show when a proposal was tabled and every decision on it, oldest first", o,
                                run_proposal_history);
        sub->add_option("KEY", o->key, "Proposal key")->required();
        sub->add_flag("--json", o->json, "Print JSON");
    }
}

}  // namespace cli
