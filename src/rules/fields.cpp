// rule_fields(): the public listing of the names of the rules language, from the
// table the type check uses (names.hpp).
#include "rules/names.hpp"

#include <actielijst/rules.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace actielijst {

namespace {
constexpr std::uint8_t in_action_only_conditions =
    rules::bit(rules::Context::filter) | rules::bit(rules::Context::rag);
}  // namespace

std::vector<RuleField> rule_fields() {
    using rules::bit;
    using rules::Context;
    const auto type_name = [](rules::Type t) {
        return t.list ? "list of " + std::string(rules::base_name(t.base, false))
                      : std::string(rules::base_name(t.base, false));
    };
    const auto where = [](RuleField& f, std::uint8_t contexts) {
        f.filter = f.filter || (contexts & bit(Context::filter));
        f.action = f.action || (contexts & bit(Context::action));
        f.scope = f.scope || (contexts & bit(Context::scope));
        f.region = f.region || (contexts & bit(Context::region));
    };
    std::vector<RuleField> out;
    // A name with a per-scope and a per-action meaning (last_update) is listed once.
    for (const auto& d : rules::field_defs) {
        auto it = std::find_if(out.begin(), out.end(), [&](const RuleField& f) { return f.name == d.name; });
        if (it == out.end()) {
            RuleField f;
            f.name = std::string(d.name);
            f.type = type_name(d.type);
            f.message_only = d.message_only;
            it = out.insert(out.end(), std::move(f));
        }
        // A label has no place in a filter or the rag block: they have no messages.
        where(*it, d.message_only ? static_cast<std::uint8_t>(d.contexts & ~in_action_only_conditions) : d.contexts);
    }
    for (const auto& d : rules::func_defs) {
        RuleField f;
        f.name = std::string(d.name);
        f.type = type_name(d.type);
        f.function = true;
        f.arity = d.arity;
        f.arguments = std::string(d.arguments);
        where(f, d.contexts);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace actielijst
