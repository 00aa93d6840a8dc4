// actielijst — progress states (voortgang): a configurable set, each in one fixed category.
#pragma once

#include <actielijst/label.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

enum class StateCategory : int { todo = 0, active = 1, blocked = 2, done = 3, dropped = 4 };

std::string_view to_string(StateCategory category) noexcept;
/// Throws Error(Errc::invalid) naming `field` for an unknown category.
StateCategory parse_state_category(std::string_view text, std::string_view field = "category");

class ProgressState {
public:
    /// Throws Error(Errc::invalid) naming the invalid field.
    ProgressState(std::string key, StateCategory category, Label label);

    const std::string& key() const noexcept { return key_; }
    StateCategory category() const noexcept { return category_; }
    const Label& label() const noexcept { return label_; }
    /// True for done and dropped: nothing more is expected of the action.
    bool closed() const noexcept { return category_ == StateCategory::done || category_ == StateCategory::dropped; }

    friend bool operator==(const ProgressState&, const ProgressState&) = default;

private:
    std::string key_;
    StateCategory category_;
    Label label_;
};

/// The default set, in display order: not_started, in_progress, almost_done, ongoing,
/// under_review, stalled, done, no_action_needed. Installed in a new store.
std::vector<ProgressState> default_progress_states();

}  // namespace actielijst
