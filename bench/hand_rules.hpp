// The default rule set (rules/default.rules) written out by hand as C++ loops over a
// View: the baseline the rules interpreter is compared with in bench_rules. It builds
// the same kind of output as RuleSet::evaluate (findings with rendered messages and
// reasons, sorted as docs/rules.md says, and a RAG status per action), so that the
// comparison is fair. It follows docs/rules.md, not the engine's source.
#pragma once

#include <actielijst/rules.hpp>
#include <actielijst/view.hpp>

#include <cstddef>

namespace bench::hand {

/// What the default rules are evaluated for on a View.
struct Targets {
    std::size_t actions = 0;  ///< per-action targets
    std::size_t pairs = 0;    ///< per-scope targets: (action, region in scope or with a state of affairs)
    std::size_t regions = 0;  ///< per-region targets
    /// Rule x target evaluations of the default set: 7 per action, 5 per pair, 3 per region.
    std::size_t evaluations() const noexcept { return 7 * actions + 5 * pairs + 3 * regions; }
};

Targets targets(const actielijst::View& view);

/// The default rules, evaluated by hand-written code on `view`.
actielijst::Evaluation evaluate_default_rules(const actielijst::View& view);

}  // namespace bench::hand
