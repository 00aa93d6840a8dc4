// actielijst — the steering-group report: a plain model built from a View, the
// rules' Evaluation and optionally the Changes since the last meeting, and
// renderers for HTML, Markdown, CSV and JSON. The model and its JSON form are
// documented in docs/report.md.
//
// Reproducible: the same View, Evaluation, Changes and options give byte-identical
// output (nothing reads the clock, the locale or the environment).
// Safe: every text from the data is escaped for the output format (HTML markup,
// Markdown syntax, CSV quoting and spreadsheet formulas).
#pragma once

#include <actielijst/contact.hpp>
#include <actielijst/error.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/view.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

struct Changes;  // changes.hpp

enum class ReportFormat : int { html = 0, markdown = 1, csv = 2, json = 3 };
std::string_view to_string(ReportFormat format) noexcept;
/// "html", "md"/"markdown", "csv", "json"; throws Error(Errc::invalid) otherwise.
ReportFormat parse_report_format(std::string_view text);

/// The section names, in report order: summary, decisions, signals, changes,
/// actions, monitoring.
const std::vector<std::string>& report_sections();

struct ReportOptions {
    /// "nl" (default) or "en"; anything else throws Error(Errc::invalid).
    std::string language = "nl";
    /// Empty: the list's meta "title", else "Actielijst" / "Action list".
    std::string title;
    /// Sections to include (names from report_sections()); empty means all. An
    /// unknown name throws Error(Errc::invalid). Order does not matter.
    std::vector<std::string> sections;
    /// A filter expression (docs/rules.md) selecting the action points; empty
    /// selects all. A bad one throws the RuleError of Filter::parse. Findings about
    /// regions rather than actions are kept.
    std::string filter;
    /// Personal data: contacts appear only when this is true (and contacts are given).
    bool include_contacts = false;
    /// Key of the meeting the report is for; empty: the last meeting on or before
    /// the as-of date, if any. An unknown key throws Error(Errc::not_found).
    std::string meeting;
};

/// One state of affairs of an action for one scope.
struct ReportScope {
    std::string region;       ///< region code
    std::string region_name;
    std::string region_kind;  ///< "province", "corop", "municipality"
    std::string parent_name;  ///< for a municipality: its region's name
    std::string state;        ///< state key; empty when no state of affairs is known
    std::string state_label;
    std::string category;     ///< state category name; empty when unknown
    std::string text;
    std::optional<Date> as_of;
    std::string author;
};

/// "4 van de 8 gemeenten" for an ordinal indicator, a region and a level.
struct ReportRollup {
    std::string indicator;
    std::string indicator_label;
    std::string region;
    std::string region_name;
    std::string level;
    std::string level_label;
    Rollup rollup;
    std::string words;  ///< the rollup in words, in the report's language
};

struct ReportProposal {
    std::string key;
    std::string action;
    std::string action_title;
    std::string kind;         ///< "proposal" or "consensus"
    std::string kind_label;
    std::string state;        ///< "open", "adopted", "rejected", "withdrawn"
    std::string state_label;
    std::string text;
    std::string meeting;
    std::optional<Date> decided;
};

struct ReportReference {
    std::string action;
    std::string title;  ///< empty when the reference points outside the View
};

struct ReportFinding {
    std::string rule;
    std::string severity;  ///< "info", "warning", "alert"
    std::string severity_label;
    std::string action;    ///< empty for a region finding
    std::string action_title;
    std::string region;
    std::string region_name;
    std::string message;
    std::vector<Reason> reasons;  ///< as the engine wrote them (English details)
};

struct ReportAction {
    std::string key;
    std::string theme;
    std::string title;
    std::string goal;
    std::vector<std::string> leads;     ///< owner names with role lead
    std::vector<std::string> supports;  ///< owner names with role support
    std::optional<Date> due;
    int due_moves = 0;
    /// The overall state category (docs/report.md): blocked if any scope is blocked,
    /// else active if any is active, else todo if any is todo, else done if any is
    /// done, else dropped; empty when no scope has a state of affairs.
    std::string category;
    std::string category_label;
    std::string rag;  ///< "grey", "green", "amber", "red"
    std::string rag_label;
    std::vector<std::string> rag_rules;  ///< the rules that decided red or amber
    std::vector<ReportScope> scopes;     ///< one per scope region, then other statuses
    std::vector<ReportRollup> rollups;
    std::vector<ReportProposal> proposals;
    std::vector<ReportReference> see_also;
};

struct ReportTheme {
    std::string key;
    std::string label;
    std::vector<ReportAction> actions;
};

/// Counts of action points per theme and overall state category.
struct ReportSummaryRow {
    std::string theme;
    std::string label;
    /// Indexed like ReportSummary::categories.
    std::vector<std::size_t> counts;
};

struct ReportSummary {
    /// todo, active, blocked, done, dropped, none (no state of affairs).
    std::vector<std::string> categories;
    std::vector<std::string> category_labels;
    std::vector<ReportSummaryRow> themes;
    std::size_t actions = 0;
    std::size_t statuses = 0;
    std::size_t open_proposals = 0;
    std::array<std::size_t, 4> rag{};       ///< by Rag: grey, green, amber, red
    std::array<std::size_t, 3> findings{};  ///< by Severity: info, warning, alert
};

/// One coverage bar: of an ordinal indicator in a region, how many municipalities
/// are known at its highest level, known at all, and exist.
struct ReportCoverage {
    std::string indicator;
    std::string indicator_label;
    std::string region;
    std::string region_name;
    std::string level_label;  ///< the highest level
    Rollup rollup;
};

struct ReportObservation {
    std::string indicator;
    std::string indicator_label;
    std::string region;
    std::string region_name;
    std::string value;  ///< the value in words and numbers, in the report's language
    std::string source;
    std::string note;
    Date as_of{1970, 1, 1};
    std::int64_t age_days = 0;  ///< from as_of to the report date
};

struct ReportChange {
    std::string what;  ///< "action", "status", "proposal", "observation"
    std::string kind;  ///< "added", "changed", "removed", "closed", "decided"
    std::string kind_label;
    std::string subject;  ///< action title, proposal key, indicator label
    std::string region_name;
    std::string before;
    std::string after;
};

struct ReportContact {
    std::string municipality;
    std::string municipality_name;
    std::string role;
    std::string name;
    std::string email;
};

struct Report {
    std::string language;
    std::string title;
    Date as_of{1970, 1, 1};
    std::string as_of_text;  ///< the date in words ("1 maart 2023")
    std::string as_of_note;  ///< why the date is inferred, when it is
    std::string meeting;     ///< key; empty when none
    std::string meeting_title;
    std::optional<Date> meeting_date;
    std::string filter;
    std::vector<std::string> sections;  ///< included sections, in report order
    ReportSummary summary;
    std::vector<ReportProposal> decisions;  ///< open proposals of the selected actions
    std::vector<ReportFinding> signals;     ///< alert, warning, info
    /// Set when Changes were given to build_report.
    std::optional<Date> changes_from;
    std::vector<ReportChange> changes;
    std::vector<ReportTheme> themes;
    std::vector<ReportCoverage> coverage;
    std::vector<ReportObservation> monitoring;
    std::vector<ReportContact> contacts;  ///< only with include_contacts
};

/// Builds the report model. `changes` (from diff()) fills the changes section;
/// without it that section says no comparison was made. `contacts` are used only
/// when options.include_contacts is set. Throws Error (unknown section, language or
/// meeting) or the RuleError of a bad filter.
Report build_report(const View& view, const Evaluation& evaluation, const ReportOptions& options = {},
                    const Changes* changes = nullptr, const std::vector<Contact>& contacts = {});

/// One self-contained HTML document: inline CSS with an A4 print stylesheet and
/// inline SVG charts, no scripts, no external resources; well-formed XHTML syntax.
std::string render_html(const Report& report);
/// CommonMark with every data text escaped.
std::string render_markdown(const Report& report);
/// RFC 4180, CRLF, UTF-8: a header and one row per action × scope. Cells starting
/// with =, +, -, @, tab or CR get a leading apostrophe.
std::string render_csv(const Report& report);
/// The report model as JSON (docs/report.md).
std::string render_json(const Report& report);
std::string render(const Report& report, ReportFormat format);

/// The renderers above, writing into `out` as they go, so no whole document is
/// held in memory; the bytes are those of the string-returning forms. Formatting
/// does not depend on `out`'s locale or flags. An exception `out` throws (see
/// std::ios::exceptions) propagates and ends the rendering; when `out` fails
/// without throwing, the rendering ends with Error(Errc::io). What was written
/// before a failure stays written.
void render_html(const Report& report, std::ostream& out);
void render_markdown(const Report& report, std::ostream& out);
void render_csv(const Report& report, std::ostream& out);
void render_json(const Report& report, std::ostream& out);
void render(const Report& report, ReportFormat format, std::ostream& out);

/// Renders into the file at `path`, atomically (write_file in output.hpp): on any
/// failure `path` keeps its previous content and Error(Errc::io) names the path,
/// what failed and why.
void render_file(const Report& report, ReportFormat format, const std::string& path);

}  // namespace actielijst
