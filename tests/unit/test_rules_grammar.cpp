// The rules language as docs/rules.md writes it: every construct loads, and every
// mistake is refused at load with a message that names line and column.
#include "support.hpp"

#include <actielijst/rules.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using namespace actielijst;

namespace {

/// A rule around a condition (and optionally a message) in a given context.
std::string rule(std::string_view when, std::string_view per = "action", std::string_view message = "m") {
    return "rule r\n    severity info\n    per " + std::string(per) + "\n    when " + std::string(when) +
           "\n    message \"" + std::string(message) + "\"\n";
}

struct Rejection {
    std::string what;
    int line = 0;
    int column = 0;
    Errc code = Errc::invalid;
};

Rejection reject(std::string_view text, const View* vocabulary = nullptr) {
    try {
        (void)RuleSet::parse(text, "rules", vocabulary);
    } catch (const RuleError& e) {
        return {e.what(), e.line(), e.column(), e.code()};
    }
    FAIL("expected a RuleError for: " << text);
    return {};
}

Rejection reject_filter(std::string_view text, const View* vocabulary = nullptr) {
    try {
        (void)Filter::parse(text, "filter", vocabulary);
    } catch (const RuleError& e) {
        return {e.what(), e.line(), e.column(), e.code()};
    }
    FAIL("expected a RuleError for the filter: " << text);
    return {};
}

/// The first line of a message (syntax errors add the source line and a caret).
std::string head(const std::string& what) { return what.substr(0, what.find('\n')); }

/// A View with one of everything, for evaluating constant expressions.
View tiny_view() {
    ViewData d;
    d.as_of = Date(2023, 4, 1);
    d.themes = {Theme("wonen", Label("Wonen"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province)};
    d.states = default_progress_states();
    d.actions = {ActionPoint("a1", "wonen", "Titel", "Doel.", {}, {"PV31"})};
    d.indicators = {Indicator("policy", Label("Beleid"), IndicatorKind::ordinal,
                              {Level("none", Label("Geen")), Level("adopted", Label("Vastgesteld"))}),
                    Indicator("workers", Label("Werknemers"), IndicatorKind::count)};
    return View(std::move(d));
}

/// The message `{expr}` renders to on the tiny View.
std::string value_of(std::string_view expr) {
    const auto view = tiny_view();
    const auto e = RuleSet::parse(rule("true", "action", "{" + std::string(expr) + "}")).evaluate(view);
    REQUIRE(e.findings.size() == 1);
    return e.findings[0].message;
}

/// Whether a per-action condition holds on the tiny View.
bool holds(std::string_view when) {
    const auto view = tiny_view();
    return RuleSet::parse(rule(when)).evaluate(view).findings.size() == 1;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Literals and expressions

TEST_CASE("rules grammar: numbers and percentages") {
    CHECK(value_of("3") == "3");
    CHECK(value_of("0.25") == "0.25");
    CHECK(value_of("50%") == "0.5");
    CHECK(value_of("12.5%") == "0.125");
    CHECK(holds("50% = 0.5"));
    CHECK(value_of("1 + 2 - 0.5") == "2.5");
    CHECK(value_of("-3") == "-3");
}

TEST_CASE("rules grammar: text literals in either quote with escapes") {
    CHECK(value_of("\\\"stalled\\\"") == "stalled");  // "{\"stalled\"}" inside a double-quoted message
    CHECK(value_of("'in_preparation'") == "in_preparation");
    CHECK(holds("\"it's\" = 'it\\'s'"));
    CHECK(holds("'say \"hi\"' = \"say \\\"hi\\\"\""));
    CHECK(holds("length(\"a\\\\b\") = 3"));
    CHECK(holds("length(\"a\\nb\\tc\") = 5"));
    CHECK(holds("length('') = 0"));
    CHECK(holds("length(\"één\") = 3"));  // code points, not bytes
}

TEST_CASE("rules grammar: dates, and durations in days, weeks, months and years") {
    CHECK(value_of("2023-03-01") == "2023-03-01");
    CHECK(value_of("180d") == "180");
    CHECK(value_of("6w") == "42");
    CHECK(value_of("3m") == "90");
    CHECK(value_of("2y") == "730");
    CHECK(value_of("0d") == "0");
    CHECK(value_of("2023-03-01 + 30d") == "2023-03-31");
    CHECK(value_of("2023-03-01 - 1y") == "2022-03-01");
    CHECK(value_of("2023-03-01 - 2023-01-01") == "59");
    CHECK(value_of("2w - 3d + 1d") == "12");
    CHECK(value_of("-3d") == "-3");
    CHECK(holds("2024-02-29 - 2024-02-28 = 1d"));  // a leap day is a real date
    CHECK(holds("as_of - 1w < as_of"));
}

TEST_CASE("rules grammar: booleans, lists, in, not in, is set") {
    CHECK(holds("true"));
    CHECK_FALSE(holds("false"));
    CHECK(value_of("[\\\"a\\\", \\\"b\\\"]") == "a, b");
    CHECK(value_of("[]") == "");
    CHECK(holds("\"b\" in [\"a\", \"b\"]"));
    CHECK(holds("\"c\" not in [\"a\", \"b\"]"));
    CHECK(holds("3 in [1, 2, 3]"));
    CHECK_FALSE(holds("1 in []"));
    CHECK(holds("count([]) = 0 and count([1, 2]) = 2"));
    CHECK(holds("[1, 2] = [1, 2] and [1] != [1, 2] and [] = []"));
    CHECK(holds("due is not set and as_of is set"));
    CHECK(holds("[2023-01-01, as_of] = [2023-01-01, 2023-04-01]"));
}

TEST_CASE("rules grammar: precedence: not over compare, and over or, unary minus over sums") {
    CHECK_FALSE(holds("not true and false"));       // (not true) and false
    CHECK(holds("true or true and false"));         // true or (true and false)
    CHECK_FALSE(holds("(true or true) and false"));
    CHECK(holds("not 1 = 2"));                      // not (1 = 2)
    CHECK(holds("not not true"));
    CHECK(value_of("- 1 + 2") == "1");
    CHECK(value_of("1 - 2 - 3") == "-4");           // left to right
    CHECK(value_of("1 - (2 - 3)") == "2");
    CHECK(holds("1 + 1 = 2"));
    CHECK(holds("--1 = 1"));
}

TEST_CASE("rules grammar: comments and line breaks mean nothing inside a rule") {
    const auto set = RuleSet::parse(
        "# a rules file\n"
        "rule stalled # trailing comment\n"
        "  severity alert\n"
        "  when true and # a comment inside the expression\n"
        "       not false\n"
        "  message \"x # not a comment\"\n"
        "# the end");
    REQUIRE(set.rules().size() == 1);
    CHECK(set.rules()[0].message == "x # not a comment");
    const auto view = tiny_view();
    CHECK(set.evaluate(view).findings.size() == 1);
    CHECK(RuleSet::parse("").rules().empty());
    CHECK(RuleSet::parse("# only a comment\n\n").rules().empty());
    CHECK(RuleSet::parse("rule a severity info when true message 'x'").rules().size() == 1);  // one line
    CHECK(RuleSet::parse("rule a\r\n severity info\r\n when true\r\n message 'x'\r\n").rules().size() == 1);
}

TEST_CASE("rules grammar: clauses in any order, defaults for per and section, RuleInfo as written") {
    const auto set = RuleSet::parse(
        "rule open_proposal\n"
        "    message \"{title}: {open_proposals} voorstel(len)\"\n"
        "    when open_proposals > 0\n"
        "    section decisions\n"
        "    severity warning\n"
        "\n"
        "rule 2023-check.v1\n"
        "    severity alert\n"
        "    per scope\n"
        "    when (state_category = 'blocked')\n"
        "    message 'it\\'s {region}'\n"
        "rule per-region severity info per region when municipalities > 0 message \"r\"\n");
    const auto& rules = set.rules();
    REQUIRE(rules.size() == 3);
    CHECK(rules[0].key == "open_proposal");
    CHECK(rules[0].severity == Severity::warning);
    CHECK(rules[0].target == RuleTarget::action);
    CHECK(rules[0].section == "decisions");
    CHECK(rules[0].condition == "open_proposals > 0");
    CHECK(rules[0].message == "{title}: {open_proposals} voorstel(len)");
    CHECK(rules[0].line == 1);
    CHECK(rules[1].key == "2023-check.v1");
    CHECK(rules[1].target == RuleTarget::scope);
    CHECK(rules[1].section == "signals");
    CHECK(rules[1].condition == "(state_category = 'blocked')");
    CHECK(rules[1].message == "it's {region}");
    CHECK(rules[1].line == 7);
    CHECK(rules[2].target == RuleTarget::region);
    CHECK(rules[2].line == 12);
}

TEST_CASE("rules grammar: a rag block anywhere, with any of its settings") {
    for (const char* text : {"rag\n  grey when all_closed\n  red at alert\n  amber at info\nrule a severity info when true message 'x'",
                             "rule a severity info when true message 'x'\nrag amber at info red at warning",
                             "rag", "rag grey when not_started and due is not set"}) {
        CAPTURE(text);
        CHECK_NOTHROW((void)RuleSet::parse(text));
    }
}

TEST_CASE("rules grammar: messages: placeholders, doubled braces, any expression of the context") {
    CHECK(value_of("title") == "Titel");
    const auto view = tiny_view();
    const auto msg = [&](std::string_view message) {
        const auto e = RuleSet::parse(rule("true", "action", message)).evaluate(view);
        REQUIRE(e.findings.size() == 1);
        return e.findings[0].message;
    };
    CHECK(msg("{{literal}} {title}") == "{literal} Titel");
    CHECK(msg("}}{{") == "}{");
    CHECK(msg("{ title }: {count(regions)} regio, {due}") == "Titel: 1 regio, \u2014");
    CHECK(msg("{as_of - 2023-01-01} dagen") == "90 dagen");
    CHECK(msg("{'}'}") == "}");  // a brace inside a text inside a placeholder
    CHECK(msg("{regions}") == "PV31");
    CHECK(msg("{not_started}") == "true");
}

TEST_CASE("rules grammar: filters are one bool expression over action fields") {
    const auto view = tiny_view();
    const auto f = Filter::parse("theme = \"wonen\" and \"PV31\" in regions");
    CHECK(f.text() == "theme = \"wonen\" and \"PV31\" in regions");
    CHECK(f.select(view).size() == 1);
    CHECK(f.matches(view, "a1"));
    CHECK_FALSE(Filter::parse("due is set").matches(view, "a1"));
    CHECK(test::contains(test::error_of([&] { (void)f.matches(view, "nope"); }, Errc::not_found), "nope"));
}

// ---------------------------------------------------------------------------------------------
// Errors: where and what

TEST_CASE("rules errors: a syntax error shows the line and a caret under the column") {
    const auto r = reject(
        "rule x\n"
        "    severity alert\n"
        "    per scope\n"
        "    message \"m\"\n"
        "    when (since_update > ) and closed\n");
    CHECK(r.what ==
          "rules:5:26: syntax error: expected an expression, found ')'\n"
          "    when (since_update > ) and closed\n"
          "                         ^");
    CHECK(r.line == 5);
    CHECK(r.column == 26);
    CHECK(r.code == Errc::invalid);
    // Tabs in the line are kept in the caret line, so the caret lines up.
    const auto t = reject("rule x\n\tseverity info\n\twhen 1 +\n\tmessage 'm'");
    CHECK(t.what == "rules:4:2: syntax error: expected an expression, found 'message'\n\tmessage 'm'\n\t^");
}

TEST_CASE("rules errors: the end of the file is reported just after the last token") {
    const auto r = reject("rule x severity info message 'm' when due <\n\n");
    CHECK(head(r.what) == "rules:1:44: syntax error: expected an expression, found end of file");
    CHECK(head(reject("rule").what) == "rules:1:5: syntax error: expected a rule key after 'rule', found end of file");
}

TEST_CASE("rules errors: unknown fields name the context") {
    auto r = reject(rule("satte = \"stalled\"", "scope"));
    CHECK(head(r.what) == "rules:4:10: unknown field \"satte\" in a per-scope rule; did you mean \"state\" or "
                          "\"states\"? (actielijst fields lists them; docs/rules.md)");
    CHECK(r.line == 4);
    CHECK(r.column == 10);
    // A field of another context says where it belongs (docs/rules.md, "Errors that suggest").
    CHECK(head(reject(rule("state = 'x'")).what) ==
          "rules:4:10: unknown field \"state\" in a per-action rule; did you mean \"states\"? (\"state\" is a field of "
          "per-scope rules; actielijst fields lists them; docs/rules.md)");
    CHECK(head(reject(rule("title = 'x'", "region")).what) ==
          "rules:4:10: unknown field \"title\" in a per-region rule (\"title\" is a field of filters, per-action or "
          "per-scope rules; actielijst fields lists them; docs/rules.md)");
    CHECK(head(reject(rule("municipalities > 1", "scope")).what) ==
          "rules:4:10: unknown field \"municipalities\" in a per-scope rule (\"municipalities\" is a field of "
          "per-region rules; actielijst fields lists them; docs/rules.md)");
    CHECK(head(reject("rag grey when closed").what) ==
          "rules:1:15: unknown field \"closed\" in the rag block; did you mean \"closed_refs\"? (\"closed\" is a field "
          "of per-scope rules; actielijst fields lists them; docs/rules.md)");
    CHECK(head(reject_filter("region = 'CR37'").what) ==
          "filter:1:1: unknown field \"region\" in a filter; did you mean \"regions\"? (\"region\" is a field of "
          "per-scope or per-region rules; actielijst fields lists them; docs/rules.md)");
    CHECK_HAS(reject(rule("count > 1")).what, "(count is a function: write count(...))");
    // A scope field wins over the action field of the same name, and both exist.
    CHECK_NOTHROW((void)RuleSet::parse(rule("last_update < as_of", "scope")));
    CHECK_NOTHROW((void)RuleSet::parse(rule("last_update < as_of", "action")));
}

TEST_CASE("rules errors: unknown functions, functions out of context, argument counts and types") {
    CHECK(head(reject(rule("cnt(owners) > 1")).what) ==
          "rules:4:10: unknown function \"cnt\" (actielijst fields lists them; docs/rules.md)");
    CHECK(head(reject(rule("due(1) > 1")).what) ==
          "rules:4:10: unknown function \"due\" (\"due\" is a field: write it without parentheses; actielijst fields "
          "lists them; docs/rules.md)");
    CHECK(head(reject(rule("coverage('policy', 'adopted') > 0")).what) ==
          "rules:4:10: function \"coverage\" is not available in a per-action rule (only in per-scope and "
          "per-region rules)");
    CHECK(head(reject(rule("count() = 0")).what) == "rules:4:10: count() takes 1 argument, found 0");
    CHECK(head(reject(rule("count(owners, leads) = 0")).what) == "rules:4:10: count() takes 1 argument, found 2");
    CHECK(head(reject(rule("coverage('policy') = 0", "region")).what) ==
          "rules:4:10: coverage() takes 2 arguments, found 1");
    CHECK(head(reject(rule("count(3) = 0")).what) ==
          "rules:4:16: type mismatch: count() takes a list, not a number (3)");
    CHECK(head(reject(rule("length(owners) = 0")).what) ==
          "rules:4:17: type mismatch: length() takes a text, not a list of texts (owners)");
    CHECK(head(reject(rule("observed(region)", "region")).what) ==
          "rules:4:19: observed() needs the indicator as a text literal in quotes, found region");
    CHECK(head(reject(rule("coverage('policy', region_kind) > 0", "scope")).what) ==
          "rules:4:29: coverage() needs the level as a text literal in quotes, found region_kind");
}

TEST_CASE("rules errors: type mismatches name both types and the operands as written") {
    CHECK(head(reject(rule("last_update = \"2023\"", "scope")).what) ==
          "rules:4:10: type mismatch: '=' compares a date (last_update) with a text (\"2023\")");
    CHECK(head(reject(rule("title < 'b'")).what) ==
          "rules:4:10: type mismatch: '<' orders numbers, dates or durations, not a text (title) and a text ('b')");
    CHECK(head(reject(rule("due > 30d")).what) ==
          "rules:4:10: type mismatch: '>' compares a date (due) with a duration (30d)");
    CHECK(head(reject(rule("owners = title")).what) ==
          "rules:4:10: type mismatch: '=' compares a list of texts (owners) with a text (title)");
    CHECK(head(reject(rule("'x' in title")).what) ==
          "rules:4:17: type mismatch: 'in' needs a list on its right, found a text (title)");
    CHECK(head(reject(rule("due in owners")).what) ==
          "rules:4:10: type mismatch: 'in' looks for a date (due) in a list of texts (owners)");
    CHECK(head(reject(rule("owners not in owners")).what) ==
          "rules:4:10: type mismatch: 'not in' looks for one value, not a list of texts (owners)");
    CHECK(head(reject(rule("1 in [1, 'a']")).what) ==
          "rules:4:19: type mismatch: a list holds one type, found a number (1) and a text ('a')");
    CHECK(head(reject(rule("[[1]] = []")).what) ==
          "rules:4:11: type mismatch: a list cannot hold a list, found a list of numbers ([1])");
    CHECK(head(reject(rule("due + as_of > due")).what) ==
          "rules:4:16: type mismatch: '+' cannot add a date (as_of) to a date (due)");
    CHECK(head(reject(rule("due - title > due")).what) ==
          "rules:4:16: type mismatch: '-' cannot subtract a text (title) from a date (due)");
    CHECK(head(reject(rule("30d - due > 0d")).what) ==
          "rules:4:16: type mismatch: '-' cannot subtract a date (due) from a duration (30d)");
    CHECK(head(reject(rule("-due < due")).what) ==
          "rules:4:10: type mismatch: '-' negates a number or a duration, not a date (due)");
    CHECK(head(reject(rule("not scopes")).what) ==
          "rules:4:14: type mismatch: 'not' takes a bool, not a number (scopes)");
    CHECK(head(reject(rule("true and scopes")).what) ==
          "rules:4:19: type mismatch: 'and' takes bools, not a number (scopes)");
    CHECK(head(reject(rule("scopes or true")).what) ==
          "rules:4:10: type mismatch: 'or' takes bools, not a number (scopes)");
    // The operands are quoted as written, shortened when long.
    CHECK_HAS(reject(rule("(due) = 'x'")).what, "compares a date (due) with a text ('x')");
}

TEST_CASE("rules errors: when, grey when and filters need a bool") {
    CHECK(head(reject(rule("open_proposals")).what) ==
          "rules:4:10: 'when' needs a bool, found a number (open_proposals)");
    CHECK(head(reject("rag grey when due").what) == "rules:1:15: 'grey when' needs a bool, found a date (due)");
    CHECK(head(reject_filter("scopes + 1").what) == "filter:1:1: a filter needs a bool, found a number (scopes + 1)");
}

TEST_CASE("rules errors: names of states, themes, regions, indicators and levels need a vocabulary") {
    const auto view = tiny_view();
    // Without a vocabulary, any name loads.
    CHECK_NOTHROW((void)RuleSet::parse(rule("state = 'klaar'", "scope")));
    CHECK_NOTHROW((void)RuleSet::parse(rule("coverage('x', 'y') > 0", "region")));
    struct Case {
        std::string text;
        std::string message;
    };
    // With the known names of the View: the close ones, or all when there are few.
    const std::string states = "; known states: \"not_started\", \"in_progress\", \"almost_done\", \"ongoing\", "
                               "\"under_review\", \"stalled\", \"done\", \"no_action_needed\"";
    const std::vector<Case> cases{
        {rule("state = \"klaar\"", "scope"), "rules:4:18: unknown state \"klaar\"" + states},
        {rule("\"klaar\" != state", "scope"), "rules:4:10: unknown state \"klaar\"" + states},
        {rule("state in ['stalled', 'klaar']", "scope"), "rules:4:31: unknown state \"klaar\"" + states},
        {rule("'klaar' in states"), "rules:4:10: unknown state \"klaar\"" + states},
        {rule("theme = 'werken'"), "rules:4:18: unknown theme \"werken\"; known themes: \"wonen\""},
        {rule("'CR39' in regions"), "rules:4:10: unknown region \"CR39\"; known regions: \"PV31\" (Limburg)"},
        {rule("region = 'CR39'", "scope"), "rules:4:19: unknown region \"CR39\"; known regions: \"PV31\" (Limburg)"},
        {rule("region_parent = 'CR39'", "region"),
         "rules:4:26: unknown region \"CR39\"; known regions: \"PV31\" (Limburg)"},
        {rule("observed('beleid')", "region"),
         "rules:4:19: unknown indicator \"beleid\"; known indicators: \"policy\", \"workers\""},
        {rule("coverage('policy', 'adoptd') > 0", "scope"),
         "rules:4:29: unknown level \"adoptd\" of indicator \"policy\"; did you mean \"adopted\"?"},
        {"rule a severity info per region when true message '{at_or_above(\"policy\", \"x\")}'",
         "rules:1:75: unknown level \"x\" of indicator \"policy\"; known levels: \"none\", \"adopted\""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto r = reject(c.text, &view);
        CHECK(r.what == c.message);
        CHECK(r.code == Errc::not_found);
    }
    const auto r = reject(rule("coverage('workers', 'x') > 0", "region"), &view);
    CHECK(r.what == "rules:4:19: indicator \"workers\" is count, not ordinal: coverage() and at_or_above() need levels");
    CHECK(r.code == Errc::invalid);
    CHECK_NOTHROW((void)RuleSet::parse(rule("observed('workers')", "region"), "rules", &view));
    // The same names are known: loads.
    CHECK_NOTHROW((void)RuleSet::parse(
        rule("state in ['stalled'] and region = 'PV31' and coverage('policy', 'adopted') > 0", "scope"), "rules",
        &view));
    // Filters too.
    const auto f = reject_filter("theme = 'werken'", &view);
    CHECK(f.what == "filter:1:9: unknown theme \"werken\"; known themes: \"wonen\"");
    CHECK(f.code == Errc::not_found);
}

TEST_CASE("rules errors: a store given a province's own four states holds exactly those, and rules naming a default "
          "state do not load against its View") {
    test::TempDir dir;
    auto store = Store::open(dir.file("eigen-staten.db"));
    store.import_json(R"({"format": "actielijst", "format_version": 1,
        "themes": [{"key": "wonen", "label": {"nl": "Wonen"}}],
        "regions": [{"code": "PV20", "name": "Groningen", "kind": "province"}],
        "states": [{"key": "gepland", "category": "todo", "label": {"nl": "Gepland"}},
                   {"key": "loopt", "category": "active", "label": {"nl": "Loopt"}},
                   {"key": "vastgelopen", "category": "blocked", "label": {"nl": "Vastgelopen"}},
                   {"key": "afgerond", "category": "done", "label": {"nl": "Afgerond"}}],
        "actions": [{"key": "a1", "theme": "wonen", "title": "Huisvesting", "goal": "Beleid.", "scope": ["PV20"]}],
        "updates": [{"action": "a1", "scope": "PV20", "state": "vastgelopen", "text": "Wacht op de gemeenten.",
                     "as_of": "2023-01-15"}]})");
    const std::vector<std::string> own{"gepland", "loopt", "vastgelopen", "afgerond"};
    const auto keys = [](const std::vector<ProgressState>& states) {
        std::vector<std::string> out;
        for (const auto& s : states) out.push_back(s.key());
        return out;
    };
    CHECK(keys(store.dump().states) == own);
    const auto view = store.view(Date(2023, 3, 1));
    CHECK(keys(view.states()) == own);
    // A default state is as unknown to this store as any other name.
    CHECK(test::error_of([&] { store.record(StatusUpdate("a1", "PV20", "in_progress", "Gestart.", Date(2023, 2, 1))); }) ==
          "state: unknown state \"in_progress\"; known states: \"gepland\", \"loopt\", \"vastgelopen\", \"afgerond\"");

    // Its own states load; a default one the province does not use is refused with not_found.
    CHECK_NOTHROW((void)RuleSet::parse(rule("state = 'vastgelopen'", "scope"), "rules", &view));
    const auto r = reject(rule("state = 'stalled'", "scope"), &view);
    CHECK(r.what == "rules:4:18: unknown state \"stalled\"; known states: \"gepland\", \"loopt\", \"vastgelopen\", "
                    "\"afgerond\"");
    CHECK(r.code == Errc::not_found);
    CHECK(r.line == 4);
    CHECK(r.column == 18);
    const auto f = reject_filter("'stalled' in states", &view);
    CHECK(f.what == "filter:1:1: unknown state \"stalled\"; known states: \"gepland\", \"loopt\", \"vastgelopen\", "
                    "\"afgerond\"");
    CHECK(f.code == Errc::not_found);
    // The default rules name categories, not states, so they load against any state set.
    const auto defaults = RuleSet::defaults(&view);
    const auto stalled = defaults.evaluate(view);
    CHECK(std::any_of(stalled.findings.begin(), stalled.findings.end(),
                      [](const Finding& x) { return x.rule == "stalled" && x.action == "a1" && x.region == "PV20"; }));
}

TEST_CASE("rules errors: state categories and region kinds have fixed values") {
    auto r = reject(rule("state_category = 'blockd'", "scope"));
    CHECK(r.what == "rules:4:27: unknown state category \"blockd\" (expected todo, active, blocked, done or dropped); "
                    "did you mean \"blocked\"?");
    CHECK(r.code == Errc::invalid);
    CHECK(reject(rule("'klaar' in categories")).what ==
          "rules:4:10: unknown state category \"klaar\" (expected todo, active, blocked, done or dropped)");
    CHECK(reject(rule("region_kind = 'gemeente'", "region")).what ==
          "rules:4:24: unknown region kind \"gemeente\" (expected province, corop or municipality); did you mean "
          "\"municipality\"?");
    CHECK_NOTHROW((void)RuleSet::parse(rule("region_kind in ['corop', 'municipality']", "region")));
}

TEST_CASE("rules errors: severities, targets, keys, duplicates and missing clauses") {
    CHECK(reject("rule stalled\n  per scope\n  severity urgent\n").what ==
          "rules:3:12: unknown severity \"urgent\" (expected info, warning or alert)");
    CHECK(head(reject("rule a severity 3").what) ==
          "rules:1:17: syntax error: expected a severity (info, warning or alert) after 'severity', found '3'");
    CHECK(reject("rule a per scopes").what ==
          "rules:1:12: unknown target \"scopes\" for 'per' (expected action, scope or region)");
    const std::string one = "rule stalled severity info when true message 'x'\n";
    const auto dup = reject(one + "\n" + one);
    CHECK(dup.what == "rules:3:6: duplicate rule key \"stalled\" (first defined at line 1)");
    CHECK(dup.line == 3);
    CHECK(dup.column == 6);
    CHECK(reject("rule a\n severity info\n when true\n severity alert").what ==
          "rules:4:2: duplicate clause 'severity' in rule \"a\" (first at line 2)");
    CHECK(reject("rule a severity info when true message 'x' message 'y'").what ==
          "rules:1:44: duplicate clause 'message' in rule \"a\" (first at line 1)");
    CHECK(reject("rule a when true message 'x'").what == "rules:1:6: rule \"a\" has no 'severity' clause");
    CHECK(reject("rule a severity info message 'x'").what == "rules:1:6: rule \"a\" has no 'when' clause");
    CHECK(reject("rule a severity info when true\nrule b").what == "rules:1:6: rule \"a\" has no 'message' clause");
    CHECK(head(reject("rule Stalled severity info").what) ==
          "rules:1:6: syntax error: invalid rule key \"Stalled\" (1 to 64 of a-z, 0-9, '_', '.', '-', starting with a "
          "letter or digit)");
    CHECK_HAS(reject("rule _x").what, "invalid rule key \"_x\"");
    CHECK_HAS(reject("rule " + std::string(65, 'a')).what, "invalid rule key");
    CHECK_NOTHROW((void)RuleSet::parse("rule " + std::string(64, 'a') + " severity info when true message 'x'"));
    CHECK_HAS(reject("rule a section Signals").what, "1:16: syntax error: invalid section key \"Signals\"");
    CHECK(head(reject("rule a severity info sevrity alert").what) ==
          "rules:1:22: syntax error: expected a clause (severity, per, section, when or message) or the next rule, "
          "found 'sevrity'");
    CHECK(head(reject("when true").what) == "rules:1:1: syntax error: expected 'rule' or 'rag', found 'when'");
    CHECK(head(reject("rule a severity info when true message title").what) ==
          "rules:1:40: syntax error: expected a message in quotes after 'message', found 'title'");
}

TEST_CASE("rules errors: rag blocks") {
    CHECK(reject("rag\nrule a severity info when true message 'x'\nrag").what ==
          "rules:3:1: a second rag block (the first is at line 1)");
    CHECK(reject("rag red at alert\n red at warning").what ==
          "rules:2:2: duplicate 'red at' in the rag block (first at line 1)");
    CHECK(reject("rag grey when true grey when false").what ==
          "rules:1:20: duplicate 'grey when' in the rag block (first at line 1)");
    CHECK(head(reject("rag grey all_closed").what) ==
          "rules:1:10: syntax error: expected 'when' after 'grey', found 'all_closed'");
    CHECK(head(reject("rag amber alert").what) == "rules:1:11: syntax error: expected 'at' after 'amber', found 'alert'");
    CHECK(reject("rag red at urgent").what == "rules:1:12: unknown severity \"urgent\" (expected info, warning or alert)");
    CHECK(head(reject("rag green at info").what) ==
          "rules:1:5: syntax error: expected 'grey when', 'red at' or 'amber at' in the rag block, found 'green'");
}

TEST_CASE("rules errors: comparisons do not chain") {
    for (const char* when : {"1 < due_moves < 3", "1 = 1 = true", "'a' in refs in refs", "due is set = true",
                             "1 < 2 not in []"}) {
        CAPTURE(when);
        CHECK_HAS(reject(rule(when)).what, "syntax error: comparisons do not chain: write 'a < b and b < c'");
    }
    CHECK(reject(rule("1 < due_moves < 3")).column == 24);
    CHECK_NOTHROW((void)RuleSet::parse(rule("(1 < 2) = true")));
    CHECK(head(reject(rule("due is sett")).what) ==
          "rules:4:17: syntax error: expected 'set' or 'not set' after 'is', found 'sett'");
    CHECK(head(reject(rule("'a' not refs")).what) ==
          "rules:4:18: syntax error: expected 'in' after 'not', found 'refs'");
}

TEST_CASE("rules errors: literals: dates, numbers, durations, texts and escapes") {
    CHECK(head(reject(rule("due < 2023-02-30")).what) == "rules:4:16: syntax error: invalid date 2023-02-30 (no such day)");
    CHECK(head(reject(rule("due < 2023-3-01")).what) ==
          "rules:4:16: syntax error: invalid date \"2023-3-01\" (write dates as YYYY-MM-DD)");
    CHECK_HAS(reject(rule("due < 0000-01-01")).what, "invalid date 0000-01-01 (no such day)");
    CHECK(head(reject(rule("scopes > 3x")).what) == "rules:4:19: syntax error: invalid number \"3x\"");
    CHECK(head(reject(rule("scopes > 1.")).what) == "rules:4:19: syntax error: invalid number \"1.\"");
    CHECK(head(reject(rule("since_update > 180days", "scope")).what) ==
          "rules:4:25: syntax error: invalid duration \"180days\" (a duration is a whole number followed by d, w, m "
          "or y)");
    CHECK_HAS(reject(rule("until_due > 1.5w")).what, "invalid duration \"1.5w\"");
    CHECK_HAS(reject(rule("until_due > 1234567890d")).what, "duration 1234567890d is out of range");
    CHECK_HAS(reject(rule("scopes > 5%x")).what, "invalid percentage \"5%x\"");
    CHECK_HAS(reject(rule("scopes > 1" + std::string(400, '0'))).what, "is out of range");
    CHECK(head(reject(rule("title = \"open")).what) ==
          "rules:4:18: syntax error: unterminated text: no closing '\"' on this line");
    CHECK(head(reject(rule("title = 'open\nclose'")).what) ==
          "rules:4:18: syntax error: unterminated text: no closing \"'\" on this line");
    CHECK(head(reject("rule a severity info when true message \"x\\").what) ==
          "rules:1:40: syntax error: unterminated text: a '\\' at the end of the line");
    const auto esc = reject(rule("title = \"a\\qb\""));
    CHECK(head(esc.what) == "rules:4:20: syntax error: bad escape '\\q' in a text (use \\\", \\', \\\\, \\n or \\t)");
    CHECK(esc.column == 20);
    CHECK(head(reject(rule("scopes @ 1")).what) == "rules:4:17: syntax error: unexpected character '@'");
    CHECK(head(reject(rule("scopes ! 1")).what) ==
          "rules:4:17: syntax error: unexpected character '!' (write '!=' for \"not equal\")");
    CHECK(head(reject(rule("scopes \xE2\x89\xA0 1")).what) ==
          "rules:4:17: syntax error: unexpected character '\xE2\x89\xA0' (U+2260)");
    CHECK_HAS(reject(rule(std::string("scopes ") + '\x01')).what, "unexpected character U+0001");
    CHECK(head(reject(rule("{title}")).what) == "rules:4:10: syntax error: expected an expression, found '{'");
}

TEST_CASE("rules errors: columns count code points; invalid UTF-8 is refused where it starts") {
    // "é" is two bytes but one column.
    const auto r = reject("rule a severity info message 'café' when 'é' = tittle");
    CHECK(r.what == "rules:1:48: unknown field \"tittle\" in a per-action rule; did you mean \"title\"? (actielijst "
                    "fields lists them; docs/rules.md)");
    CHECK(r.column == 48);
    const auto caret = reject("rule a severity info message 'café' when 'é' = )");
    CHECK(caret.what ==
          "rules:1:48: syntax error: expected an expression, found ')'\n"
          "rule a severity info message 'café' when 'é' = )\n"
          "                                               ^");
    const auto bad = reject("rule a\n severity info\n message 'ca\xC3\xA9 \xFF'");
    CHECK(bad.what == "rules:3:15: invalid UTF-8 (byte 0xFF)");
    CHECK(bad.line == 3);
    CHECK(bad.column == 15);
    CHECK(reject("\xC0\x80").what == "rules:1:1: invalid UTF-8 (byte 0xC0)");  // an overlong NUL
    CHECK(reject("'\xED\xA0\x80'").what == "rules:1:2: invalid UTF-8 (byte 0xED)");  // a surrogate
}

TEST_CASE("rules errors: placeholders in messages are checked, at their place in the file") {
    const auto msg = [](std::string_view message, std::string_view per = "action") {
        return head(reject("rule a severity info per " + std::string(per) + " when true\n  message \"" +
                           std::string(message) + "\"")
                        .what);
    };
    CHECK(msg("{title") == "rules:2:12: syntax error: unbalanced '{' in the message: no '}' closes this placeholder");
    CHECK(msg("x } y") == "rules:2:14: syntax error: unbalanced '}' in the message (write '}}' for a brace)");
    CHECK(msg("{}") == "rules:2:13: syntax error: expected an expression, found '}'");
    CHECK(msg("ok {title} {1 +}") == "rules:2:27: syntax error: expected an expression, found '}'");
    CHECK(msg("{title due}") == "rules:2:19: syntax error: expected '}' to close the placeholder, found 'due'");
    CHECK(msg("{satte}", "scope") == "rules:2:13: unknown field \"satte\" in a per-scope rule; did you mean \"state\" "
                                     "or \"states\"? (actielijst fields lists them; docs/rules.md)");
    CHECK(msg("{region}") == "rules:2:13: unknown field \"region\" in a per-action rule; did you mean \"regions\"? "
                             "(\"region\" is a field of per-scope or per-region rules; actielijst fields lists them; "
                             "docs/rules.md)");
    CHECK(msg("{due + due}") == "rules:2:19: type mismatch: '+' cannot add a date (due) to a date (due)");
    // Escapes before a placeholder still give the column in the file.
    CHECK(msg("\\t\\\"{satte}", "scope") == "rules:2:17: unknown field \"satte\" in a per-scope rule; did you mean "
                                            "\"state\" or \"states\"? (actielijst fields lists them; docs/rules.md)");
    // A message has no comments: '#' in a placeholder is an unexpected character where
    // it stands (it used to swallow the rest and report an unclosed placeholder).
    CHECK(msg("{ti#tle}") == "rules:2:15: syntax error: unexpected character '#'");
    CHECK(msg("{title #}") == "rules:2:19: syntax error: unexpected character '#'");
    CHECK_NOTHROW((void)RuleSet::parse("rule a severity info when true message \"# {title} #{{ {'#'}\""));
    const auto caret = reject("rule a severity info when true\n  message \"x {1 +} y\"");
    CHECK(caret.what ==
          "rules:2:18: syntax error: expected an expression, found '}'\n"
          "  message \"x {1 +} y\"\n"
          "                 ^");
}

TEST_CASE("rules errors: limits on size and nesting") {
    // 1 MiB loads (a comment), one byte more does not.
    std::string big = "#" + std::string((std::size_t{1} << 20) - 1, ' ');
    CHECK_NOTHROW((void)RuleSet::parse(big));
    big += ' ';
    const auto r = reject(big);
    CHECK(r.what == "rules:1:1: the rules text is 1048577 bytes, more than the limit of 1 MiB (1048576 bytes)");
    CHECK(reject_filter(big).what ==
          "filter:1:1: the filter is 1048577 bytes, more than the limit of 1 MiB (1048576 bytes)");

    const auto nested = [](std::string_view open, std::string_view inner, std::string_view close, int depth) {
        std::string s;
        for (int i = 0; i < depth; ++i) s += open;
        s += inner;
        for (int i = 0; i < depth; ++i) s += close;
        return s;
    };
    CHECK_NOTHROW((void)RuleSet::parse(rule(nested("(", "true", ")", 64))));
    CHECK_HAS(reject(rule(nested("(", "true", ")", 65))).what,
              "rules:4:74: syntax error: expression nested more than 64 deep");
    CHECK_NOTHROW((void)RuleSet::parse(rule(nested("not ", "true", "", 64))));
    CHECK_HAS(reject(rule(nested("not ", "true", "", 65))).what, "nested more than 64 deep");
    CHECK_NOTHROW((void)RuleSet::parse(rule(nested("-", "1", "", 64) + " = 1")));
    CHECK_HAS(reject(rule(nested("-", "1", "", 65) + " = 1")).what, "nested more than 64 deep");
    CHECK_HAS(reject(rule(nested("[", "1", "]", 65) + " = []")).what, "nested more than 64 deep");
    CHECK_HAS(reject(rule(nested("length(", "title", ")", 65) + " = 1")).what, "nested more than 64 deep");
    CHECK_HAS(reject(rule("true", "action", nested("{length(", "title", ")}", 70))).what, "syntax error");
    // Hostile depths fail fast instead of overflowing the stack.
    CHECK_HAS(reject(rule(nested("(", "", "", 200000))).what, "nested more than 64 deep");
    CHECK_HAS(reject(rule(nested("not ", "", "", 200000))).what, "nested more than 64 deep");
    CHECK_HAS(reject(rule(nested("-", "", "", 500000))).what, "nested more than 64 deep");
    CHECK_HAS(reject_filter(nested("[", "", "", 500000)).what, "nested more than 64 deep");
}

TEST_CASE("rules limits: long flat chains load and evaluate without deep recursion") {
    const auto view = tiny_view();
    std::string sum = "1";
    std::string conj = "true";
    for (int i = 0; i < 60000; ++i) {
        sum += " + 1";
        conj += " and 1 < 2";
    }
    const auto set = RuleSet::parse(rule(sum + " = 60001 and " + conj));
    const auto e = set.evaluate(view);
    REQUIRE(e.findings.size() == 1);
    // Every distinct leaf gives its reason once.
    CHECK(e.findings[0].reasons.size() == 2);
}

TEST_CASE("rules errors: a bad file never half-loads; RuleError is an Error") {
    const std::string good = "rule a severity info when true message 'x'\n";
    try {
        (void)RuleSet::parse(good + "rule b severity info when 1 message 'x'\n", "my.rules");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(test::starts_with(e.what(), "my.rules:2:"));
        CHECK(e.code() == Errc::invalid);
    }
}

TEST_CASE("rules errors: filters") {
    CHECK(head(reject_filter("").what) == "filter:1:1: syntax error: expected an expression, found the end of the filter");
    CHECK(head(reject_filter("theme = 'a' title").what) ==
          "filter:1:13: syntax error: expected the end of the filter, found 'title'");
    CHECK(head(reject_filter("theme = ").what) ==
          "filter:1:8: syntax error: expected an expression, found the end of the filter");
    CHECK(head(reject_filter("rule").what) == "filter:1:1: syntax error: expected an expression, found 'rule'");
    // A huge token is quoted in part, not whole.
    CHECK(head(reject_filter("true " + std::string(100000, 'x')).what) ==
          "filter:1:6: syntax error: expected the end of the filter, found '" + std::string(40, 'x') + "...'");
    try {
        (void)Filter::parse("scopes >", "--where");
        FAIL("expected an error");
    } catch (const RuleError& e) {
        CHECK(test::starts_with(e.what(), "--where:1:9: "));
    }
}

TEST_CASE("rules: load reads a file and names it in errors") {
    test::TempDir dir;
    const auto path = dir.file("x.rules");
    test::write_file(path, "rule a severity info when true message 'x'\n");
    CHECK(RuleSet::load(path).rules().size() == 1);
    test::write_file(path, "rule a severity urgent\n");
    const auto msg = test::error_of([&] { (void)RuleSet::load(path); });
    CHECK_STARTS(msg, path + ":1:17: unknown severity");
    CHECK_HAS(test::error_of([&] { (void)RuleSet::load(dir.file("missing.rules")); }, Errc::io), "missing.rules");
    test::write_file(path, std::string((std::size_t{1} << 20) + 10, '#'));
    CHECK_HAS(test::error_of([&] { (void)RuleSet::load(path); }), "more than the limit of 1 MiB");
}

TEST_CASE("rules: garbage never crashes") {
    const std::vector<std::string> inputs{
        "rule", "rule a", "rule a severity", "rule a when", "rule a message", "rule a per", "rule a section",
        "rag grey", "rag grey when", "rag red", "rag red at", "rule a message '{", "rule a message '}'",
        "rule a message '{{{'", "rule a when ((((", "rule a when [1,", "rule a when f(", "rule a when 1 +",
        "rule a when not", "rule a when x is", "rule a when x is not", "rule a when x not", "\"", "'", "#",
        std::string("\0\0\0", 3), "rule a when 2023-", "rule a when 2023-01-", "rule a when 2023-01-01x",
        "rule a message '\\", "rule a when 9999-12-31 + 1d = 9999-12-31", "rule a when -", "]", ")", "}", ",",
    };
    for (const auto& text : inputs) {
        CAPTURE(text);
        try {
            (void)RuleSet::parse(text);
        } catch (const RuleError& e) {
            CHECK(e.line() >= 1);
            CHECK(e.column() >= 1);
        }
        try {
            (void)Filter::parse(text);
        } catch (const RuleError& e) {
            CHECK(e.line() >= 1);
        }
    }
}

TEST_CASE("rules: to_string of severities, targets and RAG") {
    CHECK(to_string(Severity::info) == "info");
    CHECK(to_string(Severity::warning) == "warning");
    CHECK(to_string(Severity::alert) == "alert");
    CHECK(to_string(RuleTarget::action) == "action");
    CHECK(to_string(RuleTarget::scope) == "scope");
    CHECK(to_string(RuleTarget::region) == "region");
    CHECK(to_string(Rag::grey) == "grey");
    CHECK(to_string(Rag::green) == "green");
    CHECK(to_string(Rag::amber) == "amber");
    CHECK(to_string(Rag::red) == "red");
}

TEST_CASE("rules errors: a syntax error on a long line shows a window around the caret") {
    // A hostile one-line file must not come back whole inside the message.
    std::string line = "rule a severity info message 'm' when true";
    for (int i = 0; i < 20000; ++i) line += " and true";
    const auto column = static_cast<int>(line.size()) + 2;
    line += " )";
    const auto r = reject(line);
    CHECK(r.what.size() < 400);
    CHECK(r.line == 1);
    CHECK(r.column == column);
    const auto text = r.what.substr(r.what.find('\n') + 1);
    const auto shown = text.substr(0, text.find('\n'));
    const auto caret = text.substr(text.find('\n') + 1);
    CHECK(test::starts_with(shown, "..."));
    CHECK(caret.size() == 64);  // "..." plus 60 code points before the caret
    CHECK(caret.back() == '^');
    CHECK(shown.substr(caret.size() - 1, 1) == ")");
    // Control characters in the shown line print as '?', so the message stays printable.
    const auto ctl = reject("rule a severity info message 'm' when \x01 ");
    CHECK(test::contains(ctl.what, "\nrule a severity info message 'm' when ? \n"));
}
