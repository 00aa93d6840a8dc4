// What of a filter a store can answer from its own indexed tables: a predicate tree
// in the filter's terms (themes, keys, regions, states, owners, dates), free of SQL,
// so that the store decides how to ask and the rules decide what a filter means.
#pragma once

#include "rules/ast.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace actielijst::rules {

/// One pushed-down predicate. Its truth on an action is the filter's three-valued
/// truth: a predicate on a value that can be unset (a due date, the latest update, the
/// state in one region) is unknown when the value is unset, as SQL's NULL is, so
/// `and`, `or` and `not` of pushed predicates mean what the filter means.
struct Pushed {
    enum class Kind : std::uint8_t {
        all_of,       // kids: every one holds
        any_of,       // kids: at least one holds
        negation,     // kids[0] does not hold
        theme_in,     // the action's theme is one of `values`
        action_in,    // its key is one of `values`
        region_in,    // a region in its scope has a code in `values`
        state_in,     // one of its current states of affairs is in a state in `values`
        category_in,  // ... in a state of a category in `values` (category names)
        owner_in,     // one of its owners is named one of `values`
        lead_in,      // one of its lead owners ...
        state_at,     // the state of its current state of affairs in `region` is in `values`; unknown without one
        category_at,  // the category of that state is in `values`
        due,          // its due date on the View's date compares `cmp` with `date`; unknown when unset
        due_set,      // it has a due date on the View's date
        last_update,  // the latest date of its current states of affairs compares `cmp` with `date`
    };
    Kind kind = Kind::all_of;
    Cmp cmp = Cmp::eq;
    /// A date (days since 1970-01-01), or with `from_as_of` the number of days after
    /// the View's date (negative: before it).
    std::int64_t date = 0;
    bool from_as_of = false;
    std::string region;
    std::vector<std::string> values;
    /// state_at / category_at: any state at all ("is set"), whatever `values` holds.
    bool any_value = false;
    std::vector<Pushed> kids;
};

/// How a filter is answered: `where` (if any) selects a superset of the matching
/// actions from the store; when `exact`, exactly the matching ones, otherwise the
/// filter itself is evaluated in memory on what `where` returned.
struct Pushdown {
    std::optional<Pushed> where;
    bool exact = false;
    /// The filter's top-level conjuncts as written, by how they are answered.
    std::vector<std::string> pushed;
    std::vector<std::string> in_memory;
};

/// The pushdown of the filter expression `root` of `prog` (a checked program).
Pushdown push_down(const Program& prog, std::uint32_t root);

}  // namespace actielijst::rules
