// The insides of RuleSet and Filter, shared by their source files.
#pragma once

#include "rules/ast.hpp"
#include "rules/parser.hpp"

#include <actielijst/rules.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

struct RuleSet::Impl {
    std::string origin;
    rules::Program prog;  // sources[0] is the rules text
    std::vector<RuleInfo> infos;
    std::vector<rules::ParsedRule> rules;
    std::uint32_t grey = rules::no_node;
    Severity red = Severity::alert;
    Severity amber = Severity::warning;
};

struct Filter::Impl {
    std::string origin;
    rules::Program prog;  // sources[0] is the filter text
    std::uint32_t root = rules::no_node;
};

namespace rules {

/// Throws the RuleError for `error` in `source`: `<origin>:<line>:<column>: <message>`,
/// for syntax errors followed by the offending line and a caret under the column.
[[noreturn]] void raise(const LoadError& error, std::string_view origin, std::string_view source);

/// Checks every name `prog` refers to against `view`; throws RuleError.
void check_names(const Program& prog, const View& view, std::string_view origin);

}  // namespace rules
}  // namespace actielijst
