// The type check: resolves names to fields and functions of a context, gives every
// node its type, and checks text literals that name states, themes, regions,
// indicators and levels.
#pragma once

#include "rules/ast.hpp"

#include <actielijst/view.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace actielijst::rules {

/// What the evaluator must prepare for a program (Program::needs).
enum Need : std::uint32_t {
    need_statuses = 1u << 0,   // current statuses grouped per action, with aggregates
    need_proposals = 1u << 1,  // open / adopted proposals and agenda counts per action
    need_meetings = 1u << 2,   // meeting dates
    need_regions = 1u << 3,    // municipalities per region
    need_observations = 1u << 4,  // a region's own observations
    need_actions = 1u << 5,    // action keys to indexes (cross references)
    need_progress = 1u << 6,   // lowest_progress and progress_unknown per region
};

class Checker {
public:
    /// Names found are checked against `vocabulary` when given, and always recorded
    /// in prog.vocabulary for later checks.
    Checker(Program& prog, const View* vocabulary) : prog_(prog), vocabulary_(vocabulary) {}

    /// Resolves and types the expression `node` in `context`; throws LoadError.
    /// `message`: a message placeholder, where the label fields (state_label,
    /// theme_label) are allowed too.
    Type check(std::uint32_t node, Context context, bool message = false);
    /// Throws LoadError unless `type` is bool: "<what> needs a bool, found a number (x)".
    void require_bool(std::uint32_t node, Type type, std::string_view what) const;
    /// Which evaluator indexes the checked expressions use.
    std::uint32_t needs() const noexcept { return needs_; }

private:
    Type visit(std::uint32_t node);
    Type resolve_name(std::uint32_t node);
    Type resolve_call(std::uint32_t node);
    Type check_sum(std::uint32_t node);
    Type check_compare(std::uint32_t node);
    Type check_in(std::uint32_t node);
    void name_literal(std::uint32_t literal, Vocab kind, const std::string& indicator = {}, bool ordinal = false);
    void names_against(std::uint32_t field_side, std::uint32_t other);
    [[noreturn]] void fail(std::uint32_t node, const std::string& message) const;
    std::string operand(std::uint32_t node, Type type) const;

    Program& prog_;
    const View* vocabulary_;
    Context context_ = Context::action;
    bool message_ = false;
    std::uint32_t needs_ = 0;
    // Slots of Program::indicators and Program::levels, so that a file naming many
    // indicators is still checked in n log n.
    std::map<std::string, std::uint32_t, std::less<>> indicator_slots_;
    std::map<std::pair<std::uint32_t, std::string>, std::uint32_t> level_slots_;
};

/// Throws LoadError (Errc::not_found, or Errc::invalid for an indicator that is not
/// ordinal) when `view` lacks what `ref` names.
void check_vocabulary(const VocabRef& ref, const View& view);

}  // namespace actielijst::rules
