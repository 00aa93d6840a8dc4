// check: runs the reporting rules on a View and prints the findings with reasons.
#include "cli.hpp"
#include "output.hpp"

#include <actielijst/rules.hpp>

#include <iostream>
#include <set>

namespace cli {
namespace {

struct CheckOptions {
    std::string rules, where, as_of, fail_on;
    bool json = false;
};

int run_check(const Context& ctx, const CheckOptions& o) {
    const auto store = open_store(ctx);
    const auto view = store.view(view_date(o.as_of, store));
    const auto rules = o.rules.empty() ? actielijst::RuleSet::defaults(&view) : actielijst::RuleSet::load(o.rules, &view);
    const auto evaluation = rules.evaluate(view);

    // --where keeps the findings about the selected actions, and those about regions
    // (they are not about one action), as the report does.
    std::vector<const actielijst::Finding*> findings;
    std::set<std::string, std::less<>> selected;
    if (!o.where.empty())
        for (const auto* a : actielijst::Filter::parse(o.where, "--where", &view).select(view)) selected.insert(a->key());
    for (const auto& f : evaluation.findings)
        if (o.where.empty() || f.action.empty() || selected.contains(f.action)) findings.push_back(&f);

    std::optional<actielijst::Severity> threshold;
    if (o.fail_on == "info") threshold = actielijst::Severity::info;
    if (o.fail_on == "warning") threshold = actielijst::Severity::warning;
    if (o.fail_on == "alert") threshold = actielijst::Severity::alert;
    bool failing = false;
    std::size_t counts[3] = {0, 0, 0};
    for (const auto* f : findings) {
        ++counts[static_cast<int>(f->severity)];
        if (threshold && f->severity >= *threshold) failing = true;
    }

    if (o.json) {
        auto list = nlohmann::ordered_json::array();
        for (const auto* f : findings) list.push_back(to_json(*f));
        auto statuses = nlohmann::ordered_json::array();
        for (const auto& s : evaluation.statuses) {
            if (!o.where.empty() && !selected.contains(s.action)) continue;
            auto rules_of = nlohmann::ordered_json::array();
            for (const auto i : s.findings) rules_of.push_back(evaluation.findings.at(i).rule);
            statuses.push_back({{"action", s.action}, {"rag", std::string(actielijst::to_string(s.rag))},
                                {"rules", rules_of}});
        }
        print_json({{"as_of", view.as_of().iso()},
                    {"counts", {{"alert", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}}},
                    {"findings", list},
                    {"statuses", statuses}});
    } else {
        std::cout << "Checked as of " << view.as_of().iso() << ": " << counts[2] << " alert, " << counts[1]
                  << " warning, " << counts[0] << " info.\n";
        for (const auto* f : findings) {
            std::cout << "\n" << actielijst::to_string(f->severity) << "  " << f->rule;
            if (!f->action.empty()) std::cout << "  " << f->action;
            if (!f->region.empty()) std::cout << "  " << f->region;
            std::cout << "\n  " << f->message << "\n";
            for (const auto& r : f->reasons) std::cout << "    because " << r.expression << ": " << r.detail << "\n";
        }
    }
    return failing ? exit_findings : exit_ok;
}

}  // namespace

void add_check_command(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<CheckOptions>();
    auto* sub = add_command(app, ctx, "check", "Run the reporting rules and print the findings with their reasons", o,
                            run_check);
    sub->add_option("--rules", o->rules, "Rules file (default: the rules shipped with the library)");
    sub->add_option("--where", o->where, "Only findings about the action points this filter selects (and region ones)");
    sub->add_option("--as-of", o->as_of, "Date of the picture (default: the list's as-of date, else today)")
        ->check(iso_date());
    sub->add_option("--fail-on", o->fail_on, "Exit 1 when a finding at or above this severity exists")
        ->check(CLI::IsMember({"info", "warning", "alert"}));
    sub->add_flag("--json", o->json, "Print JSON");
}

}  // namespace cli
