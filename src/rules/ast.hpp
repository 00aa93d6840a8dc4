// The compiled form of rules and filters: a flat arena of typed nodes. The parser
// appends untyped nodes; the checker resolves names to field and function ids and
// fills in the types; the evaluator walks the tree with a switch per node.
#pragma once

#include <actielijst/error.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst::rules {

/// An error found while loading, at a byte offset of the rules source. Turned into a
/// RuleError (with line, column and, for syntax errors, the line and a caret) by the caller.
struct LoadError {
    std::size_t offset = 0;
    std::string message;
    bool syntax = false;
    Errc code = Errc::invalid;
};

enum class Base : std::uint8_t { none, boolean, number, text, date, duration };

/// The static type of an expression: a scalar, or a list of one scalar type
/// (base `none` for the empty list literal, which fits any list).
struct Type {
    Base base = Base::none;
    bool list = false;
    friend bool operator==(const Type&, const Type&) = default;
};

/// "a date", "a list of texts", "an empty list".
std::string describe(Type type);

enum class Op : std::uint8_t {
    lit_bool,
    lit_number,
    lit_text,
    lit_date,
    lit_duration,
    list,     // children: the elements
    name,     // parser output, resolved to `field`
    call,     // parser output, resolved to `func`
    field,    // id: Field
    func,     // id: Func; children: the arguments; slot: indicator or level table
    neg,      // child: the operand
    not_,     // child: the operand
    and_,     // children: the operands (n-ary, so long chains need no deep recursion)
    or_,
    sum,      // children: the terms; Program::signs: '-' for subtracted terms
    compare,  // aux: Cmp; children: left, right
    in,       // aux: 1 for `not in`; children: value, list
    is_set,   // aux: 1 for `is not set`; child: the operand
};

enum class Cmp : std::uint8_t { eq, ne, lt, le, gt, ge };
std::string_view to_string(Cmp cmp) noexcept;

/// Fields, resolved per context. Where a scope field shares its name with an action
/// field (last_update, since_update, meetings_unchanged) it has its own id.
enum class Field : std::uint8_t {
    as_of,
    // action
    action, title, theme, owners, leads, regions, scopes, due, until_due, past_due, due_moves, states,
    categories, statuses, not_started, all_closed, last_update, since_update, meetings_unchanged,
    open_proposals, adopted_proposals, agenda_count, refs, dangling_refs, closed_refs,
    // scope and region
    region, region_name, region_kind, region_parent,
    // scope
    in_scope, state, state_category, closed, status_text, scope_last_update, scope_since_update,
    scope_meetings_unchanged,
    // region
    municipalities, observations, stalest_observation, observation_age, lowest_progress, progress_unknown,
    // messages only: labels in the evaluation's language
    state_label, theme_label, progress_unknown_labels, closed_ref_titles,
};

enum class Func : std::uint8_t {
    count, length, coverage, at_or_above, observed, last_observed, observation_age,
    state_at, category_at,  // slot: Program::strings index of the region code
};

/// Where an expression is evaluated; decides which names exist.
enum class Context : std::uint8_t { action, scope, region, filter, rag };
/// "in a per-scope rule", "in a filter", ...
std::string_view context_phrase(Context context) noexcept;

/// Names of things in a View that a rule's text literals refer to.
enum class Vocab : std::uint8_t { none, state, category, theme, region, region_kind, indicator, level };

struct Node {
    Op op = Op::lit_bool;
    Type type{};
    std::uint8_t aux = 0;    // compare: Cmp; in / is_set: negated; lit_bool: the value
    std::uint8_t source = 0;  // which Program::sources the offsets point into
    std::uint16_t id = 0;     // field: Field; func: Func
    std::uint32_t begin = 0;  // source text [begin, end), for messages and reasons
    std::uint32_t end = 0;
    std::uint32_t first = 0;  // children: Program::kids[first, first + count)
    std::uint32_t count = 0;
    std::uint32_t str = 0;  // lit_text, name, call: index into Program::strings; func: table slot
    double number = 0;      // lit_number
    std::int64_t days = 0;  // lit_date (days since 1970-01-01), lit_duration
};

/// A text literal that must name something in the View, checked at load (with a
/// vocabulary) and again before every evaluation.
struct VocabRef {
    Vocab kind = Vocab::none;
    std::string name;
    std::string indicator;  // for a level
    bool ordinal = false;   // indicator: coverage / at_or_above need an ordinal one
    std::uint32_t offset = 0;
};

struct Program {
    std::vector<Node> nodes;
    std::vector<std::uint32_t> kids;
    std::vector<std::uint8_t> signs;  // parallel to kids: 1 for a subtracted sum term
    std::vector<std::string> strings;
    std::vector<std::string> sources;  // 0: the rules text; 1: the built-in grey expression
    /// Indicators and (indicator, level) pairs the functions use; a func node's slot
    /// indexes `indicators` (observed, last_observed, observation_age) or `levels`.
    std::vector<std::string> indicators;
    struct LevelRef {
        std::uint32_t indicator = 0;  // index into `indicators`
        std::string level;
    };
    std::vector<LevelRef> levels;
    std::vector<VocabRef> vocabulary;
    std::uint32_t needs = 0;  // check.hpp: Need bits

    const Node& at(std::uint32_t n) const { return nodes[n]; }
    std::uint32_t kid(const Node& node, std::uint32_t i) const { return kids[node.first + i]; }
    std::string_view text(const Node& node) const {
        return std::string_view(sources[node.source]).substr(node.begin, node.end - node.begin);
    }
    std::uint32_t add(const Node& node) {
        nodes.push_back(node);
        return static_cast<std::uint32_t>(nodes.size() - 1);
    }
    std::uint32_t intern(std::string s) {
        strings.push_back(std::move(s));
        return static_cast<std::uint32_t>(strings.size() - 1);
    }
};

/// Expressions nest at most this deep (parentheses, lists, calls, `not`, unary minus).
inline constexpr int max_depth = 64;
/// Rules files and filters are at most 1 MiB.
inline constexpr std::size_t max_source_bytes = std::size_t{1} << 20;
/// A rules file holds at most this many rules (the default set has 15). Each rule is
/// evaluated for every action, (action, scope) pair or region, so the number of rules
/// multiplies an evaluation's time and findings.
inline constexpr std::size_t max_rules = 1000;

}  // namespace actielijst::rules
