// init, import, export, regions, list: creating, filling and reading a store.
#include "cli.hpp"
#include "output.hpp"

#include <actielijst/rules.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <fstream>
#include <iostream>

namespace cli {
namespace {

namespace fs = std::filesystem;

// ---- init ----------------------------------------------------------------

struct InitOptions {
    bool default_states = false;
    std::optional<std::string> province;  ///< a province's code or name: its regions from the CBS reference
    std::optional<int> year;               ///< the municipal division of 1 January of this year (unset: the latest)
};

int run_init(const Context& ctx, const InitOptions& o) {
    const auto& path = db_path(ctx);
    std::error_code ec;
    if (fs::exists(path, ec))
        throw actielijst::Error(actielijst::Errc::exists,
                                path + ": already exists; init creates a new store and never touches an existing file");
    if (o.province && o.province->empty()) throw UsageError("init: --province needs a province's code or name, e.g. PV30");
    // An unknown province or year is refused before the file exists, so a failed
    // init leaves nothing behind.
    const auto reference = o.province ? actielijst::reference_regions(*o.province, o.year)
                                      : std::vector<actielijst::Region>{};
    std::size_t added = 0;
    try {
        auto store = open_store(ctx, Access::create);
        if (o.default_states) added = store.install_default_states();
        if (o.province) store.add_province_regions(*o.province, o.year);
    } catch (...) {
        // The path did not exist: whatever is there now is this init's, half set up
        // (a storage error), and not a store anyone asked for.
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ec);
        throw;
    }
    actielijst::write_stdout([&](std::ostream& out) {
        out << "Created " << path << " (schema " << actielijst::Store::schema_version << ")";
        if (o.default_states)
            out << " with the " << added << " default progress states.\n";
        else
            // A province's list may hold exactly its own states, so none are assumed.
            out << " without progress states: import a list that brings its own `states`, or create the store "
                   "with `init --default-states` to get the default set.\n";
        if (!reference.empty()) {
            std::size_t counts[3] = {0, 0, 0};
            std::size_t dated = 0;
            for (const auto& r : reference) {
                ++counts[static_cast<int>(r.kind())];
                if (r.period() != actielijst::Period{}) ++dated;
            }
            const auto& info = actielijst::region_reference_info();
            out << "Regions of " << reference.front().name() << " (" << reference.front().code()
                << ") from the municipal division of 1 January " << o.year.value_or(info.last_year) << ": "
                << counts[1] << " COROP regions, " << counts[2] << " municipalities";
            if (dated != 0) out << " (" << dated << " of them formed or dissolved by a later merger, with its date)";
            out << ". Source: " << info.source << ". `regions` lists them.\n";
        }
    });
    return exit_ok;
}

// ---- import --------------------------------------------------------------

struct ImportOptions {
    std::string file;
    bool json = false;
};

/// A file handed to the parser in chunks as it reads, so a terminal can show how far
/// reading got; the text is never held whole.
class ReadWithProgress final : public std::streambuf {
public:
    ReadWithProgress(const std::string& path, Progress& progress)
        : path_(path), progress_(progress), in_(path, std::ios::binary), chunk_(std::size_t{1} << 20) {
        if (!in_) throw actielijst::Error(actielijst::Errc::io, path + ": cannot read the file");
        std::error_code ec;
        size_ = fs::file_size(path, ec);
        if (ec) size_ = 0;
    }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
        // Thrown through the reading stream, which reports it as a read error.
        if (in_.bad()) throw actielijst::Error(actielijst::Errc::io, path_ + ": read error");
        const auto got = static_cast<std::size_t>(in_.gcount());
        read_ += got;
        if (size_ > 0)
            progress_.detail("reading and validating " + path_ + " " + std::to_string(read_ * 100 / size_) + "%");
        setg(chunk_.data(), chunk_.data(), chunk_.data() + got);
        return got > 0 ? traits_type::to_int_type(chunk_[0]) : traits_type::eof();
    }

private:
    std::string path_;
    Progress& progress_;
    std::ifstream in_;
    std::vector<char> chunk_;
    std::uintmax_t size_ = 0;
    std::uintmax_t read_ = 0;
};

int run_import(const Context& ctx, const ImportOptions& o) {
    auto store = open_store(ctx, Access::write);
    actielijst::MergeSummary summary;
    {
        Progress progress(stderr_is_terminal());
        progress.phase("reading and validating " + o.file);
        ReadWithProgress file(o.file, progress);
        std::istream in(&file);
        try {
            // Read, checked and converted as it goes: the document is never held whole.
            const auto data = actielijst::parse_json(in);
            progress.phase("writing to " + store.path());
            summary = store.merge(data);
        } catch (const actielijst::Error& e) {
            // The library says where inside the document; add which document.
            throw actielijst::Error(e.code(), o.file + ": " + e.what());
        }
    }
    if (o.json) {
        print_json(to_json(summary));
    } else {
        actielijst::write_stdout([&](std::ostream& out) {
            out << "Imported " << o.file << ": " << summary.definitions_added << " new definitions, "
                << summary.updates_added << " new states of affairs (" << summary.updates_unchanged
                << " already stored), " << summary.observations_written << " observations, "
                << summary.due_changes_written << " due-date changes, " << summary.decisions_added << " decisions, "
                << summary.contacts_written << " contacts.\n";
        });
    }
    return exit_ok;
}

// ---- export --------------------------------------------------------------

struct ExportOptions {
    bool contacts = false;
    std::string output;
};

int run_export(const Context& ctx, const ExportOptions& o) {
    const auto store = open_store(ctx, Access::read);
    write_output(o.output, [&](std::ostream& out) { store.export_json(out, o.contacts); });
    return exit_ok;
}

// ---- regions -------------------------------------------------------------

struct RegionsOptions {
    std::string kind;
    bool json = false;
};

int run_regions(const Context& ctx, const RegionsOptions& o) {
    const auto store = open_store(ctx, Access::read);
    const auto data = store.definitions();
    std::optional<actielijst::RegionKind> kind;
    if (!o.kind.empty()) kind = actielijst::parse_region_kind(o.kind, "--kind");
    if (o.json) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& r : data.regions)
            if (!kind || r.kind() == *kind) list.push_back(to_json(r));
        print_json(list);
        return exit_ok;
    }
    const Labels labels(store, ctx.language);
    const bool nl = ctx.language == "nl";
    actielijst::write_stdout([&](std::ostream& out) {
        for (const auto& r : data.regions) {
            if (kind && r.kind() != *kind) continue;
            out << r.code() << "  " << labels.kind(r.kind()) << "  " << r.name();
            if (!r.parent().empty()) out << "  (in " << labels.region(r.parent()) << ")";
            // A merger's date: on the list from, or up to (not including), that day.
            if (r.period().since) out << (nl ? "  vanaf " : "  from ") << r.period().since->iso();
            if (r.period().until) out << (nl ? "  tot " : "  until ") << r.period().until->iso();
            if (!r.aliases().empty()) {
                out << "  aka";
                for (std::size_t i = 0; i < r.aliases().size(); ++i) out << (i ? ", " : " ") << r.aliases()[i];
            }
            out << "\n";
        }
    });
    return exit_ok;
}

// ---- list ----------------------------------------------------------------

struct ListOptions {
    std::string where;
    std::string theme;
    std::string as_of;
    bool json = false;
    bool explain = false;
};

/// A text literal of the filter language.
std::string filter_literal(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

/// Which parts of the filter the store answers from its indexes and which are
/// evaluated on what those return (docs/cli.md).
void explain(const actielijst::Filter& filter) {
    const auto plan = filter.plan();
    std::cerr << "filter: " << filter.text() << "\n";
    for (const auto& part : plan.pushed) std::cerr << "  answered by the store's indexes: " << part << "\n";
    for (const auto& part : plan.in_memory) std::cerr << "  evaluated in memory on those rows: " << part << "\n";
    if (plan.pushed.empty()) std::cerr << "  (nothing could be pushed down: every action on the list is read)\n";
}

int run_list(const Context& ctx, const ListOptions& o) {
    const auto store = open_store(ctx, Access::read);
    const auto date = view_date(o.as_of, store);
    // The question goes to the store as one filter, so that it reads only what
    // matches: --where, else --theme (a --theme beside --where is applied after).
    std::optional<actielijst::Filter> filter;
    if (!o.where.empty())
        filter = actielijst::Filter::parse(o.where, "--where");
    else if (!o.theme.empty())
        filter = actielijst::Filter::parse("theme = " + filter_literal(o.theme), "--theme");
    if (filter && o.explain) explain(*filter);
    const auto view = filter ? store.view(date, *filter) : store.view(date);
    if (!o.theme.empty() && !view.theme(o.theme))
        throw actielijst::Error(actielijst::Errc::not_found, "--theme: unknown theme \"" + o.theme + "\"");
    std::vector<const actielijst::ActionPoint*> selected;
    for (const auto& a : view.actions())
        if (o.theme.empty() || a.theme() == o.theme) selected.push_back(&a);
    std::map<std::string_view, std::vector<const actielijst::Proposal*>> proposals_of;
    for (const auto& p : view.proposals()) proposals_of[p.action()].push_back(&p);
    const auto proposals = [&](const actielijst::ActionPoint& a) {
        const auto it = proposals_of.find(a.key());
        return it == proposals_of.end() ? std::vector<const actielijst::Proposal*>{} : it->second;
    };

    if (o.json) {
        // One action at a time, so a long listing is never held as one JSON tree.
        actielijst::write_stdout([&](std::ostream& out) {
            JsonStream json(out);
            json.member("as_of", view.as_of().iso());
            json.begin_array("actions");
            for (const auto* a : selected) {
                auto statuses = nlohmann::ordered_json::array();
                for (const auto* st : view.statuses_of(a->key())) {
                    auto j = to_json(*st);
                    if (const auto* state = view.state(st->state()))
                        j["category"] = std::string(actielijst::to_string(state->category()));
                    statuses.push_back(std::move(j));
                }
                auto tabled = nlohmann::ordered_json::array();
                for (const auto* p : proposals(*a)) tabled.push_back(to_json(*p));
                auto j = to_json(*a);
                j["statuses"] = std::move(statuses);
                j["proposals"] = std::move(tabled);  // tabled by the date, in their state on it
                json.element(j);
            }
            json.end_array();
            json.finish();
        });
        return exit_ok;
    }
    const Labels labels(view, ctx.language);
    actielijst::write_stdout([&](std::ostream& out) {
        out << "As of " << view.as_of().iso() << ": " << selected.size() << " of " << store.action_count(date)
            << " action points.\n";
        for (const auto* a : selected) {
            out << "\n" << a->key() << "  [" << labels.theme(a->theme()) << "]  " << a->title();
            if (a->due()) out << "  (due " << a->due()->iso() << ")";
            out << "\n";
            const auto statuses = view.statuses_of(a->key());
            if (statuses.empty()) out << "  no state of affairs\n";
            for (const auto* s : statuses)
                out << "  " << labels.region(s->scope()) << ": " << labels.state(s->state()) << " ("
                    << s->as_of().iso() << ")\n";
            for (const auto* proposal : proposals(*a)) {
                const auto& p = *proposal;
                out << "  proposal " << p.key() << ": " << labels.proposal_state(p.state());
                if (p.decided()) out << " on " << p.decided()->iso();
                if (!p.decided_meeting().empty()) out << " at " << p.decided_meeting();
                if (p.tabled()) out << " (tabled " << p.tabled()->iso();
                if (p.tabled() && !p.meeting().empty()) out << " at " << p.meeting();
                if (p.tabled()) out << ")";
                out << "\n";
            }
        }
    });
    return exit_ok;
}

}  // namespace

void add_store_commands(CLI::App& app, Context& ctx) {
    {
        auto o = std::make_shared<InitOptions>();
        auto* sub = add_command(app, ctx, "init", "Create a new, empty store at --db (refuses an existing file)", o,
                                run_init);
        sub->add_flag("--default-states", o->default_states,
                      "Install the default progress states (in_progress, stalled, done, ...); without it the store "
                      "has none until a list brings its own");
        sub->add_option("--province", o->province,
                        "Set up a province's regions (its COROP regions and municipalities with their CBS codes, "
                        "mergers with their dates) from the CBS reference shipped with the library, e.g. PV30 or "
                        "Noord-Brabant");
        sub->add_option("--year", o->year,
                        "With --province: the municipal division of 1 January of this year (default: the latest "
                        "the reference holds); later mergers keep their dates")
            ->type_name("YYYY")
            ->needs("--province");
    }
    {
        auto o = std::make_shared<ImportOptions>();
        auto* sub = add_command(app, ctx, "import",
                                "Merge a JSON action list (docs/json-format.md) into the store: all or nothing", o,
                                run_import);
        sub->add_option("FILE", o->file, "JSON file to import")->required();
        sub->add_flag("--json", o->json, "Print what was written as JSON");
    }
    {
        auto o = std::make_shared<ExportOptions>();
        auto* sub = add_command(app, ctx, "export", "Write the whole store as a JSON document", o, run_export);
        sub->add_flag("--contacts", o->contacts, "Include contacts (personal data)");
        sub->add_option("-o,--output", o->output, "File to write (default: standard output)");
    }
    {
        auto o = std::make_shared<RegionsOptions>();
        auto* sub = add_command(app, ctx, "regions", "List the regions with their codes, parents and aliases", o,
                                run_regions);
        sub->add_option("--kind", o->kind, "Only regions of this kind")
            ->check(CLI::IsMember({"province", "corop", "municipality"}));
        sub->add_flag("--json", o->json, "Print JSON");
    }
    {
        auto o = std::make_shared<ListOptions>();
        auto* sub = add_command(app, ctx, "list", "List action points with their current states of affairs", o,
                                run_list);
        sub->add_option("--where", o->where, "Filter expression (docs/rules.md), e.g. 'theme = \"wonen\"'");
        sub->add_option("--theme", o->theme, "Only action points of this theme (key)");
        sub->add_option("--as-of", o->as_of, "Date of the picture (default: the latest date in the store)")
            ->check(iso_date());
        sub->add_flag("--json", o->json, "Print JSON");
        sub->add_flag("--explain", o->explain,
                      "Say on standard error which parts of the filter the store answers from its indexes and "
                      "which are evaluated in memory");
    }
}

}  // namespace cli
