// The store's own dates: latest_date() follows every kind of record, default_date()
// falls back to meta.as_of and then today, and both read indexes, not tables.
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

using namespace actielijst;

namespace {

Store limburg(const test::TempDir& dir) {
    auto store = Store::open(dir.file("dates.db"));
    store.import_json(test::limburg_json());
    return store;
}

/// A one-member document in the JSON format, for the records the C++ API has no
/// one-call writer for.
std::string document(const std::string& members) {
    return R"({"format": "actielijst", "format_version": 1, )" + members + "}";
}

}  // namespace

TEST_CASE("store dates: an empty store has no latest date and defaults to today") {
    test::TempDir dir;
    auto store = Store::open(dir.file("empty.db"));
    CHECK_FALSE(store.latest_date().has_value());
    CHECK(store.default_date() == Date::today());
}

TEST_CASE("store dates: without history the list's meta.as_of is the default, a bad one is ignored") {
    test::TempDir dir;
    auto store = Store::open(dir.file("meta.db"));
    store.import_json(document(R"("meta": {"as_of": "2022-11-30"})"));
    CHECK_FALSE(store.latest_date().has_value());
    CHECK(store.default_date() == Date(2022, 11, 30));

    auto other = Store::open(dir.file("bad-meta.db"));
    other.import_json(document(R"("meta": {"as_of": "ongedateerd"})"));
    CHECK(other.default_date() == Date::today());
}

TEST_CASE("store dates: the bundled Limburg list's latest date is its own as-of date") {
    test::TempDir dir;
    const auto store = limburg(dir);
    REQUIRE(store.latest_date().has_value());
    CHECK(*store.latest_date() == Date(2023, 3, 1));
    CHECK(store.default_date() == Date(2023, 3, 1));
    CHECK(store.view(store.default_date()).as_of() == Date(2023, 3, 1));
}

TEST_CASE("store dates: every kind of record moves the latest date") {
    test::TempDir dir;
    auto store = limburg(dir);
    const auto latest = [&] { return store.latest_date().value(); };

    store.record(StatusUpdate("wonen-registratie", "CR39", "in_progress", "Controles gestart.", Date(2023, 4, 1)));
    CHECK(latest() == Date(2023, 4, 1));

    store.add_meeting(Meeting("sg-2023-05", Date(2023, 5, 10), "Stuurgroep mei"));
    CHECK(latest() == Date(2023, 5, 10));

    store.import_json(document(
        R"("observations": [{"indicator": "short_stay_policy", "region": "GM0983", "as_of": "2023-06-01", "level": "adopted"}])"));
    CHECK(latest() == Date(2023, 6, 1));

    store.import_json(document(R"("proposals": [{"key": "P9", "action": "wonen-registratie", "text": "Samen controleren.",
                                                 "state": "open", "tabled": "2023-07-01"}])"));
    CHECK(latest() == Date(2023, 7, 1));

    store.decide("P9", ProposalState::adopted, Date(2023, 8, 1));
    CHECK(latest() == Date(2023, 8, 1));

    // A due date set on a stored action, noted on a date of its own.
    {
        auto data = store.dump();
        Dataset moved;
        for (const auto& a : data.actions)
            if (a.key() == "wonen-registratie")
                moved.actions.emplace_back(a.key(), a.theme(), a.title(), a.goal(), a.owners(), a.scope(),
                                           Date(2024, 1, 1), a.see_also(), a.period());
        REQUIRE(moved.actions.size() == 1);
        moved.due_changes.push_back({"wonen-registratie", std::nullopt, Date(2024, 1, 1), Date(2023, 9, 1)});
        store.merge(moved);
        CHECK(latest() == Date(2023, 9, 1));
    }

    // An action point that joins the list, then one that leaves it.
    auto data = store.dump();
    auto added = data.actions.front();
    Dataset joins;
    joins.actions.emplace_back("nieuw-actiepunt", added.theme(), "Nieuw", "Een nieuw actiepunt.",
                               std::vector<Owner>{}, std::vector<std::string>{}, std::nullopt,
                               std::vector<std::string>{}, Period{Date(2023, 10, 1), std::nullopt});
    store.merge(joins);
    CHECK(latest() == Date(2023, 10, 1));
    Dataset leaves;
    leaves.actions.emplace_back("nieuw-actiepunt", added.theme(), "Nieuw", "Een nieuw actiepunt.",
                                std::vector<Owner>{}, std::vector<std::string>{}, std::nullopt,
                                std::vector<std::string>{}, Period{Date(2023, 10, 1), Date(2023, 11, 1)});
    store.merge(leaves);
    CHECK(latest() == Date(2023, 11, 1));

    // A meeting planned ahead is the latest date, but the default stays at the
    // latest date up to today: a picture of the future would call everything stale.
    store.add_meeting(Meeting("sg-next", Date::from_days(Date::today().days() + 30), "Volgende stuurgroep"));
    CHECK(latest() == Date::from_days(Date::today().days() + 30));
    CHECK(store.latest_date(Date::today()) == Date(2023, 11, 1));
    CHECK(store.default_date() == Date(2023, 11, 1));
    CHECK(store.latest_date(Date(2023, 6, 15)) == Date(2023, 6, 1));
    CHECK_FALSE(store.latest_date(Date(2020, 1, 1)).has_value());

    // An older record does not move it back; the default follows it.
    store.record(StatusUpdate("wonen-registratie", "CR38", "in_progress", "Later gemeld, eerder gedateerd.",
                              Date(2023, 3, 15)));
    CHECK(latest() == Date::from_days(Date::today().days() + 30));
    CHECK(store.default_date() == Date(2023, 11, 1));
}

TEST_CASE("store dates: each max() descends an index (schema version 6), also after migrating a version-4 store") {
    test::TempDir dir;
    const auto path = dir.file("v4.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::fixture("store-v4.sql"));
    }
    const auto store = Store::open(path);
    REQUIRE(store.latest_date().has_value());
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    {
        SQLite::Statement q(raw, "SELECT max(d) FROM (SELECT max(as_of) AS d FROM status_updates UNION ALL "
                                 "SELECT max(as_of) FROM observations UNION ALL SELECT max(tabled) FROM proposals "
                                 "UNION ALL SELECT max(date) FROM proposal_events UNION ALL SELECT max(date) FROM "
                                 "meetings UNION ALL SELECT max(noted) FROM due_changes)");
        REQUIRE(q.executeStep());
        CHECK(store.latest_date()->iso() >= q.getColumn(0).getString());
    }
    // As Store::latest_date() asks, bounded by a date (src/store/dates.cpp).
    const std::pair<const char*, const char*> plans[] = {
        {"SELECT max(as_of) FROM status_updates WHERE as_of <= '2024-01-01'", "status_updates_by_date"},
        {"SELECT max(as_of) FROM observations WHERE as_of <= '2024-01-01'", "observations_by_date"},
        {"SELECT max(tabled) FROM proposals WHERE tabled <= '2024-01-01'", "proposals_by_tabled"},
        {"SELECT max(date) FROM proposal_events WHERE date <= '2024-01-01'", "proposal_events_by_date"},
        {"SELECT max(date) FROM meetings WHERE date <= '2024-01-01'", "meetings_by_date"},
        {"SELECT max(noted) FROM due_changes WHERE noted <= '2024-01-01'", "due_changes_by_noted"},
    };
    for (const auto& [sql, index] : plans) {
        CAPTURE(sql);
        SQLite::Statement plan(raw, std::string("EXPLAIN QUERY PLAN ") + sql);
        std::string detail;
        while (plan.executeStep()) detail += plan.getColumn(3).getString() + "\n";
        CHECK(detail.find(index) != std::string::npos);
    }
}
