// stuurgroep-rapport: loads an action list into a store, runs the reporting rules
// and writes the steering-group report (the library's report pipeline,
// actielijst/report_request.hpp) as HTML, Markdown, CSV and/or JSON.
//
//   stuurgroep-rapport --data examples/data/limburg.json --db limburg.db
//                      --out rapport.html --out rapport.md [--lang en] [--sections summary,actions]
//                      [--rules my.rules] [--where 'theme = "wonen"'] [--as-of 2024-03-18]
//                      [--compare-date 2023-01-01] [--title "..."] [--contacts]
//
// With --kind besluitenlijst it writes the list after a meeting instead
// (actielijst/decision_list.hpp):
//
//   stuurgroep-rapport --data examples/data/limburg.json --data tests/fixtures/limburg-next-meeting.json
//                      --db limburg.db --kind besluitenlijst --meeting sg-2023-04 --out besluitenlijst.html
#include <actielijst.hpp>
#include <actielijst/decision_list.hpp>
#include <actielijst/report.hpp>
#include <actielijst/report_request.hpp>
#include <actielijst/rules.hpp>

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <utility>

namespace {

using namespace actielijst;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Errc::io, "cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The date the report is "as of": the option, else the store's default date (the
/// latest date anything was recorded, Store::default_date()).
Date report_date(const std::string& option, const Store& store) {
    return option.empty() ? store.default_date() : Date::parse(option, "--as-of");
}

/// The format of an output file: --format when given, else the file's extension.
ReportFormat format_of(const std::string& path, const std::string& format) {
    if (!format.empty()) return parse_report_format(format);
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? std::string() : path.substr(dot + 1);
    if (ext == "htm") return ReportFormat::html;
    try {
        return parse_report_format(ext);
    } catch (const Error&) {
        throw Error(Errc::invalid, "--out " + path + ": cannot tell the format from the extension; use .html, .md, "
                                   ".csv or .json, or give --format");
    }
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes the steering-group report of an action list as HTML, Markdown, CSV or JSON."};
    std::string db, as_of, compare_date, rules_file, sections, kind = "report", meeting;
    std::vector<std::string> data, outs, formats;
    ReportOptions options;
    app.add_option("--data", data, "JSON action list to import first, repeatable, in order (re-importing is harmless)")
        ->check(CLI::ExistingFile);
    app.add_option("--kind", kind, "report (default) or besluitenlijst (the list after --meeting)")
        ->check(CLI::IsMember({"report", "besluitenlijst"}));
    app.add_option("--meeting", meeting,
                   "Key of the meeting the report or besluitenlijst is for (default: the last one on or before the date)");
    app.add_option("--db", db, "SQLite store to read (created when missing)")->required();
    app.add_option("--out", outs, "File to write; repeatable. The format follows the extension (.html, .md, .csv, .json)")
        ->required();
    app.add_option("--format", formats, "html, md, csv or json for each --out, in order (default: from the extension)");
    app.add_option("--lang", options.language, "Report language: nl (default) or en");
    app.add_option("--title", options.title, "Report title (default: the list's own title)");
    app.add_option("--sections", sections,
                   "Comma-separated sections: summary, overview, decisions, signals, changes, actions, monitoring "
                   "(default: all)");
    app.add_option("--as-of", as_of,
                   "Report date YYYY-MM-DD (default: the date of --meeting, else the latest date in the store)");
    app.add_option("--compare-date", compare_date, "Show the changes since the store's state at this date YYYY-MM-DD");
    app.add_option("--rules", rules_file, "Rules file (default: the rules shipped with the library)")
        ->check(CLI::ExistingFile);
    app.add_option("--where", options.filter, "Only the action points this filter selects, e.g. 'theme = \"wonen\"'");
    app.add_flag("--contacts", options.include_contacts, "Include contact persons (personal data)");
    CLI11_PARSE(app, argc, argv);

    try {
        if (!formats.empty() && formats.size() != outs.size())
            throw Error(Errc::invalid, "--format: give one per --out, or none");
        options.sections = split(sections);
        auto store = Store::open(db);
        for (const auto& file : data) {
            const auto s = store.import_json(read_file(file));
            std::cout << "Imported " << file << ": " << s.definitions_added << " new definitions, " << s.updates_added
                      << " new states of affairs (" << s.updates_unchanged << " already stored).\n";
        }
        if (kind == "besluitenlijst") {
            const std::pair<bool, const char*> report_only[] = {
                {!sections.empty(), "--sections"}, {!compare_date.empty(), "--compare-date"},
                {!rules_file.empty(), "--rules"},  {!options.filter.empty(), "--where"},
                {options.include_contacts, "--contacts"}};
            for (const auto& [given, name] : report_only)
                if (given) throw Error(Errc::invalid, std::string(name) + " does not apply to --kind besluitenlijst");
            DecisionListOptions list_options;
            list_options.language = options.language;
            list_options.title = options.title;
            // Without --meeting: the last meeting on or before the report date.
            std::optional<Date> date;
            if (meeting.empty()) date = report_date(as_of, store);
            const auto list = build_decision_list(store, meeting, list_options, date);
            std::vector<ReportFormat> kinds;
            for (std::size_t i = 0; i < outs.size(); ++i)
                kinds.push_back(format_of(outs[i], formats.empty() ? std::string() : formats[i]));
            for (std::size_t i = 0; i < outs.size(); ++i) render_decision_list_file(list, kinds[i], outs[i]);
            std::cout << "Besluitenlijst of " << list.meeting << " (" << list.meeting_date.iso() << "): "
                      << list.decisions.size() << " decisions, " << list.tabled.size() << " proposals tabled, "
                      << list.actions_added.size() << " action points added, " << list.actions_closed.size()
                      << " closed, " << list.deadlines_moved.size() << " new deadlines, " << list.open_items.size()
                      << " open items.\n"
                      << "Store:  " << db << "\n";
            for (const auto& out : outs) std::cout << "Besluitenlijst: " << out << "\n";
            return 0;
        }
        options.meeting = meeting;
        // The library's report pipeline makes the report (docs/report.md, "One
        // pipeline"), as the command-line tool and the C API do: without --as-of a
        // report for --meeting is as of the meeting's date, else the store's default
        // date; --where selects; --compare-date compares against the store's list on
        // that date.
        ReportRequest request;
        request.store = &store;
        if (!as_of.empty()) request.as_of = Date::parse(as_of, "--as-of");
        if (!compare_date.empty()) request.compare_date = Date::parse(compare_date, "--compare-date");
        std::optional<RuleSet> rules;
        if (!rules_file.empty()) rules.emplace(RuleSet::load(rules_file));
        request.rules = rules ? &*rules : nullptr;
        request.options = options;
        request.filter_origin = "--where";
        const auto report = build_report(request);

        // Each file is rendered straight into a temporary file beside it and renamed
        // over the target when complete: a failure leaves every target whole (the old
        // file or the new one) and says why.
        std::vector<ReportFormat> kinds;
        for (std::size_t i = 0; i < outs.size(); ++i)
            kinds.push_back(format_of(outs[i], formats.empty() ? std::string() : formats[i]));
        for (std::size_t i = 0; i < outs.size(); ++i) render_file(report, kinds[i], outs[i]);
        const auto& s = report.summary;
        std::cout << "Report as of " << report.as_of.iso() << ": " << report.themes.size() << " themes, " << s.actions
                  << " action points, " << s.statuses << " states of affairs, " << s.open_proposals
                  << " open proposals.\n"
                  << "Signals: " << s.findings[2] << " alert, " << s.findings[1] << " warning, " << s.findings[0]
                  << " info. Status: " << s.rag[3] << " red, " << s.rag[2] << " amber, " << s.rag[1] << " green, "
                  << s.rag[0] << " grey.\n";
        if (report.changes_from)
            std::cout << "Changes since " << report.changes_from->iso() << ": " << report.changes.size() << ".\n";
        std::cout << "Store:  " << db << "\n";
        for (const auto& out : outs) std::cout << "Report: " << out << "\n";
        return 0;
    } catch (const Error& e) {
        std::cerr << "stuurgroep-rapport: " << e.what() << "\n";
        return 3;
    }
}
