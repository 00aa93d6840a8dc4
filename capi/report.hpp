// The report entry points share this: their arguments checked (before any work, so
// a bad option fails before the rules are evaluated), then the report model built.
// Rendering is each entry point's own: into a buffer, a write callback or a file.
#pragma once

#include <actielijst.h>
#include <actielijst/report.hpp>

namespace actielijst::capi {

struct ReportRequest {
    const actielijst_view* view = nullptr;
    const actielijst_rules* rules = nullptr;    ///< NULL: the default rules
    const actielijst_view* compare = nullptr;   ///< NULL: no changes section
    const actielijst_store* contact_store = nullptr;  ///< set when contacts are included
    ReportOptions options;
    ReportFormat format = ReportFormat::html;
};

/// Checks the arguments of a report call named `fn` (handles, options version,
/// format, language, sections, contacts) and throws Error naming the argument.
ReportRequest report_request(const char* fn, actielijst_view* view, actielijst_rules* rules,
                             const actielijst_report_options* options, actielijst_view* compare);

/// Evaluates the rules (or the defaults), the changes and the contacts, and builds
/// the report model.
Report build_report(const ReportRequest& request);

}  // namespace actielijst::capi
