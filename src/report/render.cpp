// Report formats by name, and render() choosing the renderer.
#include <actielijst/report.hpp>

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
    throw Error(Errc::invalid, "report format: expected html, md, csv or json, got \"" + std::string(text) + "\"");
}

std::string render(const Report& report, ReportFormat format) {
    switch (format) {
        case ReportFormat::html: return render_html(report);
        case ReportFormat::markdown: return render_markdown(report);
        case ReportFormat::csv: return render_csv(report);
        case ReportFormat::json: return render_json(report);
    }
    throw Error(Errc::invalid, "report format: unknown format");
}

}  // namespace actielijst
