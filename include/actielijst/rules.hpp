/// \file
/// actielijst — reporting rules and filters: a small expression language, parsed
/// and type-checked once when loaded, evaluated on a View (never on the store).
/// The language is documented in docs/rules.md.
#pragma once

#include <actielijst/error.hpp>
#include <actielijst/view.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// How much a finding asks of the steering group; findings are sorted by it (alert
/// first), and the RAG status of an action follows from it.
enum class Severity : int { info = 0, warning = 1, alert = 2 };
/// \var Severity::info
/// Worth knowing; by default it does not change the RAG status.
/// \var Severity::warning
/// Needs attention; by default makes an action amber.
/// \var Severity::alert
/// Needs the group's attention now; by default makes an action red.

/// The name of `severity` in rules files: "info", "warning" or "alert".
std::string_view to_string(Severity severity) noexcept;

/// What a rule is evaluated for.
enum class RuleTarget : int { action = 0, scope = 1, region = 2 };
/// \var RuleTarget::action
/// Once per action point (`per action`, the default).
/// \var RuleTarget::scope
/// Once per (action, scope) with a current state of affairs (`per scope`).
/// \var RuleTarget::region
/// Once per region (`per region`).

/// The name of `target` in rules files: "action", "scope" or "region".
std::string_view to_string(RuleTarget target) noexcept;

/// An action's overall status. grey: not started or closed.
enum class Rag : int { grey = 0, green = 1, amber = 2, red = 3 };
/// \var Rag::grey
/// Not started or closed: the rules' `grey when` expression holds.
/// \var Rag::green
/// On track: no finding at or above the `amber at` severity.
/// \var Rag::amber
/// A finding at or above the `amber at` severity (default warning), none at the
/// `red at` one.
/// \var Rag::red
/// A finding at or above the `red at` severity (default alert).

/// The name of `rag`: "grey", "green", "amber" or "red".
std::string_view to_string(Rag rag) noexcept;

/// A rules file or filter that cannot be loaded. what() reads
/// `<origin>:<line>:<column>: <message>`; for syntax errors it is followed by the
/// offending line and a caret under the column. code() is Errc::invalid, or
/// Errc::not_found for an unknown state, theme, region, indicator or level.
class RuleError : public Error {
public:
    /// An error of category `code` at `line` and `column` of the text; `message` is
    /// the whole what() text.
    RuleError(Errc code, const std::string& message, int line, int column)
        : Error(code, message), line_(line), column_(column) {}
    /// The line of the error in the text, 1-based.
    int line() const noexcept { return line_; }
    /// The column of the error, 1-based, counted in code points.
    int column() const noexcept { return column_; }

private:
    int line_;
    int column_;
};

/// Why a sub-condition held: its source text and the values that made it hold, e.g.
/// expression `since_update > 180d`, detail
/// `since_update is 412 days (last_update 2023-01-31, as_of 2024-03-18)`.
///
/// The structured fields say the same without words, so that a report can phrase a
/// reason in its own language (docs/rules.md, "Findings and reasons"). The engine fills
/// them for a leaf that tests a field or function: a comparison, `in`, `is set` or a
/// bool on its own; for any other leaf (`as_of - due > 30d`) `field` is empty.
/// Values are written canonically: numbers as the shortest text that reads back
/// (`3`, `0.25`), dates `2023-03-01`, durations as a number of days (`412`), texts as
/// they are, bools `true` / `false`; unset is empty.
struct Reason {
    std::string expression;  ///< the sub-condition as written, e.g. `since_update > 180d`
    std::string detail;      ///< the values that made it hold, in words
    /// The field or function the leaf tests (`since_update`, `count`, `coverage`).
    std::string field{};
    /// A function's arguments: text literals unquoted (`short_stay_policy`), fields
    /// by name (`dangling_refs` in `count(dangling_refs)`). For `lowest_progress`, the
    /// indicator that is lowest.
    std::vector<std::string> arguments{};
    /// As if `field` were on the left: `=`, `!=`, `<`, `<=`, `>`, `>=` (`0 < x` is
    /// given as `x > 0`); `in` / `not in` (field in a list); `has` / `has not` (a list
    /// field holds the other side: `"UWV" in owners`); `is set` / `is not set`. A bool
    /// on its own is `=` with threshold_value `true` (`false` under `not`).
    std::string op{};
    /// The other side of the comparison as written (`180d`, `"blocked"`, `50%`,
    /// `as_of`); empty for a bool on its own and for `is set`.
    std::string threshold{};
    /// The other side's value (`180`, `blocked`, `0.5`); for a list, empty (see items).
    std::string threshold_value{};
    /// The value of `field` that made the leaf hold (`412`, `blocked`); for a list
    /// field, its number of elements.
    std::string value{};
    /// The elements of the list the leaf is about: the list side of `in`, or the list
    /// a list field or `count(...)` holds.
    std::vector<std::string> items{};
    /// The key of the state of the state of affairs the reason is about (`stalled`),
    /// where there is one: `state`, `state_category`, `closed`, the per-scope
    /// `since_update`, `last_update` and `meetings_unchanged`, `status_text`,
    /// `state_at`, `category_at`.
    std::string state{};
    /// The date the reason is about, where there is one: that state of affairs' date,
    /// the action's latest update (per-action `since_update` and friends), the due date
    /// (`due`, `until_due`, `past_due`), the stalest or last observation
    /// (`observation_age`, `stalest_observation`, `last_observed`), the meeting at which
    /// the longest-waiting proposal was tabled (`agenda_count`).
    std::optional<Date> date{};
    /// Equal when every field is equal.
    friend bool operator==(const Reason&, const Reason&) = default;
};

/// One thing a rule found on a View: which rule, how serious, which report section
/// it belongs in, what it is about, and the rule's message with the reasons why.
struct Finding {
    std::string rule;                        ///< key of the rule that fired
    Severity severity = Severity::info;      ///< the rule's severity
    std::string section;                     ///< the report section the rule puts it in
    RuleTarget target = RuleTarget::action;  ///< what the rule was evaluated for
    std::string action;                      ///< empty for per-region rules
    std::string region;                      ///< the scope or region code; empty for per-action rules
    std::string message;                     ///< the rule's message, filled in, in the evaluation's language
    std::vector<Reason> reasons;             ///< why its condition held: one per sub-condition that held
    /// Equal when every field is equal.
    friend bool operator==(const Finding&, const Finding&) = default;
};

/// The overall status of one action, with what decided it.
struct ActionStatus {
    std::string action;    ///< key of the action point
    Rag rag = Rag::green;  ///< its overall status
    /// red/amber: indexes into Evaluation::findings of the findings at or above the
    /// deciding severity; empty otherwise.
    std::vector<std::size_t> findings;
    /// grey: the reasons of the grey expression; empty otherwise.
    std::vector<Reason> reasons;
    /// Equal when every field is equal.
    friend bool operator==(const ActionStatus&, const ActionStatus&) = default;
};

/// Everything RuleSet::evaluate() found on one View: the findings and the RAG status
/// of every action.
struct Evaluation {
    Date as_of{1970, 1, 1};              ///< the View's as-of date
    std::vector<Finding> findings;       ///< sorted as docs/rules.md says
    std::vector<ActionStatus> statuses;  ///< one per action, in display order
};

/// Bounds on one evaluation (docs/rules.md, "Limits"), so that a rule that fires for
/// everything, or a message that expands to megabytes, gives an error instead of
/// gigabytes. An evaluation that would pass one stops with Error(Errc::invalid) that
/// names the limit and the rule that reached it; nothing is returned.
struct EvaluateOptions {
    /// Most findings. The largest evaluation measured, the default rules on a synthetic
    /// national list of 100,000 actions with 34 scopes each (bench_rules), makes 1.05
    /// million (0.9 GiB). Checked before any finding's text is built, so reaching it
    /// costs ~50 bytes a finding.
    std::size_t max_findings = 2000000;
    /// Most bytes of text built for the findings and statuses: messages, and the
    /// expression and detail of every reason (counted as built, before a reason given
    /// twice for one finding is dropped; a reason's structured fields repeat what its
    /// detail says and are not counted again). The default rules build ~236 bytes a finding,
    /// ~250 MB for the evaluation above; a message or condition that expands to
    /// megabytes stops here.
    std::size_t max_text_bytes = std::size_t{512} << 20;
    /// The language of the labels and plurals in messages (`{state_label}`,
    /// `{theme_label}`) and of the `message en "..."` alternative: "nl" (the default)
    /// or "en"; anything else gives Error(Errc::invalid).
    std::string language = "nl";
};

/// Description of a loaded rule.
struct RuleInfo {
    std::string key;                         ///< key (name) of the rule
    Severity severity = Severity::info;      ///< its severity
    RuleTarget target = RuleTarget::action;  ///< what it is evaluated for (`per`)
    std::string section;                     ///< the report section its findings go to
    std::string condition;                   ///< the source text of `when`
    std::string message;                     ///< the template as written
    std::string message_en;                  ///< the English template (`message en "..."`) as written; empty when none
    int line = 0;                            ///< the line of the rules text where it starts
};

/// A loaded rules file. Immutable after loading; may be shared between threads.
class RuleSet {
public:
    /// Parses and type-checks `text` (at most 1 MiB and 1,000 rules: docs/rules.md,
    /// "Limits"). `origin` names the text in error messages
    /// (a path, or "rules"). When `vocabulary` is given, every state, theme, region,
    /// indicator and level the rules name must exist in it. Throws RuleError; never
    /// returns a partly loaded set.
    static RuleSet parse(std::string_view text, std::string_view origin = "rules",
                         const View* vocabulary = nullptr);
    /// Reads and parses a file; Error(Errc::io) when it cannot be read.
    static RuleSet load(const std::string& path, const View* vocabulary = nullptr);
    /// The default rule set shipped with the library (rules/default.rules).
    static RuleSet defaults(const View* vocabulary = nullptr);
    /// The text of the default rules (rules/default.rules), as built into the library.
    static std::string_view default_text() noexcept;

    /// Takes over the loaded rules; the moved-from set may only be destroyed or
    /// assigned to.
    RuleSet(RuleSet&&) noexcept;
    /// Takes over the loaded rules of another set.
    RuleSet& operator=(RuleSet&&) noexcept;
    /// Frees the loaded rules.
    ~RuleSet();

    /// Every rule loaded, in the order of the text.
    const std::vector<RuleInfo>& rules() const noexcept;

    /// Checks the names against `view`: throws RuleError(Errc::not_found) at the
    /// first state, theme, region, indicator or level that `view` lacks.
    void check(const View& view) const;
    /// Evaluates every rule on `view`, then the RAG status of every action. Does
    /// check(view) first. Deterministic; reads only the View. Within EvaluateOptions'
    /// default limits.
    Evaluation evaluate(const View& view) const;
    /// The same within `options`' limits; throws Error(Errc::invalid) when one is reached.
    Evaluation evaluate(const View& view, const EvaluateOptions& options) const;

    /// The parsed rules; defined inside the library (src/rules), opaque to callers.
    struct Impl;

private:
    explicit RuleSet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// A field or function of the rules language (docs/rules.md, "Fields" and
/// "Functions"), for tools that show what may be written (`actielijst fields`). A
/// name with a meaning in several contexts is listed once, with all of them.
struct RuleField {
    std::string name;  ///< the name as written in rules and filters
    /// `bool`, `number`, `text`, `date`, `duration` or `list of text` (`list of
    /// number`, ...): a field's type, or what a function returns. Many values may also
    /// be unset (docs/rules.md, "Unknown values").
    std::string type;
    /// A function, called as `name(arguments)`; otherwise a field.
    bool function = false;
    /// A function's number of arguments; 0 for a field.
    std::uint32_t arity = 0;
    /// A function's arguments as docs/rules.md names them (`indicator, level`); empty
    /// for a field.
    std::string arguments{};
    bool filter = false;  ///< may be used in filters (and in the rag block)
    bool action = false;  ///< in per-action rules
    bool scope = false;   ///< in per-scope rules
    bool region = false;  ///< in per-region rules
    /// Only in message placeholders (`{state_label}`), not in conditions: its text
    /// depends on the language of the evaluation.
    bool message_only = false;
    /// Equal when every field is equal.
    friend bool operator==(const RuleField&, const RuleField&) = default;
};

/// Every field, then every function, in the order docs/rules.md lists them.
std::vector<RuleField> rule_fields();

class Store;

/// How Store::view(date, filter) answers a filter, by the filter's top-level
/// conjuncts (`a and b and c`) as written.
struct FilterPlan {
    /// Answered by the store's indexed queries.
    std::vector<std::string> pushed;
    /// Evaluated in memory on the actions those queries return (a conjunct can be in
    /// both lists when the store narrows it down without deciding it).
    std::vector<std::string> in_memory;
};

/// An expression over action fields that selects action points. Immutable after
/// parsing; may be shared between threads.
class Filter {
public:
    /// Parses and type-checks; throws RuleError (see RuleSet::parse).
    static Filter parse(std::string_view text, std::string_view origin = "filter",
                        const View* vocabulary = nullptr);

    /// Takes over the parsed filter; the moved-from filter may only be destroyed or
    /// assigned to.
    Filter(Filter&&) noexcept;
    /// Takes over the parsed expression of another filter.
    Filter& operator=(Filter&&) noexcept;
    /// Frees the parsed expression.
    ~Filter();

    /// The expression as parsed.
    const std::string& text() const noexcept;
    /// True when the expression is true for the action (unknown counts as false).
    /// Throws Error(Errc::not_found) for an action `view` lacks, RuleError for a
    /// name `view` lacks. Each call checks the names and builds the indexes the
    /// expression needs over the whole View (linear in its size), so to test many
    /// actions of one View call select() once instead.
    bool matches(const View& view, std::string_view action) const;
    /// The matching actions, in display order. Checks the names and builds the
    /// indexes once for all actions.
    std::vector<const ActionPoint*> select(const View& view) const;

    /// What of the filter Store::view(date, filter) answers in the store and what in
    /// memory.
    FilterPlan plan() const;

    /// The parsed expression; defined inside the library, opaque to callers (the store
    /// reads it to answer a filter with indexed queries).
    struct Impl;

private:
    friend class Store;
    explicit Filter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace actielijst
