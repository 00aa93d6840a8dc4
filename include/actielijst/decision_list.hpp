/// \file
/// actielijst — the list after the meeting ("besluitenlijst"): what a meeting
/// decided, which proposals were tabled, which action points were added, closed or
/// given a new deadline, and what stays open for the next meeting. Computed from
/// two pictures of the list (the View at the previous meeting and the View at this
/// one) through diff(); rendered as HTML, Markdown, CSV or JSON like the report.
/// The model and its JSON form are documented in docs/decision-list.md.
///
/// Reproducible: the same Views, meeting and options give byte-identical output.
/// Safe: every text from the data is escaped for the output format.
#pragma once

#include <actielijst/error.hpp>
#include <actielijst/meeting.hpp>
#include <actielijst/report.hpp>  // ReportFormat
#include <actielijst/view.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace actielijst {

class Store;

/// How build_decision_list() makes the list after the meeting.
struct DecisionListOptions {
    /// "nl" (default) or "en"; anything else throws Error(Errc::invalid).
    std::string language = "nl";
    /// Empty: "Besluitenlijst" / "Decision list".
    std::string title;
    /// An action that is not closed counts as due for the next meeting when its due
    /// date is on or before the meeting's date plus this many days (0 or more;
    /// negative throws Error(Errc::invalid)).
    int due_within_days = 42;
};

/// A proposal decided in the period (decisions) or tabled in it (tabled).
struct DecisionListProposal {
    std::string key;           ///< key of the proposal
    std::string action;        ///< key of the action point it belongs to
    std::string action_title;  ///< title of that action point
    std::string kind;          ///< "proposal" or "consensus"
    std::string kind_label;    ///< `kind` as a label in the list's language
    std::string state;         ///< "open", "adopted", "rejected", "withdrawn"
    std::string state_label;   ///< `state` as a label in the list's language
    std::string text;          ///< what was proposed
    std::string decision;      ///< the words the decision was recorded with; empty for a tabled one
    /// Decided: the decision's date. Tabled: the date it was tabled.
    std::optional<Date> date;
    /// Decided: the meeting that took the decision. Tabled: the meeting it was tabled at.
    std::string meeting;
    std::string meeting_title;  ///< title of `meeting`; empty when none
    /// True when `meeting` is the meeting the list is for (else it was taken or tabled
    /// between the meetings, or at no meeting).
    bool at_meeting = false;
};

/// An action point added to the list, or closed (all its scopes done or dropped, or
/// taken off the list).
struct DecisionListAction {
    std::string key;                    ///< key of the action point
    std::string theme;                  ///< key of its theme
    std::string theme_label;            ///< its theme's label in the list's language
    std::string title;                  ///< title of the action point
    std::string goal;                   ///< its goal
    std::vector<std::string> leads;     ///< names of the owners that carry it (OwnerRole::lead)
    std::vector<std::string> supports;  ///< names of the owners that help (OwnerRole::support)
    std::optional<Date> due;            ///< its due date in the later View; unset when none
    /// "added", "closed" (all scopes in a done or dropped state) or "removed" (taken
    /// off the list).
    std::string reason;
    std::string reason_label;  ///< `reason` as a label in the list's language
    /// The states its scopes are in ("Gereed", or "Gereed, Geen actie nodig"); for a
    /// removed action empty.
    std::string state_label;
    /// The latest state of affairs: its date and text (empty when none).
    std::optional<Date> as_of;
    std::string text;  ///< the text of that latest state of affairs; empty when none
};

/// An action whose due date changed in the period.
struct DecisionListDeadline {
    std::string key;           ///< key of the action point
    std::string theme_label;   ///< its theme's label in the list's language
    std::string title;         ///< title of the action point
    std::optional<Date> from;  ///< unset: it had no due date
    std::optional<Date> to;    ///< unset: the due date was removed
    int moves = 0;             ///< how often the due date moved up to the meeting
};

/// What the next meeting must come back to.
struct DecisionListOpenItem {
    /// "proposal" (an open proposal), "overdue" (due before the meeting), "due" (due
    /// within DecisionListOptions::due_within_days after it), "stalled" (a scope in a
    /// blocked state). An action may be both due and stalled: one item each.
    std::string kind;
    std::string kind_label;    ///< `kind` as a label in the list's language
    std::string key;           ///< the proposal's key, or the action's
    std::string action;        ///< key of the action point (for a proposal, the one it belongs to)
    std::string action_title;  ///< title of that action point
    /// The proposal's text; for a stalled action its stalled scopes ("Zuid-Limburg:
    /// Stagneert (1 maart 2023)"), one per line; else empty.
    std::string text;
    std::vector<std::string> regions;  ///< stalled: the names of the stalled scopes
    std::optional<Date> due;           ///< due and overdue: the due date
};

/// The list after the meeting (besluitenlijst) as a model, ready for the renderers:
/// made by build_decision_list(), rendered by render_decision_list() and the
/// format-specific renderers; its JSON form is documented in docs/decision-list.md.
struct DecisionList {
    std::string language;           ///< language of labels and texts: "nl" or "en"
    std::string title;              ///< the document title: DecisionListOptions::title, or the default
    std::string list_title;         ///< the list's meta "title"; empty when none
    std::string meeting;            ///< key of the meeting the list is for
    std::string meeting_title;      ///< title of the meeting; empty when it has none
    Date meeting_date{1970, 1, 1};  ///< date of the meeting
    std::string meeting_date_text;  ///< "12 april 2023"
    /// The latest meeting before this one in the later View; empty when none.
    std::string previous_meeting;
    std::string previous_meeting_title;         ///< its title; empty when none or untitled
    std::optional<Date> previous_meeting_date;  ///< its date; unset when there is none
    /// The period compared: the as-of dates of the two Views. `from` is unset when
    /// there is no previous meeting (everything up to the meeting counts).
    std::optional<Date> from;
    /// The end of the period compared: the as-of date of the later View.
    Date to{1970, 1, 1};
    /// The DecisionListOptions::due_within_days the list was made with.
    int due_within_days = 42;
    std::vector<DecisionListProposal> decisions;        ///< by action display order, then key
    std::vector<DecisionListProposal> tabled;           ///< new (or re-opened) and open after the meeting
    std::vector<DecisionListAction> actions_added;      ///< in display order
    std::vector<DecisionListAction> actions_closed;     ///< in display order, removed ones last
    std::vector<DecisionListDeadline> deadlines_moved;  ///< in display order
    std::vector<DecisionListOpenItem> open_items;       ///< open proposals, then actions in display order
};

/// Builds the list after the meeting `meeting_key` from `before` (the list at the
/// previous meeting's date) and `after` (the list at this meeting's date), using
/// diff(before, after). `meeting_key` must name a meeting of `after` (empty: the
/// last meeting of `after`); otherwise Error(Errc::not_found) names it. The
/// previous meeting is the latest meeting of `after` dated before this one. When
/// there is none, pass an empty View (`View(ViewData{})`): the list then holds
/// everything up to the meeting (every action on the list is "added", every decision
/// taken by then is listed). Labels come from `after`. Throws Error(Errc::invalid)
/// for a bad language or due_within_days.
DecisionList build_decision_list(const View& before, const View& after, const std::string& meeting_key,
                                 const DecisionListOptions& options = {});

/// The same, taking both Views from `store`: `meeting_key` names a stored meeting
/// (empty: the last meeting on or before `as_of`, or the last meeting of all when
/// `as_of` is unset); `after` is the store's View at that meeting's date, `before`
/// its View at the previous meeting's date, or an empty View when there is none.
/// Error(Errc::not_found) for an unknown meeting key or when no meeting qualifies.
DecisionList build_decision_list(const Store& store, const std::string& meeting_key,
                                 const DecisionListOptions& options = {}, std::optional<Date> as_of = std::nullopt);

/// One self-contained, script-free HTML document (inline CSS, A4 print stylesheet),
/// well-formed XHTML syntax.
std::string render_decision_list_html(const DecisionList& list);
/// CommonMark with every data text escaped.
std::string render_decision_list_markdown(const DecisionList& list);
/// RFC 4180, CRLF, UTF-8: a header and one row per item (decision, tabled proposal,
/// added, closed or re-dated action, open item). Cells starting with =, +, -, @,
/// tab or CR get a leading apostrophe.
std::string render_decision_list_csv(const DecisionList& list);
/// The model as JSON (docs/decision-list.md).
std::string render_decision_list_json(const DecisionList& list);
/// The list rendered in `format`: one of the four renderers above.
std::string render_decision_list(const DecisionList& list, ReportFormat format);

/// The renderers above, writing into `out` as they go, with the same bytes and the
/// same error behaviour as the report's streaming renderers (report.hpp).
void render_decision_list_html(const DecisionList& list, std::ostream& out);
/// CommonMark, as render_decision_list_markdown(const DecisionList&), written into `out`.
void render_decision_list_markdown(const DecisionList& list, std::ostream& out);
/// RFC 4180 CSV, as render_decision_list_csv(const DecisionList&), written into `out`.
void render_decision_list_csv(const DecisionList& list, std::ostream& out);
/// JSON, as render_decision_list_json(const DecisionList&), written into `out`.
void render_decision_list_json(const DecisionList& list, std::ostream& out);
/// The list rendered in `format` into `out`: one of the four streaming renderers above.
void render_decision_list(const DecisionList& list, ReportFormat format, std::ostream& out);

/// Renders into the file at `path` atomically (write_file in output.hpp): on any
/// failure `path` keeps its previous content and Error(Errc::io) names the path.
void render_decision_list_file(const DecisionList& list, ReportFormat format, const std::string& path);

}  // namespace actielijst
