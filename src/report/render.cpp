// Report formats by name, and render() choosing the renderer.
#include <actielijst/output.hpp>
#include <actielijst/report.hpp>

#include "report/stream.hpp"

#include <ostream>

namespace actielijst {

std::string_view to_string(ReportFormat format) noexcept {
    switch (format) {
        case ReportFormat::html: return "html";
        case ReportFormat::markdown: return "md";
        case ReportFormat::csv: return "csv";
        case ReportFormat::json: return "json";
    }
    return "?";
}

ReportFormat parse_report_format(std::string_view text) {
    if (text == "html") return ReportFormat::html;
    if (text == "md" || text == "markdown") return ReportFormat::markdown;
    if (text == "csv") return ReportFormat::csv;
    if (text == "json") return ReportFormat::json;
    throw Error(Errc::invalid, "format", "expected html, md, csv or json, got \"" + std::string(text) + "\"");
}

void render(const Report& report, ReportFormat format, std::ostream& out) {
    switch (format) {
        case ReportFormat::html: return render_html(report, out);
        case ReportFormat::markdown: return render_markdown(report, out);
        case ReportFormat::csv: return render_csv(report, out);
        case ReportFormat::json: return render_json(report, out);
    }
    throw Error(Errc::invalid, "format", "unknown format");
}

std::string render(const Report& report, ReportFormat format) {
    return report::collect([&](std::ostream& out) { render(report, format, out); });
}

void render_file(const Report& report, ReportFormat format, const std::string& path) {
    if (to_string(format) == "?") throw Error(Errc::invalid, "format", "unknown format");
    write_file(path, [&](std::ostream& out) { render(report, format, out); });
}

}  // namespace actielijst
