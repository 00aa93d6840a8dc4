#include "support.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/snapshot.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

// Indicators belong to the actions they measure (`indicators[].actions`): the JSON
// format, the store (schema version 5 and its migration), views and snapshots.

using namespace actielijst;

namespace {

using Keys = std::vector<std::string>;

std::string doc(const std::string& members) {
    return "{\"format\": \"actielijst\", \"format_version\": 1, " + members + "}";
}

/// A small list: a theme, a province and three actions, one of which joins the list
/// on 2024-01-01; `indicators` is the indicator list's JSON.
std::string list_with(const std::string& indicators) {
    return doc(
        "\"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\"}}], "
        "\"regions\": [{\"code\": \"PV31\", \"name\": \"Limburg\", \"kind\": \"province\"}], "
        "\"actions\": ["
        "{\"key\": \"lokaal\", \"theme\": \"wonen\", \"title\": \"Lokaal\", \"goal\": \"Lokaal beleid.\"}, "
        "{\"key\": \"regionaal\", \"theme\": \"wonen\", \"title\": \"Regionaal\", \"goal\": \"Regionaal beleid.\"}, "
        "{\"key\": \"later\", \"theme\": \"wonen\", \"title\": \"Later\", \"goal\": \"Later erbij.\", "
        "\"since\": \"2024-01-01\"}], "
        "\"indicators\": [" +
        indicators + "]");
}

std::string ordinal(const std::string& key, const std::string& extra = {}) {
    return "{\"key\": \"" + key +
           "\", \"label\": {\"nl\": \"Beleid\"}, \"kind\": \"ordinal\", \"levels\": [{\"key\": \"none\", \"label\": "
           "{\"nl\": \"Geen\"}}, {\"key\": \"adopted\", \"label\": {\"nl\": \"Vastgesteld\"}}]" +
           (extra.empty() ? "" : ", " + extra) + "}";
}

const Indicator& indicator_of(const Dataset& d, const std::string& key) {
    for (const auto& i : d.indicators)
        if (i.key() == key) return i;
    throw std::runtime_error("no indicator " + key);
}

int pragma_int(const std::string& path, const char* pragma) {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    return raw.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

}  // namespace

// ---------------------------------------------------------------------------------
// JSON

TEST_CASE("indicator actions: parsed in order, written after the definition, omitted when empty") {
    const Dataset d = parse_json(list_with(ordinal("beleid", "\"actions\": [\"regionaal\", \"lokaal\"]") + ", " +
                                           ordinal("breed")));
    CHECK(indicator_of(d, "beleid").actions() == Keys{"regionaal", "lokaal"});
    CHECK(indicator_of(d, "breed").actions().empty());
    const std::string json = to_json(d);
    CHECK_HAS(json, "\"actions\": [\n        \"regionaal\",\n        \"lokaal\"\n      ]");
    // The list-wide indicator has no actions member at all.
    const auto breed = json.find("\"key\": \"breed\"");
    REQUIRE(breed != std::string::npos);
    CHECK(json.find("\"actions\"", breed) == std::string::npos);
    // null and [] are the same as absent.
    CHECK(indicator_of(parse_json(list_with(ordinal("x", "\"actions\": null"))), "x").actions().empty());
    CHECK(indicator_of(parse_json(list_with(ordinal("x", "\"actions\": []"))), "x").actions().empty());
}

TEST_CASE("indicator actions: import, export and import again give the same dataset and the same text") {
    test::TempDir dir;
    auto first = Store::open(dir.file("first.db"));
    first.import_json(list_with(ordinal("beleid", "\"actions\": [\"regionaal\", \"lokaal\"]") + ", " + ordinal("breed")));
    const std::string exported = first.export_json();
    auto second = Store::open(dir.file("second.db"));
    second.import_json(exported);
    CHECK(second.export_json() == exported);
    CHECK(first.dump().indicators == second.dump().indicators);
    CHECK(indicator_of(second.dump(), "beleid").actions() == Keys{"regionaal", "lokaal"});
    CHECK(indicator_of(second.dump(), "breed").actions().empty());
    CHECK(parse_json(exported).indicators == second.dump().indicators);
}

TEST_CASE("indicator actions: the Limburg list links its indicators to the actions they measure") {
    const Dataset d = parse_json(test::limburg_json());
    CHECK(indicator_of(d, "short_stay_policy").actions() == Keys{"wonen-lokaal-beleid"});
    CHECK(indicator_of(d, "international_workers_count").actions() == Keys{"algemeen-monitoring"});
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    const View v = store.view(Date(2023, 3, 1));
    REQUIRE(v.indicator("short_stay_policy"));
    CHECK(v.indicator("short_stay_policy")->actions() == Keys{"wonen-lokaal-beleid"});
    CHECK(v.indicator("international_workers_count")->actions() == Keys{"algemeen-monitoring"});
}

TEST_CASE("indicator actions: an unknown action is an error naming the place, and nothing is stored") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(list_with(ordinal("beleid")));
    const std::string before = store.export_json();
    const auto message = test::error_of([&] {
        store.import_json(list_with(ordinal("beleid") + ", " + ordinal("nieuw", "\"actions\": [\"lokaal\", \"x\"]")));
    });
    CHECK_STARTS(message, "indicators[1].actions[1]: unknown action \"x\"");
    CHECK(store.export_json() == before);
    // An action of the same document is known, wherever it stands; a stored one too.
    CHECK_NOTHROW(store.import_json(doc("\"indicators\": [" + ordinal("nieuw", "\"actions\": [\"later\", \"lokaal\"]") +
                                        "]")));
    CHECK(indicator_of(store.dump(), "nieuw").actions() == Keys{"later", "lokaal"});
}

TEST_CASE("indicator actions: a duplicate or a wrong type is an error naming the place") {
    CHECK_STARTS(test::error_of([] { parse_json(list_with(ordinal("b", "\"actions\": [\"lokaal\", \"lokaal\"]"))); }),
                 "indicators[0].actions[1]: duplicate action \"lokaal\"");
    CHECK_STARTS(test::error_of([] { parse_json(list_with(ordinal("b", "\"actions\": \"lokaal\""))); }),
                 "indicators[0].actions: expected an array of strings");
    CHECK_STARTS(test::error_of([] { parse_json(list_with(ordinal("b", "\"actions\": [\"lokaal\", 3]"))); }),
                 "indicators[0].actions[1]: expected a string");
    CHECK_STARTS(test::error_of([] { parse_json(list_with(ordinal("b", "\"actions\": [\"geen sleutel\"]"))); }),
                 "indicators[0].actions[0]: ");
}

TEST_CASE("indicator actions: the streamed reader gives the same indicators and errors as the string form") {
    const std::string text = list_with(ordinal("beleid", "\"actions\": [\"regionaal\", \"lokaal\"]"));
    std::istringstream in(text);
    CHECK(parse_json(in).indicators == parse_json(text).indicators);
    const std::string bad = list_with(ordinal("beleid", "\"actions\": [\"lokaal\", \"lokaal\"]"));
    std::istringstream bad_in(bad);
    CHECK(test::error_of([&] { parse_json(bad_in); }) == test::error_of([&] { parse_json(bad); }));
}

// ---------------------------------------------------------------------------------
// Store and views

TEST_CASE("indicator actions: importing an indicator replaces its list of actions") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(list_with(ordinal("beleid", "\"actions\": [\"regionaal\", \"lokaal\"]")));
    store.import_json(doc("\"indicators\": [" + ordinal("beleid", "\"actions\": [\"lokaal\"]") + "]"));
    CHECK(indicator_of(store.dump(), "beleid").actions() == Keys{"lokaal"});
    // Without actions it becomes list-wide, as an action without see_also has none.
    store.import_json(doc("\"indicators\": [" + ordinal("beleid") + "]"));
    CHECK(indicator_of(store.dump(), "beleid").actions().empty());
    SQLite::Database raw(dir.file("x.db"), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("SELECT count(*) FROM indicator_actions").getInt() == 0);
}

TEST_CASE("indicator actions: a view lists only the actions on the list at its date, as see_also") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(list_with(ordinal("beleid", "\"actions\": [\"later\", \"lokaal\"]")));
    CHECK(store.view(Date(2023, 12, 31)).indicator("beleid")->actions() == Keys{"lokaal"});
    CHECK(store.view(Date(2024, 1, 1)).indicator("beleid")->actions() == Keys{"later", "lokaal"});
    // The whole history keeps both.
    CHECK(indicator_of(store.dump(), "beleid").actions() == Keys{"later", "lokaal"});
}

TEST_CASE("indicator actions: Store::merge checks them as an import does") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(list_with(ordinal("beleid")));
    Dataset d;
    d.indicators.emplace_back("telling", Label("Telling"), IndicatorKind::count, std::vector<Level>{}, "personen",
                              Period{}, Keys{"regionaal", "bestaat-niet"});
    CHECK_STARTS(test::error_of([&] { store.merge(d); }), "indicators[0].actions[1]: unknown action \"bestaat-niet\"");
    d.indicators.clear();
    d.indicators.emplace_back("telling", Label("Telling"), IndicatorKind::count, std::vector<Level>{}, "personen",
                              Period{}, Keys{"regionaal"});
    store.merge(d);
    CHECK(indicator_of(store.dump(), "telling").actions() == Keys{"regionaal"});
}

// ---------------------------------------------------------------------------------
// Schema version 5: the migration from a real version-4 store

TEST_CASE("indicator actions: a real version-4 store is migrated in place with nothing lost") {
    test::TempDir dir;
    const auto path = dir.file("v4.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::fixture("store-v4.sql"));
        REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == 4);
    }
    // A read-only open does not migrate: it says how.
    OpenOptions read_only;
    read_only.read_only = true;
    const auto before = test::read_file(path);
    CHECK_HAS(test::error_of([&] { Store::open(path, read_only); }, Errc::read_only), "must first be migrated");
    CHECK(test::read_file(path) == before);

    auto store = Store::open(path);
    CHECK(pragma_int(path, "user_version") == Store::schema_version);
    {
        SQLite::Database raw(path, SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("PRAGMA integrity_check").getString() == "ok");
        SQLite::Statement dangling(raw, "PRAGMA foreign_key_check");
        CHECK_FALSE(dangling.executeStep());
        CHECK(raw.execAndGet("SELECT count(*) FROM indicator_actions").getInt() == 0);
    }
    // What the version-4 build exported is exactly what the migrated store exports:
    // its indicators are list-wide.
    CHECK(store.export_json() == test::fixture("store-v4.export.json"));
    for (const auto& i : store.dump().indicators) CHECK(i.actions().empty());
    // And the migrated store links an indicator to an action.
    store.import_json(doc("\"indicators\": [{\"key\": \"short_stay_policy\", \"label\": {\"nl\": \"Short-stay beleid\"}, "
                          "\"kind\": \"ordinal\", \"levels\": [{\"key\": \"none\", \"label\": {\"nl\": \"Geen\"}}, "
                          "{\"key\": \"in_preparation\", \"label\": {\"nl\": \"In voorbereiding\"}}, {\"key\": "
                          "\"adopted\", \"label\": {\"nl\": \"Vastgesteld\"}}], \"actions\": [\"wonen-huisvesting\"]}]"));
    CHECK(indicator_of(store.dump(), "short_stay_policy").actions() == Keys{"wonen-huisvesting"});
    CHECK_NOTHROW(Store::open(path, read_only));
}

// ---------------------------------------------------------------------------------
// Snapshots

TEST_CASE("indicator actions: a snapshot keeps them, and one written before them loads with none") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.import_json(list_with(ordinal("beleid", "\"actions\": [\"regionaal\", \"lokaal\"]") + ", " + ordinal("breed")));
    const View view = store.view(Date(2023, 6, 1));
    for (const auto format : {SnapshotFormat::binary, SnapshotFormat::text}) {
        const View again = load_snapshot_bytes(snapshot_bytes(view, format));
        CHECK(again.indicators() == view.indicators());
        CHECK(again.indicator("beleid")->actions() == Keys{"regionaal", "lokaal"});
        CHECK(actielijst::diff(view, again).empty());
    }
    // tests/fixtures/snapshot-view-v3.text: `actielijst snapshot save --format text`
    // by the last build whose indicators were at class version 2, of the store in
    // store-v4.sql as of 2023-03-01.
    const View old = load_snapshot(std::string(ACTIELIJST_FIXTURES) + "/snapshot-view-v3.text");
    REQUIRE(old.indicator("short_stay_policy"));
    CHECK(old.indicator("short_stay_policy")->actions().empty());
    CHECK(old.indicator("short_stay_policy")->levels().size() == 3);
}
