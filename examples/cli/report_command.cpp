// report: the steering-group report (HTML, Markdown, CSV or JSON) from the report module.
#include "cli.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/decision_list.hpp>
#include <actielijst/report.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/snapshot.hpp>

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
    // A report for a meeting is as of its date unless --as-of says otherwise.
    const auto as_of = o.as_of.empty() && !o.meeting.empty() ? meeting_date(store, o.meeting, "--meeting")
                                                             : view_date(o.as_of, store);
    // --where asks the store for the selected actions only (a scoped view). What
    // changed since a snapshot is a difference of whole lists, so --since reads the
    // whole list and lets the report select.
    const auto view = o.where.empty() || !o.since.empty()
                          ? store.view(as_of)
                          : store.view(as_of, actielijst::Filter::parse(o.where, "--where"));
    const auto rules = o.rules.empty() ? actielijst::RuleSet::defaults(&view) : actielijst::RuleSet::load(o.rules, &view);
    actielijst::EvaluateOptions evaluate;  // messages and labels in the report's language
    evaluate.language = ctx.language;
    const auto evaluation = rules.evaluate(view, evaluate);
    // The report parses the filter itself; parsing it here first makes an error name the option.
    if (!o.where.empty()) (void)actielijst::Filter::parse(o.where, "--where", &view);
    std::optional<actielijst::Changes> changes;
    if (!o.since.empty()) changes = actielijst::diff(actielijst::load_snapshot(o.since), view);

    actielijst::ReportOptions options;
    options.language = ctx.language;
    options.title = o.title;
    options.sections = o.sections;
    options.filter = o.where;
    options.include_contacts = o.contacts;
    options.meeting = o.meeting;
    const auto contacts = o.contacts ? store.contacts() : std::vector<actielijst::Contact>{};
    const auto report = actielijst::build_report(view, evaluation, options, changes ? &*changes : nullptr, contacts);
    const auto format = actielijst::parse_report_format(o.format);
    write_output(o.output, [&](std::ostream& out) { actielijst::render(report, format, out); });
    if (!o.output.empty() && o.output != "-")
        actielijst::write_stdout([&](std::ostream& out) {
            out << "Report as of " << view.as_of().iso() << " (" << o.format << ") written to " << o.output << ".\n";
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
