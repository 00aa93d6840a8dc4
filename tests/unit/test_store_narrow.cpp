// Narrow reads (Store::meta, contacts, proposal, action_count) give what dump() and
// view() give, and single writes (record, decide, add_meeting, a new action) do the
// same work on a small and on a larger store: every statement they run is an index
// search, never a scan of a table that grows with the list.
#include "support.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <regex>
#include <string>
#include <vector>

namespace {

using namespace actielijst;

Date day(const char* iso) { return Date::parse(iso); }

/// A small list whose actions enter and leave it, with meetings, proposals and contacts.
Dataset hand_built() {
    Dataset d;
    d.meta = {{"title", std::string("Testlijst")}, {"as_of", std::string("2023-03-01")}, {"draft", true}};
    d.themes = {Theme("wonen", Label("Wonen", "Housing")), Theme("werken", Label("Werken", "Work"))};
    d.states = default_progress_states();
    d.regions = {Region("PV31", "Limburg", RegionKind::province),
                 Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"Noord"}),
                 Region("CR38", "Midden-Limburg", RegionKind::corop, "PV31", {"Midden"}),
                 Region("GM0983", "Venlo", RegionKind::municipality, "CR37"),
                 Region("GM0984", "Venray", RegionKind::municipality, "CR37"),
                 Region("GM0957", "Roermond", RegionKind::municipality, "CR38")};
    d.meetings = {Meeting("SG-1", day("2023-02-01"), "Eerste"), Meeting("SG-2", day("2023-04-01"), "Tweede")};
    d.actions = {
        ActionPoint("huisvesting", "wonen", "Huisvesting", "Beleid.", {}, {"CR37", "CR38"}),
        ActionPoint("registratie", "werken", "Registratie", "Inschrijven.", {}, {"CR37"}, std::nullopt, {},
                    Period{day("2023-03-01"), std::nullopt}),
        ActionPoint("pilot", "wonen", "Pilot", "Proef.", {}, {"CR38"}, std::nullopt, {},
                    Period{std::nullopt, day("2023-06-01")}),
        ActionPoint("convenant", "werken", "Convenant", "Afspraken.", {}, {"CR37"}, std::nullopt, {},
                    Period{day("2023-02-01"), day("2023-05-01")}),
    };
    d.proposals = {
        Proposal("P1", "huisvesting", "Beleid vaststellen", ProposalState::open, ProposalKind::proposal, "SG-1",
                 std::nullopt, day("2023-02-01")),
        Proposal("P2", "registratie", "Meldpunt openen", ProposalState::open, ProposalKind::consensus, {},
                 std::nullopt, day("2023-03-15")),
        Proposal("P3", "pilot", "Pilot verlengen", ProposalState::open, ProposalKind::proposal, {}, std::nullopt,
                 day("2023-01-10")),
    };
    d.contacts = {Contact("GM0984", "Wonen", "Bea"), Contact("GM0983", "Wonen", "Zed"),
                  Contact("GM0983", "Beleid", "Anna", "anna@example.org"), Contact("GM0957", "Beleid", "Cor")};
    return d;
}

/// Every proposal of dump() read back by its key.
void check_proposals_by_key(const Store& store) {
    const auto dumped = store.dump().proposals;
    REQUIRE_FALSE(dumped.empty());
    for (const auto& p : dumped) {
        CAPTURE(p.key());
        const auto one = store.proposal(p.key());
        REQUIRE(one.has_value());
        CHECK(*one == p);
    }
    CHECK_FALSE(store.proposal("no-such-proposal").has_value());
    CHECK_FALSE(store.proposal("").has_value());
}

}  // namespace

TEST_CASE("store narrow reads: meta, contacts and every proposal equal dump() on the Limburg list") {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    Dataset contacts;
    contacts.contacts = {Contact("GM0983", "Beleid wonen", "Iemand"), Contact("GM0935", "Beleid", "Een ander"),
                         Contact("GM0889", "Beleid", "Derde", "derde@example.org")};
    store.merge(contacts);
    store.decide("P2", ProposalState::rejected, day("2023-03-08"), {}, "Niet nu");
    store.decide("P3", ProposalState::adopted, day("2023-03-08"));
    store.decide("P3", ProposalState::open, day("2023-04-01"));  // re-opened: no decision to show

    const auto all = store.dump(true);
    CHECK(store.meta() == all.meta);
    CHECK(store.contacts() == all.contacts);
    CHECK(store.contacts().size() == 3);
    check_proposals_by_key(store);
    CHECK(store.proposal("P2")->state() == ProposalState::rejected);
    CHECK(store.proposal("P2")->decision() == "Niet nu");
    CHECK(store.proposal("P3")->state() == ProposalState::open);
    CHECK_FALSE(store.proposal("P3")->decided().has_value());
    CHECK(store.action_count() == all.actions.size());
    CHECK(store.action_count(day("2023-03-01")) == store.view(day("2023-03-01")).actions().size());
}

TEST_CASE("store narrow reads: a hand-built list, after decisions, in dump() order") {
    test::TempDir dir;
    auto store = Store::open(dir.file("hand.db"));
    store.merge(hand_built());
    store.decide("P1", ProposalState::adopted, std::nullopt, "SG-1", "Aangenomen");
    store.decide("P2", ProposalState::rejected, std::nullopt, "SG-2");
    store.decide("P2", ProposalState::open, day("2023-05-01"));

    const auto all = store.dump(true);
    CHECK(store.meta() == all.meta);
    REQUIRE(store.meta().size() == 3);
    CHECK(store.meta()[2].value == std::variant<std::string, bool>(true));
    CHECK(store.contacts() == all.contacts);
    // By municipality in list order, then role, then name.
    std::vector<std::string> names;
    for (const auto& c : store.contacts()) names.push_back(c.name());
    CHECK(names == std::vector<std::string>{"Anna", "Zed", "Bea", "Cor"});
    check_proposals_by_key(store);

    const auto p1 = store.proposal("P1");
    REQUIRE(p1.has_value());
    CHECK(p1->state() == ProposalState::adopted);
    CHECK(p1->decided() == day("2023-02-01"));
    CHECK(p1->decided_meeting() == "SG-1");
    CHECK(p1->decision() == "Aangenomen");
    CHECK(p1->meeting() == "SG-1");
    const auto p2 = store.proposal("P2");
    REQUIRE(p2.has_value());
    CHECK(p2->state() == ProposalState::open);
    CHECK(p2->kind() == ProposalKind::consensus);
    CHECK_FALSE(p2->decided().has_value());
    CHECK(p2->decided_meeting().empty());
    const auto p3 = store.proposal("P3");
    REQUIRE(p3.has_value());
    CHECK(p3->state() == ProposalState::open);
    CHECK(p3->tabled() == day("2023-01-10"));
}

TEST_CASE("store narrow reads: action_count counts the actions on the list at a date, as the view holds them") {
    test::TempDir dir;
    auto store = Store::open(dir.file("count.db"));
    store.merge(hand_built());
    CHECK(store.action_count() == 4);
    CHECK(store.action_count(std::nullopt) == store.dump().actions.size());
    // since is inclusive, until exclusive.
    const std::pair<const char*, std::size_t> expected[] = {
        {"2023-01-01", 2},  // huisvesting, pilot
        {"2023-02-01", 3},  // convenant joins
        {"2023-02-28", 3},
        {"2023-03-01", 4},  // registratie joins
        {"2023-04-30", 4},
        {"2023-05-01", 3},  // convenant leaves
        {"2023-06-01", 2},  // pilot leaves
        {"2030-01-01", 2},
    };
    for (const auto& [date, count] : expected) {
        CAPTURE(date);
        CHECK(store.action_count(day(date)) == count);
        CHECK(store.action_count(day(date)) == store.view(day(date)).actions().size());
    }
}

TEST_CASE("store narrow reads: an empty store has no meta, contacts, proposals or actions") {
    test::TempDir dir;
    const auto store = Store::open(dir.file("empty.db"));
    CHECK(store.meta().empty());
    CHECK(store.contacts().empty());
    CHECK_FALSE(store.proposal("P1").has_value());
    CHECK(store.action_count() == 0);
    CHECK(store.action_count(day("2023-01-01")) == 0);
}

// ---- the cost of one write ----------------------------------------------------------

namespace {

/// What one execution of a statement cost: SQLite's count of virtual-machine steps
/// and of steps of a full table scan.
struct Run {
    std::string sql;
    std::int64_t vm_steps = 0;
    std::int64_t scan_steps = 0;
    friend bool operator==(const Run&, const Run&) = default;
    friend std::ostream& operator<<(std::ostream& out, const Run& r) {
        return out << r.vm_steps << " steps, " << r.scan_steps << " in full scans";
    }
};

// SQLite calls an auto extension for every connection opened in the process; that is
// the only way into the store's own, private connection. Used by one test at a time.
std::vector<Run>* recording = nullptr;

int on_profile(unsigned, void*, void* statement, void*) {
    auto* stmt = static_cast<sqlite3_stmt*>(statement);
    const char* sql = sqlite3_sql(stmt);
    recording->push_back({sql ? sql : "", sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_VM_STEP, 1),
                          sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1)});
    return 0;
}

int trace_connection(sqlite3* db, const char**, const sqlite3_api_routines*) {
    sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, on_profile, nullptr);
    return SQLITE_OK;
}

/// The statements `body` runs on every connection it opens, in order.
template <class F>
std::vector<Run> statements_of(F&& body) {
    std::vector<Run> runs;
    recording = &runs;
    REQUIRE(sqlite3_auto_extension(reinterpret_cast<void (*)()>(trace_connection)) == SQLITE_OK);
    try {
        body();
    } catch (...) {
        sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(trace_connection));
        recording = nullptr;
        throw;
    }
    sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(trace_connection));
    recording = nullptr;
    return runs;
}

/// A list of `n` actions in both themes, each with two states of affairs, and one
/// proposal per action.
void build(const std::string& path, std::size_t n) {
    auto d = hand_built();
    d.proposals.clear();
    d.contacts.clear();
    for (std::size_t i = 0; i < n; ++i) {
        const auto key = "x" + std::to_string(i);
        d.actions.emplace_back(key, i % 2 ? "wonen" : "werken", "Actie " + key, "Doel.", std::vector<Owner>{},
                               std::vector<std::string>{"CR37"});
        d.updates.emplace_back(key, "CR37", "in_progress", "Eerste stand", day("2023-01-05"));
        d.updates.emplace_back(key, "CR37", "stalled", "Tweede stand", day("2023-02-05"));
        d.proposals.emplace_back("V" + key, key, "Voorstel", ProposalState::open, ProposalKind::proposal, "SG-1");
    }
    auto store = Store::open(path);
    store.merge(d);
}

/// One process's worth of each single write on the store at `path`.
std::vector<Run> single_writes(const std::string& path) {
    return statements_of([&] {
        Store::open(path).record(StatusUpdate("x7", "Noord", "done", "Afgerond", day("2023-03-05"), "Regio"));
        Store::open(path).record(StatusUpdate("x7", "CR38", "in_progress", "Elders", day("2023-03-05")));
        Store::open(path).decide("Vx7", ProposalState::adopted, std::nullopt, "SG-2", "Aangenomen");
        Store::open(path).add_meeting(Meeting("SG-3", day("2023-06-01"), "Derde"));
        Dataset one;
        one.actions.emplace_back("nieuw", "wonen", "Nieuw", "Doel.", std::vector<Owner>{},
                                 std::vector<std::string>{"GM0983"});
        one.updates.emplace_back("nieuw", "GM0983", "not_started", "Begin", day("2023-03-05"));
        Store::open(path).merge(one);
    });
}

/// The lines of SQLite's query plan for `sql` that scan a table (not a search of an index).
std::vector<std::string> scans_in(SQLite::Database& db, const std::string& sql) {
    std::vector<std::string> out;
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
    while (plan.executeStep()) {
        const auto detail = plan.getColumn(3).getString();
        if (detail.rfind("SCAN ", 0) == 0) out.push_back(detail);
    }
    return out;
}

/// The table a plan line `SCAN x ...` reads: x, or the table x is an alias of in `sql`.
std::string table_scanned(const std::string& scan, const std::string& sql) {
    const auto name = scan.substr(5, scan.find(' ', 5) - 5);
    std::smatch m;
    if (std::regex_search(sql, m, std::regex("(?:FROM|JOIN)\\s+(\\w+)\\s+(?:AS\\s+)?" + name + "\\b",
                                             std::regex::icase)))
        return m[1];
    return name;
}

bool is_one_of(const std::string& name, const std::vector<std::string>& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("store writes: record, decide, add_meeting and a new action do the same work on a 20- and a 400-action list") {
    test::TempDir dir;
    const auto small = dir.file("small.db"), large = dir.file("large.db");
    build(small, 20);
    build(large, 400);
    const auto on_small = single_writes(small);
    const auto on_large = single_writes(large);
    REQUIRE(on_small.size() == on_large.size());
    for (std::size_t i = 0; i < on_small.size(); ++i) {
        CAPTURE(on_small[i].sql);
        CHECK(on_small[i] == on_large[i]);  // the same statements, the same number of steps
    }

    // Every statement searches an index, except scans of the few rows of the list's
    // vocabulary (themes, states, regions, their names, indicators, meta) and the
    // schema, which do not grow with the number of actions, updates or proposals.
    const std::vector<std::string> small_tables{"themes", "states", "regions", "region_names", "indicators",
                                                "indicator_levels", "meta", "sqlite_schema", "sqlite_master"};
    SQLite::Database db(large, SQLite::OPEN_READONLY);
    std::size_t planned = 0;
    for (const auto& run : on_large) {
        if (run.sql.rfind("PRAGMA", 0) == 0 || run.sql == "BEGIN" || run.sql.rfind("BEGIN ", 0) == 0 ||
            run.sql == "COMMIT" || run.sql == "ROLLBACK")
            continue;
        CAPTURE(run.sql);
        ++planned;
        for (const auto& scan : scans_in(db, run.sql)) {
            CAPTURE(scan);
            if (scan == "SCAN CONSTANT ROW") continue;  // INSERT ... SELECT without a FROM
            CHECK(is_one_of(table_scanned(scan, run.sql), small_tables));
        }
    }
    CHECK(planned > 10);
}

TEST_CASE("store narrow reads: meta, contacts, proposal and action_count do the same work on a 20- and a 400-action list") {
    test::TempDir dir;
    const auto small = dir.file("small.db"), large = dir.file("large.db");
    build(small, 20);
    build(large, 400);
    const auto reads = [](const std::string& path) {
        return statements_of([&] {
            const auto store = Store::open(path);
            CHECK(store.meta().size() == 3);
            CHECK(store.contacts().empty());
            CHECK(store.proposal("Vx7").has_value());
            CHECK(store.action_count(day("2023-05-01")) == store.action_count() - 1);
        });
    };
    const auto on_small = reads(small), on_large = reads(large);
    REQUIRE(on_small.size() == on_large.size());
    for (std::size_t i = 0; i < on_small.size(); ++i) {
        CAPTURE(on_small[i].sql);
        CHECK(on_small[i] == on_large[i]);
    }
}

// ---- schema version 4 -------------------------------------------------------------

namespace {

/// The store at `path` taken back to schema version 3: version 4 only added two indexes
/// (version 5 only the table of the actions indicators measure, empty here, and
/// version 6 only the indexes on dates).
void make_version_3(const std::string& path) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP INDEX status_updates_by_date; DROP INDEX observations_by_date; DROP INDEX proposals_by_tabled; "
             "DROP INDEX proposal_events_by_date; DROP INDEX meetings_by_date; DROP INDEX due_changes_by_noted; "
             "DROP TABLE indicator_actions; DROP INDEX actions_since; DROP INDEX actions_until; PRAGMA user_version = 3");
}

int count_of(const std::string& path, const char* sql) {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    return raw.execAndGet(sql).getInt();
}

}  // namespace

TEST_CASE("store schema: a version-3 store is migrated in place to version 4, gaining the count indexes only") {
    test::TempDir dir;
    const auto path = dir.file("v3.db");
    std::string before;
    {
        auto store = Store::open(path);
        store.merge(hand_built());
        store.decide("P1", ProposalState::adopted, std::nullopt, "SG-1");
        before = store.export_json(true);
    }
    make_version_3(path);
    REQUIRE(count_of(path, "PRAGMA user_version") == 3);
    REQUIRE(count_of(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('actions_since', 'actions_until')") == 0);

    const auto store = Store::open(path);
    CHECK(count_of(path, "PRAGMA user_version") == Store::schema_version);
    CHECK(count_of(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'actions' "
                         "AND name IN ('actions_since', 'actions_until')") == 2);
    {
        SQLite::Database raw(path, SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    CHECK(store.export_json(true) == before);
    CHECK(store.action_count(day("2023-05-01")) == 3);
    CHECK(store.action_count(day("2023-05-01")) == store.view(day("2023-05-01")).actions().size());
}

TEST_CASE("store schema: a migration to version 4 that fails leaves the version-3 store exactly as it was") {
    test::TempDir dir;
    const auto path = dir.file("v3.db");
    { Store::open(path).merge(hand_built()); }
    make_version_3(path);
    {
        // A table with the name of the second index: the migration creates the first, then fails.
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("CREATE TABLE actions_until (x)");
    }
    const auto message = test::error_of([&] { Store::open(path); }, Errc::storage);
    CHECK_HAS(message, "actions_until");
    CHECK(count_of(path, "PRAGMA user_version") == 3);
    CHECK(count_of(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'actions_since'") == 0);
    CHECK(count_of(path, "SELECT count(*) FROM actions") == 4);
}
