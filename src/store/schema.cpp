#include "store/schema.hpp"

#include <actielijst/error.hpp>
#include <actielijst/store.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <string>

namespace actielijst::detail {
namespace {

// Migration N takes a database from user_version N to N+1. Append only: a released
// migration is never edited, so every database reaches the same schema.
constexpr std::array<const char*, Store::schema_version> migrations{
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE meta (
    position INTEGER NOT NULL,
    key TEXT PRIMARY KEY,
    text_value TEXT,
    bool_value INTEGER CHECK (bool_value IN (0, 1)),
    CHECK ((text_value IS NULL) <> (bool_value IS NULL))
);
CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    label_nl TEXT NOT NULL,
    label_en TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE TABLE regions (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),
    parent_id INTEGER REFERENCES regions(id),
    position INTEGER NOT NULL
);
-- Names by which a region can be referred to: its code, its name and its aliases,
-- folded to lower case. A name may be shared by regions of different provinces
-- ("Bergen"); resolving such a name is then an error that asks for the code.
CREATE TABLE region_names (
    name_folded TEXT NOT NULL,
    region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
    alias TEXT,                 -- NULL for the region's own code and name
    position INTEGER NOT NULL,
    PRIMARY KEY (name_folded, region_id)
) WITHOUT ROWID;
CREATE INDEX region_names_by_region ON region_names(region_id, position);
CREATE TABLE states (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    category INTEGER NOT NULL CHECK (category BETWEEN 0 AND 4),
    label_nl TEXT NOT NULL,
    label_en TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT ''
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    theme_id INTEGER NOT NULL REFERENCES themes(id),
    title TEXT NOT NULL,
    goal TEXT NOT NULL,
    due TEXT,
    position INTEGER NOT NULL
);
CREATE INDEX actions_in_order ON actions(theme_id, position);
CREATE TABLE action_owners (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role INTEGER NOT NULL CHECK (role IN (0, 1)),
    PRIMARY KEY (action_id, position)
) WITHOUT ROWID;
CREATE TABLE action_scope (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    region_id INTEGER NOT NULL REFERENCES regions(id),
    PRIMARY KEY (action_id, position)
) WITHOUT ROWID;
CREATE TABLE action_refs (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    target_id INTEGER NOT NULL REFERENCES actions(id),
    PRIMARY KEY (action_id, position)
) WITHOUT ROWID;
-- Append-only history: the triggers below refuse UPDATE and DELETE.
CREATE TABLE status_updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    scope_id INTEGER NOT NULL REFERENCES regions(id),
    state_id INTEGER NOT NULL REFERENCES states(id),
    text TEXT NOT NULL,
    as_of TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    meeting_id INTEGER REFERENCES meetings(id)
);
-- "Latest status of (action, scope) at date D" is one descent of this index.
CREATE INDEX status_latest ON status_updates(action_id, scope_id, as_of, id);
-- Every (action, scope) that has history, so a View visits pairs, not history rows.
CREATE TABLE status_pairs (
    action_id INTEGER NOT NULL REFERENCES actions(id),
    scope_id INTEGER NOT NULL REFERENCES regions(id),
    PRIMARY KEY (action_id, scope_id)
) WITHOUT ROWID;
CREATE TRIGGER status_updates_append_only_update BEFORE UPDATE ON status_updates
BEGIN SELECT RAISE(ABORT, 'status history is append-only: updates cannot be changed'); END;
CREATE TRIGGER status_updates_append_only_delete BEFORE DELETE ON status_updates
BEGIN SELECT RAISE(ABORT, 'status history is append-only: updates cannot be deleted'); END;
CREATE TABLE proposals (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    text TEXT NOT NULL,
    state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
    kind INTEGER NOT NULL CHECK (kind IN (0, 1)),
    meeting_id INTEGER REFERENCES meetings(id),
    decided TEXT
);
CREATE INDEX proposals_by_action ON proposals(action_id);
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    label_nl TEXT NOT NULL,
    label_en TEXT NOT NULL DEFAULT '',
    kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),
    unit TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE TABLE indicator_levels (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    label_nl TEXT NOT NULL,
    label_en TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (indicator_id, position)
) WITHOUT ROWID;
CREATE TABLE observations (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    region_id INTEGER NOT NULL REFERENCES regions(id),
    as_of TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT '',
    value REAL,
    count INTEGER,
    at_least INTEGER NOT NULL DEFAULT 0 CHECK (at_least IN (0, 1)),
    source TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (indicator_id, region_id, level, as_of)
);
-- Every (indicator, region, level) that has observations: a View visits series,
-- then descends the unique index above for the latest one at its date.
CREATE TABLE observation_series (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    region_id INTEGER NOT NULL REFERENCES regions(id),
    level TEXT NOT NULL,
    PRIMARY KEY (indicator_id, region_id, level)
) WITHOUT ROWID;
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES regions(id),
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    UNIQUE (municipality_id, role, name)
);
)sql",
    // 1 -> 2: the due-date history of actions.
    R"sql(
-- Append-only history: the triggers below refuse UPDATE and DELETE. "No due date" is
-- stored as '' rather than NULL, because NULLs are all distinct to UNIQUE and an
-- identical change (set a first due date, say) must be recognised as already there.
-- The unique index leads with (action_id, noted), so it also serves the reads per
-- action in date order.
CREATE TABLE due_changes (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    from_due TEXT NOT NULL CHECK (from_due = '' OR from_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    to_due TEXT NOT NULL CHECK (to_due = '' OR to_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    noted TEXT NOT NULL CHECK (noted GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    CHECK (from_due <> to_due),
    UNIQUE (action_id, noted, from_due, to_due)
);
CREATE TRIGGER due_changes_append_only_update BEFORE UPDATE ON due_changes
BEGIN SELECT RAISE(ABORT, 'due-date history is append-only: changes cannot be changed'); END;
CREATE TRIGGER due_changes_append_only_delete BEFORE DELETE ON due_changes
BEGIN SELECT RAISE(ABORT, 'due-date history is append-only: changes cannot be deleted'); END;
)sql",
    // 2 -> 3: proposals become history (tabled on a date, then append-only decisions),
    // and action points, regions, states and indicators carry the dates between which
    // they are part of the list.
    R"sql(
-- The dates between which a definition is part of the list: NULL since = from the
-- start, NULL until = still.
ALTER TABLE actions ADD COLUMN since TEXT
    CHECK (since IS NULL OR since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE actions ADD COLUMN until TEXT
    CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE regions ADD COLUMN since TEXT
    CHECK (since IS NULL OR since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE regions ADD COLUMN until TEXT
    CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE states ADD COLUMN since TEXT
    CHECK (since IS NULL OR since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE states ADD COLUMN until TEXT
    CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE indicators ADD COLUMN since TEXT
    CHECK (since IS NULL OR since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE indicators ADD COLUMN until TEXT
    CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
-- The date a proposal "is known from" when the store has no better one: the list's
-- own as-of date when it is a date, otherwise the day of the migration.
CREATE TEMP TABLE known_from AS
    SELECT coalesce((SELECT text_value FROM meta WHERE key = 'as_of'
                       AND text_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    date('now')) AS day;
CREATE TABLE proposals_v3 (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    text TEXT NOT NULL,
    kind INTEGER NOT NULL CHECK (kind IN (0, 1)),
    tabled TEXT NOT NULL CHECK (tabled GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    meeting_id INTEGER REFERENCES meetings(id)   -- the meeting it was tabled at
);
-- An open proposal was tabled at its meeting (on that meeting's date when it has
-- one). A decided one keeps its meeting as the meeting of the decision, and is known
-- from its decision date.
INSERT INTO proposals_v3(id, key, action_id, text, kind, tabled, meeting_id)
    SELECT p.id, p.key, p.action_id, p.text, p.kind,
           CASE WHEN p.state = 0 THEN coalesce(m.date, (SELECT day FROM known_from))
                ELSE coalesce(p.decided, m.date, (SELECT day FROM known_from)) END,
           CASE WHEN p.state = 0 THEN p.meeting_id END
    FROM proposals p LEFT JOIN meetings m ON m.id = p.meeting_id;
CREATE TABLE proposal_events (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals_v3(id),
    state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    meeting_id INTEGER REFERENCES meetings(id),
    text TEXT NOT NULL DEFAULT ''
);
INSERT INTO proposal_events(proposal_id, state, date, meeting_id)
    SELECT n.id, p.state, n.tabled, p.meeting_id
    FROM proposals p JOIN proposals_v3 n ON n.id = p.id WHERE p.state <> 0;
DROP TABLE known_from;
DROP TABLE proposals;
ALTER TABLE proposals_v3 RENAME TO proposals;
CREATE INDEX proposals_by_action ON proposals(action_id);
-- "The state of proposal P at date D" is one descent of this index.
CREATE INDEX proposal_events_latest ON proposal_events(proposal_id, date, id);
CREATE TRIGGER proposal_events_append_only_update BEFORE UPDATE ON proposal_events
BEGIN SELECT RAISE(ABORT, 'decisions are append-only: a decision cannot be changed'); END;
CREATE TRIGGER proposal_events_append_only_delete BEFORE DELETE ON proposal_events
BEGIN SELECT RAISE(ABORT, 'decisions are append-only: a decision cannot be deleted'); END;
)sql",
    // 3 -> 4: "how many actions are on the list at D" without reading every action.
    R"sql(
-- The count is all actions less those not on the list yet (since after D) and those
-- that left it (until at or before D). Most actions have neither date, so these
-- partial indexes hold only the few that do, and cost a new action nothing.
CREATE INDEX actions_since ON actions(since) WHERE since IS NOT NULL;
CREATE INDEX actions_until ON actions(until, since) WHERE until IS NOT NULL;
)sql",
    // 4 -> 5: the action points an indicator measures. An older store's indicators
    // measure none (list-wide), as they were shown before.
    R"sql(
CREATE TABLE indicator_actions (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    PRIMARY KEY (indicator_id, position)
) WITHOUT ROWID;
-- "The indicators of action A" is one descent of this index.
CREATE INDEX indicator_actions_by_action ON indicator_actions(action_id, indicator_id);
)sql",
    // 5 -> 6: "the latest date anything was recorded" (Store::latest_date(), the date
    // every picture defaults to) from one index descent per kind of record.
    R"sql(
CREATE INDEX status_updates_by_date ON status_updates(as_of);
CREATE INDEX observations_by_date ON observations(as_of);
CREATE INDEX proposals_by_tabled ON proposals(tabled);
CREATE INDEX proposal_events_by_date ON proposal_events(date);
CREATE INDEX meetings_by_date ON meetings(date);
CREATE INDEX due_changes_by_noted ON due_changes(noted);
)sql",
};

constexpr const char* application_id_sql = "PRAGMA application_id = 1095586892";  // "ACTL" in ASCII
constexpr int application_id = 1095586892;

int pragma_int(SQLite::Database& db, const char* name) {
    SQLite::Statement q(db, std::string("PRAGMA ") + name);
    q.executeStep();
    return q.getColumn(0).getInt();
}

}  // namespace

SchemaState inspect_schema(SQLite::Database& db) {
    const int version = pragma_int(db, "user_version");
    const int app = pragma_int(db, "application_id");
    // Whose file it is comes first: every actielijst database carries our application
    // id, so a foreign one is "not ours" whatever its user_version says.
    if (app != application_id) {
        SQLite::Statement tables(db, "SELECT count(*) FROM sqlite_schema");
        tables.executeStep();
        if (version != 0 || app != 0 || tables.getColumn(0).getInt() != 0)
            throw Error(Errc::storage, "not an actielijst store (it already holds other data)");
        return {true, 0};
    }
    if (version > Store::schema_version)
        throw Error(Errc::version, "database schema version " + std::to_string(version) +
                                       " is newer than this actielijst supports (" +
                                       std::to_string(Store::schema_version) + "): upgrade actielijst");
    return {false, version};
}

void migrate(SQLite::Database& db) {
    if (const auto state = inspect_schema(db); !state.empty && state.version == Store::schema_version) return;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const int current = pragma_int(db, "user_version");
    if (current > Store::schema_version)
        throw Error(Errc::version, "database schema version " + std::to_string(current) + " is newer than supported");
    for (int v = current; v < Store::schema_version; ++v) db.exec(migrations[static_cast<std::size_t>(v)]);
    db.exec(application_id_sql);
    db.exec("PRAGMA user_version = " + std::to_string(Store::schema_version));
    tx.commit();
}

}  // namespace actielijst::detail
