// The report pipeline (report_request.hpp): view -> rules -> changes -> contacts ->
// report model -> rendering, once for every front end. The choices where the front
// ends used to differ are made here and explained in docs/report.md ("One pipeline").
#include <actielijst/changes.hpp>
#include <actielijst/report_request.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/snapshot.hpp>
#include <actielijst/store.hpp>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>

namespace actielijst {
namespace {

/// The checks that need no data, made first so a mistake in the request costs no
/// store read and no rule evaluation. build_report repeats the option checks with
/// the same messages for callers that build the model themselves.
void check_request(const ReportRequest& request) {
    if (!request.view && !request.store)
        throw Error(Errc::invalid, "report request: give a store or a view to report on");
    if (request.view && request.as_of)
        throw Error(Errc::invalid, "report request: as_of applies to a report from a store; a view has its own date");
    const int comparisons = (request.compare_view ? 1 : 0) + (request.compare_snapshot.empty() ? 0 : 1) +
                            (request.compare_date ? 1 : 0);
    if (comparisons > 1)
        throw Error(Errc::invalid,
                    "report request: compare against one picture (a view, a snapshot file or a date), not several");
    if (request.compare_date && !request.store)
        throw Error(Errc::invalid, "report request: compare_date needs the store to take that date's list from");
    if (request.options.include_contacts && !request.store)
        throw Error(Errc::invalid, "report request: include_contacts needs the store to read the contacts from");
    const auto& options = request.options;
    if (options.language != "nl" && options.language != "en")
        throw Error(Errc::invalid, "language", "expected \"nl\" or \"en\", got \"" + options.language + "\"");
    const auto& known = report_sections();
    for (const auto& s : options.sections)
        if (std::find(known.begin(), known.end(), s) == known.end())
            throw Error(Errc::invalid, "sections",
                        "unknown section \"" + s +
                            "\"; expected summary, overview, decisions, signals, changes, actions or monitoring");
}

/// The report date of a report from the store. A report for a meeting is the
/// report that meeting saw, so without a date it is as of the meeting's date.
Date report_date(const ReportRequest& request) {
    if (request.as_of) return *request.as_of;
    const std::string& key = request.options.meeting;
    if (key.empty()) return request.store->default_date();
    for (const auto& m : request.store->meetings())
        if (m.key() == key) return m.date();
    throw Error(Errc::not_found, "meeting", "unknown meeting \"" + key + "\"");
}

bool compares(const ReportRequest& request) {
    return request.compare_view || !request.compare_snapshot.empty() || request.compare_date;
}

/// The view a report from the store is made of. A filter without a comparison asks
/// the store for the selected action points only (a question costs what it
/// returns); the changes since a picture are a difference of whole lists, so with a
/// comparison the whole list is read and the report selects.
View store_view(const ReportRequest& request) {
    const Date date = report_date(request);
    const std::string& filter = request.options.filter;
    if (filter.empty() || compares(request)) return request.store->view(date);
    return request.store->view(date, Filter::parse(filter, request.filter_origin));
}

std::optional<Changes> changes_to(const ReportRequest& request, const View& now) {
    if (request.compare_view) return diff(*request.compare_view, now);
    if (!request.compare_snapshot.empty()) return diff(load_snapshot(request.compare_snapshot), now);
    if (request.compare_date) return diff(request.store->view(*request.compare_date), now);
    return std::nullopt;
}

}  // namespace

Report build_report(const ReportRequest& request) {
    check_request(request);
    std::optional<View> taken;
    if (!request.view) taken.emplace(store_view(request));
    const View& view = request.view ? *request.view : *taken;
    // Checked against the view before the rules run, so a bad filter is named by its
    // origin (e.g. "--where:1:8") and costs no evaluation; build_report parses it again.
    if (!request.options.filter.empty()) (void)Filter::parse(request.options.filter, request.filter_origin, &view);
    // A caller's rules are checked against the list here too (evaluate() would, but
    // later): a name the list lacks is named at its line and column first.
    if (request.rules) request.rules->check(view);
    // The comparison picture is read before the evaluation, the costly step, so an
    // unreadable snapshot fails early.
    const auto changes = changes_to(request, view);
    std::optional<RuleSet> defaults;
    if (!request.rules) defaults.emplace(RuleSet::defaults(&view));
    EvaluateOptions evaluate;  // messages and labels in the report's language (rules.md)
    evaluate.language = request.options.language;
    const auto evaluation = (request.rules ? *request.rules : *defaults).evaluate(view, evaluate);
    std::vector<Contact> contacts;
    if (request.options.include_contacts) contacts = request.store->contacts();
    return build_report(view, evaluation, request.options, changes ? &*changes : nullptr, contacts);
}

std::string render_report(const ReportRequest& request, ReportFormat format) {
    return render(build_report(request), format);
}

void render_report(const ReportRequest& request, ReportFormat format, std::ostream& out) {
    render(build_report(request), format, out);
}

void render_report_file(const ReportRequest& request, ReportFormat format, const std::string& path) {
    render_file(build_report(request), format, path);
}

}  // namespace actielijst
