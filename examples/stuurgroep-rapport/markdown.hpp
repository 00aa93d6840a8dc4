// A plain Markdown rendering of a View: every theme, action point, regional state
// of affairs and open proposal. (The full report module is a later piece of work.)
#pragma once

#include <actielijst/view.hpp>

#include <string>

namespace rapport {

struct Summary {
    std::size_t themes = 0;
    std::size_t actions = 0;
    std::size_t statuses = 0;
    std::size_t open_proposals = 0;
    std::size_t stalled = 0;
};

/// Renders the report; `summary` receives the counts shown in it.
std::string render_markdown(const actielijst::View& view, Summary& summary);

}  // namespace rapport
