// A plain Markdown rendering of a View and what the reporting rules found in it:
// open proposals, signals with their reasons, then every theme and action point
// with its overall status and regional states of affairs. (The full report module
// is a later piece of work.)
#pragma once

#include <actielijst/rules.hpp>
#include <actielijst/view.hpp>

#include <string>

namespace rapport {

struct Summary {
    std::size_t themes = 0;
    std::size_t actions = 0;
    std::size_t statuses = 0;
    std::size_t open_proposals = 0;
    std::size_t stalled = 0;
    std::size_t findings[3] = {0, 0, 0};  ///< by Severity: info, warning, alert
    std::size_t rag[4] = {0, 0, 0, 0};    ///< by Rag: grey, green, amber, red
};

/// Renders the report of the actions in `selected` (display order) and the findings
/// of `evaluation` that concern them or a region; `summary` receives the counts
/// shown in it.
std::string render_markdown(const actielijst::View& view, const actielijst::Evaluation& evaluation,
                            const std::vector<const actielijst::ActionPoint*>& selected, Summary& summary);

}  // namespace rapport
