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

/// The section names, in report order: summary, overview, decisions, signals,
/// changes, actions, monitoring.
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
    /// The title, followed by the key in brackets when another action of the list has
    /// the same title; empty when the reference points outside the View.
    std::string title;
};

/// One cell of the overview: an action point in one region column.
struct ReportCell {
    bool in_scope = false;  ///< the action's scope holds the region or one of its municipalities
    /// The state category there (as ReportAction::category, over the region itself and
    /// its municipalities in the scope); empty when none of them has a state of affairs.
    std::string category;
    /// What the cell says: the state's label when one state of affairs decides it,
    /// else the aggregation in words ("2 van 5 gemeenten gereed, 3 actief").
    std::string label;
    std::optional<Date> as_of;  ///< the latest state of affairs counted
};

/// A column of the overview: a province or COROP region in the scope of a selected action.
struct ReportColumn {
    std::string region;
    std::string region_name;
    std::string region_kind;
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
    /// One per reason: the reason in words in the report's language, or empty when
    /// there are no words for it (then the expression is what a reader gets).
    std::vector<std::string> reason_words;
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
    /// The overall state category (docs/report.md, "Overall state"): the category all
    /// scopes share; "partial" when some are closed (done or dropped) and others
    /// not; else, between open categories, blocked before active before todo; done when
    /// all are closed and one is done. Empty when no scope has a state of affairs.
    std::string category;
    std::string category_label;
    /// The overall state in words, true across the scopes: "Gereed", or "deels gereed:
    /// 1 van 3 regio's gereed, 2 niet gestart".
    std::string overall;
    std::string rag;  ///< "grey", "green", "amber", "red"
    std::string rag_label;
    std::vector<std::string> rag_rules;  ///< the rules that decided red or amber
    std::vector<ReportScope> scopes;     ///< one per scope region, then other statuses
    std::vector<ReportRollup> rollups;
    std::vector<ReportProposal> proposals;
    std::vector<ReportReference> see_also;
    /// The overview row: one cell per Report::columns.
    std::vector<ReportCell> cells;
    /// The title as other parts of the report refer to it: with the key in brackets
    /// when another action of the list has the same title.
    std::string reference;
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
    /// todo, active, blocked, partial, done, dropped, none (no state of affairs).
    std::vector<std::string> categories;
    std::vector<std::string> category_labels;
    std::vector<ReportSummaryRow> themes;
    std::size_t actions = 0;
    std::size_t statuses = 0;
    std::size_t open_proposals = 0;
    std::array<std::size_t, 4> rag{};       ///< by Rag: grey, green, amber, red
    std::array<std::size_t, 3> findings{};  ///< by Severity: info, warning, alert
};

/// Municipalities of a region at exactly one level of an ordinal indicator.
struct ReportLevelCount {
    std::string level;
    std::string level_label;
    std::size_t count = 0;
};

/// One coverage bar: of an ordinal indicator in a region, how many municipalities are
/// at each level, counting both the municipalities' own figures and the region's own
/// "x van de y" statements, and how many are unknown.
struct ReportCoverage {
    std::string indicator;
    std::string indicator_label;
    std::string region;
    std::string region_name;
    std::string level_label;  ///< the highest level
    Rollup rollup;            ///< at the highest level
    /// Highest level first; a municipality counts once, at the highest level any
    /// figure places it. Levels with no municipality are included with count 0.
    std::vector<ReportLevelCount> levels;
    std::size_t unknown = 0;  ///< municipalities no figure places at any level
    std::string words;        ///< "4 Beleid vastgesteld, 1 In voorbereiding, 3 onbekend"
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
    /// The overview's columns: the provinces and COROP regions the selected actions'
    /// scopes name (directly or through a municipality), in the list's region order.
    std::vector<ReportColumn> columns;
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

/// A rule's reason in words in `language` ("nl" or "en"), with the labels of `view`:
/// "stand van zaken Stagneert sinds 1 maart 2023". Empty when there are no words for
/// the reason's shape (then its expression is what a reader gets) or for another language.
std::string reason_in_words(const Reason& reason, const View& view, std::string_view language);

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
