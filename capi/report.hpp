// The report entry points share this: their arguments checked (before any work, so
// a bad option fails before the rules are evaluated) and turned into a request of
// the library's one report pipeline (actielijst/report_request.hpp), which builds
// the model. Rendering is each entry point's own: into a buffer, a write callback
// or a file.
#pragma once

#include <actielijst.h>
#include <actielijst/report.hpp>
#include <actielijst/report_request.hpp>

namespace actielijst::capi {

/// A checked report call: the pipeline's request, its pointers borrowed from the
/// call's handles (alive for the call), and the format to render.
struct ReportCall {
    actielijst::ReportRequest request;
    ReportFormat format = ReportFormat::html;
};

/// Checks the arguments of a report call named `fn` (handles, options version,
/// format, language, sections, contacts) and throws Error naming the argument.
ReportCall report_request(const char* fn, actielijst_view* view, actielijst_rules* rules,
                          const actielijst_report_options* options, actielijst_view* compare);

/// Checks the arguments of a store report call named `fn` (the handle, the options
/// with their dates, snapshot and rules) and throws Error naming the argument.
ReportCall store_report_request(const char* fn, actielijst_store* store,
                                const actielijst_store_report_options* options);

/// Runs the pipeline on the checked call: the rules (or the defaults) evaluated,
/// the changes, the contacts, and the report model.
Report build_report(const ReportCall& call);

}  // namespace actielijst::capi
