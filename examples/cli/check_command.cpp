// check: runs the reporting rules on a View and prints the findings with reasons.
#include "cli.hpp"
#include "output.hpp"

#include <actielijst/report.hpp>
#include <actielijst/rules.hpp>

#include <ostream>

namespace cli {
namespace {

struct CheckOptions {
    std::string rules, where, as_of, fail_on;
    bool json = false;
    bool explain = false;
};

int run_check(const Context& ctx, const CheckOptions& o) {
    const auto store = open_store(ctx, Access::read);
    const auto date = view_date(o.as_of, store);
    // --where asks the store for the selected actions only (a scoped view): the rules
    // say the same about them as on the whole list, and the findings about regions
    // (not about one action) stay, as in the report.
    const auto view = o.where.empty() ? store.view(date) : store.view(date, actielijst::Filter::parse(o.where, "--where"));
    const auto rules = o.rules.empty() ? actielijst::RuleSet::defaults(&view) : actielijst::RuleSet::load(o.rules, &view);
    actielijst::EvaluateOptions evaluate;
    evaluate.language = ctx.language;
    const auto evaluation = rules.evaluate(view, evaluate);
    std::vector<const actielijst::Finding*> findings;
    for (const auto& f : evaluation.findings) findings.push_back(&f);

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
        // Finding by finding, so a long list of findings is never held as one JSON tree.
        actielijst::write_stdout([&](std::ostream& out) {
            JsonStream json(out);
            json.member("as_of", view.as_of().iso());
            json.member("counts", {{"alert", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}});
            json.begin_array("findings");
            for (const auto* f : findings) json.element(to_json(*f));
            json.end_array();
            json.begin_array("statuses");
            for (const auto& s : evaluation.statuses) {
                auto rules_of = nlohmann::ordered_json::array();
                for (const auto i : s.findings) rules_of.push_back(evaluation.findings.at(i).rule);
                json.element({{"action", s.action}, {"rag", std::string(actielijst::to_string(s.rag))},
                              {"rules", rules_of}});
            }
            json.end_array();
            json.finish();
        });
    } else {
        const Labels labels(view, ctx.language);
        actielijst::write_stdout([&](std::ostream& out) {
            out << "Checked as of " << view.as_of().iso() << ": " << counts[2] << " "
                << labels.severity(actielijst::Severity::alert) << ", " << counts[1] << " "
                << labels.severity(actielijst::Severity::warning) << ", " << counts[0] << " "
                << labels.severity(actielijst::Severity::info) << ".\n";
            for (const auto* f : findings) {
                out << "\n" << labels.severity(f->severity) << "  " << f->rule;
                if (!f->action.empty()) out << "  " << f->action;
                if (!f->region.empty()) out << "  " << labels.region(f->region);
                out << "\n  " << f->message << "\n";
                // The reason in words; its expression with --explain, or when there are no words for it.
                for (const auto& r : f->reasons) {
                    const auto words = actielijst::reason_in_words(r, view, ctx.language);
                    if (!words.empty()) out << "    " << (ctx.language == "en" ? "because " : "omdat ") << words << "\n";
                    if (words.empty() || o.explain)
                        out << "    " << (words.empty() ? "because " : "  rule: ") << r.expression << ": " << r.detail
                            << "\n";
                }
            }
        });
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
    sub->add_option("--as-of", o->as_of, "Date of the picture (default: the latest date in the store)")
        ->check(iso_date());
    sub->add_option("--fail-on", o->fail_on, "Exit 1 when a finding at or above this severity exists")
        ->check(CLI::IsMember({"info", "warning", "alert"}));
    sub->add_flag("--explain", o->explain, "Also print each reason as the rule's expression and the values it saw");
    sub->add_flag("--json", o->json, "Print JSON");
}

}  // namespace cli
