#include <actielijst/progress_state.hpp>

#include "util/enum_names.hpp"

namespace actielijst {
namespace {
constexpr std::array<std::string_view, 5> category_names{"todo", "active", "blocked", "done", "dropped"};
}

std::string_view to_string(StateCategory category) noexcept { return detail::enum_name(category_names, category); }

StateCategory parse_state_category(std::string_view text, std::string_view field) {
    return detail::enum_parse<StateCategory>(category_names, text, field);
}

ProgressState::ProgressState(std::string key, StateCategory category, Label label, Period period)
    : key_(std::move(key)), category_(category), label_(std::move(label)), period_(period) {
    detail::check_key(key_, "key");
    check_period(period_, "the state");
    if (static_cast<int>(category_) < 0 || static_cast<int>(category_) > 4)
        detail::fail("category", "unknown category " + std::to_string(static_cast<int>(category_)));
    if (label_.nl().empty()) detail::fail("label.nl", "must not be empty");
}

std::vector<ProgressState> default_progress_states() {
    using C = StateCategory;
    return {
        {"not_started", C::todo, Label("Niet gestart", "Not started")},
        {"in_progress", C::active, Label("In uitvoering", "In progress")},
        {"almost_done", C::active, Label("Bijna gereed", "Almost done")},
        {"ongoing", C::active, Label("Doorlopend", "Ongoing")},
        {"under_review", C::active, Label("In beraad", "Under review")},
        {"stalled", C::blocked, Label("Stagneert", "Stalled")},
        {"done", C::done, Label("Gereed", "Done")},
        {"no_action_needed", C::dropped, Label("Geen actie nodig", "No action needed")},
    };
}

}  // namespace actielijst
