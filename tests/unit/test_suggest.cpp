// Errors that suggest (docs/rules.md, "Errors that suggest"): the distance and the
// choice of names, the hints of the rules checker and of store writes, and the
// public list of fields that the hints point to.
#include "support.hpp"

#include "util/suggest.hpp"

#include <actielijst/rules.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace actielijst;
using detail::closest;
using detail::edit_distance;

namespace {

std::string filter_error(std::string_view text, const View* vocabulary = nullptr) {
    try {
        (void)Filter::parse(text, "filter", vocabulary);
    } catch (const RuleError& e) {
        return e.what();
    }
    FAIL("expected a RuleError for: " << text);
    return {};
}

std::string rules_error(std::string_view when, std::string_view per, const View* vocabulary = nullptr) {
    const std::string text = "rule r\n    severity info\n    per " + std::string(per) + "\n    when " +
                             std::string(when) + "\n    message \"m\"\n";
    try {
        (void)RuleSet::parse(text, "rules", vocabulary);
    } catch (const RuleError& e) {
        return e.what();
    }
    FAIL("expected a RuleError for: " << when);
    return {};
}

/// The Limburg list in a fresh store, and its view.
struct Limburg {
    test::TempDir dir;
    Store store = Store::open(dir.file("limburg.db"));
    Limburg() { store.import_json(test::limburg_json()); }
};

StatusUpdate update(std::string scope, std::string state, std::string action = "wonen-registratie") {
    return StatusUpdate(std::move(action), std::move(scope), std::move(state), "Tekst.", Date::parse("2023-04-01", "d"));
}

}  // namespace

TEST_CASE("suggest: the distance counts insertions, deletions, substitutions and swaps, ignoring ASCII case") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("action", "action") == 0);
    CHECK(edit_distance("Action", "aCTION") == 0);
    CHECK(edit_distance("lsit", "list") == 1);      // one swap
    CHECK(edit_distance("Zud", "Zuid") == 1);       // one insertion
    CHECK(edit_distance("satte", "state") == 1);    // one swap
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("ca", "abc") == 3);         // optimal string alignment, not full Damerau
}

TEST_CASE("suggest: closest keeps the near names, nearest first, ties in candidate order") {
    const std::vector<std::string> names{"list", "lists", "init", "import", "export", "status"};
    CHECK(closest("lsit", names) == std::vector<std::string>{"list"});
    CHECK(closest("LIST", names) == std::vector<std::string>{"list", "lists"});  // "lists" by its start
    CHECK(closest("frobnicate", names).empty());
    CHECK(closest("", names).empty());
    CHECK(closest("xport", names) == std::vector<std::string>{"export", "import"});
    // A shared start of three letters or more counts, however long the rest.
    CHECK(closest("stat", {"state", "states", "state_at", "stalled"}, 5) ==
          std::vector<std::string>{"state", "states", "state_at"});
    CHECK(closest("st", {"state"}).empty());
    // At most `limit`, equal candidates once.
    CHECK(closest("a1", {"a2", "a3", "a2", "a4", "a5"}, 3) == std::vector<std::string>{"a2", "a3", "a4"});
    // A word longer than any name gets nothing, cheaply.
    CHECK(closest(std::string(100000, 'a'), {std::string(100000, 'a')}).empty());
}

TEST_CASE("suggest: the words of a hint") {
    CHECK(detail::did_you_mean({}).empty());
    CHECK(detail::did_you_mean({"action"}) == "did you mean \"action\"?");
    CHECK(detail::did_you_mean({"states", "state_at"}) == "did you mean \"states\" or \"state_at\"?");
    CHECK(detail::did_you_mean({"a", "b", "c"}) == "did you mean \"a\", \"b\" or \"c\"?");
    CHECK(detail::unknown_hint("stald", {"done", "stalled"}, "states") == "; did you mean \"stalled\"?");
    CHECK(detail::unknown_hint("klaar", {"done", "stalled"}, "states") == "; known states: \"done\", \"stalled\"");
    CHECK(detail::unknown_hint("klaar", {"done", "stalled"}, "actions", 0).empty());
}

TEST_CASE("suggest: an unknown field names the fields valid there, synonyms first, and where they are listed") {
    CHECK(filter_error("key = 'x'") ==
          "filter:1:1: unknown field \"key\" in a filter; did you mean \"action\"? "
          "(actielijst fields lists them; docs/rules.md)");
    CHECK(filter_error("tittle = 'x'") ==
          "filter:1:1: unknown field \"tittle\" in a filter; did you mean \"title\"? "
          "(actielijst fields lists them; docs/rules.md)");
    // A field of another context says so; only fields valid here are suggested.
    CHECK(filter_error("state = 'x'") ==
          "filter:1:1: unknown field \"state\" in a filter; did you mean \"states\"? "
          "(\"state\" is a field of per-scope rules; actielijst fields lists them; docs/rules.md)");
    CHECK(rules_error("status = 'x'", "scope").find("unknown field \"status\" in a per-scope rule; did you mean "
                                                    "\"state\", \"states\" or \"statuses\"?") != std::string::npos);
    CHECK(filter_error("deadline < as_of").find("did you mean \"due\"?") != std::string::npos);
    CHECK(filter_error("owner = 'x'").find("did you mean \"owners\"?") != std::string::npos);
    CHECK(filter_error("thema = 'x'").find("did you mean \"theme\"?") != std::string::npos);
    CHECK(filter_error("gemeente = 'x'").find("did you mean \"regions\"?") != std::string::npos);
    CHECK(rules_error("gemeente = 'x'", "scope") ==
          "rules:4:10: unknown field \"gemeente\" in a per-scope rule; did you mean \"region\" or \"regions\"? "
          "(actielijst fields lists them; docs/rules.md)");
    CHECK(filter_error("zzzz = 1") ==
          "filter:1:1: unknown field \"zzzz\" in a filter (actielijst fields lists them; docs/rules.md)");
    // The error code stays what it was.
    try {
        (void)Filter::parse("key = 'x'");
    } catch (const RuleError& e) {
        CHECK(e.code() == Errc::invalid);
    }
}

TEST_CASE("suggest: an unknown function names the closest functions") {
    CHECK(filter_error("cont(owners) > 1") ==
          "filter:1:1: unknown function \"cont\"; did you mean \"count\"? (actielijst fields lists them; docs/rules.md)");
    CHECK(filter_error("due(1) > 1") ==
          "filter:1:1: unknown function \"due\" (\"due\" is a field: write it without parentheses; actielijst fields "
          "lists them; docs/rules.md)");
}

TEST_CASE("suggest: an unknown state, theme, region, category or indicator names the closest of the view") {
    Limburg l;
    const auto view = l.store.view(l.store.default_date());
    CHECK(filter_error("'stald' in states", &view) == "filter:1:1: unknown state \"stald\"; did you mean \"stalled\"?");
    // Few states and none close: all of them.
    CHECK(filter_error("'klaar' in states", &view).rfind(
              "filter:1:1: unknown state \"klaar\"; known states: \"not_started\", \"in_progress\"", 0) == 0);
    CHECK(filter_error("theme = 'wonn'", &view) == "filter:1:9: unknown theme \"wonn\"; did you mean \"wonen\"?");
    // A region is suggested by its code, also when the name was close.
    CHECK(filter_error("'Zuid-Limbrug' in regions", &view) ==
          "filter:1:1: unknown region \"Zuid-Limbrug\"; did you mean \"CR39\" (Zuid-Limburg)?");
    CHECK(filter_error("'CR3' in regions", &view).find("did you mean \"CR37\"") != std::string::npos);
    CHECK(rules_error("state_category = 'blockd'", "scope") ==
          "rules:4:27: unknown state category \"blockd\" (expected todo, active, blocked, done or dropped); "
          "did you mean \"blocked\"?");
    CHECK(rules_error("region_kind = 'gemeente'", "scope") ==
          "rules:4:24: unknown region kind \"gemeente\" (expected province, corop or municipality); "
          "did you mean \"municipality\"?");
    try {
        (void)Filter::parse("'stald' in states", "filter", &view);
    } catch (const RuleError& e) {
        CHECK(e.code() == Errc::not_found);
    }
}

TEST_CASE("suggest: rule_fields lists every field once and every function, with where each is valid") {
    const auto fields = rule_fields();
    const auto find = [&](std::string_view name, bool function = false) {
        const auto it = std::find_if(fields.begin(), fields.end(),
                                     [&](const RuleField& f) { return f.name == name && f.function == function; });
        REQUIRE(it != fields.end());
        return *it;
    };
    CHECK(find("action") == RuleField{"action", "text", false, 0, "", true, true, true, false, false});
    CHECK(find("state") == RuleField{"state", "text", false, 0, "", false, false, true, false, false});
    CHECK(find("owners").type == "list of text");
    CHECK(find("coverage", true) == RuleField{"coverage", "number", true, 2, "indicator, level", false, false, true,
                                              true, false});
    CHECK(find("observation_age").region);
    CHECK(find("observation_age", true).arity == 1);
    const auto last = find("last_update");
    CHECK((last.action && last.scope && last.filter && !last.region));
    CHECK(std::count_if(fields.begin(), fields.end(), [](const RuleField& f) {
              return f.name == "last_update";
          }) == 1);
    const auto label = find("state_label");
    CHECK((label.message_only && label.scope && !label.filter));
    // The listing says what the checker accepts: every field it marks for filters
    // parses in one, every other one is refused.
    for (const auto& f : fields) {
        if (f.function || f.message_only) continue;
        CAPTURE(f.name);
        bool parsed = true;
        try {
            (void)Filter::parse(f.name + " is set");
        } catch (const RuleError&) {
            parsed = false;
        }
        CHECK(parsed == f.filter);
    }
}

TEST_CASE("suggest: a store write with an unknown region, state or action names the closest stored ones") {
    Limburg l;
    // A region given by name is suggested as written in the store, with its code.
    CHECK(test::error_of([&] { l.store.record(update("Zud", "done")); }) ==
          "scope: unknown region \"Zud\"; did you mean \"Zuid\" (CR39)?");
    CHECK(test::error_of([&] { l.store.record(update("CR3", "done")); }).rfind(
              "scope: unknown region \"CR3\"; did you mean \"CR37\"", 0) == 0);
    CHECK(test::error_of([&] { l.store.record(update("Atlantis", "done")); }) == "scope: unknown region \"Atlantis\"");
    CHECK(test::error_of([&] { l.store.record(update("CR39", "stalld")); }) ==
          "state: unknown state \"stalld\"; did you mean \"stalled\"?");
    // Nothing close among the few states: all of them, in their order.
    CHECK(test::error_of([&] { l.store.record(update("CR39", "klaar")); }) ==
          "state: unknown state \"klaar\"; known states: \"not_started\", \"in_progress\", \"almost_done\", "
          "\"ongoing\", \"under_review\", \"stalled\", \"done\", \"no_action_needed\"");
    CHECK(test::error_of([&] { l.store.record(update("CR39", "done", "wonen-registraite")); }) ==
          "action: unknown action \"wonen-registraite\"; did you mean \"wonen-registratie\"?");
    // Actions are many: none close, nothing listed.
    CHECK(test::error_of([&] { l.store.record(update("CR39", "done", "zzz")); }) == "action: unknown action \"zzz\"");
    CHECK(test::error_of([&] { (void)l.store.history("wonen-registraite", ""); }, Errc::not_found) ==
          "action: unknown action \"wonen-registraite\"; did you mean \"wonen-registratie\"?");
    CHECK(test::error_of([&] { (void)l.store.history("wonen-registratie", "Zud"); }, Errc::not_found) ==
          "scope: unknown region \"Zud\"; did you mean \"Zuid\" (CR39)?");
}
