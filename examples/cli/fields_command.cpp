// fields: the fields and functions of the rules language and where each may be
// written (filters, per-action, per-scope, per-region rules), from
// actielijst::rule_fields(), so that the list an error points to is always the
// library's own. Needs no store.
#include "cli.hpp"
#include "output.hpp"

#include <actielijst/rules.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace cli {
namespace {

struct FieldsOptions {
    bool json = false;
};

/// "filter, action, scope": the contexts a field or function is valid in.
std::string used_in(const actielijst::RuleField& f) {
    std::string out;
    const auto add = [&](bool on, const char* word) {
        if (on) out += (out.empty() ? "" : ", ") + std::string(word);
    };
    add(f.filter, "filter");
    add(f.action, "action");
    add(f.scope, "scope");
    add(f.region, "region");
    return out;
}

std::string padded(std::string text, std::size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text + "  ";
}

int run_fields(const Context&, const FieldsOptions& o) {
    const auto fields = actielijst::rule_fields();
    if (o.json) {
        auto all = nlohmann::ordered_json::array();
        for (const auto& f : fields) {
            nlohmann::ordered_json j{{"name", f.name}, {"kind", f.function ? "function" : "field"}, {"type", f.type}};
            if (f.function) {
                j["arity"] = f.arity;
                j["arguments"] = f.arguments;
            }
            j["filter"] = f.filter;
            j["action"] = f.action;
            j["scope"] = f.scope;
            j["region"] = f.region;
            j["message_only"] = f.message_only;
            all.push_back(std::move(j));
        }
        print_json(all);
        return exit_ok;
    }
    std::size_t width = 5;
    for (const auto& f : fields)
        width = std::max(width, f.name.size() + (f.function ? f.arguments.size() + 2 : 0));
    std::ostringstream out;
    const auto table = [&](bool functions, const char* heading, const char* type) {
        out << padded(heading, width) << padded(type, 12) << "USED IN\n";
        for (const auto& f : fields) {
            if (f.function != functions) continue;
            const std::string name = f.function ? f.name + "(" + f.arguments + ")" : f.name;
            out << padded(name, width) << padded(f.type, 12) << used_in(f)
                << (f.message_only ? " (only in messages: {" + f.name + "})" : "") << "\n";
        }
    };
    table(false, "FIELD", "TYPE");
    out << "\n";
    table(true, "FUNCTION", "RETURNS");
    out << "\nfilter: --where and filters (and the rag block); action, scope, region: per-action, per-scope and "
           "per-region rules.\nEach is described in docs/rules.md (\"Fields\", \"Functions\").\n";
    write_output("", out.str());
    return exit_ok;
}

}  // namespace

void add_fields_command(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<FieldsOptions>();
    auto* sub = add_command(app, ctx, "fields",
                            "List the fields and functions of rules and filters (--where), with their types and where "
                            "each may be used",
                            o, run_fields);
    sub->add_flag("--json", o->json, "Print JSON: an array of objects");
}

}  // namespace cli
