// snapshot save|info|diff: a picture saved before a meeting, and what changed since.
#include "cli.hpp"
#include "output.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/snapshot.hpp>

#include <ostream>

namespace cli {
namespace {

struct SaveOptions {
    std::string file, as_of, format = "binary";
};

int run_save(const Context& ctx, const SaveOptions& o) {
    const auto store = open_store(ctx, Access::read);
    const auto view = store.view(view_date(o.as_of, store));
    actielijst::save_snapshot(view, o.file,
                              o.format == "text" ? actielijst::SnapshotFormat::text : actielijst::SnapshotFormat::binary);
    actielijst::write_stdout([&](std::ostream& out) {
        out << "Saved the picture as of " << view.as_of().iso() << " to " << o.file << " (" << o.format << ").\n";
    });
    return exit_ok;
}

struct InfoOptions {
    std::string file;
    bool json = false;
};

int run_info(const Context&, const InfoOptions& o) {
    const auto info = actielijst::read_snapshot_info(o.file);
    if (o.json) {
        print_json({{"as_of", info.as_of.iso()},
                    {"format", std::string(actielijst::to_string(info.format))},
                    {"envelope_version", info.envelope_version},
                    {"payload_size", info.payload_size}});
    } else {
        actielijst::write_stdout([&](std::ostream& out) {
            out << o.file << ": snapshot as of " << info.as_of.iso() << ", " << actielijst::to_string(info.format)
                << ", envelope version " << info.envelope_version << ", " << info.payload_size
                << " bytes of payload.\n";
        });
    }
    return exit_ok;
}

struct DiffOptions {
    std::string before, after, as_of;
    bool json = false;
};

template <class T>
nlohmann::ordered_json optional_json(const std::optional<T>& value) {
    return value ? to_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json changes_json(const actielijst::Changes& c) {
    auto actions = nlohmann::ordered_json::array();
    for (const auto& a : c.actions)
        actions.push_back({{"kind", std::string(actielijst::to_string(a.kind))},
                           {"key", a.key},
                           {"before", optional_json(a.before)},
                           {"after", optional_json(a.after)}});
    auto statuses = nlohmann::ordered_json::array();
    for (const auto& s : c.statuses) statuses.push_back(to_json(s));
    auto proposals = nlohmann::ordered_json::array();
    for (const auto& p : c.proposals)
        proposals.push_back({{"kind", std::string(actielijst::to_string(p.kind))},
                             {"key", p.key},
                             {"decided", p.decided},
                             {"before", optional_json(p.before)},
                             {"after", optional_json(p.after)}});
    auto observations = nlohmann::ordered_json::array();
    for (const auto& o : c.observations)
        observations.push_back({{"kind", std::string(actielijst::to_string(o.kind))},
                                {"before", optional_json(o.before)},
                                {"after", optional_json(o.after)}});
    return {{"from", c.from.iso()},         {"to", c.to.iso()},           {"actions", actions},
            {"statuses", statuses},         {"proposals", proposals},     {"observations", observations}};
}

void print_changes(std::ostream& out, const actielijst::Changes& c, const Labels& labels) {
    out << "Changes from " << c.from.iso() << " to " << c.to.iso() << ": " << c.actions.size()
        << " action points, " << c.statuses.size() << " states of affairs, " << c.proposals.size()
        << " proposals, " << c.observations.size() << " observations.\n";
    for (const auto& a : c.actions)
        out << "  action " << actielijst::to_string(a.kind) << "  " << a.key << "\n";
    for (const auto& s : c.statuses) print_status_change(out, s, labels);
    for (const auto& p : c.proposals) {
        out << "  proposal " << actielijst::to_string(p.kind) << "  " << p.key << ": "
            << (p.before ? labels.proposal_state(p.before->state()) : std::string_view("-")) << " -> "
            << (p.after ? labels.proposal_state(p.after->state()) : std::string_view("-"));
        if (p.decided) out << "  (decided)";
        out << "\n";
    }
    for (const auto& o : c.observations) {
        const auto& any = o.after ? *o.after : *o.before;
        out << "  observation " << actielijst::to_string(o.kind) << "  " << labels.indicator(any.indicator()) << " / "
            << labels.region(any.region()) << " as of " << any.as_of().iso() << "\n";
    }
}

int run_diff(const Context& ctx, const DiffOptions& o) {
    const auto before = actielijst::load_snapshot(o.before);
    // The later picture: a second snapshot, or the store at --as-of.
    std::optional<actielijst::View> after;
    if (!o.after.empty()) {
        if (!o.as_of.empty()) throw UsageError("snapshot diff: --as-of applies to the store, not to a second snapshot");
        after.emplace(actielijst::load_snapshot(o.after));
    } else {
        const auto store = open_store(ctx, Access::read);
        after.emplace(store.view(view_date(o.as_of, store)));
    }
    const auto changes = actielijst::diff(before, *after);
    if (o.json)
        print_json(changes_json(changes));
    else
        // The later picture names what both hold; one that left the list by then
        // shows its key.
        actielijst::write_stdout([&](std::ostream& out) { print_changes(out, changes, Labels(*after, ctx.language)); });
    return exit_ok;
}

}  // namespace

void add_snapshot_commands(CLI::App& app, Context& ctx) {
    auto* snapshot = app.add_subcommand("snapshot", "Save a picture before a meeting, and show what changed since");
    snapshot->require_subcommand(1, 1);
    {
        auto o = std::make_shared<SaveOptions>();
        auto* sub = add_command(*snapshot, ctx, "save", "Save the picture as of a date to a snapshot file", o, run_save);
        sub->add_option("FILE", o->file, "Snapshot file to write (replaced atomically)")->required();
        sub->add_option("--as-of", o->as_of, "Date of the picture (default: the latest date in the store)")
            ->check(iso_date());
        sub->add_option("--format", o->format, "binary (compact, default) or text (portable)")
            ->check(CLI::IsMember({"binary", "text"}));
    }
    {
        auto o = std::make_shared<InfoOptions>();
        auto* sub = add_command(*snapshot, ctx, "info", "Check a snapshot file and show its date and format", o,
                                run_info);
        sub->add_option("FILE", o->file, "Snapshot file")->required();
        sub->add_flag("--json", o->json, "Print JSON");
    }
    {
        auto o = std::make_shared<DiffOptions>();
        auto* sub = add_command(*snapshot, ctx, "diff",
                                "What changed from a snapshot to another snapshot, or to the store at --as-of", o,
                                run_diff);
        sub->add_option("BEFORE", o->before, "The earlier snapshot")->required();
        sub->add_option("AFTER", o->after, "The later snapshot (default: the store, needs --db)");
        sub->add_option("--as-of", o->as_of, "Date of the store's picture (default: the latest date in the store)")
            ->check(iso_date());
        sub->add_flag("--json", o->json, "Print JSON");
    }
}

}  // namespace cli
