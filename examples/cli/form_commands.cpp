// uitvraag: the fill-in forms out to the regions; verwerk: the returned forms in.
#include "cli.hpp"
#include "output.hpp"

#include <actielijst/forms.hpp>

#include <filesystem>
#include <iostream>
#include <ostream>

namespace cli {
namespace {

struct FormOptions {
    std::string meeting;
    std::vector<std::string> regions;
    std::string as_of;
    std::string deadline;
    std::string format;
    std::string out;
    std::string out_dir;
};

// The format from --format, else from the file's extension, else XLSX.
actielijst::FormFormat form_format(const FormOptions& o) {
    if (!o.format.empty()) return actielijst::parse_form_format(o.format, "--format");
    const auto ext = std::filesystem::path(o.out).extension().string();
    return ext == ".csv" || ext == ".CSV" ? actielijst::FormFormat::csv : actielijst::FormFormat::xlsx;
}

int run_uitvraag(const Context& ctx, const FormOptions& o) {
    if (o.out.empty() == o.out_dir.empty())
        throw UsageError("uitvraag: give either --out FILE (one file) or --out-dir DIR (one file per region)");
    const auto store = open_store(ctx, Access::read);
    actielijst::FormOptions options;
    options.meeting = o.meeting;
    options.regions = o.regions;
    if (!o.as_of.empty()) options.as_of = actielijst::Date::parse(o.as_of, "--as-of");
    if (!o.deadline.empty()) options.deadline = actielijst::Date::parse(o.deadline, "--deadline");
    options.language = ctx.language;
    const auto set = actielijst::build_forms(store, options);
    const auto format = form_format(o);

    if (!o.out.empty()) {
        if (format == actielijst::FormFormat::csv && set.forms.size() != 1)
            throw UsageError("uitvraag: a CSV file holds one region, not " + std::to_string(set.forms.size()) +
                             ": name one --region, or use --out-dir for one file per region");
        write_output(o.out, [&](std::ostream& out) { actielijst::write_forms(out, set, format); });
        if (o.out != "-") {
            std::cout << "Wrote " << o.out << ": ";
            for (std::size_t i = 0; i < set.forms.size(); ++i)
                std::cout << (i ? ", " : "") << set.forms[i].region_name << " (" << set.forms[i].rows.size()
                          << " rows)";
            std::cout << "\n";
        }
        return exit_ok;
    }
    std::filesystem::create_directories(o.out_dir);
    for (const auto& form : set.forms) {
        actielijst::FormSet one = set;
        one.forms = {form};
        const auto path = (std::filesystem::path(o.out_dir) /
                           (set.meeting.key() + "-" + form.region + "." + std::string(actielijst::to_string(format))))
                              .string();
        actielijst::write_forms_file(path, one, format);
        std::cout << "Wrote " << path << ": " << form.region_name << " (" << form.rows.size() << " rows)\n";
    }
    return exit_ok;
}

struct ProcessOptions {
    std::vector<std::string> files;
    std::string meeting;
    bool dry_run = false;
    bool skip_bad_rows = false;
    bool json = false;
};

nlohmann::ordered_json return_json(const actielijst::FormReturn& r) {
    auto problems = nlohmann::ordered_json::array();
    for (const auto& p : r.problems)
        problems.push_back({{"sheet", p.sheet.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.sheet)},
                            {"row", p.row ? nlohmann::ordered_json(p.row) : nlohmann::ordered_json(nullptr)},
                            {"column", p.column ? nlohmann::ordered_json(p.column) : nlohmann::ordered_json(nullptr)},
                            {"where", p.where()},
                            {"message", p.message}});
    auto changes = nlohmann::ordered_json::array();
    for (const auto& c : r.changes) changes.push_back(to_json(c));
    return {{"file", r.file},
            {"format", std::string(actielijst::to_string(r.format))},
            {"encoding", r.encoding.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.encoding)},
            {"meeting", r.meeting},
            {"regions", r.regions},
            {"rows", r.rows},
            {"unchanged", r.unchanged},
            {"ok", r.ok()},
            {"stored", r.stored},
            {"changes", changes},
            {"problems", problems}};
}

void print_return(std::ostream& out, const actielijst::FormReturn& r, const ProcessOptions& o, const Labels& labels) {
    out << r.file << " (" << (r.format == actielijst::FormFormat::xlsx ? "XLSX" : "CSV, " + r.encoding) << ")";
    if (!r.regions.empty()) {
        out << ", regions";
        for (const auto& region : r.regions) out << (&region == &r.regions.front() ? " " : ", ") << labels.region(region);
    }
    out << ": " << r.rows << " rows, " << r.changes.size() << " new states of affairs, " << r.unchanged
        << " unchanged";
    if (!r.ok())
        out << "; NOTHING STORED because of " << r.problems.size() << (r.problems.size() == 1 ? " problem" : " problems");
    else if (o.dry_run)
        out << "; dry run, nothing stored";
    else
        out << "; stored for meeting " << r.meeting;
    out << ".\n";
    for (const auto& c : r.changes) print_status_change(out, c, labels);
    for (const auto& p : r.problems)
        out << "  " << (r.ok() ? "skipped: " : "error: ") << r.file << ": " << p.to_string() << "\n";
}

int run_verwerk(const Context& ctx, const ProcessOptions& o) {
    auto store = open_store(ctx, o.dry_run ? Access::read : Access::write);
    actielijst::ProcessOptions options;
    options.meeting = o.meeting;
    options.dry_run = o.dry_run;
    options.skip_bad_rows = o.skip_bad_rows;
    int rc = exit_ok;
    auto all = nlohmann::ordered_json::array();
    const Labels labels(store, ctx.language);
    // Each file on its own: a bad file stops only itself, the good ones are stored.
    for (const auto& file : o.files) {
        const auto r = actielijst::process_form(store, file, options);
        if (!r.ok()) rc = exit_data;
        if (o.json)
            all.push_back(return_json(r));
        else
            actielijst::write_stdout([&](std::ostream& out) { print_return(out, r, o, labels); });
    }
    if (o.json) print_json(all);
    return rc;
}

}  // namespace

void add_form_commands(CLI::App& app, Context& ctx) {
    {
        auto o = std::make_shared<FormOptions>();
        auto* sub = add_command(app, ctx, "uitvraag",
                                "Write the fill-in forms that ask the regions for their states of affairs", o,
                                run_uitvraag);
        sub->add_option("--meeting", o->meeting, "Key of the meeting the states are asked for (meeting add)")
            ->required();
        sub->add_option("--region", o->regions,
                        "Region code or alias, one form each (repeatable; default: every COROP region)");
        sub->add_option("--out", o->out, "The file to write: .xlsx (a sheet per region) or .csv (one region); - for stdout");
        sub->add_option("--out-dir", o->out_dir, "Write one file per region into this directory instead");
        sub->add_option("--format", o->format, "xlsx or csv (default: from the file name, else xlsx)")
            ->check(CLI::IsMember({"xlsx", "csv"}));
        sub->add_option("--as-of", o->as_of, "Date of the current states shown, before the meeting (default: the day before it)")
            ->check(iso_date());
        sub->add_option("--deadline", o->deadline, "Return date asked for (default: 7 days before the meeting)")
            ->check(iso_date());
    }
    {
        auto o = std::make_shared<ProcessOptions>();
        auto* sub = add_command(app, ctx, "verwerk",
                                "Check returned forms (XLSX or CSV) and record their new states of affairs", o,
                                run_verwerk);
        sub->add_option("FILE", o->files, "Returned forms; each is stored in one transaction, or not at all")
            ->required();
        sub->add_option("--meeting", o->meeting, "The meeting the returns are for (default: the latest meeting)");
        sub->add_flag("--dry-run", o->dry_run, "Check and show what would change, store nothing");
        sub->add_flag("--skip-bad-rows", o->skip_bad_rows,
                      "Store the good rows of a file and list the bad ones as skipped (default: a bad row stops its file)");
        sub->add_flag("--json", o->json, "Print JSON");
    }
}

}  // namespace cli
