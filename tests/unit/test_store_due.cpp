// The due-date history of actions: schema 2 and its migration from a real version-1
// store, automatic recording on merge, due_changes in JSON, the View's due_moves, and
// the append-only guarantees.
#include "support.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace actielijst;

Date day(const char* iso) { return Date::parse(iso); }

std::string today_utc() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return Date::from_days(now.time_since_epoch().count()).iso();
}

DueChange change(const std::string& action, std::optional<Date> from, std::optional<Date> to, const char* noted) {
    return DueChange{action, from, to, day(noted)};
}

/// Two themes and three actions: "huisvesting" (due 2023-06-30) and "registratie"
/// (no due date) in wonen, "taal" (due 2024-01-01) in samenleven, which comes first.
Dataset base(const char* as_of = nullptr) {
    Dataset d;
    if (as_of) d.meta = {{"as_of", std::string(as_of)}};
    d.themes = {Theme("samenleven", Label("Samenleven")), Theme("wonen", Label("Wonen"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province),
                 Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"Noord"})};
    d.actions = {ActionPoint("huisvesting", "wonen", "Huisvesting", "Lokaal beleid voor huisvesting.", {}, {"CR37"},
                             day("2023-06-30")),
                 ActionPoint("registratie", "wonen", "Registratie", "Registratie ter plekke."),
                 ActionPoint("taal", "samenleven", "Taal", "Taallessen.", {}, {}, day("2024-01-01"))};
    return d;
}

/// One action of base() with another due date, as a dataset of its own.
Dataset with_due(const std::string& key, std::optional<Date> due, const char* as_of = nullptr) {
    Dataset d;
    if (as_of) d.meta = {{"as_of", std::string(as_of)}};
    for (const auto& a : base().actions)
        if (a.key() == key)
            d.actions.emplace_back(a.key(), a.theme(), a.title(), a.goal(), a.owners(), a.scope(), due, a.see_also());
    REQUIRE(d.actions.size() == 1);
    return d;
}

std::string doc(const std::string& members) {
    return "{\"format\": \"actielijst\", \"format_version\": 1, " + members + "}";
}

/// A document with one theme and the given action objects.
std::string actions_doc(const std::string& actions, const std::string& meta = {}) {
    return doc((meta.empty() ? "" : "\"meta\": " + meta + ", ") +
               "\"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\"}}], \"actions\": [" + actions + "]");
}

std::string action_json(const char* key, const std::string& extra = {}) {
    return std::string("{\"key\": \"") + key + "\", \"theme\": \"wonen\", \"title\": \"T\", \"goal\": \"G\"" +
           (extra.empty() ? "" : ", " + extra) + "}";
}

std::int64_t count_rows(const std::string& path, const std::string& sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

int user_version(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

/// A real version-1 store (tests/fixtures/store-v1.sql) written to `path`.
void make_v1_store(const std::string& path) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(test::fixture("store-v1.sql"));
    REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == 1);
}

}  // namespace

// ---------------------------------------------------------------------------------
// Schema version 2 and the migration
// ---------------------------------------------------------------------------------

TEST_CASE("due schema: a new store is at the current schema version with the due_changes table") {
    CHECK(Store::schema_version >= 2);
    test::TempDir dir;
    const auto path = dir.file("nieuw.db");
    { Store::open(path); }
    CHECK(user_version(path) == Store::schema_version);
    CHECK(count_rows(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'due_changes'") == 1);
    CHECK(count_rows(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'due_changes'") == 2);
}

TEST_CASE("due schema: a real version-1 store is upgraded in place on open, keeping its data") {
    test::TempDir dir;
    const auto path = dir.file("v1.db");
    make_v1_store(path);
    CHECK(count_rows(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'due_changes'") == 0);
    {
        auto store = Store::open(path);
        // Exactly what the version-1 build exported: nothing lost, nothing invented.
        CHECK(store.export_json() == test::fixture("store-v1.export.json"));
        CHECK(store.dump().due_changes.empty());
        // And the new table works: moving a due date is recorded.
        const auto summary = store.merge(with_due("huisvesting", day("2023-09-30"), "2023-05-01"));
        CHECK(summary.due_changes_written == 1);
        CHECK(store.dump().due_changes ==
              std::vector<DueChange>{change("huisvesting", day("2023-06-30"), day("2023-09-30"), "2023-05-01")});
        CHECK(store.view(day("2023-05-01")).due_moves("huisvesting") == 1);
    }
    CHECK(user_version(path) == Store::schema_version);
    CHECK(count_rows(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'due_changes'") == 2);
    // Reopening migrates nothing a second time.
    auto again = Store::open(path);
    CHECK(again.dump().due_changes.size() == 1);
}

TEST_CASE("due schema: a migration that fails half-way leaves the version-1 store exactly as it was") {
    test::TempDir dir;
    const auto path = dir.file("v1.db");
    make_v1_store(path);
    {
        // A trigger with the name the migration's last statement needs: the migration
        // creates the table and the first trigger, then fails.
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("CREATE TRIGGER due_changes_append_only_delete BEFORE DELETE ON meta BEGIN SELECT 1; END");
    }
    const auto message = test::error_of([&] { Store::open(path); }, Errc::storage);
    CHECK_HAS(message, "due_changes_append_only_delete");
    CHECK(user_version(path) == 1);
    CHECK(count_rows(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'due_changes'") == 0);
    CHECK(count_rows(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'due_changes_append_only_update'") == 0);
    CHECK(count_rows(path, "SELECT count(*) FROM actions") == 2);
}

TEST_CASE("due schema: a store of a newer schema version is still refused") {
    test::TempDir dir;
    const auto path = dir.file("nieuwer.db");
    { Store::open(path); }
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(Store::schema_version + 1));
    }
    const auto message = test::error_of([&] { Store::open(path); }, Errc::version);
    CHECK_HAS(message, "version " + std::to_string(Store::schema_version + 1) + " is newer");
    CHECK(user_version(path) == Store::schema_version + 1);
}

TEST_CASE("due schema: the due-date history is append-only and refuses non-changes and duplicates") {
    test::TempDir dir;
    const auto path = dir.file("x.db");
    {
        auto store = Store::open(path);
        store.merge(base());
        store.merge(with_due("huisvesting", day("2023-09-30"), "2023-05-01"));
        store.merge(with_due("registratie", day("2023-12-31"), "2023-05-01"));
    }
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    const auto refused = [&](const std::string& sql) {
        try {
            raw.exec(sql);
        } catch (const SQLite::Exception& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    CHECK_HAS(refused("UPDATE due_changes SET noted = '2020-01-01'"), "append-only");
    CHECK_HAS(refused("DELETE FROM due_changes"), "append-only");
    CHECK(raw.execAndGet("SELECT count(*) FROM due_changes").getInt() == 2);
    // "No due date" is '' rather than NULL, so an identical first-setting is a duplicate.
    CHECK(raw.execAndGet("SELECT count(*) FROM due_changes WHERE from_due = ''").getInt() == 1);
    CHECK_HAS(refused("INSERT INTO due_changes(action_id, from_due, to_due, noted) "
                      "SELECT action_id, from_due, to_due, noted FROM due_changes WHERE from_due = ''"),
              "UNIQUE");
    CHECK(raw.exec("INSERT OR IGNORE INTO due_changes(action_id, from_due, to_due, noted) "
                   "SELECT action_id, from_due, to_due, noted FROM due_changes") == 0);
    CHECK_HAS(refused("INSERT INTO due_changes(action_id, from_due, to_due, noted) VALUES (1, '', '', '2023-01-01')"),
              "CHECK");
    CHECK_HAS(refused("INSERT INTO due_changes(action_id, from_due, to_due, noted) "
                      "VALUES (1, '2023-01-01', '2023-01-01', '2023-01-01')"),
              "CHECK");
    CHECK_HAS(refused("INSERT INTO due_changes(action_id, from_due, to_due, noted) VALUES (1, NULL, '2023-01-01', "
                      "'2023-01-01')"),
              "NOT NULL");
    CHECK_HAS(refused("INSERT INTO due_changes(action_id, from_due, to_due, noted) VALUES (1, '1 juli', '', "
                      "'2023-01-01')"),
              "CHECK");
    CHECK(raw.execAndGet("SELECT count(*) FROM due_changes").getInt() == 2);
}

// ---------------------------------------------------------------------------------
// Recording on merge
// ---------------------------------------------------------------------------------

TEST_CASE("due merge: creating an action records nothing; moving its due date records from, to and meta.as_of") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    CHECK(store.merge(base("2023-01-15")).due_changes_written == 0);
    CHECK(store.dump().due_changes.empty());

    const auto moved = store.merge(with_due("huisvesting", day("2023-09-30"), "2023-05-01"));
    CHECK(moved.due_changes_written == 1);
    CHECK(moved.definitions_added == 0);
    const auto d = store.dump();
    CHECK(d.due_changes == std::vector<DueChange>{change("huisvesting", day("2023-06-30"), day("2023-09-30"), "2023-05-01")});
    CHECK(d.actions[1].due() == day("2023-09-30"));

    // The same due date again is no change; neither is re-importing the whole export.
    CHECK(store.merge(with_due("huisvesting", day("2023-09-30"), "2023-06-01")).due_changes_written == 0);
    CHECK(store.import_json(store.export_json()).due_changes_written == 0);
    CHECK(store.dump().due_changes.size() == 1);
}

TEST_CASE("due merge: setting a first due date and removing one are recorded too") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.merge(base());
    CHECK(store.merge(with_due("registratie", day("2023-12-31"), "2023-04-01")).due_changes_written == 1);
    CHECK(store.merge(with_due("taal", std::nullopt, "2023-04-02")).due_changes_written == 1);
    CHECK(store.dump().due_changes ==
          std::vector<DueChange>{change("taal", day("2024-01-01"), std::nullopt, "2023-04-02"),
                                 change("registratie", std::nullopt, day("2023-12-31"), "2023-04-01")});
    // Neither is a move.
    const auto view = store.view(day("2023-12-31"));
    CHECK(view.due_moves("taal") == 0);
    CHECK(view.due_moves("registratie") == 0);
    CHECK(view.due_changes().size() == 2);
}

TEST_CASE("due merge: without a usable meta.as_of the change is noted today (UTC)") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.merge(base());
    Dataset d;
    SUBCASE("no meta") { d = with_due("huisvesting", day("2023-09-30")); }
    SUBCASE("as_of is not a date") { d = with_due("huisvesting", day("2023-09-30"), "voorjaar 2023"); }
    SUBCASE("as_of is a date that does not exist") { d = with_due("huisvesting", day("2023-09-30"), "2023-02-30"); }
    SUBCASE("as_of is a boolean") {
        d = with_due("huisvesting", day("2023-09-30"));
        d.meta = {{"as_of", true}};
    }
    SUBCASE("only another member is a date") {
        d = with_due("huisvesting", day("2023-09-30"));
        d.meta = {{"source_date", std::string("2023-05-01")}};
    }
    const auto before = today_utc();
    CHECK(store.merge(d).due_changes_written == 1);
    const auto after = today_utc();
    const auto changes = store.dump().due_changes;
    REQUIRE(changes.size() == 1);
    const auto noted = changes[0].noted.iso();
    CHECK_MESSAGE((noted == before || noted == after), noted);
    CHECK(changes[0].from == day("2023-06-30"));
    CHECK(changes[0].to == day("2023-09-30"));
}

TEST_CASE("due merge: record and decide never record a due-date change") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.install_default_states();
    store.merge(base());
    Dataset p;
    p.proposals = {Proposal("P1", "huisvesting", "Voorstel", ProposalState::open, ProposalKind::proposal, {},
                            std::nullopt, day("2023-03-01"))};
    store.merge(p);
    CHECK(store.record(StatusUpdate("huisvesting", "CR37", "in_progress", "Bezig.", day("2023-03-01"))));
    store.decide("P1", ProposalState::adopted, day("2023-03-02"));
    CHECK(store.dump().due_changes.empty());
}

TEST_CASE("due merge: an action that brings its own due_changes gets those, not an automatic change") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.merge(base());
    auto d = with_due("huisvesting", day("2023-12-31"), "2023-08-01");
    d.due_changes = {change("huisvesting", day("2023-06-30"), day("2023-09-30"), "2023-05-01"),
                     change("huisvesting", day("2023-09-30"), day("2023-12-31"), "2023-07-15")};
    CHECK(store.merge(d).due_changes_written == 2);
    CHECK(store.dump().due_changes == d.due_changes);  // no third, automatic one noted 2023-08-01

    // A set union: merging the same list again (also with one more) skips what is stored.
    CHECK(store.merge(d).due_changes_written == 0);
    d.due_changes.push_back(change("huisvesting", day("2023-12-31"), day("2024-03-31"), "2023-11-01"));
    d.due_changes.push_back(d.due_changes[0]);  // twice in one dataset: also skipped
    CHECK(store.merge(d).due_changes_written == 1);
    CHECK(store.dump().due_changes.size() == 3);
    CHECK(store.view(day("2023-12-31")).due_moves("huisvesting") == 3);
}

TEST_CASE("due merge: listed changes may belong to a stored action that the dataset does not restate") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.merge(base());
    Dataset d;
    d.due_changes = {change("taal", day("2023-10-01"), day("2024-01-01"), "2023-02-01")};
    CHECK(store.merge(d).due_changes_written == 1);
    CHECK(store.dump().due_changes == d.due_changes);
    CHECK(store.dump().actions[0].due() == day("2024-01-01"));  // the due date itself is untouched
}

TEST_CASE("due merge: a listed change that is no change or names no action is refused, and nothing is written") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.merge(base());
    const auto before = store.export_json();
    Dataset d = with_due("huisvesting", day("2023-09-30"), "2023-05-01");
    d.due_changes = {change("huisvesting", day("2023-06-30"), day("2023-09-30"), "2023-05-01")};
    SUBCASE("unknown action") {
        d.due_changes.push_back(change("onbekend", std::nullopt, day("2023-01-01"), "2023-01-01"));
        CHECK(test::error_of([&] { store.merge(d); }) == "due_changes[1].action: unknown action \"onbekend\"");
    }
    SUBCASE("from and to both unset") {
        d.due_changes.push_back(change("huisvesting", std::nullopt, std::nullopt, "2023-01-01"));
        CHECK_STARTS(test::error_of([&] { store.merge(d); }), "due_changes[1].to: from and to are both unset");
    }
    SUBCASE("from equals to") {
        d.due_changes.push_back(change("huisvesting", day("2023-01-01"), day("2023-01-01"), "2023-01-01"));
        CHECK_STARTS(test::error_of([&] { store.merge(d); }), "due_changes[1].to: the same as from (2023-01-01)");
    }
    CHECK(store.export_json() == before);
    CHECK(store.dump().due_changes.empty());
}

TEST_CASE("due merge: a merge that fails after moving a due date leaves no half-written change") {
    test::TempDir dir;
    const auto path = dir.file("x.db");
    auto store = Store::open(path);
    store.merge(base());
    const auto before = store.export_json();
    auto d = with_due("huisvesting", day("2023-09-30"), "2023-05-01");
    SUBCASE("automatic change, then a bad update") {
        d.updates = {StatusUpdate("huisvesting", "CR37", "klaar", "Af.", day("2023-05-01"))};
        CHECK(test::error_of([&] { store.merge(d); }) == "updates[0].state: unknown state \"klaar\"");
    }
    SUBCASE("listed changes, then a bad proposal") {
        d.due_changes = {change("huisvesting", day("2023-06-30"), day("2023-09-30"), "2023-05-01")};
        d.proposals = {Proposal("P1", "onbekend", "Voorstel", ProposalState::open)};
        CHECK(test::error_of([&] { store.merge(d); }) == "proposals[0].action: unknown action \"onbekend\"");
    }
    SUBCASE("a bad JSON document") {
        const auto json = actions_doc(action_json("huisvesting", "\"due\": \"2023-09-30\""), "{\"as_of\": \"2023-05-01\"}");
        // The action's due date, title and goal change, then the update fails.
        const auto bad = json.substr(0, json.size() - 1) +
                         ", \"updates\": [{\"action\": \"huisvesting\", \"scope\": \"X9\", \"state\": \"done\", "
                         "\"text\": \"t\", \"as_of\": \"2023-05-01\"}]}";
        CHECK(test::error_of([&] { store.import_json(bad); }) == "updates[0].scope: unknown region \"X9\"");
    }
    CHECK(store.export_json() == before);
    CHECK(count_rows(path, "SELECT count(*) FROM due_changes") == 0);
    // The move is still to be recorded, once.
    CHECK(store.merge(with_due("huisvesting", day("2023-09-30"), "2023-05-01")).due_changes_written == 1);
}

// ---------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------

TEST_CASE("due json: due_changes of an action are read with the action's key, null or omitted dates unset") {
    const auto d = parse_json(actions_doc(
        action_json("a", "\"due\": \"2023-12-31\", \"due_changes\": [{\"from\": null, \"to\": \"2023-06-30\", \"noted\": "
                         "\"2023-01-10\"}, {\"from\": \"2023-06-30\", \"to\": \"2023-12-31\", \"noted\": \"2023-05-01\"}]") +
        ", " + action_json("b") + ", " +
        action_json("c", "\"due_changes\": [{\"from\": \"2023-03-01\", \"noted\": \"2023-02-01\"}]")));
    CHECK(d.due_changes == std::vector<DueChange>{change("a", std::nullopt, day("2023-06-30"), "2023-01-10"),
                                                  change("a", day("2023-06-30"), day("2023-12-31"), "2023-05-01"),
                                                  change("c", day("2023-03-01"), std::nullopt, "2023-02-01")});
    // An empty list is no list.
    CHECK(parse_json(actions_doc(action_json("a", "\"due_changes\": []"))).due_changes.empty());
    CHECK(parse_json(actions_doc(action_json("a", "\"due_changes\": null"))).due_changes.empty());
}

TEST_CASE("due json: every malformed due_changes is refused naming the place") {
    struct Case {
        std::string member;
        std::string error;
    };
    const std::vector<Case> cases{
        {"{}", "actions[1].due_changes: expected an array, got an object"},
        {"\"2023-01-01\"", "actions[1].due_changes: expected an array, got a string \"2023-01-01\""},
        {"[\"2023-01-01\"]", "actions[1].due_changes[0]: expected an object, got a string \"2023-01-01\""},
        {"[{\"to\": \"2023-06-30\"}]", "actions[1].due_changes[0].noted: required member is missing"},
        {"[{\"to\": \"2023-06-30\", \"noted\": null}]", "actions[1].due_changes[0].noted: required member is missing"},
        {"[{\"to\": \"2023-06-30\", \"noted\": \"1 mei 2023\"}]", "actions[1].due_changes[0].noted: "},
        {"[{\"to\": \"2023-06-31\", \"noted\": \"2023-05-01\"}]", "actions[1].due_changes[0].to: "},
        {"[{\"from\": 20230630, \"noted\": \"2023-05-01\"}]",
         "actions[1].due_changes[0].from: expected a date string YYYY-MM-DD, got a number"},
        {"[{\"to\": \"2023-06-30\", \"noted\": \"2023-05-01\", \"reason\": \"vertraging\"}]",
         "actions[1].due_changes[0].reason: unknown member (a typo?)"},
        {"[{\"noted\": \"2023-05-01\"}]", "actions[1].due_changes[0]: from and to are both null: that is no change"},
        {"[{\"from\": null, \"to\": null, \"noted\": \"2023-05-01\"}]",
         "actions[1].due_changes[0]: from and to are both null: that is no change"},
        {"[{\"to\": \"2023-06-30\", \"noted\": \"2023-05-01\"}, {\"from\": \"2023-06-30\", \"to\": \"2023-06-30\", "
         "\"noted\": \"2023-05-02\"}]",
         "actions[1].due_changes[1].to: the same as from (2023-06-30): that is no change"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.member);
        const auto json = actions_doc(action_json("a") + ", " + action_json("b", "\"due_changes\": " + c.member));
        CHECK_STARTS(test::error_of([&] { parse_json(json); }), c.error);
        // Import refuses it the same way and stores nothing.
        test::TempDir dir;
        auto store = Store::open(dir.file("x.db"));
        CHECK_STARTS(test::error_of([&] { store.import_json(json); }), c.error);
        CHECK(store.dump().actions.empty());
    }
}

TEST_CASE("due json: export writes due_changes inside actions that have them, in noted order, and omits them otherwise") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.merge(base());
    // Noted out of order on purpose: the later one is merged first.
    store.merge(with_due("huisvesting", day("2023-12-31"), "2023-09-01"));
    Dataset earlier;
    earlier.due_changes = {change("huisvesting", std::nullopt, day("2023-06-30"), "2023-01-10")};
    store.merge(earlier);
    const auto exported = store.export_json();
    CHECK_HAS(exported,
              "      \"due\": \"2023-12-31\",\n"
              "      \"due_changes\": [\n"
              "        {\n"
              "          \"to\": \"2023-06-30\",\n"
              "          \"noted\": \"2023-01-10\"\n"
              "        },\n"
              "        {\n"
              "          \"from\": \"2023-06-30\",\n"
              "          \"to\": \"2023-12-31\",\n"
              "          \"noted\": \"2023-09-01\"\n"
              "        }\n"
              "      ]\n"
              "    },\n");
    // Only that action has the member.
    std::size_t n = 0;
    for (auto at = exported.find("\"due_changes\""); at != std::string::npos; at = exported.find("\"due_changes\"", at + 1))
        ++n;
    CHECK(n == 1);
}

TEST_CASE("due json: export, import into a fresh store and export again is byte-identical") {
    test::TempDir dir;
    auto first = Store::open(dir.file("first.db"));
    first.merge(base("2023-01-15"));
    first.merge(with_due("huisvesting", day("2023-09-30"), "2023-05-01"));
    first.merge(with_due("huisvesting", day("2023-12-31"), "2023-05-01"));  // two on one day
    first.merge(with_due("registratie", day("2023-08-01"), "2023-03-01"));
    first.merge(with_due("taal", std::nullopt, "2023-03-01"));
    const auto exported = first.export_json();
    REQUIRE(first.dump().due_changes.size() == 4);

    auto second = Store::open(dir.file("second.db"));
    const auto summary = second.import_json(exported);
    CHECK(summary.due_changes_written == 4);
    CHECK(second.export_json() == exported);
    CHECK(second.dump().due_changes == first.dump().due_changes);
    CHECK(second.view(day("2023-12-31")).due_changes() == first.view(day("2023-12-31")).due_changes());

    // And to_json/parse_json agree on the dataset itself.
    const auto dumped = first.dump();
    CHECK(parse_json(to_json(dumped)).due_changes == dumped.due_changes);
    CHECK(to_json(parse_json(exported)) == exported);
}

TEST_CASE("due json: to_json refuses a change of an action that is not in the dataset, rather than drop it") {
    Dataset d = base();
    d.due_changes = {change("elders", std::nullopt, day("2023-01-01"), "2023-01-01")};
    CHECK(test::error_of([&] { to_json(d); }) ==
          "due_changes[0].action: action \"elders\" is not in the dataset, and JSON keeps due-date changes inside their "
          "action");
}

// ---------------------------------------------------------------------------------
// The View
// ---------------------------------------------------------------------------------

TEST_CASE("due view: due_changes and due_moves as of dates before, on and after each change") {
    test::TempDir dir;
    auto store = Store::open(dir.file("x.db"));
    store.merge(base());
    store.merge(with_due("registratie", day("2023-06-30"), "2023-01-01"));   // set: not a move
    store.merge(with_due("registratie", day("2023-09-30"), "2023-03-01"));   // move
    store.merge(with_due("registratie", day("2023-12-31"), "2023-05-01"));   // move
    store.merge(with_due("registratie", std::nullopt, "2023-07-01"));       // removed: not a move
    store.merge(with_due("taal", day("2024-06-30"), "2023-04-01"));          // move
    store.merge(with_due("huisvesting", day("2023-08-31"), "2023-02-01"));   // move

    const auto moves = [&](const char* date, const char* action) { return store.view(day(date)).due_moves(action); };
    CHECK(store.view(day("2022-12-31")).due_changes().empty());
    CHECK(moves("2022-12-31", "registratie") == 0);
    CHECK(moves("2023-01-01", "registratie") == 0);
    CHECK(moves("2023-02-28", "registratie") == 0);
    CHECK(moves("2023-03-01", "registratie") == 1);  // noted on the view date counts
    CHECK(moves("2023-04-30", "registratie") == 1);
    CHECK(moves("2023-05-01", "registratie") == 2);
    CHECK(moves("2023-12-31", "registratie") == 2);
    CHECK(moves("2023-03-31", "taal") == 0);
    CHECK(moves("2023-04-01", "taal") == 1);
    CHECK(moves("2023-02-01", "huisvesting") == 1);
    CHECK(moves("2023-12-31", "onbekend") == 0);

    // A view holds each action's latest change by its date (in action display order:
    // theme samenleven first, then wonen in list order), so it does not grow with
    // history; the moves are counted by the store.
    const auto view = store.view(day("2023-05-01"));
    CHECK(view.due_changes() ==
          std::vector<DueChange>{change("taal", day("2024-01-01"), day("2024-06-30"), "2023-04-01"),
                                 change("huisvesting", day("2023-06-30"), day("2023-08-31"), "2023-02-01"),
                                 change("registratie", day("2023-09-30"), day("2023-12-31"), "2023-05-01")});
    CHECK(view.due_moves() == std::map<std::string, int, std::less<>>{{"taal", 1}, {"huisvesting", 1}, {"registratie", 2}});
    const auto end = store.view(day("2023-12-31"));
    REQUIRE(end.due_changes().size() == 3);
    CHECK(end.due_changes()[2] == change("registratie", day("2023-12-31"), std::nullopt, "2023-07-01"));
    CHECK(end.due_moves("registratie") == 2);
    // The dump holds the whole history in the same order.
    CHECK(store.dump().due_changes.size() == 6);
    CHECK(store.dump().due_changes[0].action == "taal");
}
