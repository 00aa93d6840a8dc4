// report: the steering-group report (HTML, Markdown, CSV or JSON) from the report module.
#include "cli.hpp"

#include <actielijst/decision_list.hpp>
#include <actielijst/report.hpp>
#include <actielijst/report_request.hpp>
#include <actielijst/rules.hpp>

#include <optional>
#include <ostream>
#include <utility>

namespace cli {
namespace {

struct ReportOptions {
    std::string kind = "report", format = "html", output, title, where, rules, as_of, meeting, since;
    std::vector<std::string> sections;
    bool contacts = false;
};

/// --kind besluitenlijst: the list after a meeting (docs/decision-list.md).
int run_decision_list(const Context& ctx, const ReportOptions& o) {
    // The options that select or compare for the report mean nothing here: say so
    // rather than ignore them.
    const std::pair<bool, const char*> report_only[] = {{!o.sections.empty(), "--section"}, {!o.where.empty(), "--where"},
                                                        {!o.rules.empty(), "--rules"},      {!o.since.empty(), "--since"},
                                                        {o.contacts, "--contacts"}};
    for (const auto& [given, name] : report_only)
        if (given) throw UsageError(std::string(name) + " does not apply to --kind besluitenlijst");
    const auto store = open_store(ctx, Access::read);
    actielijst::DecisionListOptions options;
    options.language = ctx.language;
    options.title = o.title;
    // Without --meeting: the last meeting on or before the picture's date.
    std::optional<actielijst::Date> as_of;
    if (o.meeting.empty()) as_of = view_date(o.as_of, store);
    const auto list = actielijst::build_decision_list(store, o.meeting, options, as_of);
    const auto format = actielijst::parse_report_format(o.format);
    write_output(o.output, [&](std::ostream& out) { actielijst::render_decision_list(list, format, out); });
    if (!o.output.empty() && o.output != "-")
        actielijst::write_stdout([&](std::ostream& out) {
            out << "Decision list of meeting " << list.meeting << " (" << list.meeting_date.iso() << ", " << o.format
                << ") written to " << o.output << ".\n";
        });
    return exit_ok;
}

int run_report(const Context& ctx, const ReportOptions& o) {
    if (o.kind == "besluitenlijst") return run_decision_list(ctx, o);
    const auto store = open_store(ctx, Access::read);
    // The library's report pipeline makes the report (docs/report.md, "One
    // pipeline"): without --as-of a report for --meeting is as of the meeting's date,
    // else the store's default date; --where selects; --since compares against a
    // snapshot file.
    actielijst::ReportRequest request;
    request.store = &store;
    if (!o.as_of.empty()) request.as_of = actielijst::Date::parse(o.as_of, "--as-of");
    request.compare_snapshot = o.since;
    std::optional<actielijst::RuleSet> rules;
    if (!o.rules.empty()) rules.emplace(actielijst::RuleSet::load(o.rules));
    request.rules = rules ? &*rules : nullptr;
    request.options.language = ctx.language;
    request.options.title = o.title;
    request.options.sections = o.sections;
    request.options.filter = o.where;
    request.options.include_contacts = o.contacts;
    request.options.meeting = o.meeting;
    request.filter_origin = "--where";
    const auto report = actielijst::build_report(request);
    const auto format = actielijst::parse_report_format(o.format);
    write_output(o.output, [&](std::ostream& out) { actielijst::render(report, format, out); });
    if (!o.output.empty() && o.output != "-")
        actielijst::write_stdout([&](std::ostream& out) {
            out << "Report as of " << report.as_of.iso() << " (" << o.format << ") written to " << o.output << ".\n";
        });
    return exit_ok;
}

}  // namespace

void add_report_command(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ReportOptions>();
    auto* sub = add_command(app, ctx, "report",
                            "Write the steering-group report (docs/report.md) or, with --kind besluitenlijst, the list "
                            "after a meeting (docs/decision-list.md)",
                            o, run_report);
    sub->add_option("--kind", o->kind, "report (default) or besluitenlijst (the list after --meeting)")
        ->check(CLI::IsMember({"report", "besluitenlijst"}));
    sub->add_option("--format", o->format, "html (default), md, csv or json")
        ->check(CLI::IsMember({"html", "md", "markdown", "csv", "json"}));
    sub->add_option("-o,--output", o->output, "File to write (default: standard output)");
    sub->add_option("--title", o->title, "Title (default: the list's meta title)");
    sub->add_option("--section", o->sections, "Only these sections (repeat, or separate by commas)")
        ->delimiter(',')
        ->check(CLI::IsMember(actielijst::report_sections()));
    sub->add_option("--where", o->where, "Only the action points this filter selects (region signals are kept)");
    sub->add_option("--rules", o->rules, "Rules file (default: the rules shipped with the library)");
    sub->add_option("--as-of", o->as_of,
                    "Date of the report (default: the date of --meeting, else the latest date in the store)")
        ->check(iso_date());
    sub->add_option("--meeting", o->meeting,
                    "Key of the meeting the report or besluitenlijst is for (default: the last one on or before the "
                    "date)");
    sub->add_option("--since", o->since, "A snapshot (snapshot save) to list the changes since");
    sub->add_flag("--contacts", o->contacts, "Include contacts (personal data)");
}

}  // namespace cli
