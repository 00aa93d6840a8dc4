#include "support.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <istream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

// The JSON exchange format (docs/json-format.md): parse_json / to_json and
// Store::import_json / export_json on a real SQLite file.

using namespace actielijst;
using test::contains;
using test::starts_with;

namespace {

/// The first line where two texts differ, for a readable failure message.
std::string first_difference(const std::string& expected, const std::string& actual) {
    std::size_t i = 0, line = 1;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
        if (expected[i] == '\n') ++line;
        ++i;
    }
    if (i == expected.size() && i == actual.size()) return "identical";
    const auto line_at = [i](const std::string& s) {
        std::size_t start = 0;
        if (i > 0) {
            const auto nl = s.rfind('\n', i - 1);
            start = nl == std::string::npos ? 0 : nl + 1;
        }
        const auto end = s.find('\n', i);
        return s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    };
    return "first difference at line " + std::to_string(line) + " (sizes " + std::to_string(expected.size()) + " vs " +
           std::to_string(actual.size()) + "):\n  expected: " + line_at(expected) + "\n  actual:   " + line_at(actual);
}

// Compares without letting doctest print both (long) documents in full.
#define CHECK_SAME_TEXT(expected, actual)                                    \
    do {                                                                     \
        const std::string expected_text_ = (expected);                       \
        const std::string actual_text_ = (actual);                           \
        const bool same_text_ = expected_text_ == actual_text_;              \
        CHECK_MESSAGE(same_text_, first_difference(expected_text_, actual_text_)); \
    } while (false)

/// A document with the two required members followed by `members` (a JSON fragment).
std::string doc(const std::string& members = {}) {
    return "{\"format\": \"actielijst\", \"format_version\": 1" + (members.empty() ? std::string() : ", " + members) + "}";
}

/// Row count of every table in the SQLite file, read through a separate connection.
std::map<std::string, std::int64_t> table_counts(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::vector<std::string> tables;
    SQLite::Statement names(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
    std::map<std::string, std::int64_t> counts;
    for (const auto& t : tables) {
        SQLite::Statement q(db, "SELECT count(*) FROM \"" + t + "\"");
        q.executeStep();
        counts[t] = q.getColumn(0).getInt64();
    }
    return counts;
}

Store limburg_store(const test::TempDir& dir, const std::string& name = "limburg.db") {
    auto store = Store::open(dir.file(name));
    store.import_json(test::limburg_json());
    return store;
}

/// The message of the error importing `json` into a fresh Limburg store gives.
std::string import_error_on_limburg(const std::string& json, Errc expected = Errc::invalid) {
    test::TempDir dir;
    auto store = limburg_store(dir);
    return test::error_of([&] { store.import_json(json); }, expected);
}

/// The message of the error importing `json` into a fresh, empty store gives.
std::string import_error_on_empty(const std::string& json, Errc expected = Errc::invalid) {
    test::TempDir dir;
    auto store = Store::open(dir.file("empty.db"));
    return test::error_of([&] { store.import_json(json); }, expected);
}

std::string parse_error(const std::string& json, Errc expected = Errc::invalid) {
    return test::error_of([&] { (void)parse_json(json); }, expected);
}

void check_same_dataset(const Dataset& expected, const Dataset& actual) {
    CHECK(expected.meta == actual.meta);
    CHECK(expected.themes == actual.themes);
    CHECK(expected.regions == actual.regions);
    CHECK(expected.states == actual.states);
    CHECK(expected.meetings == actual.meetings);
    CHECK(expected.actions == actual.actions);
    CHECK(expected.updates == actual.updates);
    CHECK(expected.proposals == actual.proposals);
    CHECK(expected.indicators == actual.indicators);
    CHECK(expected.observations == actual.observations);
    CHECK(expected.contacts == actual.contacts);
}

const char* const action_fields = "\"theme\": \"wonen\", \"title\": \"Titel\", \"goal\": \"Doel\"";

std::string action(const std::string& key, const std::string& extra = {}) {
    return "{\"key\": \"" + key + "\", " + action_fields + (extra.empty() ? "" : ", " + extra) + "}";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Round trips

TEST_CASE("round trip: the Limburg list exported, imported into an empty store and exported again is byte-identical") {
    test::TempDir dir;
    auto first = limburg_store(dir, "first.db");
    const std::string exported = first.export_json();
    REQUIRE(contains(exported, "\"wonen-regionaal-beleid\""));
    CHECK(exported.back() == '\n');

    auto second = Store::open(dir.file("second.db"));
    second.import_json(exported);
    CHECK_SAME_TEXT(exported, second.export_json());
    CHECK_SAME_TEXT(first.export_json(true), second.export_json(true));
}

TEST_CASE("round trip: a hand-made document using every optional member round-trips byte-identically, contacts included") {
    const std::string fixture = test::fixture("json_full.json");
    test::TempDir dir;
    auto first = Store::open(dir.file("first.db"));
    first.import_json(fixture);
    const std::string exported = first.export_json(true);

    // Every optional member is present in what was exported, so the round trip covers it.
    for (const char* member : {"\"en\": \"Housing\"", "\"aliases\": [", "\"parent\": \"CR37\"", "\"title\": \"Stuurgroep",
                               "\"owners\": [", "\"role\": \"support\"", "\"scope\": [", "\"due\": \"2024-12-31\"",
                               "\"see_also\": [", "\"author\": \"Stuurgroep\"", "\"meeting\": \"sg-2024-05\"",
                               "\"decided\": \"2024-03-14\"", "\"kind\": \"consensus\"", "\"state\": \"withdrawn\"",
                               "\"kind\": \"count\"", "\"kind\": \"number\"", "\"unit\": \"personen\"", "\"levels\": [",
                               "\"value\": 18250", "\"value\": 12.5", "\"value\": 0.1", "\"count\": 3",
                               "\"at_least\": true", "\"source\": \"CBS\"", "\"note\": ", "\"contacts\": [",
                               "\"email\": \"j.jansen@venlo.example\"", "\"as_of_inferred\": false",
                               "\"actions\": [\n        \"werken-excessen\",\n        \"wonen-registratie\"\n      ]"}) {
        CAPTURE(member);
        CHECK_HAS(exported, member);
    }

    auto second = Store::open(dir.file("second.db"));
    second.import_json(exported);
    CHECK_SAME_TEXT(exported, second.export_json(true));
    CHECK_SAME_TEXT(first.export_json(), second.export_json());
}

TEST_CASE("round trip: the store gives back exactly the dataset that was imported") {
    const std::string fixture = test::fixture("json_full.json");
    const Dataset parsed = parse_json(fixture);
    REQUIRE(parsed.contacts.size() == 3);
    REQUIRE(parsed.observations.size() == 8);
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(fixture);
    check_same_dataset(parsed, store.dump(true));
}

TEST_CASE("export: a document written in canonical order and layout is exported as exactly itself") {
    // json_full.json lists everything in export order, members in the order of
    // docs/json-format.md (for a proposal: key, action, text, state, meeting,
    // decided, kind), two-space indented, absent optional members omitted.
    const std::string fixture = test::fixture("json_full.json");
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(fixture);
    CHECK_SAME_TEXT(fixture, store.export_json(true));
}

TEST_CASE("to_json: parse_json(to_json(d)) equals d, for the hand-made document") {
    const Dataset d = parse_json(test::fixture("json_full.json"));
    const std::string json = to_json(d);
    check_same_dataset(d, parse_json(json));
    CHECK_SAME_TEXT(json, to_json(parse_json(json)));
}

TEST_CASE("to_json: parse_json(to_json(d)) equals d, for awkward texts and numbers built in C++") {
    Dataset d;
    d.meta = {{"title", std::string("Lijst met \"aanhalingstekens\", \\backslash\\, tab\t en regel\neinde")},
              {"inferred", true},
              {"empty", std::string()}};
    d.themes.emplace_back("t-1.A_b", Label("Th\xC3\xA9ma \xE2\x80\x94 \xF0\x9F\x8F\xA0", "Theme"));
    d.regions.emplace_back("PV99", "Provincie \"X\"", RegionKind::province, "", std::vector<std::string>{"X", "Pro-X"});
    d.regions.emplace_back("GM0001", "Gemeente", RegionKind::municipality, "CR01");
    d.states.emplace_back("custom", StateCategory::blocked, Label("Eigen"));
    d.meetings.emplace_back("m1", Date(1, 1, 1), "Vergadering\r\nmet regeleinde");
    d.actions.emplace_back("a", "t-1.A_b", "Titel", std::string("Doel met \"quote\"\ten tab"),
                           std::vector<Owner>{Owner("Iemand", OwnerRole::support)}, std::vector<std::string>{"Regio X"},
                           Date(9999, 12, 31), std::vector<std::string>{"b"});
    d.updates.emplace_back("a", "Regio X", "custom", "Tekst \xE2\x80\x9C" "citaat\xE2\x80\x9D", Date(2024, 2, 29), "Auteur",
                           "m1");
    d.proposals.emplace_back("P", "a", "Voorstel", ProposalState::rejected, ProposalKind::proposal, "", Date(2024, 1, 1));
    d.indicators.emplace_back("n", Label("N"), IndicatorKind::number, std::vector<Level>{}, "\xE2\x82\xAC");
    d.indicators.emplace_back("o", Label("O"), IndicatorKind::ordinal,
                              std::vector<Level>{Level("lo", Label("Laag")), Level("hi", Label("Hoog", "High"))});
    for (double value : {0.1, -3.25, 1e20, 123456789.125, 4.0, -0.5, 1e-7, 9007199254740993.0}) {
        ObservationValue v;
        v.value = value;
        d.observations.emplace_back("n", "PV99", Date::from_days(static_cast<std::int64_t>(d.observations.size())), v);
    }
    ObservationValue counted;
    counted.level = "hi";
    counted.count = 0;
    d.observations.emplace_back("o", "PV99", Date(2024, 1, 1), counted, "bron", "notitie");
    ObservationValue bound;
    bound.level = "lo";
    bound.at_least = true;
    d.observations.emplace_back("o", "GM0001", Date(2024, 1, 1), bound);
    d.observations.emplace_back("n", "GM0001", Date(2024, 1, 1), ObservationValue{}, "", "geen cijfer genoemd");
    d.contacts.emplace_back("GM0001", "Rol", "Naam", "naam@example.org");

    const std::string json = to_json(d);
    const Dataset back = parse_json(json);
    check_same_dataset(d, back);
    CHECK(to_json(back) == json);
    CHECK(json.back() == '\n');
    CHECK_HAS(json, "\\r\\n");  // line breaks are escaped, not lost
}

TEST_CASE("to_json: equal datasets give byte-identical documents, different ones do not") {
    const Dataset a = parse_json(test::fixture("json_full.json"));
    Dataset b = a;
    CHECK(to_json(a) == to_json(b));
    b.meetings.emplace_back("extra", Date(2025, 1, 1));
    CHECK(to_json(a) != to_json(b));
}

TEST_CASE("round trip: tabs, line breaks and quotes in a text survive import and export") {
    const std::string goal = "Regel 1\\nRegel 2\\tmet tab, \\\"quote\\\" en \\\\ backslash";
    const std::string json =
        doc("\"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\"}}], \"actions\": [{\"key\": \"a\", \"theme\": "
            "\"wonen\", \"title\": \"T\", \"goal\": \"" + goal + "\"}]");
    const Dataset parsed = parse_json(json);
    REQUIRE(parsed.actions.size() == 1);
    CHECK(parsed.actions[0].goal() == "Regel 1\nRegel 2\tmet tab, \"quote\" en \\ backslash");
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(json);
    const auto exported = store.export_json();
    CHECK(parse_json(exported).actions[0].goal() == parsed.actions[0].goal());
}

TEST_CASE("errors: a NUL or other control character in a text is refused naming the member and byte") {
    for (const char* escaped : {"\\u0000", "\\u0001", "\\u001b", "\\u007f"}) {
        CAPTURE(escaped);
        const std::string json =
            doc("\"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\"}}], \"actions\": [{\"key\": \"a\", "
                "\"theme\": \"wonen\", \"title\": \"T\", \"goal\": \"ab" + std::string(escaped) + "cd\"}]");
        const auto msg = parse_error(json);
        CHECK_STARTS(msg, "actions[0].goal: control character");
        CHECK_HAS(msg, "at byte 2");
    }
}

TEST_CASE("contacts: absent from export_json(), present in export_json(true)") {
    test::TempDir dir;
    auto store = limburg_store(dir);
    store.import_json(doc("\"contacts\": [{\"municipality\": \"GM0983\", \"role\": \"Beleidsmedewerker wonen\", "
                          "\"name\": \"Jan Jansen\", \"email\": \"jan.jansen@venlo.example\"}]"));
    const std::string without = store.export_json();
    CHECK_LACKS(without, "\"contacts\"");
    CHECK_LACKS(without, "Jan Jansen");
    CHECK_LACKS(without, "jan.jansen@venlo.example");
    CHECK(store.dump().contacts.empty());

    const std::string with = store.export_json(true);
    CHECK_HAS(with, "\"contacts\": [");
    CHECK_HAS(with, "\"name\": \"Jan Jansen\"");
    CHECK_HAS(with, "\"email\": \"jan.jansen@venlo.example\"");
    REQUIRE(store.dump(true).contacts.size() == 1);
    CHECK(store.dump(true).contacts[0] == Contact("GM0983", "Beleidsmedewerker wonen", "Jan Jansen", "jan.jansen@venlo.example"));
    // Apart from the contacts member the two exports are the same document.
    CHECK(with.substr(0, with.find(",\n  \"contacts\"")) + "\n}\n" == without);
}

// ---------------------------------------------------------------------------------------------
// Errors found while parsing: each names the place

TEST_CASE("errors: malformed JSON is rejected with its line and column") {
    const std::string json = "{\n  \"format\": \"actielijst\",\n  \"format_version\": 1,\n  \"themes\": [,]\n}";
    const auto msg = parse_error(json);
    CHECK_HAS(msg, "line 4");
    CHECK_HAS(msg, "column");
    CHECK_HAS(import_error_on_empty(json), "line 4");
    CHECK_HAS(parse_error("{\"format\": \"actielijst\""), "line 1");
    CHECK_HAS(parse_error(""), "line 1");
    CHECK_HAS(parse_error(doc() + " trailing"), "column");
}

TEST_CASE("errors: invalid UTF-8 inside a string is rejected with the byte offset") {
    const std::string json = doc("\"meta\": {\"title\": \"ab\xC3" "\x28" "cd\"}");
    const auto offset = json.find("\xC3");
    REQUIRE(offset != std::string::npos);
    const auto msg = parse_error(json);
    CHECK_HAS(msg, "invalid UTF-8 at byte " + std::to_string(offset));
    CHECK_HAS(import_error_on_empty(json), "invalid UTF-8 at byte " + std::to_string(offset));
    // A lone surrogate written as an escape is not valid text either.
    CHECK_THROWS_AS((void)parse_json(doc("\"meta\": {\"title\": \"\\ud800\"}")), Error);
}

TEST_CASE("errors: a document that is not an object is rejected") {
    CHECK(parse_error("[]") == "document: expected an object, got an array");
    CHECK_STARTS(parse_error("\"actielijst\""), "document: expected an object, got a string");
    CHECK_STARTS(parse_error("null"), "document: expected an object, got null");
    CHECK_STARTS(parse_error("1"), "document: expected an object, got a number");
}

TEST_CASE("errors: a missing or wrong format member is rejected naming format") {
    CHECK_HAS(parse_error("{\"format_version\": 1}"), "format: required member is missing");
    CHECK(parse_error("{\"format\": \"actiepunten\", \"format_version\": 1}") ==
          "format: expected \"actielijst\", got \"actiepunten\"");
    CHECK_HAS(parse_error("{\"format\": 1, \"format_version\": 1}"), "format: expected a string, got a number");
}

TEST_CASE("errors: format_version 2 is refused with Errc::version, 0 and non-integers with Errc::invalid") {
    const auto msg = parse_error("{\"format\": \"actielijst\", \"format_version\": 2}", Errc::version);
    CHECK_STARTS(msg, "format_version: ");
    CHECK_HAS(msg, "2");
    CHECK_HAS(import_error_on_empty("{\"format\": \"actielijst\", \"format_version\": 2}", Errc::version), "format_version");
    CHECK_HAS(parse_error("{\"format\": \"actielijst\"}"), "format_version: required member is missing");
    CHECK_HAS(parse_error("{\"format\": \"actielijst\", \"format_version\": 0}"), "format_version: ");
    CHECK_HAS(parse_error("{\"format\": \"actielijst\", \"format_version\": \"1\"}"), "format_version: ");
    CHECK_HAS(parse_error("{\"format\": \"actielijst\", \"format_version\": 1.5}"), "format_version: ");
}

TEST_CASE("errors: an unknown top-level member is rejected naming it") {
    const auto msg = parse_error(doc("\"action\": []"));
    CHECK_HAS(msg, "action: unknown member");
}

TEST_CASE("errors: an unknown member inside an entry is rejected naming the entry and the member") {
    const auto msg = import_error_on_limburg(doc("\"actions\": [{\"key\": \"a\", \"theme\": \"wonen\", \"titel\": \"T\", "
                                                 "\"title\": \"T\", \"goal\": \"G\"}]"));
    CHECK_STARTS(msg, "actions[0].titel: unknown member");
    CHECK_STARTS(parse_error(doc("\"themes\": [{\"key\": \"w\", \"label\": {\"nl\": \"W\", \"de\": \"W\"}}]")),
                 "themes[0].label.de: unknown member");
    CHECK_STARTS(parse_error(doc("\"actions\": [" + action("a", "\"owners\": [{\"name\": \"X\", \"role\": \"lead\", "
                                                                "\"rol\": \"lead\"}]") + "]")),
                 "actions[0].owners[0].rol: unknown member");
}

TEST_CASE("errors: members of the wrong type are rejected naming the member and the type found") {
    CHECK(parse_error(doc("\"themes\": [{\"key\": 7, \"label\": {\"nl\": \"W\"}}]")) ==
          "themes[0].key: expected a string, got a number");
    CHECK_STARTS(parse_error(doc("\"actions\": [" + action("a", "\"scope\": \"CR37\"") + "]")),
                 "actions[0].scope: expected an array");
    CHECK_STARTS(parse_error(doc("\"actions\": [" + action("a", "\"scope\": [\"CR37\", 38]") + "]")),
                 "actions[0].scope[1]: expected a string, got a number");
    CHECK_STARTS(parse_error(doc("\"themes\": {}")), "themes: expected an array, got an object");
    CHECK_STARTS(parse_error(doc("\"themes\": [\"wonen\"]")), "themes[0]: expected an object, got a string");
    CHECK_STARTS(parse_error(doc("\"meta\": {\"pages\": 3}")), "meta.pages: expected a string or a boolean, got a number");
    CHECK_STARTS(parse_error(doc("\"meta\": []")), "meta: expected an object");
    CHECK_STARTS(parse_error(doc("\"observations\": [{\"indicator\": \"i\", \"region\": \"CR37\", \"as_of\": "
                                 "\"2023-03-01\", \"level\": \"x\", \"count\": 2.5}]")),
                 "observations[0].count: expected a whole number");
    CHECK_STARTS(parse_error(doc("\"observations\": [{\"indicator\": \"i\", \"region\": \"CR37\", \"as_of\": "
                                 "\"2023-03-01\", \"level\": \"x\", \"at_least\": \"yes\"}]")),
                 "observations[0].at_least: expected true or false");
    CHECK_STARTS(parse_error(doc("\"observations\": [{\"indicator\": \"i\", \"region\": \"CR37\", \"as_of\": "
                                 "\"2023-03-01\", \"value\": \"12\"}]")),
                 "observations[0].value: expected a number");
    CHECK_STARTS(parse_error(doc("\"updates\": [{\"action\": \"a\", \"scope\": \"CR37\", \"state\": \"done\", \"text\": "
                                 "\"T\", \"as_of\": 20230301}]")),
                 "updates[0].as_of: expected a date string");
}

TEST_CASE("errors: a missing required member is rejected naming it") {
    CHECK(parse_error(doc("\"updates\": [{\"action\": \"a\", \"scope\": \"CR37\", \"state\": \"done\", \"as_of\": "
                          "\"2023-03-01\"}]")) == "updates[0].text: required member is missing");
    CHECK_STARTS(parse_error(doc("\"themes\": [{\"key\": \"w\"}]")), "themes[0].label: required member is missing");
    CHECK_STARTS(parse_error(doc("\"themes\": [{\"key\": \"w\", \"label\": {\"en\": \"W\"}}]")),
                 "themes[0].label.nl: required member is missing");
    CHECK_STARTS(parse_error(doc("\"regions\": [{\"code\": \"PV31\", \"name\": \"Limburg\"}]")),
                 "regions[0].kind: required member is missing");
    // null counts as absent.
    CHECK_STARTS(parse_error(doc("\"actions\": [{\"key\": \"a\", \"theme\": \"wonen\", \"title\": null, \"goal\": \"G\"}]")),
                 "actions[0].title: required member is missing");
}

TEST_CASE("errors: an enum member with an unknown value lists the choices") {
    std::string regions = "\"regions\": [";
    for (int i = 0; i < 5; ++i) regions += "{\"code\": \"PV" + std::to_string(i) + "\", \"name\": \"P\", \"kind\": \"province\"}, ";
    regions += "{\"code\": \"GM1\", \"name\": \"G\", \"kind\": \"gemeente\", \"parent\": \"PV1\"}]";
    CHECK(parse_error(doc(regions)) == "regions[5].kind: expected one of province, corop, municipality, got \"gemeente\"");
    CHECK_STARTS(parse_error(doc("\"actions\": [" + action("a", "\"owners\": [{\"name\": \"X\", \"role\": \"boss\"}]") + "]")),
                 "actions[0].owners[0].role: expected one of lead, support");
    CHECK_STARTS(parse_error(doc("\"proposals\": [{\"key\": \"P\", \"action\": \"a\", \"text\": \"T\", \"state\": \"open\", "
                                 "\"kind\": \"besluit\"}]")),
                 "proposals[0].kind: expected one of proposal, consensus");
}

TEST_CASE("errors: an empty string is not a valid proposal kind") {
    // kind is optional: absent or null means "proposal"; "" is neither of the two names.
    const auto msg = parse_error(doc("\"proposals\": [{\"key\": \"P\", \"action\": \"a\", \"text\": \"T\", \"state\": "
                                     "\"open\", \"kind\": \"\"}]"));
    CHECK_STARTS(msg, "proposals[0].kind: ");
}

TEST_CASE("errors: model rule violations carry the entry's place in front of the field") {
    CHECK_STARTS(parse_error(doc("\"regions\": [{\"code\": \"CR37\", \"name\": \"Noord\", \"kind\": \"corop\", \"parent\": "
                                 "\"PV31\", \"aliases\": [\"N\", \"n\"]}]")),
                 "regions[0].aliases[1]: ");
    CHECK_STARTS(parse_error(doc("\"actions\": [" + action("a", "\"see_also\": [\"a\"]") + "]")),
                 "actions[0].see_also[0]: an action cannot refer to itself");
    CHECK_STARTS(parse_error(doc("\"actions\": [" + action("a", "\"owners\": [{\"name\": \"X\", \"role\": \"lead\"}, "
                                                                "{\"name\": \"X\", \"role\": \"support\"}]") + "]")),
                 "actions[0].owners[1].name: duplicate owner");
    CHECK_STARTS(parse_error(doc("\"indicators\": [{\"key\": \"i\", \"label\": {\"nl\": \"I\"}, \"kind\": \"ordinal\", "
                                 "\"levels\": [{\"key\": \"a\", \"label\": {\"nl\": \"A\"}}, {\"key\": \"a\", \"label\": "
                                 "{\"nl\": \"B\"}}]}]")),
                 "indicators[0].levels[1].key: duplicate level");
    CHECK_STARTS(parse_error(doc("\"proposals\": [{\"key\": \"P\", \"action\": \"a\", \"text\": \"T\", \"state\": \"open\", "
                                 "\"decided\": \"2023-03-01\"}]")),
                 "proposals[0].decided: an open proposal has no decision date");
    CHECK_STARTS(parse_error(doc("\"themes\": [{\"key\": \"wo nen\", \"label\": {\"nl\": \"W\"}}]")),
                 "themes[0].key: invalid key");
    CHECK_STARTS(parse_error(doc("\"contacts\": [{\"municipality\": \"GM0983\", \"role\": \"R\", \"name\": \"N\", "
                                 "\"email\": \"geen-adres\"}]")),
                 "contacts[0].email: not an e-mail address");
    CHECK_STARTS(parse_error(doc("\"meta\": {\"as of\": \"2023\"}")), "meta.\"as of\": invalid key");
}

TEST_CASE("errors: a date that does not exist is rejected naming the member") {
    CHECK(parse_error(doc("\"updates\": [{\"action\": \"a\", \"scope\": \"CR37\", \"state\": \"done\", \"text\": \"T\", "
                          "\"as_of\": \"2023-13-01\"}]")) == "updates[0].as_of: no such date 2023-13-01");
    CHECK_STARTS(import_error_on_limburg(doc("\"actions\": [" + action("a", "\"due\": \"2023-02-29\"") + "]")),
                 "actions[0].due: no such date 2023-02-29");
    CHECK_STARTS(parse_error(doc("\"meetings\": [{\"key\": \"m\", \"date\": \"1 maart 2023\"}]")),
                 "meetings[0].date: expected a date YYYY-MM-DD");
}

TEST_CASE("errors: nesting deeper than 16 levels is refused, however deep") {
    const auto nested = [](std::size_t depth) {
        return doc("\"meta\": {\"x\": " + std::string(depth, '[') + std::string(depth, ']') + "}");
    };
    const auto msg = parse_error(nested(20));
    CHECK_HAS(msg, "16");
    CHECK_HAS(msg, "nested");
    CHECK_HAS(parse_error(nested(100000)), "nested");  // refused early, no stack exhaustion
}

TEST_CASE("errors: a text over 1 MiB inside a document is rejected naming the member") {
    const std::string big(std::size_t{1} << 20, 'x');
    const auto msg = parse_error(doc("\"actions\": [{\"key\": \"a\", \"theme\": \"wonen\", \"title\": \"T\", \"goal\": \"" +
                                     big + "y\"}]"));
    CHECK_STARTS(msg, "actions[0].goal: text of 1048577 bytes exceeds the limit");
}

TEST_CASE("errors: a member name given twice in one object is rejected, naming it and where it is") {
    const auto msg = parse_error(doc("\"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\"}, \"key\": \"werken\"}]"));
    CHECK_HAS(msg, "\"key\"");
    CHECK_HAS(msg, "duplicate");
    CHECK_MESSAGE((contains(msg, "themes[0]") || contains(msg, "line ")), "the message does not say where: " << msg);
    const auto top = parse_error("{\"format\": \"actielijst\", \"format_version\": 1, \"format\": \"actielijst\"}");
    CHECK_HAS(top, "\"format\"");
    CHECK_HAS(top, "duplicate");
}

// ---------------------------------------------------------------------------------------------
// Errors found while merging: references and duplicates, each naming the entry

TEST_CASE("errors: an update with an unknown state names it: updates[3].state: unknown state \"klaar\"") {
    std::string updates = "\"updates\": [";
    for (const char* state : {"in_progress", "done", "stalled", "klaar"})
        updates += std::string(updates.size() > 13 ? ", " : "") +
                   "{\"action\": \"wonen-registratie\", \"scope\": \"CR37\", \"state\": \"" + state +
                   "\", \"text\": \"Stand " + state + "\", \"as_of\": \"2023-06-01\"}";
    updates += "]";
    const auto msg = import_error_on_limburg(doc(updates));
    CHECK_STARTS(msg, "updates[3].state: unknown state \"klaar\"");
}

TEST_CASE("errors: a region whose parent is unknown names it: regions[5].parent: unknown region \"CR40\"") {
    const std::string regions =
        "\"regions\": [{\"code\": \"PV31\", \"name\": \"Limburg\", \"kind\": \"province\"}, "
        "{\"code\": \"CR37\", \"name\": \"Noord-Limburg\", \"kind\": \"corop\", \"parent\": \"PV31\"}, "
        "{\"code\": \"CR38\", \"name\": \"Midden-Limburg\", \"kind\": \"corop\", \"parent\": \"PV31\"}, "
        "{\"code\": \"GM0983\", \"name\": \"Venlo\", \"kind\": \"municipality\", \"parent\": \"CR37\"}, "
        "{\"code\": \"GM0957\", \"name\": \"Roermond\", \"kind\": \"municipality\", \"parent\": \"CR38\"}, "
        "{\"code\": \"GM0935\", \"name\": \"Maastricht\", \"kind\": \"municipality\", \"parent\": \"CR40\"}]";
    const auto msg = import_error_on_empty(doc(regions));
    CHECK_STARTS(msg, "regions[5].parent: unknown region \"CR40\"");
    // Parents must come first (or be stored already).
    CHECK_STARTS(import_error_on_empty(doc("\"regions\": [{\"code\": \"CR37\", \"name\": \"Noord\", \"kind\": \"corop\", "
                                           "\"parent\": \"PV31\"}, {\"code\": \"PV31\", \"name\": \"Limburg\", \"kind\": "
                                           "\"province\"}]")),
                 "regions[0].parent: unknown region \"PV31\"");
}

TEST_CASE("errors: a municipality whose parent is the province is rejected naming the parent") {
    const auto msg = import_error_on_empty(doc("\"regions\": [{\"code\": \"PV31\", \"name\": \"Limburg\", \"kind\": "
                                               "\"province\"}, {\"code\": \"GM0983\", \"name\": \"Venlo\", \"kind\": "
                                               "\"municipality\", \"parent\": \"PV31\"}]"));
    CHECK_STARTS(msg, "regions[1].parent: ");
    CHECK_HAS(msg, "PV31");
    CHECK_HAS(msg, "province");
    // And a COROP region inside a municipality, against the stored Limburg regions.
    const auto corop = import_error_on_limburg(
        doc("\"regions\": [{\"code\": \"CR99\", \"name\": \"X\", \"kind\": \"corop\", \"parent\": \"GM0983\"}]"));
    CHECK_STARTS(corop, "regions[0].parent: ");
    CHECK_HAS(corop, "municipality");
}

TEST_CASE("errors: duplicate keys inside one document are rejected naming the second entry") {
    CHECK_STARTS(import_error_on_limburg(doc("\"actions\": [" + action("dubbel") + ", " + action("dubbel") + "]")),
                 "actions[1].key: duplicate action \"dubbel\"");
    CHECK_STARTS(import_error_on_empty(doc("\"regions\": [{\"code\": \"PV31\", \"name\": \"Limburg\", \"kind\": "
                                           "\"province\"}, {\"code\": \"PV31\", \"name\": \"Limburg 2\", \"kind\": "
                                           "\"province\"}]")),
                 "regions[1].code: duplicate region \"PV31\"");
    CHECK_STARTS(import_error_on_limburg(doc("\"themes\": [{\"key\": \"t\", \"label\": {\"nl\": \"T\"}}, {\"key\": \"t\", "
                                             "\"label\": {\"nl\": \"T2\"}}]")),
                 "themes[1].key: duplicate theme");
    CHECK_STARTS(import_error_on_limburg(doc("\"proposals\": [{\"key\": \"P9\", \"action\": \"wonen-registratie\", "
                                             "\"text\": \"A\", \"state\": \"open\"}, {\"key\": \"P9\", \"action\": "
                                             "\"wonen-registratie\", \"text\": \"B\", \"state\": \"open\"}]")),
                 "proposals[1].key: duplicate proposal");
}

TEST_CASE("errors: a dangling cross reference is rejected naming it: actions[1].see_also[0]") {
    const auto msg = import_error_on_limburg(
        doc("\"actions\": [" + action("eerste", "\"see_also\": [\"wonen-registratie\"]") + ", " +
            action("tweede", "\"see_also\": [\"bestaat-niet\", \"eerste\"]") + "]"));
    CHECK_STARTS(msg, "actions[1].see_also[0]: ");
    CHECK_HAS(msg, "\"bestaat-niet\"");
}

TEST_CASE("errors: references to unknown themes, actions, regions, meetings and indicators name the entry") {
    CHECK_STARTS(import_error_on_limburg(doc("\"actions\": [{\"key\": \"a\", \"theme\": \"mobiliteit\", \"title\": \"T\", "
                                             "\"goal\": \"G\"}]")),
                 "actions[0].theme: unknown theme \"mobiliteit\"");
    CHECK_STARTS(import_error_on_limburg(doc("\"actions\": [" + action("a", "\"scope\": [\"CR37\", \"Atlantis\"]") + "]")),
                 "actions[0].scope[1]: unknown region \"Atlantis\"");
    CHECK_STARTS(import_error_on_limburg(doc("\"updates\": [{\"action\": \"bestaat-niet\", \"scope\": \"CR37\", \"state\": "
                                             "\"done\", \"text\": \"T\", \"as_of\": \"2023-06-01\"}]")),
                 "updates[0].action: unknown action \"bestaat-niet\"");
    CHECK_STARTS(import_error_on_limburg(doc("\"updates\": [{\"action\": \"wonen-registratie\", \"scope\": \"CR37\", "
                                             "\"state\": \"done\", \"text\": \"T\", \"as_of\": \"2023-06-01\", \"meeting\": "
                                             "\"sg-9\"}]")),
                 "updates[0].meeting: unknown meeting \"sg-9\"");
    CHECK_STARTS(import_error_on_limburg(doc("\"proposals\": [{\"key\": \"P9\", \"action\": \"bestaat-niet\", \"text\": "
                                             "\"T\", \"state\": \"open\"}]")),
                 "proposals[0].action: unknown action");
    CHECK_STARTS(import_error_on_limburg(doc("\"observations\": [{\"indicator\": \"onbekend\", \"region\": \"CR37\", "
                                             "\"as_of\": \"2023-06-01\", \"value\": 1}]")),
                 "observations[0].indicator: unknown indicator \"onbekend\"");
    CHECK_STARTS(import_error_on_limburg(doc("\"contacts\": [{\"municipality\": \"CR37\", \"role\": \"R\", \"name\": "
                                             "\"N\"}]")),
                 "contacts[0].municipality: ");
}

TEST_CASE("errors: an observation at an unknown level of its indicator names the level") {
    const auto msg = import_error_on_limburg(doc("\"observations\": [{\"indicator\": \"short_stay_policy\", \"region\": "
                                                 "\"GM0983\", \"as_of\": \"2023-06-01\", \"level\": \"vastgesteld\"}]"));
    CHECK_STARTS(msg, "observations[0].level: unknown level \"vastgesteld\"");
    CHECK_STARTS(import_error_on_limburg(doc("\"observations\": [{\"indicator\": \"short_stay_policy\", \"region\": "
                                             "\"GM0983\", \"as_of\": \"2023-06-01\", \"value\": 2}]")),
                 "observations[0].");
    CHECK_STARTS(import_error_on_limburg(doc("\"observations\": [{\"indicator\": \"international_workers_count\", "
                                             "\"region\": \"PV31\", \"as_of\": \"2023-06-01\", \"level\": \"adopted\"}]")),
                 "observations[0].level: ");
}

TEST_CASE("errors: a count above the region's number of municipalities is rejected naming count") {
    const auto observation = [](int count, const char* as_of) {
        return doc("\"observations\": [{\"indicator\": \"short_stay_policy\", \"region\": \"CR37\", \"as_of\": \"" +
                   std::string(as_of) + "\", \"level\": \"adopted\", \"count\": " + std::to_string(count) + "}]");
    };
    const auto msg = import_error_on_limburg(observation(9, "2023-06-01"));
    CHECK_STARTS(msg, "observations[0].count: ");
    CHECK_HAS(msg, "9");
    CHECK_HAS(msg, "8");  // Noord-Limburg has eight municipalities
    test::TempDir dir;
    auto store = limburg_store(dir);
    CHECK_NOTHROW(store.import_json(observation(8, "2023-06-01")));  // all eight is fine
}

// ---------------------------------------------------------------------------------------------
// All or nothing

namespace {

struct Parts {
    std::string meta = "\"reviewed\": true";
    std::string themes = "{\"key\": \"mobiliteit\", \"label\": {\"nl\": \"Mobiliteit\"}}";
    std::string regions = "{\"code\": \"GM9999\", \"name\": \"Proefgemeente\", \"kind\": \"municipality\", \"parent\": \"CR37\"}";
    std::string states = "{\"key\": \"paused\", \"category\": \"blocked\", \"label\": {\"nl\": \"Gepauzeerd\"}}";
    std::string meetings = "{\"key\": \"sg-2024-01\", \"date\": \"2024-01-15\", \"title\": \"Stuurgroep\"}";
    std::string actions =
        "{\"key\": \"mobiliteit-vervoer\", \"theme\": \"mobiliteit\", \"title\": \"Vervoer\", \"goal\": \"Vervoer regelen.\", "
        "\"owners\": [{\"name\": \"Werkgevers\", \"role\": \"lead\"}], \"scope\": [\"GM9999\"], \"see_also\": "
        "[\"wonen-registratie\"]}";
    std::string updates =
        "{\"action\": \"mobiliteit-vervoer\", \"scope\": \"GM9999\", \"state\": \"paused\", \"text\": \"Wacht.\", \"as_of\": "
        "\"2024-01-15\", \"meeting\": \"sg-2024-01\"}, {\"action\": \"wonen-registratie\", \"scope\": \"CR37\", \"state\": "
        "\"done\", \"text\": \"Gereed.\", \"as_of\": \"2024-01-15\"}";
    std::string proposals =
        "{\"key\": \"P9\", \"action\": \"mobiliteit-vervoer\", \"text\": \"Bus inzetten.\", \"state\": \"open\", "
        "\"meeting\": \"sg-2024-01\"}";
    std::string indicators = "{\"key\": \"bus_lines\", \"label\": {\"nl\": \"Buslijnen\"}, \"kind\": \"count\"}";
    std::string observations =
        "{\"indicator\": \"bus_lines\", \"region\": \"GM9999\", \"as_of\": \"2024-01-15\", \"value\": 3}, {\"indicator\": "
        "\"short_stay_policy\", \"region\": \"GM9999\", \"as_of\": \"2024-01-15\", \"level\": \"none\"}";
    std::string contacts = "{\"municipality\": \"GM9999\", \"role\": \"Beleid\", \"name\": \"A. de Vries\", \"email\": "
                           "\"a@example.org\"}";

    std::string render() const {
        return doc("\"meta\": {" + meta + "}, \"themes\": [" + themes + "], \"regions\": [" + regions + "], \"states\": [" +
                   states + "], \"meetings\": [" + meetings + "], \"actions\": [" + actions + "], \"updates\": [" + updates +
                   "], \"proposals\": [" + proposals + "], \"indicators\": [" + indicators + "], \"observations\": [" +
                   observations + "], \"contacts\": [" + contacts + "]");
    }
};

struct Snapshot {
    std::string exported;
    std::map<std::string, std::int64_t> counts;
};

Snapshot snapshot(const Store& store) { return {store.export_json(true), table_counts(store.path())}; }

}  // namespace

TEST_CASE("all-or-nothing: a document failing in its last entry leaves the export and every table unchanged") {
    struct Variant {
        const char* name;
        std::string Parts::*list;
        std::string bad_entry;
        std::string expected;
    };
    const std::vector<Variant> variants{
        {"last contact is not a municipality", &Parts::contacts,
         "{\"municipality\": \"CR37\", \"role\": \"Beleid\", \"name\": \"B. Bakker\"}", "contacts[1].municipality: "},
        {"last contact has a name of the wrong type", &Parts::contacts,
         "{\"municipality\": \"GM9999\", \"role\": \"Beleid\", \"name\": 5}", "contacts[1].name: "},
        {"last observation counts too many municipalities", &Parts::observations,
         "{\"indicator\": \"short_stay_policy\", \"region\": \"CR37\", \"as_of\": \"2024-01-15\", \"level\": \"adopted\", "
         "\"count\": 10}",
         "observations[2].count: "},
        {"last update has an unknown state", &Parts::updates,
         "{\"action\": \"mobiliteit-vervoer\", \"scope\": \"GM9999\", \"state\": \"klaar\", \"text\": \"Klaar.\", "
         "\"as_of\": \"2024-02-01\"}",
         "updates[2].state: unknown state \"klaar\""},
        {"last action has a dangling cross reference", &Parts::actions,
         "{\"key\": \"mobiliteit-fiets\", \"theme\": \"mobiliteit\", \"title\": \"Fiets\", \"goal\": \"Fietsen.\", "
         "\"see_also\": [\"bestaat-niet\"]}",
         "actions[1].see_also[0]: "},
    };
    for (const auto& v : variants) {
        CAPTURE(v.name);
        test::TempDir dir;
        auto store = limburg_store(dir);
        const Snapshot before = snapshot(store);

        Parts bad;
        bad.*v.list += ", " + v.bad_entry;
        const auto msg = test::error_of([&] { store.import_json(bad.render()); });
        CHECK_STARTS(msg, v.expected);

        const Snapshot after = snapshot(store);
        CHECK_SAME_TEXT(before.exported, after.exported);
        CHECK(before.counts == after.counts);

        // The same document without its bad entry does write to the store, so the
        // comparison above would have noticed a partial write.
        const MergeSummary summary = store.import_json(Parts{}.render());
        CHECK(summary.definitions_added == 7);
        CHECK(summary.updates_added == 2);
        const Snapshot good = snapshot(store);
        CHECK(good.exported != before.exported);
        for (const char* table : {"meta", "themes", "regions", "states", "meetings", "actions", "action_refs",
                                  "status_updates", "proposals", "indicators", "observations", "contacts"}) {
            CAPTURE(table);
            CHECK(good.counts.at(table) > before.counts.at(table));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Idempotent re-import and merging

TEST_CASE("import: importing the Limburg list twice adds nothing the second time") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    const std::string limburg = test::limburg_json();
    const MergeSummary first = store.import_json(limburg);
    CHECK(first.definitions_added == 4 + 35 + 8 + 19 + 3 + 2);  // themes, regions, states, actions, proposals, indicators
    CHECK(first.decisions_added == 1);  // the consensus on P1
    CHECK(first.updates_added == 27);
    CHECK(first.updates_unchanged == 0);
    CHECK(first.observations_written == 13);
    const Snapshot before = snapshot(store);

    const MergeSummary second = store.import_json(limburg);
    CHECK(second.definitions_added == 0);
    CHECK(second.decisions_added == 0);
    CHECK(second.updates_added == 0);
    CHECK(second.updates_unchanged == 27);
    CHECK(second.observations_written == 0);
    CHECK(second.contacts_written == 0);
    const Snapshot after = snapshot(store);
    CHECK_SAME_TEXT(before.exported, after.exported);
    CHECK(before.counts == after.counts);
}

TEST_CASE("import: re-importing a store's own export changes nothing") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(test::fixture("json_full.json"));
    const Snapshot before = snapshot(store);
    const MergeSummary again = store.import_json(before.exported);
    CHECK(again.definitions_added == 0);
    CHECK(again.updates_added == 0);
    CHECK(again.updates_unchanged == 5);
    const Snapshot after = snapshot(store);
    CHECK_SAME_TEXT(before.exported, after.exported);
    CHECK(before.counts == after.counts);
}

TEST_CASE("merging: a second document upserts a changed definition and appends history, changing nothing else") {
    test::TempDir dir;
    auto store = limburg_store(dir);
    const Dataset before = store.dump(true);
    const std::string exported_before = store.export_json();

    const auto it = std::find_if(before.actions.begin(), before.actions.end(),
                                 [](const ActionPoint& a) { return a.key() == "wonen-registratie"; });
    REQUIRE(it != before.actions.end());
    const ActionPoint changed(it->key(), it->theme(), "Registratie en inschrijving", it->goal(), it->owners(), it->scope(),
                              it->due(), it->see_also());
    const StatusUpdate added("wonen-registratie", "CR37", "done", "Alle gemeenten in Noord schrijven actief in.",
                             Date(2023, 6, 1), "Stuurgroep Internationale Werknemers");
    Dataset second;
    second.actions.push_back(changed);
    second.updates.push_back(added);

    const MergeSummary summary = store.import_json(to_json(second));
    CHECK(summary.definitions_added == 0);
    CHECK(summary.updates_added == 1);
    CHECK(summary.updates_unchanged == 0);

    // Expected: the old dataset with that one title replaced and the update appended
    // after the action's earlier history.
    Dataset expected = before;
    *std::find_if(expected.actions.begin(), expected.actions.end(),
                  [](const ActionPoint& a) { return a.key() == "wonen-registratie"; }) = changed;
    const auto last_of_action = std::find_if(expected.updates.rbegin(), expected.updates.rend(),
                                             [](const StatusUpdate& u) { return u.action() == "wonen-registratie"; });
    REQUIRE(last_of_action != expected.updates.rend());
    expected.updates.insert(last_of_action.base(), added);
    check_same_dataset(expected, store.dump(true));
    CHECK_SAME_TEXT(to_json(expected), store.export_json(true));
    CHECK(exported_before != store.export_json());
    CHECK_HAS(store.export_json(), "\"title\": \"Registratie en inschrijving\"");

    const auto history = store.history("wonen-registratie", "CR37");
    REQUIRE(history.size() == 2);
    CHECK(history[0].as_of() == Date(2023, 3, 1));
    CHECK(history[0].state() == "in_progress");
    CHECK(history[1] == added);
    const auto all = store.history("wonen-registratie");
    REQUIRE(all.size() == 4);
    CHECK(all.back() == added);
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].as_of() <= all[i].as_of());
}

// ---------------------------------------------------------------------------------------------
// Region aliases

TEST_CASE("region aliases: an alias, an alias in another case and the name all resolve to the code, and export writes the code") {
    test::TempDir dir;
    auto store = limburg_store(dir);
    store.import_json(doc(
        "\"regions\": [{\"code\": \"GM9001\", \"name\": \"Proefdorp\", \"kind\": \"municipality\", \"parent\": \"noord\"}], "
        "\"actions\": [{\"key\": \"noord-pilot\", \"theme\": \"werken\", \"title\": \"Pilot\", \"goal\": \"Een pilot.\", "
        "\"scope\": [\"Noord\"]}], "
        "\"updates\": [{\"action\": \"noord-pilot\", \"scope\": \"regio noord\", \"state\": \"in_progress\", \"text\": "
        "\"Gestart.\", \"as_of\": \"2023-04-01\"}, {\"action\": \"noord-pilot\", \"scope\": \"Noord-Limburg\", \"state\": "
        "\"done\", \"text\": \"Klaar.\", \"as_of\": \"2023-05-01\"}], "
        "\"observations\": [{\"indicator\": \"short_stay_policy\", \"region\": \"NOORD-LIMBURG\", \"as_of\": \"2023-04-01\", "
        "\"level\": \"adopted\", \"count\": 5}], "
        "\"contacts\": [{\"municipality\": \"venlo\", \"role\": \"Beleid\", \"name\": \"Jan\"}]"));

    const Dataset d = store.dump(true);
    const auto pilot = std::find_if(d.actions.begin(), d.actions.end(), [](const ActionPoint& a) { return a.key() == "noord-pilot"; });
    REQUIRE(pilot != d.actions.end());
    CHECK(pilot->scope() == std::vector<std::string>{"CR37"});
    std::size_t updates = 0;
    for (const auto& u : d.updates)
        if (u.action() == "noord-pilot") {
            ++updates;
            CHECK(u.scope() == "CR37");
        }
    CHECK(updates == 2);
    const auto region = std::find_if(d.regions.begin(), d.regions.end(), [](const Region& r) { return r.code() == "GM9001"; });
    REQUIRE(region != d.regions.end());
    CHECK(region->parent() == "CR37");
    const auto observation = std::find_if(d.observations.begin(), d.observations.end(), [](const Observation& o) {
        return o.as_of() == Date(2023, 4, 1);
    });
    REQUIRE(observation != d.observations.end());
    CHECK(observation->region() == "CR37");
    REQUIRE(d.contacts.size() == 1);
    CHECK(d.contacts[0].municipality() == "GM0983");

    const std::string exported = store.export_json(true);
    CHECK_LACKS(exported, "regio noord");
    CHECK_LACKS(exported, "NOORD-LIMBURG");
    CHECK_LACKS(exported, "\"scope\": \"Noord");
    CHECK_LACKS(exported, "\"venlo\"");

    CHECK(store.resolve_region("Noord") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("REGIO NOORD") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("noord-limburg") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("CR37") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("Atlantis") == std::nullopt);
}

TEST_CASE("region aliases: a region's parent may be given by an alias containing spaces") {
    // docs/json-format.md: wherever a document refers to a region (parent, scope,
    // region, municipality) a code or an alias may be used.
    test::TempDir dir;
    auto store = limburg_store(dir);
    store.import_json(doc("\"regions\": [{\"code\": \"GM9001\", \"name\": \"Proefdorp\", \"kind\": \"municipality\", "
                          "\"parent\": \"Regio Noord\"}, {\"code\": \"GM9002\", \"name\": \"Proefstad\", \"kind\": "
                          "\"municipality\", \"parent\": \"regio midden\"}]"));
    const Dataset d = store.dump();
    const auto parent_of = [&](const char* code) {
        const auto r = std::find_if(d.regions.begin(), d.regions.end(), [&](const Region& x) { return x.code() == code; });
        return r == d.regions.end() ? std::string("(missing)") : r->parent();
    };
    CHECK(parent_of("GM9001") == "CR37");
    CHECK(parent_of("GM9002") == "CR38");
}

TEST_CASE("region aliases: a code and its alias naming the same region twice in one scope is rejected") {
    const auto msg = import_error_on_limburg(doc("\"actions\": [" + action("a", "\"scope\": [\"CR37\", \"noord\"]") + "]"));
    CHECK_STARTS(msg, "actions[0].scope");
}

TEST_CASE("region aliases: an alias names one region; a second region with it is refused, naming both") {
    test::TempDir dir;
    auto store = limburg_store(dir);
    const Snapshot before = snapshot(store);
    // Limburg gives Bergen (L.) the alias "Bergen"; Bergen (NH.) may not take it too,
    // or every later reference by "Bergen" would fail as ambiguous.
    const auto nh = [](const std::string& aliases) {
        return doc("\"regions\": [{\"code\": \"PV27\", \"name\": \"Noord-Holland\", \"kind\": \"province\"}, "
                   "{\"code\": \"CR18\", \"name\": \"Kop van Noord-Holland\", \"kind\": \"corop\", \"parent\": \"PV27\"}, "
                   "{\"code\": \"GM0373\", \"name\": \"Bergen (NH.)\", \"kind\": \"municipality\", \"parent\": \"CR18\", "
                   "\"aliases\": [" + aliases + "]}]");
    };
    const auto msg = test::error_of([&] { store.import_json(nh("\"BERGEN\"")); }, Errc::conflict);
    CHECK_STARTS(msg, "regions[2].aliases[0]: ");
    CHECK_HAS(msg, "GM0373");
    CHECK_HAS(msg, "GM0893");
    CHECK_SAME_TEXT(before.exported, store.export_json(true));
    // Within one document as well: two new regions with the same alias.
    const auto twice = test::error_of(
        [&] {
            store.import_json(doc("\"regions\": [{\"code\": \"CR90\", \"name\": \"Proef A\", \"kind\": \"corop\", "
                                  "\"parent\": \"PV31\", \"aliases\": [\"Proef\"]}, {\"code\": \"CR91\", \"name\": "
                                  "\"Proef B\", \"kind\": \"corop\", \"parent\": \"PV31\", \"aliases\": [\"proef\"]}]"));
        },
        Errc::conflict);
    CHECK_STARTS(twice, "regions[1].aliases[0]: ");
    CHECK_HAS(twice, "CR90");
    CHECK_HAS(twice, "CR91");
    // A name that is another region's alias is refused the same way.
    CHECK_HAS(test::error_of(
                  [&] {
                      store.import_json(doc("\"regions\": [{\"code\": \"CR92\", \"name\": \"Regio Noord\", "
                                            "\"kind\": \"corop\", \"parent\": \"PV31\"}]"));
                  },
                  Errc::conflict),
              "CR37");
    CHECK_SAME_TEXT(before.exported, store.export_json(true));
}

TEST_CASE("region aliases: a name shared by regions in different provinces is ambiguous and the error asks for the code") {
    test::TempDir dir;
    auto store = limburg_store(dir);
    // Names (unlike aliases) may be shared: two provinces can each have a "Beek".
    store.import_json(doc(
        "\"regions\": [{\"code\": \"PV27\", \"name\": \"Noord-Holland\", \"kind\": \"province\"}, "
        "{\"code\": \"CR18\", \"name\": \"Kop van Noord-Holland\", \"kind\": \"corop\", \"parent\": \"PV27\"}, "
        "{\"code\": \"GM9373\", \"name\": \"Beek\", \"kind\": \"municipality\", \"parent\": \"CR18\"}]"));
    const Snapshot before = snapshot(store);

    const auto update = [](const std::string& scope) {
        return doc("\"updates\": [{\"action\": \"wonen-lokaal-beleid\", \"scope\": \"" + scope +
                   "\", \"state\": \"in_progress\", \"text\": \"Beleid in voorbereiding.\", \"as_of\": \"2023-06-01\"}]");
    };
    const auto msg = test::error_of([&] { store.import_json(update("Beek")); });
    CHECK_STARTS(msg, "updates[0].scope: ");
    CHECK_HAS(msg, "ambiguous");
    CHECK_HAS(msg, "GM0888");
    CHECK_HAS(msg, "GM9373");
    CHECK_HAS(msg, "code");
    CHECK_HAS(test::error_of([&] { store.import_json(update("beek")); }), "ambiguous");
    CHECK_HAS(test::error_of([&] { (void)store.resolve_region("BEEK"); }), "ambiguous");
    CHECK_SAME_TEXT(before.exported, store.export_json(true));

    // The code, or an alias, still works.
    store.import_json(update("GM9373"));
    store.import_json(update("bergen"));
    CHECK(store.history("wonen-lokaal-beleid", "GM9373").size() == 1);
    CHECK(store.history("wonen-lokaal-beleid", "GM0893").size() == 1);
}

// ---------------------------------------------------------------------------------------------
// Reading from a stream: the same Dataset and the same errors as from a string

namespace {

/// Hands out a text `step` bytes at a time; throws a read failure at byte `fail_at`.
class TrickleBuf final : public std::streambuf {
public:
    TrickleBuf(std::string text, std::size_t step, std::size_t fail_at = std::string::npos)
        : text_(std::move(text)), step_(step), fail_at_(fail_at) {}

protected:
    int_type underflow() override {
        if (pos_ >= fail_at_) throw std::runtime_error("the disk is on fire");
        if (pos_ >= text_.size()) return traits_type::eof();
        const std::size_t n = std::min({step_, text_.size() - pos_, fail_at_ - pos_});
        char* p = text_.data() + pos_;
        setg(p, p, p + n);
        pos_ += n;
        return traits_type::to_int_type(*p);
    }

private:
    std::string text_;
    std::size_t step_;
    std::size_t fail_at_;
    std::size_t pos_ = 0;
};

/// parse_json of `text` read from a stream: a string stream when `step` is 0, else one
/// handing out `step` bytes at a time.
Dataset parse_stream(const std::string& text, std::size_t step = 0) {
    if (step == 0) {
        std::istringstream in(text);
        return parse_json(in);
    }
    TrickleBuf buf(text, step);
    std::istream in(&buf);
    return parse_json(in);
}

void check_same_data(const Dataset& expected, const Dataset& actual) {
    check_same_dataset(expected, actual);
    CHECK(expected.due_changes == actual.due_changes);
    CHECK(expected.proposal_events == actual.proposal_events);
}

struct Outcome {
    std::optional<Dataset> data;
    Errc code = Errc::invalid;
    std::string message;
};

template <class F>
Outcome outcome_of(F&& parse) {
    Outcome o;
    try {
        o.data = parse();
    } catch (const Error& e) {
        o.code = e.code();
        o.message = e.what();
    }
    return o;
}

/// The stream form, read whole or a few bytes at a time, gives what the string form
/// gives: the same Dataset, or an error with the same code and message. Returns that
/// message (empty when the document is valid).
std::string check_stream_agrees(const std::string& text, std::initializer_list<std::size_t> steps = {0, 1, 3, 4096}) {
    const Outcome expected = outcome_of([&] { return parse_json(text); });
    for (const std::size_t step : steps) {
        CAPTURE(step);
        const Outcome actual = outcome_of([&] { return parse_stream(text, step); });
        CHECK(expected.data.has_value() == actual.data.has_value());
        CHECK(expected.message == actual.message);
        CHECK(expected.code == actual.code);
        if (expected.data && actual.data) check_same_data(*expected.data, *actual.data);
    }
    return expected.message;
}

std::string update_json(const std::string& as_of, const std::string& state = "done") {
    return "{\"action\": \"a\", \"scope\": \"CR37\", \"state\": \"" + state + "\", \"text\": \"T\", \"as_of\": \"" +
           as_of + "\"}";
}

}  // namespace

TEST_CASE("stream: parse_json(istream) gives the Dataset the string form gives") {
    CHECK(check_stream_agrees(test::limburg_json()).empty());
    CHECK(check_stream_agrees(test::fixture("json_full.json")).empty());
    for (int n = 1; n <= 3; ++n) CHECK(check_stream_agrees(test::fixture("history/meeting-" + std::to_string(n) + ".json")).empty());
    // Lists before the required members, which come last; meta in the middle; every list empty, null or given.
    const std::string unusual =
        "{\"contacts\": [{\"municipality\": \"GM0983\", \"role\": \"beleid\", \"name\": \"J. Jansen\"}],\n"
        " \"updates\": [" + update_json("2024-01-01") + ", " + update_json("2024-02-01", "stalled") + "],\n"
        " \"meta\": {\"title\": \"Lijst\", \"final\": true},\n"
        " \"actions\": [" + action("a", "\"due\": \"2024-12-31\", \"due_changes\": [{\"from\": null, \"to\": "
                                        "\"2024-12-31\", \"noted\": \"2024-01-02\"}]") + ", " + action("b") + "],\n"
        " \"observations\": [], \"indicators\": null,\n"
        " \"proposals\": [{\"key\": \"p\", \"action\": \"a\", \"text\": \"Voorstel\", \"state\": \"open\", "
        "\"decisions\": [{\"state\": \"adopted\", \"date\": \"2024-03-01\"}]}],\n"
        " \"format_version\": 1, \"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\"}}],\n"
        " \"format\": \"actielijst\"}";
    CHECK(check_stream_agrees(unusual).empty());
    CHECK(check_stream_agrees(doc("\"actions\": null, \"updates\": []")).empty());
    const Dataset d = parse_stream(unusual, 2);
    CHECK(d.actions.size() == 2);
    CHECK(d.updates.size() == 2);
    CHECK(d.due_changes.size() == 1);
    CHECK(d.proposal_events.size() == 1);
    CHECK(d.contacts.size() == 1);
    CHECK(d.meta.size() == 2);
}

TEST_CASE("stream: parse_json(istream) gives the errors the string form gives, in the same order") {
    // An error in the 3rd element of updates.
    const std::string third = doc("\"updates\": [" + update_json("2024-01-01") + ", " + update_json("2024-01-02") +
                                  ", " + update_json("2024-02-30") + ", " + update_json("2024-13-01") + "]");
    CHECK(check_stream_agrees(third) == "updates[2].as_of: no such date 2024-02-30");

    // A syntax error in the middle of a long document, and a document cut short.
    std::string limburg = test::limburg_json();
    const auto colon = limburg.find(':', limburg.size() / 2);
    REQUIRE(colon != std::string::npos);
    std::string broken = limburg;
    broken[colon] = ' ';
    CHECK_HAS(check_stream_agrees(broken), "not valid JSON");
    CHECK_HAS(check_stream_agrees(limburg.substr(0, limburg.size() / 2)), "not valid JSON");
    CHECK_HAS(check_stream_agrees(limburg.substr(0, limburg.size() - 2)), "line ");
    CHECK_HAS(check_stream_agrees(""), "line 1");
    CHECK_HAS(check_stream_agrees(doc() + " trailing"), "column");

    // Members in unusual order: the errors still come in the order of the format, not of the document.
    CHECK(check_stream_agrees("{\"updates\": [" + update_json("2024-02-30") + "], \"format_version\": 1}") ==
          "document.format: required member is missing");
    CHECK(check_stream_agrees("{\"updates\": [" + update_json("2024-02-30") +
                              "], \"themes\": [{\"key\": \"\"}], \"format\": \"actielijst\", \"format_version\": 1}")
              .rfind("themes[0]", 0) == 0);
    CHECK(check_stream_agrees(doc("\"updates\": [" + update_json("2024-02-30") + "], \"action\": []")) ==
          "document.action: unknown member (a typo?)");
    // An error in an entry, and a syntax error further on: the syntax error, as a whole-tree check finds it first.
    CHECK_HAS(check_stream_agrees(doc("\"updates\": [" + update_json("2024-02-30") + "], \"themes\": [,]")),
              "not valid JSON");

    // Errors in the bytes come before everything else, wherever they are.
    CHECK_HAS(check_stream_agrees("{\"format\": x \xFF }"), "document: invalid UTF-8 at byte 13");
    CHECK_HAS(check_stream_agrees(std::string("{\"format\": x ") + '\0' + " }"), "document: NUL byte at byte 13");
    CHECK_HAS(check_stream_agrees(std::string("{\"format\": ") + '\0' + " \"\xC3\x28\" }"), "invalid UTF-8 at byte 14");
    CHECK_HAS(check_stream_agrees(doc("\"meta\": {\"t\": \"\xE2\x82")), "invalid UTF-8");

    // The shape of the document and the limits on it.
    for (const std::string& text :
         {std::string("[]"), std::string("[1, {\"a\": [2]}]"), std::string("\"actielijst\""), std::string("null"),
          std::string("1"), std::string("  "), doc("\"actions\": {}"), doc("\"actions\": \"a\""),
          doc("\"meta\": []"), doc("\"meta\": {\"x\": 1e400}"),
          doc("\"meta\": {\"x\": " + std::string(40, '[') + std::string(40, ']') + "}"),
          doc("\"actions\": [" + action("a") + ", " + std::string(40, '[') + std::string(40, ']') + "]"),
          doc("\"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\"}, \"key\": \"werken\"}]"),
          std::string("{\"format\": \"actielijst\", \"format_version\": 1, \"format\": \"actielijst\"}"),
          std::string("{\"format\": \"actielijst\", \"format_version\": 2}"),
          std::string("{\"format\": \"actielijst\", \"format_version\": 1.5}"),
          doc("\"themes\": [{\"\\u0000evil\": 1}]"), doc("\"actions\": [" + action("a", "\"owners\": [{\"name\": 1}]") + "]")}) {
        CAPTURE(text);
        CHECK(!check_stream_agrees(text).empty());
    }
}

TEST_CASE("stream: a stream handing out a few bytes at a time, with characters cut at every chunk boundary") {
    // Texts of 1-, 2-, 3- and 4-byte characters, long enough that the reader's chunks
    // end inside characters; shifted so that every cut occurs.
    std::string themes;
    for (int i = 0; i < 3000; ++i)
        themes += std::string(i ? ", " : "") + "{\"key\": \"t" + std::to_string(i) +
                  "\", \"label\": {\"nl\": \"W\xC3\xA9n\xE2\x82\xAC" "en \xF0\x9D\x84\x9E" + std::to_string(i) + "\"}}";
    for (std::size_t shift = 0; shift < 4; ++shift) {
        CAPTURE(shift);
        const std::string text = std::string(shift, ' ') + doc("\"themes\": [" + themes + "]");
        REQUIRE(text.size() > 2 * 65536);
        CHECK(check_stream_agrees(text, {0, 7}).empty());
    }
    // Invalid and cut sequences around the first chunk boundary name the same byte.
    for (std::size_t at = 65530; at < 65542; ++at) {
        CAPTURE(at);
        const std::string head = "{\"format\": \"actielijst\", \"format_version\": 1, \"meta\": {\"t\": \"";
        const std::string pad(at - head.size(), 'a');
        for (const std::string& bad : {std::string("\xE2\x82x"), std::string("\xF0\x9D\x84x"), std::string("\xC3")}) {
            const std::string text = head + pad + bad + "\"}}";
            CHECK(check_stream_agrees(text, {0, 7}) == "document: invalid UTF-8 at byte " + std::to_string(at));
        }
        CHECK(check_stream_agrees(head + pad + "\xF0\x9D\x84\x9E\"}}", {0, 7}).empty());
        CHECK(check_stream_agrees(head + pad + "\xF0\x9D\x84", {0, 7}).rfind("document: invalid UTF-8", 0) == 0);
    }
}

TEST_CASE("stream: a stream that fails part-way gives Errc::io; Store::import_json reads a stream") {
    TrickleBuf buf(test::limburg_json(), 100, 5000);
    std::istream in(&buf);
    CHECK(test::error_of([&] { (void)parse_json(in); }, Errc::io) == "read error");

    test::TempDir dir;
    auto from_stream = Store::open(dir.file("stream.db"));
    std::istringstream limburg(test::limburg_json());
    const auto summary = from_stream.import_json(limburg);
    CHECK(summary.updates_added > 0);
    CHECK_SAME_TEXT(limburg_store(dir).export_json(true), from_stream.export_json(true));

    // Errors found while merging are those of the string form.
    std::string updates = "\"updates\": [";
    for (const char* state : {"in_progress", "done", "stalled", "klaar"})
        updates += std::string(updates.size() > 13 ? ", " : "") +
                   "{\"action\": \"wonen-registratie\", \"scope\": \"CR37\", \"state\": \"" + state +
                   "\", \"text\": \"Stand " + state + "\", \"as_of\": \"2023-06-01\"}";
    std::istringstream bad(doc(updates + "]"));
    CHECK_STARTS(test::error_of([&] { from_stream.import_json(bad); }), "updates[3].state: unknown state \"klaar\"");
}
