#include "raw.hpp"
#include "memory.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <variant>

namespace bench::raw {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error("raw sqlite: " + what + ": " + sqlite3_errmsg(db));
}

class Stmt {
public:
    Stmt(Db& db, const char* sql) : db_(db.get()) {
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail(db_, std::string("prepare ") + sql);
    }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt() { sqlite3_finalize(stmt_); }

    // Bound strings must outlive the step: they are bound SQLITE_STATIC (no copy).
    void text(int i, std::string_view s) {
        check(sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC));
    }
    void optional_text(int i, std::string_view s) { s.empty() ? null(i) : text(i, s); }
    void integer(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); }
    void null(int i) { check(sqlite3_bind_null(stmt_, i)); }

    /// Steps once; true when a row is available.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, "step");
    }
    /// Executes a statement that returns no rows, then resets it for the next binding.
    void run() {
        while (step()) {
        }
        sqlite3_reset(stmt_);
    }
    void reset() { sqlite3_reset(stmt_); }

    std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    int int32(int col) const { return sqlite3_column_int(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string str(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
    }

private:
    void check(int rc) {
        if (rc != SQLITE_OK) fail(db_, "bind");
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

std::string fold(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::int64_t scalar(Db& db, const char* sql) {
    Stmt q(db, sql);
    q.step();
    return q.int64(0);
}

using Ids = std::unordered_map<std::string, std::int64_t>;

std::int64_t id_of(const Ids& ids, const std::string& key) {
    const auto it = ids.find(key);
    if (it == ids.end()) throw std::runtime_error("raw import: unknown key " + key);
    return it->second;
}

}  // namespace

Db::Db(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("raw sqlite: open " + path + ": " + message);
    }
    // The same connection settings as the library's Store::open.
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
}

Db::~Db() { sqlite3_close(db_); }

void Db::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "?";
        sqlite3_free(error);
        throw std::runtime_error(std::string("raw sqlite: ") + sql + ": " + message);
    }
}

void import(Db& db, const actielijst::Dataset& d) {
    db.exec("BEGIN IMMEDIATE");
    try {
        {
            Stmt q(db, "INSERT INTO meta(position, key, text_value, bool_value) VALUES (?, ?, ?, ?)");
            std::int64_t position = 0;
            for (const auto& m : d.meta) {
                q.integer(1, position++);
                q.text(2, m.key);
                if (const auto* s = std::get_if<std::string>(&m.value)) {
                    q.text(3, *s);
                    q.null(4);
                } else {
                    q.null(3);
                    q.integer(4, std::get<bool>(m.value) ? 1 : 0);
                }
                q.run();
            }
        }
        Ids themes, regions, states, meetings, actions;
        {
            Stmt q(db, "INSERT INTO themes(key, label_nl, label_en, position) VALUES (?, ?, ?, ?)");
            std::int64_t position = 0;
            for (const auto& t : d.themes) {
                q.text(1, t.key());
                q.text(2, t.label().nl());
                q.text(3, t.label().en());
                q.integer(4, position++);
                q.run();
                themes.emplace(t.key(), sqlite3_last_insert_rowid(db.get()));
            }
        }
        {
            Stmt q(db, "INSERT INTO regions(code, name, kind, parent_id, position) VALUES (?, ?, ?, ?, ?)");
            Stmt name(db, "INSERT OR IGNORE INTO region_names(name_folded, region_id, alias, position) VALUES (?, ?, ?, ?)");
            std::int64_t position = 0;
            for (const auto& r : d.regions) {
                q.text(1, r.code());
                q.text(2, r.name());
                q.integer(3, static_cast<int>(r.kind()));
                if (r.parent().empty())
                    q.null(4);
                else
                    q.integer(4, id_of(regions, r.parent()));
                q.integer(5, position++);
                q.run();
                const auto id = sqlite3_last_insert_rowid(db.get());
                regions.emplace(r.code(), id);
                std::vector<std::string> folded{fold(r.code()), fold(r.name())};
                for (const auto& a : r.aliases()) folded.push_back(fold(a));
                for (std::size_t k = 0; k < folded.size(); ++k) {
                    name.text(1, folded[k]);
                    name.integer(2, id);
                    if (k < 2)
                        name.null(3);
                    else
                        name.text(3, r.aliases()[k - 2]);
                    name.integer(4, static_cast<std::int64_t>(k));
                    name.run();
                }
            }
        }
        {
            // A new store holds no states (the dataset brings them); upsert keeps the
            // positions of any that are stored, as the library does.
            const auto next = scalar(db, "SELECT coalesce(max(position), -1) + 1 FROM states");
            Stmt q(db,
                   "INSERT INTO states(key, category, label_nl, label_en, position) VALUES (?1, ?2, ?3, ?4, ?5) "
                   "ON CONFLICT(key) DO UPDATE SET category = ?2, label_nl = ?3, label_en = ?4");
            std::int64_t position = next;
            for (const auto& s : d.states) {
                q.text(1, s.key());
                q.integer(2, static_cast<int>(s.category()));
                q.text(3, s.label().nl());
                q.text(4, s.label().en());
                q.integer(5, position++);
                q.run();
            }
            Stmt ids(db, "SELECT key, id FROM states");
            while (ids.step()) states.emplace(ids.str(0), ids.int64(1));
        }
        {
            Stmt q(db, "INSERT INTO meetings(key, date, title) VALUES (?, ?, ?)");
            for (const auto& m : d.meetings) {
                const auto date = m.date().iso();
                q.text(1, m.key());
                q.text(2, date);
                q.text(3, m.title());
                q.run();
                meetings.emplace(m.key(), sqlite3_last_insert_rowid(db.get()));
            }
        }
        {
            Stmt q(db, "INSERT INTO actions(key, theme_id, title, goal, due, position) VALUES (?, ?, ?, ?, ?, ?)");
            Stmt owner(db, "INSERT INTO action_owners(action_id, position, name, role) VALUES (?, ?, ?, ?)");
            Stmt scope(db, "INSERT INTO action_scope(action_id, position, region_id) VALUES (?, ?, ?)");
            Stmt ref(db, "INSERT INTO action_refs(action_id, position, target_id) VALUES (?, ?, ?)");
            std::vector<std::int64_t> ids;
            ids.reserve(d.actions.size());
            std::int64_t position = 0;
            for (const auto& a : d.actions) {
                const auto due = a.due() ? a.due()->iso() : std::string();
                q.text(1, a.key());
                q.integer(2, id_of(themes, a.theme()));
                q.text(3, a.title());
                q.text(4, a.goal());
                q.optional_text(5, due);
                q.integer(6, position++);
                q.run();
                const auto id = sqlite3_last_insert_rowid(db.get());
                actions.emplace(a.key(), id);
                ids.push_back(id);
                for (std::size_t k = 0; k < a.owners().size(); ++k) {
                    owner.integer(1, id);
                    owner.integer(2, static_cast<std::int64_t>(k));
                    owner.text(3, a.owners()[k].name());
                    owner.integer(4, static_cast<int>(a.owners()[k].role()));
                    owner.run();
                }
                for (std::size_t k = 0; k < a.scope().size(); ++k) {
                    scope.integer(1, id);
                    scope.integer(2, static_cast<std::int64_t>(k));
                    scope.integer(3, id_of(regions, a.scope()[k]));
                    scope.run();
                }
            }
            for (std::size_t i = 0; i < d.actions.size(); ++i) {
                const auto& refs = d.actions[i].see_also();
                for (std::size_t k = 0; k < refs.size(); ++k) {
                    ref.integer(1, ids[i]);
                    ref.integer(2, static_cast<std::int64_t>(k));
                    ref.integer(3, id_of(actions, refs[k]));
                    ref.run();
                }
            }
        }
        {
            Stmt q(db,
                   "INSERT INTO status_updates(action_id, scope_id, as_of, state_id, text, author, meeting_id) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
            Stmt pair(db, "INSERT OR IGNORE INTO status_pairs(action_id, scope_id) VALUES (?, ?)");
            for (const auto& u : d.updates) {
                const auto action = id_of(actions, u.action());
                const auto scope = id_of(regions, u.scope());
                const auto as_of = u.as_of().iso();
                q.integer(1, action);
                q.integer(2, scope);
                q.text(3, as_of);
                q.integer(4, id_of(states, u.state()));
                q.text(5, u.text());
                q.text(6, u.author());
                if (u.meeting().empty())
                    q.null(7);
                else
                    q.integer(7, id_of(meetings, u.meeting()));
                q.run();
                pair.integer(1, action);
                pair.integer(2, scope);
                pair.run();
            }
        }
        db.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

View view(Db& db, const std::string& as_of) {
    db.exec("BEGIN");
    try {
        View v;
        v.as_of = as_of;
        {
            Stmt q(db, "SELECT key, text_value, bool_value FROM meta ORDER BY position");
            while (q.step()) v.meta.push_back({q.str(0), q.str(1), q.is_null(2) ? -1 : q.int32(2)});
        }
        std::unordered_map<std::int64_t, std::size_t> theme_at, state_at, region_at;
        std::unordered_map<std::int64_t, std::string> meeting_key;
        {
            Stmt q(db, "SELECT id, key, label_nl, label_en FROM themes ORDER BY position");
            while (q.step()) {
                theme_at.emplace(q.int64(0), v.themes.size());
                v.themes.push_back({q.str(1), q.str(2), q.str(3), 0});
            }
        }
        {
            std::unordered_map<std::int64_t, std::vector<std::string>> aliases;
            Stmt a(db, "SELECT region_id, alias FROM region_names WHERE alias IS NOT NULL ORDER BY region_id, position");
            while (a.step()) aliases[a.int64(0)].push_back(a.str(1));
            Stmt q(db,
                   "SELECT r.id, r.code, r.name, r.kind, p.code FROM regions r "
                   "LEFT JOIN regions p ON p.id = r.parent_id ORDER BY r.position");
            while (q.step()) {
                const auto id = q.int64(0);
                region_at.emplace(id, v.regions.size());
                v.regions.push_back({q.str(1), q.str(2), q.str(4), q.int32(3), std::move(aliases[id])});
            }
        }
        {
            Stmt q(db, "SELECT id, key, category, label_nl, label_en FROM states ORDER BY position");
            while (q.step()) {
                state_at.emplace(q.int64(0), v.states.size());
                v.states.push_back({q.str(1), q.str(3), q.str(4), q.int32(2)});
            }
        }
        {
            // A picture holds the meetings held by its date; a state of affairs may still
            // name a later one, so every key is kept for the lookup.
            Stmt q(db, "SELECT id, key, date, title FROM meetings ORDER BY date, key");
            while (q.step()) {
                meeting_key.emplace(q.int64(0), q.str(1));
                if (q.str(2) <= as_of) v.meetings.push_back({q.str(1), q.str(2), q.str(3)});
            }
        }
        std::unordered_map<std::int64_t, std::size_t> action_at;  // id -> display index
        {
            Stmt q(db,
                   "SELECT a.id, a.key, t.key, a.title, a.goal, a.due FROM actions a "
                   "JOIN themes t ON t.id = a.theme_id ORDER BY t.position, a.position");
            while (q.step()) {
                action_at.emplace(q.int64(0), v.actions.size());
                v.actions.push_back({q.str(1), q.str(2), q.str(3), q.str(4), q.str(5), {}, {}, {}});
            }
            Stmt o(db, "SELECT action_id, name, role FROM action_owners ORDER BY action_id, position");
            while (o.step()) v.actions[action_at.at(o.int64(0))].owners.push_back({o.str(1), o.int32(2)});
            Stmt s(db, "SELECT action_id, region_id FROM action_scope ORDER BY action_id, position");
            while (s.step()) v.actions[action_at.at(s.int64(0))].scope.push_back(v.regions[region_at.at(s.int64(1))].code);
            Stmt r(db, "SELECT action_id, target_id FROM action_refs ORDER BY action_id, position");
            while (r.step()) v.actions[action_at.at(r.int64(0))].see_also.push_back(v.actions[action_at.at(r.int64(1))].key);
        }
        {
            // One index descent per (action, scope) pair; ids only, mapped through the
            // definitions above, then put in display order.
            Stmt q(db,
                   "SELECT p.action_id, p.scope_id, u.state_id, u.text, u.as_of, u.author, u.meeting_id "
                   "FROM status_pairs p JOIN status_updates u ON u.id = (SELECT x.id FROM status_updates x "
                   "  WHERE x.action_id = p.action_id AND x.scope_id = p.scope_id AND x.as_of <= ?1 "
                   "  ORDER BY x.as_of DESC, x.id DESC LIMIT 1)");
            q.text(1, as_of);
            struct Row {
                std::size_t action, region;
            };
            std::vector<Row> order;
            while (q.step()) {
                const auto a = action_at.at(q.int64(0));
                const auto r = region_at.at(q.int64(1));
                order.push_back({a, r});
                v.statuses.push_back({v.actions[a].key, v.regions[r].code, v.states[state_at.at(q.int64(2))].key,
                                      q.str(3), q.str(4), q.str(5),
                                      q.is_null(6) ? std::string() : meeting_key.at(q.int64(6))});
            }
            std::vector<std::size_t> idx(order.size());
            std::iota(idx.begin(), idx.end(), std::size_t{0});
            std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
                return order[x].action != order[y].action ? order[x].action < order[y].action
                                                          : order[x].region < order[y].region;
            });
            std::vector<Status> sorted;
            sorted.reserve(idx.size());
            for (auto i : idx) sorted.push_back(std::move(v.statuses[i]));
            v.statuses = std::move(sorted);
        }
        db.exec("COMMIT");
        return v;
    } catch (...) {
        sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

std::vector<Status> statuses_library_sql(Db& db, const std::string& as_of) {
    // Copied from src/store/read.cpp (Reader::current).
    Stmt q(db,
           "SELECT a.key, r.code, s.key, u.text, u.as_of, u.author, m.key FROM status_pairs p "
           "JOIN status_updates u ON u.id = (SELECT x.id FROM status_updates x "
           "  WHERE x.action_id = p.action_id AND x.scope_id = p.scope_id AND x.as_of <= ?1 "
           "  ORDER BY x.as_of DESC, x.id DESC LIMIT 1) "
           "JOIN actions a ON a.id = p.action_id JOIN themes t ON t.id = a.theme_id "
           "JOIN regions r ON r.id = p.scope_id JOIN states s ON s.id = u.state_id "
           "LEFT JOIN meetings m ON m.id = u.meeting_id "
           "ORDER BY t.position, a.position, r.position");
    q.text(1, as_of);
    std::vector<Status> out;
    while (q.step()) out.push_back({q.str(0), q.str(1), q.str(2), q.str(3), q.str(4), q.str(5), q.str(6)});
    return out;
}

std::size_t approx_bytes(const View& v) {
    using memory::heap;
    using memory::vec;
    std::size_t n = sizeof(View) + heap(v.as_of);
    n += vec(v.meta) + vec(v.themes) + vec(v.states) + vec(v.regions) + vec(v.meetings) + vec(v.actions) + vec(v.statuses);
    for (const auto& m : v.meta) n += heap(m.key) + heap(m.text);
    for (const auto* list : {&v.themes, &v.states})
        for (const auto& k : *list) n += heap(k.key) + heap(k.label_nl) + heap(k.label_en);
    for (const auto& r : v.regions) {
        n += heap(r.code) + heap(r.name) + heap(r.parent) + vec(r.aliases);
        for (const auto& a : r.aliases) n += heap(a);
    }
    for (const auto& m : v.meetings) n += heap(m.key) + heap(m.date) + heap(m.title);
    for (const auto& a : v.actions) {
        n += heap(a.key) + heap(a.theme) + heap(a.title) + heap(a.goal) + heap(a.due);
        n += vec(a.owners) + vec(a.scope) + vec(a.see_also);
        for (const auto& o : a.owners) n += heap(o.name);
        for (const auto& s : a.scope) n += heap(s);
        for (const auto& s : a.see_also) n += heap(s);
    }
    for (const auto& s : v.statuses)
        n += heap(s.action) + heap(s.scope) + heap(s.state) + heap(s.text) + heap(s.as_of) + heap(s.author) +
             heap(s.meeting);
    return n;
}

}  // namespace bench::raw
