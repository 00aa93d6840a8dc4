// A scoped View's selection: the actions a filter can match, chosen by the store's
// indexed queries (rules/pushdown.hpp says what of a filter the store can answer).
#pragma once

#include "rules/pushdown.hpp"

#include <actielijst/view.hpp>

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace actielijst::detail {

/// Whether the row `alias` (an action, region, state or indicator) is part of the
/// list on the date bound as ?1; always when ?1 is NULL (a dump lists everything).
std::string on_list_at(const char* alias);

/// SQL for the due date of action `alias` on the date bound as ?1: the `to` of the
/// latest change noted by then, else the `from` of the first change, else (no
/// history) the stored one; NULL when it has none.
std::string due_on(const char* alias);

/// The temporary table that holds a scoped View's action ids while it is read.
inline constexpr const char* selection_table = "temp.view_selection";

/// Fills selection_table with the ids of the actions on the list at `as_of` for which
/// `where` holds (all of them without `where`). Call inside the read transaction.
void select_actions(SQLite::Database& db, const Date& as_of, const rules::Pushed* where);

/// `view` narrowed to `keep` (some of its actions, in its order): their statuses,
/// proposals and due-date history; what they refer to that is left out becomes a
/// referenced action. Definitions stay as they are.
ViewData keep_actions(const View& view, const std::vector<const ActionPoint*>& keep);

/// The referenced actions of a View over the actions in selection_table: those on
/// the list at `as_of` that the selected ones refer to, outside the selection.
std::vector<ReferencedAction> referenced_outside(SQLite::Database& db, const Date& as_of);

}  // namespace actielijst::detail
