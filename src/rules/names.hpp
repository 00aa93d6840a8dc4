// The names of the rules language: its fields and functions, their types and the
// contexts they are valid in. One table for the type check (check.cpp), the hints of
// its errors (hints.cpp) and the public listing (fields.cpp), so they never disagree.
#pragma once

#include "rules/ast.hpp"
#include "rules/check.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace actielijst::rules {

constexpr std::uint8_t bit(Context c) noexcept { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c)); }
constexpr std::uint8_t in_action = bit(Context::action) | bit(Context::filter) | bit(Context::rag);
constexpr std::uint8_t in_actions = in_action | bit(Context::scope);  // action fields, also per scope
constexpr std::uint8_t in_scope = bit(Context::scope);
constexpr std::uint8_t in_places = bit(Context::scope) | bit(Context::region);
constexpr std::uint8_t in_region = bit(Context::region);
constexpr std::uint8_t everywhere = 0xFF;

constexpr Type scalar(Base b) noexcept { return {b, false}; }
constexpr Type list_of(Base b) noexcept { return {b, true}; }

struct FieldDef {
    std::string_view name;
    Field id;
    Type type;
    std::uint8_t contexts;
    Vocab vocab;
    std::uint32_t needs;
    /// Only in message placeholders: its value depends on the evaluation's language.
    bool message_only = false;
};

// Where an action field and a scope field share a name, the scope's entry comes
// first and wins per scope.
inline constexpr FieldDef field_defs[] = {
    {"as_of", Field::as_of, scalar(Base::date), everywhere, Vocab::none, 0},
    {"action", Field::action, scalar(Base::text), in_actions, Vocab::none, 0},
    {"title", Field::title, scalar(Base::text), in_actions, Vocab::none, 0},
    {"theme", Field::theme, scalar(Base::text), in_actions, Vocab::theme, 0},
    {"owners", Field::owners, list_of(Base::text), in_actions, Vocab::none, 0},
    {"leads", Field::leads, list_of(Base::text), in_actions, Vocab::none, 0},
    {"regions", Field::regions, list_of(Base::text), in_actions, Vocab::region, 0},
    {"scopes", Field::scopes, scalar(Base::number), in_actions, Vocab::none, 0},
    {"due", Field::due, scalar(Base::date), in_actions, Vocab::none, 0},
    {"until_due", Field::until_due, scalar(Base::duration), in_actions, Vocab::none, 0},
    {"past_due", Field::past_due, scalar(Base::duration), in_actions, Vocab::none, 0},
    {"due_moves", Field::due_moves, scalar(Base::number), in_actions, Vocab::none, 0},
    {"states", Field::states, list_of(Base::text), in_actions, Vocab::state, need_statuses},
    {"categories", Field::categories, list_of(Base::text), in_actions, Vocab::category, need_statuses},
    {"statuses", Field::statuses, scalar(Base::number), in_actions, Vocab::none, need_statuses},
    {"not_started", Field::not_started, scalar(Base::boolean), in_actions, Vocab::none, need_statuses},
    {"all_closed", Field::all_closed, scalar(Base::boolean), in_actions, Vocab::none, need_statuses},
    {"last_update", Field::scope_last_update, scalar(Base::date), in_scope, Vocab::none, need_statuses},
    {"since_update", Field::scope_since_update, scalar(Base::duration), in_scope, Vocab::none, need_statuses},
    {"meetings_unchanged", Field::scope_meetings_unchanged, scalar(Base::number), in_scope, Vocab::none,
     need_statuses | need_meetings},
    {"last_update", Field::last_update, scalar(Base::date), in_action, Vocab::none, need_statuses},
    {"since_update", Field::since_update, scalar(Base::duration), in_action, Vocab::none, need_statuses},
    {"meetings_unchanged", Field::meetings_unchanged, scalar(Base::number), in_action, Vocab::none,
     need_statuses | need_meetings},
    {"open_proposals", Field::open_proposals, scalar(Base::number), in_actions, Vocab::none, need_proposals},
    {"adopted_proposals", Field::adopted_proposals, scalar(Base::number), in_actions, Vocab::none, need_proposals},
    {"agenda_count", Field::agenda_count, scalar(Base::number), in_actions, Vocab::none,
     need_proposals | need_meetings},
    {"refs", Field::refs, list_of(Base::text), in_actions, Vocab::none, 0},
    {"dangling_refs", Field::dangling_refs, list_of(Base::text), in_actions, Vocab::none, need_actions},
    {"closed_refs", Field::closed_refs, list_of(Base::text), in_actions, Vocab::none, need_actions | need_statuses},
    {"region", Field::region, scalar(Base::text), in_places, Vocab::region, 0},
    {"region_name", Field::region_name, scalar(Base::text), in_places, Vocab::none, 0},
    {"region_kind", Field::region_kind, scalar(Base::text), in_places, Vocab::region_kind, 0},
    {"region_parent", Field::region_parent, scalar(Base::text), in_places, Vocab::region, 0},
    {"in_scope", Field::in_scope, scalar(Base::boolean), in_scope, Vocab::none, 0},
    {"state", Field::state, scalar(Base::text), in_scope, Vocab::state, need_statuses},
    {"state_category", Field::state_category, scalar(Base::text), in_scope, Vocab::category, need_statuses},
    {"closed", Field::closed, scalar(Base::boolean), in_scope, Vocab::none, need_statuses},
    {"status_text", Field::status_text, scalar(Base::text), in_scope, Vocab::none, need_statuses},
    {"municipalities", Field::municipalities, scalar(Base::number), in_region, Vocab::none, need_regions},
    {"observations", Field::observations, scalar(Base::number), in_region, Vocab::none, need_observations},
    {"stalest_observation", Field::stalest_observation, scalar(Base::date), in_region, Vocab::none,
     need_observations},
    {"observation_age", Field::observation_age, scalar(Base::duration), in_region, Vocab::none, need_observations},
    {"lowest_progress", Field::lowest_progress, scalar(Base::number), in_region, Vocab::none, need_progress},
    {"progress_unknown", Field::progress_unknown, list_of(Base::text), in_region, Vocab::none, need_progress},
    {"state_label", Field::state_label, scalar(Base::text), in_scope, Vocab::none, need_statuses, true},
    {"theme_label", Field::theme_label, scalar(Base::text), in_actions, Vocab::none, 0, true},
    {"progress_unknown_labels", Field::progress_unknown_labels, list_of(Base::text), in_region, Vocab::none,
     need_progress, true},
    {"closed_ref_titles", Field::closed_ref_titles, list_of(Base::text), in_actions, Vocab::none,
     need_actions | need_statuses, true},
};

struct FuncDef {
    std::string_view name;
    Func id;
    std::uint32_t arity;
    std::uint8_t contexts;
    Type type;
    std::string_view arguments;  // as docs/rules.md writes them, for rule_fields()
};

inline constexpr std::array<FuncDef, 9> func_defs{{
    {"count", Func::count, 1, everywhere, scalar(Base::number), "list"},
    {"length", Func::length, 1, everywhere, scalar(Base::number), "text"},
    {"coverage", Func::coverage, 2, in_places, scalar(Base::number), "indicator, level"},
    {"at_or_above", Func::at_or_above, 2, in_places, scalar(Base::number), "indicator, level"},
    {"observed", Func::observed, 1, in_places, scalar(Base::boolean), "indicator"},
    {"last_observed", Func::last_observed, 1, in_places, scalar(Base::date), "indicator"},
    {"observation_age", Func::observation_age, 1, in_places, scalar(Base::duration), "indicator"},
    {"state_at", Func::state_at, 1, in_actions, scalar(Base::text), "region"},
    {"category_at", Func::category_at, 1, in_actions, scalar(Base::text), "region"},
}};

/// `bool`, `number`, ...; `bools`, `numbers`, ... when `plural`.
std::string_view base_name(Base b, bool plural) noexcept;

}  // namespace actielijst::rules
