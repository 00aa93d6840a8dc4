/// \file
/// actielijst — progress states (voortgang): a configurable set, each in one fixed category.
#pragma once

#include <actielijst/label.hpp>
#include <actielijst/period.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// The fixed category of a progress state: what rules, the RAG status and reports
/// make of a state, whatever its key and label.
enum class StateCategory : int { todo = 0, active = 1, blocked = 2, done = 3, dropped = 4 };
/// \var StateCategory::todo
/// Not started yet.
/// \var StateCategory::active
/// Work is going on (in progress, almost done, ongoing, under review).
/// \var StateCategory::blocked
/// Stuck: the action does not move on (stalled).
/// \var StateCategory::done
/// Finished.
/// \var StateCategory::dropped
/// Closed without (further) action, e.g. no action needed.

/// The name of `category` in JSON and rules: "todo", "active", "blocked", "done" or
/// "dropped".
std::string_view to_string(StateCategory category) noexcept;
/// Throws Error(Errc::invalid) naming `field` for an unknown category.
StateCategory parse_state_category(std::string_view text, std::string_view field = "category");

/// A progress state (voortgang) that a state of affairs is in, e.g. "Stagneert"
/// (stalled). The set of states is data, per list; each state belongs to one fixed
/// StateCategory.
class ProgressState {
public:
    /// Throws Error(Errc::invalid) naming the invalid field.
    ProgressState(std::string key, StateCategory category, Label label, Period period = {});

    /// Stable key that states of affairs name it by (e.g. `stalled`).
    const std::string& key() const noexcept { return key_; }
    /// Its fixed category.
    StateCategory category() const noexcept { return category_; }
    /// Display label.
    const Label& label() const noexcept { return label_; }
    /// True for done and dropped: nothing more is expected of the action.
    bool closed() const noexcept { return category_ == StateCategory::done || category_ == StateCategory::dropped; }
    /// When it may be recorded: a state of affairs is dated within it. A view shows
    /// a state from its `since` on, and after its `until` still, because states of
    /// affairs recorded before keep their meaning.
    const Period& period() const noexcept { return period_; }

    /// Equal when every field is equal.
    friend bool operator==(const ProgressState&, const ProgressState&) = default;

private:
    std::string key_;
    StateCategory category_;
    Label label_;
    Period period_;
};

/// The default set, in display order: not_started, in_progress, almost_done, ongoing,
/// under_review, stalled, done, no_action_needed. A new store holds no states; this
/// set is installed on request (Store::install_default_states()).
std::vector<ProgressState> default_progress_states();

}  // namespace actielijst
