/// \file
/// actielijst — the steering-group report: a plain model built from a View, the
/// rules' Evaluation and optionally the Changes since the last meeting, and
/// renderers for HTML, Markdown, CSV and JSON. The model and its JSON form are
/// documented in docs/report.md.
///
/// Reproducible: the same View, Evaluation, Changes and options give byte-identical
/// output (nothing reads the clock, the locale or the environment).
/// Safe: every text from the data is escaped for the output format (HTML markup,
/// Markdown syntax, CSV quoting and spreadsheet formulas).
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

/// The output format of a rendered report.
enum class ReportFormat : int { html = 0, markdown = 1, csv = 2, json = 3 };
/// \var ReportFormat::html
/// One self-contained HTML document with inline CSS and SVG charts (render_html).
/// \var ReportFormat::markdown
/// CommonMark with every data text escaped (render_markdown).
/// \var ReportFormat::csv
/// RFC 4180 CSV, one row per action × scope (render_csv).
/// \var ReportFormat::json
/// The report model as JSON, as docs/report.md describes it (render_json).

/// The name of `format`: "html", "md", "csv" or "json" (which parse_report_format reads back).
std::string_view to_string(ReportFormat format) noexcept;
/// "html", "md"/"markdown", "csv", "json"; throws Error(Errc::invalid) otherwise.
ReportFormat parse_report_format(std::string_view text);

/// The section names, in report order: summary, overview, decisions, signals,
/// changes, actions, monitoring.
const std::vector<std::string>& report_sections();

/// What build_report puts in the report and in which language; the as-of date is the View's.
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
    std::string region_name;  ///< the region's name (its code when the View does not know it)
    std::string region_kind;  ///< "province", "corop", "municipality"
    std::string parent_name;  ///< for a municipality: its region's name
    std::string state;        ///< state key; empty when no state of affairs is known
    std::string state_label;  ///< the state's label in the report's language; empty with `state`
    std::string category;     ///< state category name; empty when unknown
    std::string text;         ///< the state of affairs as written (stand van zaken); empty when none
    std::optional<Date> as_of;  ///< the date of the state of affairs; unset when there is none
    std::string author;         ///< who recorded the state of affairs; empty when none
};

/// "4 van de 8 gemeenten" for an ordinal indicator, a region and a level.
struct ReportRollup {
    std::string indicator;        ///< key of the ordinal indicator that measures the action
    std::string indicator_label;  ///< its label in the report's language
    std::string region;           ///< code of the COROP region in the action's scope
    std::string region_name;      ///< that region's name
    std::string level;            ///< key of the level counted (at this level or higher)
    std::string level_label;      ///< that level's label in the report's language
    Rollup rollup;                ///< the counts: View::rollup for the indicator, region and level
    std::string words;  ///< the rollup in words, in the report's language
};

/// A proposal (voorstel) or consensus of an action point, in its state on the as-of date.
struct ReportProposal {
    std::string key;           ///< key of the proposal
    std::string action;        ///< key of the action point it belongs to
    std::string action_title;  ///< that action's title as the report refers to it (ReportAction::reference)
    std::string kind;         ///< "proposal" or "consensus"
    std::string kind_label;   ///< the kind in the report's language
    std::string state;        ///< "open", "adopted", "rejected", "withdrawn"
    std::string state_label;  ///< the state in the report's language
    std::string text;         ///< what is proposed or agreed, as written
    std::string meeting;      ///< key of the meeting that decided it; empty when none
    std::optional<Date> decided;  ///< when it was decided; unset while it is open
};

/// A cross reference ("see also") from one action point to another.
struct ReportReference {
    std::string action;  ///< key of the action referred to
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
    std::string region;       ///< region code
    std::string region_name;  ///< the region's name
    std::string region_kind;  ///< "province" or "corop"
};

/// A signal: one finding of the rules (a rule that fired for an action or a region),
/// shown in the signals section by severity.
struct ReportFinding {
    std::string rule;      ///< key of the rule that fired
    std::string severity;  ///< "info", "warning", "alert"
    std::string severity_label;  ///< the severity in the report's language
    std::string action;    ///< empty for a region finding
    std::string action_title;  ///< the action's title as the report refers to it; empty for a region finding
    std::string region;        ///< code of the region it is about; empty when none
    std::string region_name;   ///< that region's name; empty when none
    std::string message;       ///< the rule's message, as the rules file words it
    std::vector<Reason> reasons;  ///< as the engine wrote them (English details)
    /// One per reason: the reason in words in the report's language, or empty when
    /// there are no words for it (then the expression is what a reader gets).
    std::vector<std::string> reason_words;
};

/// One selected action point as the report shows it: on its card in the actions
/// section and as a row of the overview.
struct ReportAction {
    std::string key;    ///< key of the action point
    std::string theme;  ///< key of its theme
    std::string title;  ///< its title as written
    std::string goal;   ///< its goal
    std::vector<std::string> leads;     ///< owner names with role lead
    std::vector<std::string> supports;  ///< owner names with role support
    std::optional<Date> due;  ///< the due date valid on the as-of date; unset when none
    int due_moves = 0;        ///< how often the due date moved up to the as-of date
    /// The overall state category (docs/report.md, "Overall state"): the category all
    /// scopes share; "partial" when some are closed (done or dropped) and others
    /// not; else, between open categories, blocked before active before todo; done when
    /// all are closed and one is done. Empty when no scope has a state of affairs.
    std::string category;
    std::string category_label;  ///< the category in the report's language ("Onbekend" when empty)
    /// The overall state in words, true across the scopes: "Gereed", or "deels gereed:
    /// 1 van 3 regio's gereed, 2 niet gestart".
    std::string overall;
    std::string rag;  ///< "grey", "green", "amber", "red"
    std::string rag_label;  ///< the RAG status in the report's language
    std::vector<std::string> rag_rules;  ///< the rules that decided red or amber
    std::vector<ReportScope> scopes;     ///< one per scope region, then other statuses
    /// "x van de y gemeenten" per COROP scope region, ordinal indicator that measures
    /// this action and level above the lowest, where anything is known.
    std::vector<ReportRollup> rollups;
    std::vector<ReportProposal> proposals;  ///< the action's proposals, in their state on the as-of date
    std::vector<ReportReference> see_also;  ///< the action points it refers to ("see also")
    /// The overview row: one cell per Report::columns.
    std::vector<ReportCell> cells;
    /// The title as other parts of the report refer to it: with the key in brackets
    /// when another action of the list has the same title.
    std::string reference;
};

/// A theme with its selected action points, in the list's theme order.
struct ReportTheme {
    std::string key;    ///< key of the theme
    std::string label;  ///< its label in the report's language
    std::vector<ReportAction> actions;  ///< its selected action points, in list order
};

/// Counts of action points per theme and overall state category.
struct ReportSummaryRow {
    std::string theme;  ///< key of the theme
    std::string label;  ///< its label in the report's language
    /// Indexed like ReportSummary::categories.
    std::vector<std::size_t> counts;
};

/// The summary section's counts, over the selected action points.
struct ReportSummary {
    /// todo, active, blocked, partial, done, dropped, none (no state of affairs).
    std::vector<std::string> categories;
    std::vector<std::string> category_labels;  ///< the categories in the report's language, same order
    std::vector<ReportSummaryRow> themes;      ///< one row per theme of the list, in theme order
    std::size_t actions = 0;         ///< selected action points
    std::size_t statuses = 0;        ///< states of affairs of their scopes (scopes with a state)
    std::size_t open_proposals = 0;  ///< open proposals of the selected actions (Report::decisions)
    std::array<std::size_t, 4> rag{};       ///< by Rag: grey, green, amber, red
    std::array<std::size_t, 3> findings{};  ///< by Severity: info, warning, alert
};

/// Municipalities of a region at exactly one level of an ordinal indicator.
struct ReportLevelCount {
    std::string level;        ///< key of the level
    std::string level_label;  ///< its label in the report's language
    std::size_t count = 0;    ///< municipalities placed at exactly this level
};

/// One coverage bar: of an ordinal indicator in a region, how many municipalities are
/// at each level, counting both the municipalities' own figures and the region's own
/// "x van de y" statements, and how many are unknown.
struct ReportCoverage {
    std::string indicator;        ///< key of the ordinal indicator
    std::string indicator_label;  ///< its label in the report's language
    std::string region;           ///< code of the COROP region
    std::string region_name;      ///< that region's name
    std::string level_label;  ///< the highest level
    Rollup rollup;            ///< at the highest level
    /// Highest level first; a municipality counts once, at the highest level any
    /// figure places it. Levels with no municipality are included with count 0.
    std::vector<ReportLevelCount> levels;
    std::size_t unknown = 0;  ///< municipalities no figure places at any level
    std::string words;        ///< "4 Beleid vastgesteld, 1 In voorbereiding, 3 onbekend"
};

/// One latest observation of a monitoring indicator in a region (the monitoring section).
struct ReportObservation {
    std::string indicator;        ///< key of the indicator
    std::string indicator_label;  ///< its label in the report's language
    std::string region;           ///< code of the region observed
    std::string region_name;      ///< that region's name
    std::string value;  ///< the value in words and numbers, in the report's language
    std::string source;  ///< where the figure comes from, as recorded
    std::string note;    ///< the observation's note, as recorded
    Date as_of{1970, 1, 1};  ///< the date of the observation
    std::int64_t age_days = 0;  ///< from as_of to the report date
};

/// One line of the changes section: what changed between the earlier picture and the report's View.
struct ReportChange {
    std::string what;  ///< "action", "status", "proposal", "observation"
    std::string kind;  ///< "added", "changed", "removed", "closed", "decided"
    std::string kind_label;  ///< the kind in the report's language
    std::string subject;  ///< action title, proposal key, indicator label
    std::string region_name;  ///< the region of a status or observation; empty otherwise
    std::string before;       ///< how it read in the earlier picture, in words; empty when added
    std::string after;        ///< how it reads in the report's View, in words; empty when removed
};

/// A contact person of a municipality (personal data; only with ReportOptions::include_contacts).
struct ReportContact {
    std::string municipality;       ///< code of the municipality
    std::string municipality_name;  ///< its name
    std::string role;               ///< the role the person is the contact for
    std::string name;               ///< the person's name
    std::string email;              ///< e-mail address; may be empty
};

/// The report model: everything the renderers write, already selected, ordered and
/// worded in the report's language. build_report makes it; docs/report.md describes
/// its JSON form.
struct Report {
    std::string language;  ///< "nl" or "en"
    std::string title;     ///< the report title (ReportOptions::title or its default)
    Date as_of{1970, 1, 1};  ///< the View's date: the report shows the list as it stood then
    std::string as_of_text;  ///< the date in words ("1 maart 2023")
    std::string as_of_note;  ///< why the date is inferred, when it is
    std::string meeting;     ///< key; empty when none
    std::string meeting_title;  ///< the meeting's title; empty when none
    std::optional<Date> meeting_date;  ///< the meeting's date; unset when none
    std::string filter;  ///< the filter expression that selected the actions; empty: all
    std::vector<std::string> sections;  ///< included sections, in report order
    ReportSummary summary;  ///< the summary section's counts
    /// The overview's columns: the provinces and COROP regions the selected actions'
    /// scopes name (directly or through a municipality), in the list's region order.
    std::vector<ReportColumn> columns;
    std::vector<ReportProposal> decisions;  ///< open proposals of the selected actions
    std::vector<ReportFinding> signals;     ///< alert, warning, info
    /// Set when Changes were given to build_report.
    std::optional<Date> changes_from;
    std::vector<ReportChange> changes;  ///< the changes section; empty without Changes
    std::vector<ReportTheme> themes;    ///< every theme with its selected actions (the actions section)
    /// One coverage bar per ordinal indicator (with two levels or more) and COROP
    /// region with municipalities.
    std::vector<ReportCoverage> coverage;
    std::vector<ReportObservation> monitoring;  ///< every latest observation of the View
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
/// The report in `format`: render_html, render_markdown, render_csv or render_json.
std::string render(const Report& report, ReportFormat format);

/// The renderers above, writing into `out` as they go, so no whole document is
/// held in memory; the bytes are those of the string-returning forms. Formatting
/// does not depend on `out`'s locale or flags. An exception `out` throws (see
/// std::ios::exceptions) propagates and ends the rendering; when `out` fails
/// without throwing, the rendering ends with Error(Errc::io). What was written
/// before a failure stays written.
void render_html(const Report& report, std::ostream& out);
/// render_markdown into `out`, as render_html(report, out) does.
void render_markdown(const Report& report, std::ostream& out);
/// render_csv into `out`, as render_html(report, out) does.
void render_csv(const Report& report, std::ostream& out);
/// render_json into `out`, as render_html(report, out) does.
void render_json(const Report& report, std::ostream& out);
/// The report in `format` into `out`; stream failures as render_html(report, out).
void render(const Report& report, ReportFormat format, std::ostream& out);

/// Renders into the file at `path`, atomically (write_file in output.hpp): on any
/// failure `path` keeps its previous content and Error(Errc::io) names the path,
/// what failed and why.
void render_file(const Report& report, ReportFormat format, const std::string& path);

}  // namespace actielijst
