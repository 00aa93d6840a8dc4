/// \file
/// actielijst — the report pipeline in one call: the list as it stood on a date,
/// the rules evaluated on it, the changes since an earlier picture, the contacts
/// when asked for, the report model and its rendering. Every front end (the C API,
/// the command-line tool, the steering-group report generator, Python through the
/// C API) makes its report here, so the same request gives the same bytes
/// everywhere. docs/report.md, "One pipeline", says which choices it makes and why.
#pragma once

#include <actielijst/date.hpp>
#include <actielijst/report.hpp>

#include <iosfwd>
#include <optional>
#include <string>

namespace actielijst {

class RuleSet;
class Store;
class View;

/// What report to make. The pointers are borrowed for the duration of the call
/// that takes the request; nothing is kept.
///
/// The list comes from `view` when it is set, else from `store`; one of the two is
/// required. Comparing against an earlier picture is optional, and at most one of
/// `compare_view`, `compare_snapshot` and `compare_date` may be set.
struct ReportRequest {
    /// The store to read. Without `view` the pipeline takes the store's view as of the
    /// report date (only the selected action points when `options.filter` is set and
    /// nothing is compared). Also where contacts and `compare_date` pictures come
    /// from, and where the date of `options.meeting` is looked up.
    const Store* store = nullptr;

    /// A view already taken (whole or scoped); used instead of a view of `store`. The
    /// report is as of its date, so `as_of` must then be empty.
    const View* view = nullptr;

    /// The report date, for a report from `store`. Empty: the date of
    /// `options.meeting` when one is named, else Store::default_date() (the latest
    /// date anything was recorded).
    std::optional<Date> as_of;

    /// Compare against this view: the changes section lists what changed from it to
    /// the report's view.
    const View* compare_view = nullptr;

    /// Compare against the snapshot file at this path (save_snapshot); empty: none.
    /// A file that cannot be read gives Error(Errc::io); one that is not a snapshot,
    /// Error(Errc::invalid); one from a newer version, Error(Errc::version).
    std::string compare_snapshot;

    /// Compare against the whole list of `store` as it stood on this date.
    std::optional<Date> compare_date;

    /// The rules whose findings the report shows; nullptr: RuleSet::defaults(). They
    /// are evaluated in the report's language.
    const RuleSet* rules = nullptr;

    /// Language, title, sections, filter, meeting and the contacts opt-in, as
    /// build_report takes them. With `include_contacts` the contacts are read from
    /// `store`, which is then required.
    ReportOptions options;

    /// How errors in `options.filter` name the filter ("filter:1:8: ..."), e.g. the
    /// command-line option it came from ("--where").
    std::string filter_origin = "filter";
};

/// Runs the pipeline: the view, the rules' evaluation, the changes, the contacts
/// and the report model. Checks the request before any expensive step.
///
/// Throws Error(Errc::invalid) for a request without a store or view, `as_of`
/// beside `view`, more than one comparison, a `compare_date` or contacts without
/// a store, an unknown language or section; Error(Errc::not_found) for an unknown
/// meeting; the RuleError of a filter or rules that do not fit the view; the
/// errors of load_snapshot for `compare_snapshot`; Error(Errc::storage) when the
/// store cannot be read.
Report build_report(const ReportRequest& request);

/// The report of `request` rendered in `format` (build_report, then render).
std::string render_report(const ReportRequest& request, ReportFormat format);

/// The report of `request` rendered into `out` as it is rendered. The report is
/// built before the first byte is written, so an error of build_report writes
/// nothing; stream failures as render(report, format, out).
void render_report(const ReportRequest& request, ReportFormat format, std::ostream& out);

/// The report of `request` written atomically to the file at `path`, as
/// render_file does: on any failure `path` keeps its previous content, and an error
/// of build_report leaves it untouched.
void render_report_file(const ReportRequest& request, ReportFormat format, const std::string& path);

}  // namespace actielijst
