// The rules grammar of docs/rules.md: rules files, rag blocks, message templates and
// filters, parsed into a Program and type-checked rule by rule, so errors come out
// in the order of the file.
#pragma once

#include "rules/ast.hpp"

#include <actielijst/rules.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst::rules {

inline constexpr std::uint32_t no_node = std::numeric_limits<std::uint32_t>::max();

/// A piece of a message: literal text, or a placeholder expression; a plural
/// placeholder `{n|one|other}` shows `one` when the number n is 1 (or -1), else `other`.
struct TemplatePart {
    std::string literal;
    std::uint32_t node = no_node;
    bool plural = false;
    std::string one{};
    std::string other{};
};

struct ParsedRule {
    RuleInfo info;
    std::uint32_t when = no_node;
    std::vector<TemplatePart> message;
    std::vector<TemplatePart> message_en;  // `message en "..."`
    bool has_en = false;                   // message_en was given (it may be empty)
};

struct ParsedRag {
    std::uint32_t grey = no_node;  // no_node: the built-in `not_started or all_closed`
    Severity red = Severity::alert;
    Severity amber = Severity::warning;
};

struct ParsedFile {
    std::vector<ParsedRule> rules;
    ParsedRag rag;
};

/// Size (at most 1 MiB) and encoding (UTF-8) limits, checked before anything else.
/// `what` names the text ("the rules text"). Throws LoadError.
void precheck(std::string_view source, std::string_view what);
/// Parses and checks a rules file held in prog.sources[0]. Throws LoadError.
ParsedFile parse_rules(Program& prog, const View* vocabulary);
/// Parses and checks a filter held in prog.sources[0]; returns its root. Throws LoadError.
std::uint32_t parse_filter(Program& prog, const View* vocabulary);
/// Compiles the built-in grey expression into prog.sources[1]; returns its root.
std::uint32_t parse_default_grey(Program& prog);

}  // namespace actielijst::rules
