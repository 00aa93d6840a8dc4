// The limits of rules (docs/rules.md, "Limits"): how many rules a file may hold, and
// how many findings and how much text one evaluation may build (EvaluateOptions),
// each refused with an error that names the limit and the rule that reached it.
#include "support.hpp"

#include <actielijst/rules.hpp>

#include <string>
#include <string_view>

using namespace actielijst;

namespace {

/// Four actions a1..a4 under way, each with the province and two municipalities in scope.
const View& view() {
    static const View v([] {
        ViewData d;
        d.as_of = Date::parse("2023-04-01");
        d.themes = {Theme("wonen", Label("Wonen"))};
        d.regions = {Region("PV31", "Limburg", RegionKind::province),
                     Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31"),
                     Region("GM1", "Eendorp", RegionKind::municipality, "CR37"),
                     Region("GM2", "Tweedorp", RegionKind::municipality, "CR37")};
        d.states = default_progress_states();
        for (int i = 1; i <= 4; ++i) {
            const std::string key = "a" + std::to_string(i);
            d.actions.emplace_back(key, "wonen", "Titel " + std::to_string(i), "Doel.", std::vector<Owner>{},
                                   std::vector<std::string>{"PV31", "GM1", "GM2"});
            // Under way, so not grey: only the rules' findings build text.
            d.statuses.emplace_back(key, "GM1", "in_progress", "Bezig.", Date::parse("2023-03-01"));
        }
        return d;
    }());
    return v;
}

std::string rule(std::string_view key, std::string_view when, std::string_view per = "action",
                 std::string_view message = "m") {
    return "rule " + std::string(key) + "\n  severity info\n  per " + std::string(per) + "\n  when " +
           std::string(when) + "\n  message \"" + std::string(message) + "\"\n";
}

EvaluateOptions options(std::size_t max_findings, std::size_t max_text_bytes = std::size_t{1} << 30) {
    EvaluateOptions o;
    o.max_findings = max_findings;
    o.max_text_bytes = max_text_bytes;
    return o;
}

}  // namespace

TEST_CASE("rules limits: a rules file holds at most 1000 rules") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += rule("r" + std::to_string(i), "false");
    CHECK(RuleSet::parse(text).rules().size() == 1000);
    text += rule("one_too_many", "false");
    const auto msg = test::error_of([&] { (void)RuleSet::parse(text, "many.rules"); });
    CHECK(msg == "many.rules:5001:1: more than 1000 rules in one file (the limit)");
}

TEST_CASE("rules limits: the default options are the documented ones") {
    const EvaluateOptions o;
    CHECK(o.max_findings == 2000000);
    CHECK(o.max_text_bytes == std::size_t{512} << 20);
    const auto rules = RuleSet::parse(rule("r", "true", "scope"), "rules", &view());
    const auto a = rules.evaluate(view());
    const auto b = rules.evaluate(view(), EvaluateOptions{});
    CHECK(a.findings.size() == 12);
    CHECK(a.findings == b.findings);
}

TEST_CASE("rules limits: an evaluation stops at max_findings, naming the rule with the most") {
    const auto rules = RuleSet::parse(rule("few", "title = \"Titel 1\"") + rule("everything", "true", "scope"),
                                      "rules", &view());
    // 1 + 12 findings: exactly at the limit is fine.
    CHECK(rules.evaluate(view(), options(13)).findings.size() == 13);
    const auto msg = test::error_of([&] { (void)rules.evaluate(view(), options(12)); });
    CHECK(msg == "rules: evaluation stopped at 12 findings (the limit); rule \"everything\" (per scope) made 11 of "
                 "them: does it fire for every scope of every action?");
    const auto per_action = RuleSet::parse(rule("all", "true"), "my.rules", &view());
    CHECK(test::error_of([&] { (void)per_action.evaluate(view(), options(0)); }) ==
          "my.rules: evaluation stopped at 0 findings (the limit); rule \"all\" (per action) made 0 of them: does "
          "it fire for every action?");
    const auto per_region = RuleSet::parse(rule("regions", "true", "region"), "rules", &view());
    CHECK_HAS(test::error_of([&] { (void)per_region.evaluate(view(), options(3)); }),
              "rule \"regions\" (per region) made 3 of them: does it fire for every region?");
}

TEST_CASE("rules limits: an evaluation stops at max_text_bytes of messages and reasons") {
    // "Titel N" is 7 bytes: 4 messages are 28 bytes.
    const auto rules = RuleSet::parse(rule("titles", "true", "action", "{title}"), "rules", &view());
    CHECK(rules.evaluate(view(), options(100, 28)).findings.size() == 4);
    CHECK(test::error_of([&] { (void)rules.evaluate(view(), options(100, 27)); }) ==
          "rules: evaluation stopped at 27 bytes of text in findings (the limit); rule \"titles\" (per action) "
          "built the most of them, 21 bytes: does its message or condition expand to megabytes?");

    // Reasons count as they are built: `title is set` gives each finding the reason
    // `title is set: title is "Titel N"`.
    const auto reasons = RuleSet::parse(rule("r", "title is set"), "rules", &view());
    std::size_t text = 0;
    for (const auto& f : reasons.evaluate(view()).findings) {
        text += f.message.size();
        for (const auto& r : f.reasons) text += r.expression.size() + r.detail.size();
    }
    CHECK(text == 4 * (1 + 12 + 18));
    CHECK(reasons.evaluate(view(), options(100, text)).findings.size() == 4);
    CHECK(test::error_of([&] { (void)reasons.evaluate(view(), options(100, text - 1)); }) ==
          "rules: evaluation stopped at " + std::to_string(text - 1) +
              " bytes of text in findings (the limit); rule \"r\" (per action) built the most of them, " +
              std::to_string(text - 30) + " bytes: does its message or condition expand to megabytes?");

    // A condition with very many leaves cannot build more than the limit for one finding.
    std::string many = "title is set";
    for (int i = 0; i < 5000; ++i) many += " and title != \"x" + std::to_string(i) + "\"";
    const auto wide = RuleSet::parse(rule("wide", many), "rules", &view());
    CHECK(wide.evaluate(view()).findings.at(0).reasons.size() == 5001);
    CHECK_HAS(test::error_of([&] { (void)wide.evaluate(view(), options(100, 100000)); }),
              "rule \"wide\" (per action) built the most");
}

TEST_CASE("rules limits: the grey expression's reasons count too") {
    // No rule fires; a rag block makes every action grey with the reason
    // `title is set: title is "Titel N"` (30 bytes).
    const auto rules = RuleSet::parse(rule("none", "false") + "rag\n  grey when title is set\n", "rules", &view());
    const auto e = rules.evaluate(view(), options(100, 4 * 30));
    REQUIRE(e.statuses.size() == 4);
    CHECK(e.statuses[3].rag == Rag::grey);
    CHECK(test::error_of([&] { (void)rules.evaluate(view(), options(100, 4 * 30 - 1)); }) ==
          "rules: evaluation stopped at 119 bytes of text in findings (the limit); the reasons of the grey expression "
          "in the rag block did not fit");
}
