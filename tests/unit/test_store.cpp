#include "support.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace actielijst;
namespace fs = std::filesystem;

Date day(const char* iso) { return Date::parse(iso); }


/// A small province with three COROP regions, a few municipalities and one action.
/// It brings its own progress states (the default set): a new store holds none.
Dataset base_dataset() {
    Dataset d;
    d.meta = {{"title", std::string("Testlijst")}};
    d.themes = {Theme("wonen", Label("Wonen", "Housing")), Theme("werken", Label("Werken", "Work"))};
    d.states = default_progress_states();
    d.regions = {Region("PV31", "Limburg", RegionKind::province, {}, {"Provincie"}),
                 Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"Noord", "Regio Noord"}),
                 Region("CR38", "Midden-Limburg", RegionKind::corop, "PV31", {"Midden"}),
                 Region("CR39", "Zuid-Limburg", RegionKind::corop, "PV31", {"Zuid"}),
                 Region("GM0983", "Venlo", RegionKind::municipality, "CR37"),
                 Region("GM0984", "Venray", RegionKind::municipality, "CR37"),
                 Region("GM0957", "Roermond", RegionKind::municipality, "CR38")};
    d.actions = {ActionPoint("huisvesting", "wonen", "Huisvesting", "Lokaal beleid voor huisvesting.", {},
                             {"CR37", "CR38"})};
    return d;
}

StatusUpdate update(const std::string& scope, const std::string& state, const std::string& text, const char* as_of,
                    const std::string& action = "huisvesting", const std::string& author = {}) {
    return StatusUpdate(action, scope, state, text, day(as_of), author);
}

/// Row count of every table in the database file, read through a separate connection.
std::map<std::string, std::int64_t> row_counts(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::vector<std::string> tables;
    {
        SQLite::Statement q(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
        while (q.executeStep()) tables.push_back(q.getColumn(0).getString());
    }
    std::map<std::string, std::int64_t> counts;
    for (const auto& t : tables) counts[t] = db.execAndGet("SELECT count(*) FROM \"" + t + "\"").getInt64();
    return counts;
}

std::string pragma_text(const std::string& path, const char* pragma) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(std::string("PRAGMA ") + pragma).getString();
}

int pragma_int(const std::string& path, const char* pragma) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

std::vector<std::string> keys_of(const std::vector<ProgressState>& states) {
    std::vector<std::string> out;
    for (const auto& s : states) out.push_back(s.key());
    return out;
}

ObservationValue at_level(std::string level, std::optional<std::int64_t> count = std::nullopt, bool at_least = false) {
    ObservationValue v;
    v.level = std::move(level);
    v.count = count;
    v.at_least = at_least;
    return v;
}

ObservationValue figure(double value) {
    ObservationValue v;
    v.value = value;
    return v;
}

/// The observations of the view for one (indicator, region, level).
std::vector<const Observation*> observations_of(const View& view, const std::string& indicator,
                                                const std::string& region, const std::string& level) {
    std::vector<const Observation*> out;
    for (const auto& o : view.observations())
        if (o.indicator() == indicator && o.region() == region && o.value().level == level) out.push_back(&o);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------
// Opening and creating
// ---------------------------------------------------------------------------------

TEST_CASE("store: open creates a new database at the current schema version, in WAL mode, without progress states") {
    test::TempDir dir;
    const auto path = dir.file("nieuw.db");
    REQUIRE_FALSE(fs::exists(path));
    {
        auto store = Store::open(path);
        CHECK(store.path() == path);
        const auto d = store.dump();
        CHECK(d.states.empty());
        CHECK(d.themes.empty());
        CHECK(d.regions.empty());
        CHECK(d.actions.empty());
        CHECK(d.updates.empty());
    }
    REQUIRE(fs::exists(path));
    CHECK(pragma_int(path, "user_version") == Store::schema_version);
    CHECK(pragma_text(path, "journal_mode") == "wal");
    CHECK(row_counts(path).at("states") == 0);

    // Reopening installs nothing either; the default set is one call away, once.
    auto again = Store::open(path);
    CHECK(again.dump().states.empty());
    CHECK(again.install_default_states() == 8);
    const auto d = again.dump();
    CHECK(d.states == default_progress_states());
    CHECK(keys_of(d.states) == std::vector<std::string>{"not_started", "in_progress", "almost_done", "ongoing",
                                                        "under_review", "stalled", "done", "no_action_needed"});
    CHECK(again.install_default_states() == 0);
    CHECK(again.dump().states == d.states);
    CHECK(row_counts(path).at("states") == 8);
}

TEST_CASE("store: install_default_states adds only the default keys the store lacks and leaves stored states alone") {
    test::TempDir dir;
    const auto path = dir.file("eigen.db");
    auto store = Store::open(path);
    // A province's own "in_progress" (another category and label) and a state of its own.
    const ProgressState own_in_progress("in_progress", StateCategory::blocked, Label("Loopt, maar moeizaam"));
    const ProgressState own_klaar("klaar", StateCategory::done, Label("Klaar"));
    Dataset d;
    d.states = {own_in_progress, own_klaar};
    store.merge(d);

    CHECK(store.install_default_states() == 7);
    const auto states = store.dump().states;
    // Stored states keep their place and definition; the missing defaults go last, in default order.
    CHECK(keys_of(states) == std::vector<std::string>{"in_progress", "klaar", "not_started", "almost_done", "ongoing",
                                                      "under_review", "stalled", "done", "no_action_needed"});
    CHECK(states[0] == own_in_progress);
    CHECK(states[1] == own_klaar);
    for (const auto& def : default_progress_states())
        if (def.key() != "in_progress") CHECK(std::count(states.begin(), states.end(), def) == 1);

    CHECK(store.install_default_states() == 0);
    CHECK(store.dump().states == states);
    CHECK(row_counts(path).at("states") == 9);
}

TEST_CASE("store: the store's own connection enforces foreign keys") {
    // Foreign-key enforcement is a per-connection setting, so it is observed through
    // a trigger (stored in the file, run by whichever connection writes) that inserts a
    // dangling reference whenever a meeting is written.
    test::TempDir dir;
    const auto path = dir.file("fk.db");
    auto store = Store::open(path);
    store.merge(base_dataset());
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("CREATE TABLE fk_probe (theme_id INTEGER REFERENCES themes(id))");
        raw.exec("CREATE TRIGGER fk_probe_on_meeting AFTER INSERT ON meetings "
                 "BEGIN INSERT INTO fk_probe VALUES (424242); END");
        // Control: a connection without foreign keys (SQLite's default) lets the dangling row through.
        raw.exec("INSERT INTO meetings(key, date) VALUES ('raw', '2023-01-01')");
        CHECK(raw.execAndGet("SELECT count(*) FROM fk_probe").getInt() == 1);
    }
    Dataset d;
    d.meetings = {Meeting("2023-03-01", day("2023-03-01"), "Stuurgroep")};
    const auto message = test::error_of([&] { store.merge(d); }, Errc::storage);
    CHECK_MESSAGE(test::contains(message, "FOREIGN KEY"), message);
    const auto meetings = store.dump().meetings;
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].key() == "raw");
}

TEST_CASE("store: an empty file at user_version 0 is migrated") {
    test::TempDir dir;

    SUBCASE("a zero-byte file") {
        const auto path = dir.file("leeg.db");
        test::write_file(path, "");
        REQUIRE(fs::file_size(path) == 0);
        {
            auto store = Store::open(path);
            CHECK(store.dump().states.empty());
        }
        CHECK(pragma_int(path, "user_version") == Store::schema_version);
    }
    SUBCASE("an SQLite database without tables") {
        const auto path = dir.file("zonder-tabellen.db");
        {
            SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            raw.exec("CREATE TABLE tijdelijk (x INTEGER)");
            raw.exec("DROP TABLE tijdelijk");
            REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == 0);
        }
        REQUIRE(fs::file_size(path) > 0);
        {
            auto store = Store::open(path);
            store.merge(base_dataset());
            CHECK(store.dump().states.size() == 8);
            CHECK(store.dump().actions.size() == 1);
        }
        CHECK(pragma_int(path, "user_version") == Store::schema_version);
    }
}

TEST_CASE("store: reopening an existing store keeps its data") {
    test::TempDir dir;
    const auto path = dir.file("blijft.db");
    std::string exported;
    Dataset dumped;
    {
        auto store = Store::open(path);
        store.merge(base_dataset());
        CHECK(store.record(update("CR37", "in_progress", "Beleid in voorbereiding.", "2023-01-01")));
        CHECK(store.record(update("CR38", "stalled", "Geen voortgang.", "2023-02-01")));
        exported = store.export_json(true);
        dumped = store.dump(true);
    }
    const auto counts = row_counts(path);
    auto store = Store::open(path);
    CHECK(store.export_json(true) == exported);
    CHECK(store.dump(true).updates == dumped.updates);
    CHECK(store.dump(true).regions == dumped.regions);
    CHECK(row_counts(path) == counts);
    CHECK(store.history("huisvesting").size() == 2);
    CHECK(pragma_int(path, "user_version") == Store::schema_version);
}

TEST_CASE("store: a foreign database with a user_version of its own is not ours (Errc::storage), not newer") {
    // Only a file carrying actielijst's application id can be "written by a newer
    // actielijst"; any other user_version belongs to someone else's format.
    test::TempDir dir;
    const auto path = dir.file("vreemd.db");
    const int newer = Store::schema_version + 1;
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = " + std::to_string(newer));
    }
    const auto message = test::error_of([&] { Store::open(path); }, Errc::storage);
    CHECK_MESSAGE(test::contains(message, "not an actielijst store"), message);
    // Nothing was written to it.
    CHECK(pragma_int(path, "user_version") == newer);
    CHECK(row_counts(path).empty());
}

TEST_CASE("store: an actielijst store bumped to a newer schema version is refused with Errc::version") {
    test::TempDir dir;
    const auto path = dir.file("gebumpt.db");
    { Store::open(path).merge(base_dataset()); }
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(Store::schema_version + 1));
    }
    const auto message = test::error_of([&] { Store::open(path); }, Errc::version);
    CHECK_MESSAGE(test::contains(message, "newer"), message);
}

TEST_CASE("store: a file that is not a database is refused with Errc::storage and left alone") {
    test::TempDir dir;
    const auto path = dir.file("tekst.db");
    std::string text;
    while (text.size() < 4096) text += "Dit is geen database maar een tekstbestand met actiepunten.\n";
    text.resize(4096);
    test::write_file(path, text);
    const auto message = test::error_of([&] { Store::open(path); }, Errc::storage);
    CHECK_MESSAGE(test::contains(message, "not an actielijst store"), message);
    CHECK(test::read_file(path) == text);
}

TEST_CASE("store: an SQLite database holding someone else's tables is refused with Errc::storage") {
    test::TempDir dir;
    const auto path = dir.file("vreemd.db");

    SUBCASE("at user_version 0") {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE klanten (id INTEGER PRIMARY KEY, naam TEXT)");
        raw.exec("INSERT INTO klanten(naam) VALUES ('Jansen')");
    }
    SUBCASE("at our user_version") {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE klanten (id INTEGER PRIMARY KEY, naam TEXT)");
        raw.exec("INSERT INTO klanten(naam) VALUES ('Jansen')");
        raw.exec("PRAGMA user_version = " + std::to_string(Store::schema_version));
    }
    const auto message = test::error_of([&] { Store::open(path); }, Errc::storage);
    CHECK_MESSAGE(test::contains(message, "not an actielijst store"), message);
    // Their data is untouched and none of ours was added.
    const auto counts = row_counts(path);
    CHECK(counts.size() == 1);
    CHECK(counts.at("klanten") == 1);
}

TEST_CASE("store: a path in a missing directory is refused with Errc::io naming the directory") {
    test::TempDir dir;
    const auto missing = (dir.path() / "bestaat-niet").string();
    const auto path = missing + "/store.db";
    const auto message = test::error_of([&] { Store::open(path); }, Errc::io);
    CHECK_MESSAGE(test::contains(message, missing), message);
    CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("store: a directory as path is refused with Errc::io") {
    test::TempDir dir;
    const auto path = dir.file("een-map");
    fs::create_directory(path);
    const auto message = test::error_of([&] { Store::open(path); }, Errc::io);
    CHECK_MESSAGE(test::contains(message, "directory"), message);
    CHECK(fs::is_directory(path));
}

TEST_CASE("store: must_exist refuses a missing file with Errc::io and creates nothing") {
    test::TempDir dir;
    const auto path = dir.file("ontbreekt.db");
    OpenOptions options;
    options.must_exist = true;
    test::error_of([&] { Store::open(path, options); }, Errc::io);
    CHECK_FALSE(fs::exists(path));

    { Store::open(path).merge(base_dataset()); }
    auto store = Store::open(path, options);
    CHECK(store.dump().actions.size() == 1);
}

// ---------------------------------------------------------------------------------
// Append-only history
// ---------------------------------------------------------------------------------

TEST_CASE("store: status history cannot be changed or deleted through SQL") {
    test::TempDir dir;
    const auto path = dir.file("historie.db");
    auto store = Store::open(path);
    store.merge(base_dataset());
    REQUIRE(store.record(update("CR37", "in_progress", "Eerste stand.", "2023-01-01")));
    REQUIRE(store.record(update("CR38", "stalled", "Tweede stand.", "2023-02-01")));
    const auto before = store.history("huisvesting");
    REQUIRE(before.size() == 2);

    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    SUBCASE("UPDATE") {
        std::string message;
        try {
            raw.exec("UPDATE status_updates SET text = 'x'");
        } catch (const SQLite::Exception& e) {
            message = e.what();
        }
        CHECK_MESSAGE(test::contains(message, "append-only"), "UPDATE was not refused: '" << message << "'");
    }
    SUBCASE("DELETE") {
        std::string message;
        try {
            raw.exec("DELETE FROM status_updates");
        } catch (const SQLite::Exception& e) {
            message = e.what();
        }
        CHECK_MESSAGE(test::contains(message, "append-only"), "DELETE was not refused: '" << message << "'");
    }
    CHECK(raw.execAndGet("SELECT count(*) FROM status_updates").getInt() == 2);
    CHECK(raw.execAndGet("SELECT count(*) FROM status_updates WHERE text = 'x'").getInt() == 0);
    CHECK(store.history("huisvesting") == before);
}

TEST_CASE("store: record appends later updates and skips identical ones") {
    test::TempDir dir;
    auto store = Store::open(dir.file("record.db"));
    store.merge(base_dataset());
    const auto first = update("CR37", "in_progress", "Vier van de acht gemeenten hebben beleid.", "2023-01-01", "huisvesting",
                              "Stuurgroep");
    REQUIRE(store.record(first));
    REQUIRE(store.history("huisvesting") == std::vector<StatusUpdate>{first});

    const auto later = update("CR37", "done", "Alle gemeenten hebben beleid.", "2023-06-01", "huisvesting", "Stuurgroep");
    CHECK(store.record(later));
    auto history = store.history("huisvesting");
    REQUIRE(history.size() == 2);
    CHECK(history[0] == first);
    CHECK(history[1] == later);

    SUBCASE("an identical update adds nothing") {
        CHECK_FALSE(store.record(first));
        CHECK(store.history("huisvesting") == history);
        Dataset again;
        again.updates = {first, later};
        const auto summary = store.merge(again);
        CHECK(summary.updates_added == 0);
        CHECK(summary.updates_unchanged == 2);
        CHECK(store.history("huisvesting") == history);
    }
    SUBCASE("an update differing in one member only is appended") {
        // Same action, scope, state, text and date, another author.
        const auto other_author = update("CR37", "in_progress", "Vier van de acht gemeenten hebben beleid.",
                                         "2023-01-01", "huisvesting", "Provincie");
        CHECK(store.record(other_author));
        // Same everything but the text.
        const auto other_text =
            update("CR37", "in_progress", "Vier van de acht gemeenten hebben beleid!", "2023-01-01", "huisvesting",
                   "Stuurgroep");
        CHECK(store.record(other_text));
        const auto grown = store.history("huisvesting");
        REQUIRE(grown.size() == 4);
        CHECK(grown[0] == first);
        CHECK(std::count(grown.begin(), grown.end(), other_author) == 1);
        CHECK(std::count(grown.begin(), grown.end(), other_text) == 1);
        CHECK(grown.back() == later);
    }
}

TEST_CASE("store: merge reports what it added, appended and skipped") {
    test::TempDir dir;
    auto store = Store::open(dir.file("summary.db"));
    auto d = base_dataset();
    d.indicators = {Indicator("workers", Label("Werknemers"), IndicatorKind::count, {}, "personen")};
    d.observations = {Observation("workers", "PV31", day("2020-12-31"), figure(100))};
    d.updates = {update("CR37", "in_progress", "Gestart.", "2023-01-01")};
    d.contacts = {Contact("GM0983", "Beleid wonen", "Iemand")};

    // 2 themes + 7 regions + 8 states + 1 action + 1 indicator are new keys.
    const auto first = store.merge(d);
    CHECK(first.definitions_added == 19);
    CHECK(first.updates_added == 1);
    CHECK(first.updates_unchanged == 0);
    CHECK(first.observations_written == 1);
    CHECK(first.contacts_written == 1);

    // The same dataset again: existing keys are updated in place, nothing is new.
    const auto second = store.merge(d);
    CHECK(second.definitions_added == 0);
    CHECK(second.updates_added == 0);
    CHECK(second.updates_unchanged == 1);
    CHECK(second.observations_written == 0);
    CHECK(second.contacts_written == 0);

    // One new theme and one new action next to existing ones.
    Dataset more;
    more.themes = {Theme("wonen", Label("Wonen")), Theme("samenleven", Label("Samenleven"))};
    more.actions = {ActionPoint("taal", "samenleven", "Taal", "Taalonderwijs.")};
    CHECK(store.merge(more).definitions_added == 2);
    CHECK(store.dump().themes.size() == 3);
}

// ---------------------------------------------------------------------------------
// Rollback on error
// ---------------------------------------------------------------------------------

TEST_CASE("store: a merge whose last entry is invalid writes nothing") {
    test::TempDir dir;
    const auto path = dir.file("rollback.db");
    auto store = Store::open(path);
    store.merge(base_dataset());
    REQUIRE(store.record(update("CR37", "in_progress", "Eerste stand.", "2023-01-01")));
    const auto counts = row_counts(path);
    const auto exported = store.export_json(true);

    Dataset d;
    d.meta = {{"title", std::string("Andere titel")}, {"as_of_inferred", true}};
    d.themes = {Theme("samenleven", Label("Samenleven"))};
    d.regions = {Region("GM1507", "Horst aan de Maas", RegionKind::municipality, "CR37", {"Horst"}),
                 Region("CR37", "Noord-Limburg (gewijzigd)", RegionKind::corop, "PV31")};
    d.meetings = {Meeting("m1", day("2023-03-01"))};
    d.actions = {ActionPoint("taal", "samenleven", "Taal", "Taalonderwijs.", {}, {"GM1507"}, std::nullopt, {"huisvesting"}),
                 ActionPoint("huisvesting", "werken", "Huisvesting (verplaatst)", "Ander doel.")};
    d.updates = {update("GM1507", "in_progress", "Gestart.", "2023-03-01", "taal"),
                 update("CR38", "done", "Klaar.", "2023-03-01")};
    d.proposals = {Proposal("P1", "taal", "Een voorstel.", ProposalState::open)};
    d.indicators = {Indicator("beleid", Label("Beleid"), IndicatorKind::ordinal,
                              {Level("geen", Label("Geen")), Level("wel", Label("Wel"))})};
    d.observations = {Observation("beleid", "CR37", day("2023-03-01"), at_level("wel", 1))};
    d.contacts = {Contact("GM1507", "Beleid", "Iemand", "iemand@example.org")};

    SUBCASE("an unknown state in the last update") {
        d.updates.push_back(update("CR37", "klaar", "Onbekende staat.", "2023-03-02"));
        const auto message = test::error_of([&] { store.merge(d); });
        CHECK(message == "updates[2].state: unknown state \"klaar\"; known states: \"not_started\", \"in_progress\", "
                         "\"almost_done\", \"ongoing\", \"under_review\", \"stalled\", \"done\", \"no_action_needed\"");
    }
    SUBCASE("a contact on a region that is not a municipality, the very last entry merged") {
        d.contacts.push_back(Contact("CR38", "Beleid", "Iemand anders"));
        const auto message = test::error_of([&] { store.merge(d); });
        CHECK_MESSAGE(test::contains(message, "contacts[1].municipality"), message);
    }
    CHECK(row_counts(path) == counts);
    CHECK(store.export_json(true) == exported);
    CHECK(store.history("huisvesting").size() == 1);
}

TEST_CASE("store: record of an invalid update writes nothing") {
    test::TempDir dir;
    const auto path = dir.file("record-fout.db");
    auto store = Store::open(path);
    store.merge(base_dataset());
    REQUIRE(store.record(update("CR37", "in_progress", "Eerste stand.", "2023-01-01")));
    const auto counts = row_counts(path);
    const auto exported = store.export_json(true);

    SUBCASE("unknown action") {
        const auto message =
            test::error_of([&] { store.record(update("CR37", "done", "Klaar.", "2023-02-01", "onbekend")); });
        CHECK(message == "action: unknown action \"onbekend\"");
    }
    SUBCASE("unknown scope") {
        const auto message = test::error_of([&] { store.record(update("CR40", "done", "Klaar.", "2023-02-01")); });
        CHECK(message == "scope: unknown region \"CR40\"");
    }
    SUBCASE("unknown state") {
        const auto message = test::error_of([&] { store.record(update("CR37", "klaar", "Klaar.", "2023-02-01")); });
        CHECK(message == "state: unknown state \"klaar\"; known states: \"not_started\", \"in_progress\", "
                         "\"almost_done\", \"ongoing\", \"under_review\", \"stalled\", \"done\", \"no_action_needed\"");
    }
    CHECK(row_counts(path) == counts);
    CHECK(store.export_json(true) == exported);
}

TEST_CASE("store: a merge refused by SQLite (database locked) fails with Errc::busy and writes nothing") {
    test::TempDir dir;
    const auto path = dir.file("vergrendeld.db");
    {
        auto setup = Store::open(path);
        setup.merge(base_dataset());
        REQUIRE(setup.record(update("CR37", "in_progress", "Eerste stand.", "2023-01-01")));
    }
    OpenOptions options;
    options.busy_timeout_ms = 50;
    auto store = Store::open(path, options);
    const auto counts = row_counts(path);
    const auto exported = store.export_json(true);

    Dataset d;
    d.themes = {Theme("samenleven", Label("Samenleven"))};
    d.actions = {ActionPoint("taal", "samenleven", "Taal", "Taalonderwijs.")};
    d.updates = {update("PV31", "in_progress", "Gestart.", "2023-03-01", "taal")};
    {
        SQLite::Database locker(path, SQLite::OPEN_READWRITE);
        locker.exec("BEGIN IMMEDIATE");
        const auto message = test::error_of([&] { store.merge(d); }, Errc::busy);
        CHECK_MESSAGE(test::contains(message, "merge"), message);
        test::error_of([&] { store.record(update("CR38", "done", "Klaar.", "2023-02-01")); }, Errc::busy);
        // Reading is not blocked by the writer (WAL).
        CHECK(store.export_json(true) == exported);
        locker.exec("ROLLBACK");
    }
    CHECK(row_counts(path) == counts);
    CHECK(store.export_json(true) == exported);

    // The store is still usable once the lock is gone.
    const auto summary = store.merge(d);
    CHECK(summary.updates_added == 1);
    CHECK(store.dump().actions.size() == 2);
    CHECK(store.history("taal").size() == 1);
}

TEST_CASE("store: a merge that SQLite aborts mid-transaction fails with Errc::storage and writes nothing") {
    test::TempDir dir;
    const auto path = dir.file("afgebroken.db");
    auto store = Store::open(path);
    store.merge(base_dataset());
    REQUIRE(store.record(update("CR37", "in_progress", "Eerste stand.", "2023-01-01")));
    {
        // A trigger stored in the file makes SQLite itself refuse one particular row.
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("CREATE TRIGGER test_refuse BEFORE INSERT ON status_updates WHEN NEW.text = 'weigeren' "
                 "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END");
    }
    const auto counts = row_counts(path);
    const auto exported = store.export_json(true);

    Dataset d;
    d.themes = {Theme("samenleven", Label("Samenleven"))};
    d.regions = {Region("GM1507", "Horst aan de Maas", RegionKind::municipality, "CR37")};
    d.actions = {ActionPoint("taal", "samenleven", "Taal", "Taalonderwijs.")};
    d.updates = {update("GM1507", "in_progress", "Gestart.", "2023-03-01", "taal"),
                 update("CR37", "done", "Klaar.", "2023-03-01"), update("CR38", "done", "weigeren", "2023-03-01")};
    const auto message = test::error_of([&] { store.merge(d); }, Errc::storage);
    CHECK_MESSAGE(test::contains(message, "refused by the test trigger"), message);
    CHECK(row_counts(path) == counts);
    CHECK(store.export_json(true) == exported);
}

// ---------------------------------------------------------------------------------
// Views as of a date
// ---------------------------------------------------------------------------------

TEST_CASE("store: the view shows the latest status at or before its date") {
    test::TempDir dir;
    auto store = Store::open(dir.file("asof.db"));
    store.merge(base_dataset());
    // Recorded out of date order on purpose.
    REQUIRE(store.record(update("CR37", "done", "Gereed.", "2024-01-01")));
    REQUIRE(store.record(update("CR38", "not_started", "Nog niet begonnen.", "2023-03-01")));
    REQUIRE(store.record(update("CR37", "in_progress", "Gestart.", "2023-01-01")));
    REQUIRE(store.record(update("CR37", "stalled", "Stagneert.", "2023-06-01")));

    const auto state_at = [&](const char* date, const char* scope) -> std::string {
        const auto view = store.view(day(date));
        const auto* s = view.status("huisvesting", scope);
        return s ? s->state() : std::string("<none>");
    };

    SUBCASE("before any update") {
        const auto view = store.view(day("2022-12-31"));
        CHECK(view.as_of() == day("2022-12-31"));
        CHECK(view.statuses().empty());
        CHECK(view.status("huisvesting", "CR37") == nullptr);
        // Definitions do not depend on the date.
        CHECK(view.actions().size() == 1);
        CHECK(view.regions().size() == 7);
    }
    SUBCASE("on the date of the first update") {
        const auto view = store.view(day("2023-01-01"));
        REQUIRE(view.status("huisvesting", "CR37") != nullptr);
        CHECK(view.status("huisvesting", "CR37")->state() == "in_progress");
        CHECK(view.status("huisvesting", "CR37")->as_of() == day("2023-01-01"));
        CHECK(view.status("huisvesting", "CR38") == nullptr);
        CHECK(view.statuses().size() == 1);
    }
    SUBCASE("the day before the second CR37 update") {
        const auto view = store.view(day("2023-05-31"));
        REQUIRE(view.status("huisvesting", "CR37") != nullptr);
        CHECK(view.status("huisvesting", "CR37")->state() == "in_progress");
        REQUIRE(view.status("huisvesting", "CR38") != nullptr);
        CHECK(view.status("huisvesting", "CR38")->state() == "not_started");
        CHECK(view.statuses().size() == 2);
    }
    SUBCASE("several dates") {
        CHECK(state_at("2023-02-28", "CR38") == "<none>");
        CHECK(state_at("2023-03-01", "CR38") == "not_started");
        CHECK(state_at("2023-06-01", "CR37") == "stalled");
        CHECK(state_at("2023-12-31", "CR37") == "stalled");
        CHECK(state_at("2024-01-01", "CR37") == "done");
        CHECK(state_at("2030-01-01", "CR37") == "done");
        CHECK(state_at("2030-01-01", "CR38") == "not_started");
        const auto view = store.view(day("2030-01-01"));
        REQUIRE(view.status("huisvesting", "CR37") != nullptr);
        CHECK(view.status("huisvesting", "CR37")->text() == "Gereed.");
        CHECK(view.status("huisvesting", "CR37")->as_of() == day("2024-01-01"));
    }
    SUBCASE("a view never shows a status dated after it") {
        for (const char* date : {"2022-12-31", "2023-01-01", "2023-05-31", "2023-06-01", "2023-12-31", "2030-01-01"}) {
            const auto view = store.view(day(date));
            for (const auto& s : view.statuses()) CHECK(s.as_of() <= view.as_of());
        }
    }
}

TEST_CASE("store: of two updates on the same date for the same scope the later-recorded one is current") {
    test::TempDir dir;
    auto store = Store::open(dir.file("zelfde-dag.db"));
    store.merge(base_dataset());
    // The texts and states are chosen so that neither alphabetical nor state order
    // agrees with recording order in both scopes.
    REQUIRE(store.record(update("CR37", "stalled", "b: eerst vastgelegd", "2023-03-01")));
    REQUIRE(store.record(update("CR37", "done", "a: later vastgelegd", "2023-03-01")));
    REQUIRE(store.record(update("CR38", "done", "a: eerst vastgelegd", "2023-03-01")));
    REQUIRE(store.record(update("CR38", "stalled", "b: later vastgelegd", "2023-03-01")));

    const auto view = store.view(day("2023-03-01"));
    REQUIRE(view.status("huisvesting", "CR37") != nullptr);
    CHECK(view.status("huisvesting", "CR37")->text() == "a: later vastgelegd");
    REQUIRE(view.status("huisvesting", "CR38") != nullptr);
    CHECK(view.status("huisvesting", "CR38")->text() == "b: later vastgelegd");
    CHECK(view.statuses().size() == 2);

    // History lists them in recording order too.
    const auto h = store.history("huisvesting", "CR37");
    REQUIRE(h.size() == 2);
    CHECK(h[0].text() == "b: eerst vastgelegd");
    CHECK(h[1].text() == "a: later vastgelegd");

    // Recording an update identical to an earlier one changes nothing, so it does not
    // become current again.
    CHECK_FALSE(store.record(update("CR37", "stalled", "b: eerst vastgelegd", "2023-03-01")));
    CHECK(store.view(day("2023-03-01")).status("huisvesting", "CR37")->text() == "a: later vastgelegd");
}

TEST_CASE("store: the view holds the latest level of a region, and the latest count per level, at its date") {
    test::TempDir dir;
    auto store = Store::open(dir.file("observaties.db"));
    auto d = base_dataset();
    d.indicators = {Indicator("short_stay_policy", Label("Short-stay beleid"), IndicatorKind::ordinal,
                              {Level("none", Label("Geen")), Level("in_preparation", Label("In voorbereiding")),
                               Level("adopted", Label("Vastgesteld"))}),
                    Indicator("workers", Label("Werknemers"), IndicatorKind::count, {}, "personen")};
    d.observations = {
        Observation("short_stay_policy", "CR37", day("2023-06-01"), at_level("in_preparation", 2)),
        Observation("short_stay_policy", "CR37", day("2023-01-01"), at_level("in_preparation", 1)),
        Observation("short_stay_policy", "CR37", day("2023-06-01"), at_level("adopted", 1)),
        Observation("short_stay_policy", "GM0983", day("2023-01-01"), at_level("in_preparation", std::nullopt, true)),
        Observation("short_stay_policy", "GM0983", day("2024-01-01"), at_level("adopted")),
        Observation("workers", "PV31", day("2020-12-31"), figure(100)),
        Observation("workers", "PV31", day("2022-12-31"), figure(250)),
        Observation("workers", "CR37", day("2021-06-30"), ObservationValue{}, "Monitor", "aantal niet genoemd"),
    };
    store.merge(d);

    SUBCASE("before any observation") { CHECK(store.view(day("2020-12-30")).observations().empty()); }
    SUBCASE("2022-06-01") {
        const auto view = store.view(day("2022-06-01"));
        CHECK(view.observations().size() == 2);
        const auto w = observations_of(view, "workers", "PV31", "");
        REQUIRE(w.size() == 1);
        CHECK(w[0]->as_of() == day("2020-12-31"));
        CHECK(w[0]->value().value == std::optional<double>(100));
        const auto unknown = observations_of(view, "workers", "CR37", "");
        REQUIRE(unknown.size() == 1);
        CHECK_FALSE(unknown[0]->value().value.has_value());
        CHECK(unknown[0]->note() == "aantal niet genoemd");
    }
    SUBCASE("2023-03-01") {
        const auto view = store.view(day("2023-03-01"));
        const auto prep = observations_of(view, "short_stay_policy", "CR37", "in_preparation");
        REQUIRE(prep.size() == 1);
        CHECK(prep[0]->value().count == std::optional<std::int64_t>(1));
        CHECK(observations_of(view, "short_stay_policy", "CR37", "adopted").empty());
        const auto venlo = observations_of(view, "short_stay_policy", "GM0983", "in_preparation");
        REQUIRE(venlo.size() == 1);
        CHECK(venlo[0]->value().at_least);
        const auto w = observations_of(view, "workers", "PV31", "");
        REQUIRE(w.size() == 1);
        CHECK(w[0]->value().value == std::optional<double>(250));
        CHECK(view.observations().size() == 4);
    }
    SUBCASE("2023-06-01") {
        const auto view = store.view(day("2023-06-01"));
        const auto prep = observations_of(view, "short_stay_policy", "CR37", "in_preparation");
        REQUIRE(prep.size() == 1);
        CHECK(prep[0]->value().count == std::optional<std::int64_t>(2));
        CHECK(prep[0]->as_of() == day("2023-06-01"));
        const auto adopted = observations_of(view, "short_stay_policy", "CR37", "adopted");
        REQUIRE(adopted.size() == 1);
        CHECK(adopted[0]->value().count == std::optional<std::int64_t>(1));
        CHECK(observations_of(view, "short_stay_policy", "GM0983", "adopted").empty());
        CHECK(view.observations().size() == 5);
    }
    SUBCASE("2030-01-01") {
        const auto view = store.view(day("2030-01-01"));
        // A municipality is at one level at a time: Venlo's later "adopted" supersedes
        // its earlier "at least in preparation", which is history now.
        CHECK(observations_of(view, "short_stay_policy", "GM0983", "in_preparation").empty());
        const auto adopted = observations_of(view, "short_stay_policy", "GM0983", "adopted");
        REQUIRE(adopted.size() == 1);
        CHECK_FALSE(adopted[0]->value().at_least);
        CHECK_FALSE(adopted[0]->value().count.has_value());
        CHECK(view.observations().size() == 5);
        for (const auto& o : view.observations()) CHECK(o.as_of() <= view.as_of());
    }
}

// ---------------------------------------------------------------------------------
// View lookups
// ---------------------------------------------------------------------------------

TEST_CASE("view: lookups on the Limburg list") {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    const auto view = store.view(day("2023-03-01"));

    REQUIRE(view.theme("wonen") != nullptr);
    CHECK(view.theme("wonen")->label().nl() == "Wonen");
    CHECK(view.theme("wonen")->label().in("en") == "Housing");
    CHECK(view.theme("Wonen") == nullptr);
    CHECK(view.theme("onbekend") == nullptr);

    REQUIRE(view.region("CR37") != nullptr);
    CHECK(view.region("CR37")->name() == "Noord-Limburg");
    CHECK(view.region("CR37")->parent() == "PV31");
    REQUIRE(view.region("GM0983") != nullptr);
    CHECK(view.region("GM0983")->name() == "Venlo");
    CHECK(view.region("CR40") == nullptr);

    REQUIRE(view.state("stalled") != nullptr);
    CHECK(view.state("stalled")->category() == StateCategory::blocked);
    CHECK(view.state("klaar") == nullptr);

    REQUIRE(view.action("wonen-lokaal-beleid") != nullptr);
    CHECK(view.action("wonen-lokaal-beleid")->theme() == "wonen");
    CHECK(view.action("bestaat-niet") == nullptr);

    REQUIRE(view.indicator("short_stay_policy") != nullptr);
    CHECK(view.indicator("short_stay_policy")->kind() == IndicatorKind::ordinal);
    CHECK(view.indicator("short_stay_policy")->level_rank("adopted") == 2);
    CHECK(view.indicator("geen") == nullptr);

    const auto* zuid = view.status("wonen-lokaal-beleid", "CR39");
    REQUIRE(zuid != nullptr);
    CHECK(zuid->state() == "stalled");
    CHECK(view.status("wonen-lokaal-beleid", "GM0983") == nullptr);
    CHECK(view.status("bestaat-niet", "CR39") == nullptr);

    SUBCASE("statuses_of keeps the order of statuses()") {
        const auto of = view.statuses_of("wonen-lokaal-beleid");
        std::vector<const StatusUpdate*> expected;
        for (const auto& s : view.statuses())
            if (s.action() == "wonen-lokaal-beleid") expected.push_back(&s);
        CHECK(of == expected);
        std::vector<std::string> scopes;
        for (const auto* s : of) scopes.push_back(s->scope());
        CHECK(scopes == std::vector<std::string>{"CR37", "CR38", "CR39", "GM1883"});
        CHECK(view.statuses_of("bestaat-niet").empty());
        // A key that is a prefix of another key does not pick up the other's statuses.
        CHECK(view.statuses_of("wonen").empty());
    }
    SUBCASE("municipalities_in") {
        CHECK(view.municipalities_in("CR37") == std::vector<std::string>{"GM0889", "GM0893", "GM0907", "GM1507",
                                                                         "GM0944", "GM1894", "GM0983", "GM0984"});
        CHECK(view.municipalities_in("CR38").size() == 7);
        CHECK(view.municipalities_in("CR39").size() == 16);
        CHECK(view.municipalities_in("PV31").size() == 31);
        CHECK(view.municipalities_in("GM0983") == std::vector<std::string>{"GM0983"});
        CHECK(view.municipalities_in("CR40").empty());
    }
}

namespace {

/// A small, consistent ViewData.
ViewData hand_made() {
    ViewData d;
    d.as_of = day("2023-03-01");
    d.themes = {Theme("wonen", Label("Wonen"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province),
                 Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31"),
                 Region("GM0983", "Venlo", RegionKind::municipality, "CR37")};
    d.states = default_progress_states();
    d.actions = {ActionPoint("huisvesting", "wonen", "Huisvesting", "Beleid.", {}, {"CR37"})};
    d.statuses = {update("CR37", "in_progress", "Gestart.", "2023-03-01"),
                  update("GM0983", "done", "Klaar.", "2023-02-01")};
    d.proposals = {Proposal("P1", "huisvesting", "Een voorstel.", ProposalState::open)};
    d.indicators = {Indicator("workers", Label("Werknemers"), IndicatorKind::count)};
    d.observations = {Observation("workers", "PV31", day("2020-12-31"), figure(10))};
    return d;
}

}  // namespace

TEST_CASE("view: built from hand-made data") {
    SUBCASE("consistent data is accepted, a status dated on the view date included") {
        const View view(hand_made());
        CHECK(view.as_of() == day("2023-03-01"));
        REQUIRE(view.status("huisvesting", "CR37") != nullptr);
        CHECK(view.status("huisvesting", "CR37")->text() == "Gestart.");
        CHECK(view.statuses_of("huisvesting").size() == 2);
        CHECK(view.municipalities_in("PV31") == std::vector<std::string>{"GM0983"});
    }

    auto d = hand_made();
    std::string expected;
    SUBCASE("action with an unknown theme") {
        d.actions = {ActionPoint("huisvesting", "werken", "Huisvesting", "Beleid.", {}, {"CR37"})};
        expected = "actions[0].theme";
    }
    SUBCASE("action scope naming an unknown region") {
        d.actions = {ActionPoint("huisvesting", "wonen", "Huisvesting", "Beleid.", {}, {"CR38"})};
        expected = "actions[0].scope";
    }
    SUBCASE("region with an unknown parent") {
        d.regions.push_back(Region("GM0957", "Roermond", RegionKind::municipality, "CR38"));
        expected = "regions[3].parent";
    }
    SUBCASE("status of an unknown action") {
        d.statuses[1] = update("GM0983", "done", "Klaar.", "2023-02-01", "taal");
        expected = "statuses[1].action";
    }
    SUBCASE("status for an unknown region") {
        d.statuses[1] = update("GM0984", "done", "Klaar.", "2023-02-01");
        expected = "statuses[1].scope";
    }
    SUBCASE("status in an unknown state") {
        d.statuses[1] = update("GM0983", "klaar", "Klaar.", "2023-02-01");
        expected = "statuses[1].state";
    }
    SUBCASE("proposal of an unknown action") {
        d.proposals = {Proposal("P1", "taal", "Een voorstel.", ProposalState::open)};
        expected = "proposals[0].action";
    }
    SUBCASE("observation of an unknown indicator") {
        d.observations = {Observation("inwoners", "PV31", day("2020-12-31"), figure(10))};
        expected = "observations[0].indicator";
    }
    SUBCASE("observation of an unknown region") {
        d.observations = {Observation("workers", "PV30", day("2020-12-31"), figure(10))};
        expected = "observations[0].region";
    }
    SUBCASE("status dated after the view date") {
        d.statuses[1] = update("GM0983", "done", "Klaar.", "2023-03-02");
        expected = "statuses[1].as_of";
    }
    SUBCASE("two current statuses for one (action, scope)") {
        d.statuses.push_back(update("CR37", "done", "Ook klaar.", "2023-01-01"));
        expected = "statuses[2]";
    }
    if (!expected.empty()) {
        const auto message = test::error_of([&] { View view(std::move(d)); });
        CHECK_MESSAGE(message.rfind(expected, 0) == 0, "expected '" << expected << "...', got: " << message);
    }
}

// ---------------------------------------------------------------------------------
// History and region lookups
// ---------------------------------------------------------------------------------

TEST_CASE("store: history is oldest first, per action or per scope") {
    test::TempDir dir;
    auto store = Store::open(dir.file("geschiedenis.db"));
    auto d = base_dataset();
    d.actions.push_back(ActionPoint("leeg", "werken", "Zonder historie", "Nog niets gemeld."));
    store.merge(d);
    const auto a = update("CR37", "in_progress", "Gestart.", "2023-01-01");
    const auto b = update("CR38", "not_started", "Nog niet begonnen.", "2023-03-01");
    const auto c = update("CR37", "stalled", "Stagneert.", "2023-06-01");
    const auto e = update("CR37", "done", "Gereed.", "2024-01-01");
    for (const auto& u : {e, b, a, c}) REQUIRE(store.record(u));

    CHECK(store.history("huisvesting") == std::vector<StatusUpdate>{a, b, c, e});
    CHECK(store.history("huisvesting", "CR37") == std::vector<StatusUpdate>{a, c, e});
    CHECK(store.history("huisvesting", "CR38") == std::vector<StatusUpdate>{b});
    CHECK(store.history("huisvesting", "GM0983").empty());
    CHECK(store.history("leeg").empty());

    const auto message = test::error_of([&] { store.history("bestaat-niet"); }, Errc::not_found);
    CHECK_MESSAGE(test::contains(message, "bestaat-niet"), message);
    test::error_of([&] { store.history("bestaat-niet", "CR37"); }, Errc::not_found);
    CHECK_THROWS_AS(store.history("huisvesting", "Atlantis"), Error);
}

TEST_CASE("store: resolve_region accepts codes, names and aliases without regard to case") {
    test::TempDir dir;
    auto store = Store::open(dir.file("regio.db"));
    store.merge(base_dataset());
    CHECK(store.resolve_region("regio noord") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("Regio Noord") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("NOORD") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("noord-limburg") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("CR37") == std::optional<std::string>("CR37"));
    CHECK(store.resolve_region("venlo") == std::optional<std::string>("GM0983"));
    CHECK(store.resolve_region("provincie") == std::optional<std::string>("PV31"));
    CHECK(store.resolve_region("Atlantis") == std::nullopt);
    CHECK(store.resolve_region("CR40") == std::nullopt);
    CHECK(store.resolve_region("") == std::nullopt);
}

// ---------------------------------------------------------------------------------
// Views over a long history
// ---------------------------------------------------------------------------------

TEST_CASE("store: views over a long history return exactly one, correct, status per (action, scope)") {
    constexpr int action_count = 50;
    constexpr int later_updates = 20;
    const std::vector<std::string> scopes{"CR37", "CR38", "CR39"};
    const std::vector<std::string> states{"not_started", "in_progress", "stalled", "almost_done", "done"};
    const auto base = day("2020-01-01").days();

    const auto key_of = [](int a) {
        std::string key = "actie-";
        if (a < 10) key += "0";
        return key + std::to_string(a);
    };
    // Update k (0..later_updates) of pair p is dated base + 30 k + (p * 7) % 29 for k > 0:
    // increasing in k, and different from pair to pair.
    const auto date_of = [&](int pair, int k) {
        return Date::from_days(k == 0 ? base : base + 30 * k + (pair * 7) % 29);
    };
    const auto text_of = [&](int a, const std::string& scope, int k) {
        return key_of(a) + "/" + scope + "/" + std::to_string(k);
    };

    test::TempDir dir;
    auto store = Store::open(dir.file("lang.db"));
    auto d = base_dataset();
    d.actions.clear();
    for (int a = 0; a < action_count; ++a)
        d.actions.emplace_back(key_of(a), a % 2 ? "werken" : "wonen", "Actie " + std::to_string(a), "Doel.",
                               std::vector<Owner>{}, scopes);
    for (int a = 0; a < action_count; ++a)
        for (std::size_t s = 0; s < scopes.size(); ++s)
            d.updates.emplace_back(key_of(a), scopes[s], "not_started", text_of(a, scopes[s], 0), date_of(0, 0));
    auto summary = store.merge(d);
    REQUIRE(summary.updates_added == action_count * scopes.size());

    Dataset more;
    // Newest first, so recording order disagrees with date order.
    for (int k = later_updates; k >= 1; --k)
        for (int a = 0; a < action_count; ++a)
            for (std::size_t s = 0; s < scopes.size(); ++s) {
                const int pair = a * 3 + static_cast<int>(s);
                more.updates.emplace_back(key_of(a), scopes[s], states[static_cast<std::size_t>(k) % states.size()],
                                          text_of(a, scopes[s], k), date_of(pair, k));
            }
    summary = store.merge(more);
    REQUIRE(summary.updates_added == action_count * scopes.size() * later_updates);
    REQUIRE(store.history(key_of(0)).size() == scopes.size() * (later_updates + 1));

    CHECK(store.view(Date::from_days(base - 1)).statuses().empty());

    for (const std::int64_t offset : {0, 29, 45, 100, 333, 615, 10000}) {
        const auto as_of = Date::from_days(base + offset);
        CAPTURE(as_of.iso());
        const auto view = store.view(as_of);
        CHECK(view.statuses().size() == action_count * scopes.size());
        int wrong = 0;
        for (int a = 0; a < action_count; ++a)
            for (std::size_t s = 0; s < scopes.size(); ++s) {
                const int pair = a * 3 + static_cast<int>(s);
                int expected = 0;
                for (int k = 1; k <= later_updates; ++k)
                    if (date_of(pair, k) <= as_of) expected = k;
                const auto* status = view.status(key_of(a), scopes[s]);
                if (status == nullptr || status->text() != text_of(a, scopes[s], expected) ||
                    status->as_of() != date_of(pair, expected) ||
                    view.statuses_of(key_of(a)).size() != scopes.size()) {
                    ++wrong;
                    if (wrong <= 3)
                        FAIL_CHECK("wrong status for " << key_of(a) << "/" << scopes[s] << ": expected update "
                                                       << expected << ", got "
                                                       << (status ? status->text() : std::string("none")));
                }
            }
        CHECK(wrong == 0);
    }
}
