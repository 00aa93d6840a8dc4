// bench_raw_cli: the raw-SQLite counterpart of the `actielijst` command-line tool for
// the whole-process benchmark (docs/benchmarks.md, "Whole processes"). Each command
// answers the same question as the CLI command it is paired with, on the same
// schema, the way a careful programmer would with the sqlite3 C API alone: prepared
// statements, WAL, one transaction, the schema's indexes. No validation, no
// library: it is the floor the library's whole-process cost is measured against.
//
//   bench_raw_cli import DB DOC SCHEMA_DB          create DB with SCHEMA_DB's DDL, load DOC
//   bench_raw_cli list DB AS_OF THEME STATE        actions of THEME with a current STATE, as JSON
//   bench_raw_cli status DB ACTION SCOPE STATE TEXT DATE   append one state of affairs
//   bench_raw_cli export DB OUT                    the whole store in the exchange format
//   bench_raw_cli report DB AS_OF OUT [THEME REGION]   action cards with their states, HTML
//   bench_raw_cli check DB AS_OF [THEME REGION]    a subset of the default rules, as JSON
//   bench_raw_cli count DB                         status rows (for the driver's checks)
//
// It handles the data the benchmark generates (docs/benchmarks.md, "Data shape"):
// documents and stores with proposals, indicators, observations, due-date history
// or contacts are refused rather than half handled.
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

using Json = nlohmann::ordered_json;

// ---- SQLite ---------------------------------------------------------------------

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

class Db {
public:
    Db(const std::string& path, bool create) {
        const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            throw std::runtime_error("open " + path + ": " + message);
        }
        // The settings of the library's Store::open.
        sqlite3_busy_timeout(db_, 5000);
        exec("PRAGMA foreign_keys = ON");
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = NORMAL");
    }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db() { sqlite3_close(db_); }
    sqlite3* get() const noexcept { return db_; }

    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "?";
            sqlite3_free(error);
            throw std::runtime_error(sql + ": " + message);
        }
    }
    std::int64_t last_id() const { return sqlite3_last_insert_rowid(db_); }

private:
    sqlite3* db_ = nullptr;
};

class Stmt {
public:
    Stmt(Db& db, const char* sql) : db_(db.get()) {
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail(db_, std::string("prepare ") + sql);
    }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt() { sqlite3_finalize(stmt_); }

    // Bound text must outlive the step: it is bound SQLITE_STATIC.
    Stmt& text(int i, std::string_view s) {
        // An empty view may have no data pointer, which SQLite would bind as NULL.
        check(sqlite3_bind_text(stmt_, i, s.data() ? s.data() : "", static_cast<int>(s.size()), SQLITE_STATIC));
        return *this;
    }
    Stmt& integer(int i, std::int64_t v) {
        check(sqlite3_bind_int64(stmt_, i, v));
        return *this;
    }
    Stmt& null(int i) {
        check(sqlite3_bind_null(stmt_, i));
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, "step");
    }
    /// Runs a statement that returns no rows and resets it for the next binding.
    void run() {
        while (step()) {
        }
        reset();
    }
    void reset() { sqlite3_reset(stmt_); }

    std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    int int32(int col) const { return sqlite3_column_int(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string_view view(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
    }
    std::string str(int col) const { return std::string(view(col)); }

private:
    void check(int rc) {
        if (rc != SQLITE_OK) fail(db_, "bind");
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

std::int64_t scalar(Db& db, const char* sql) {
    Stmt q(db, sql);
    return q.step() ? q.int64(0) : 0;
}

/// Refuses a store that holds what this program does not read.
void require_empty(Db& db, std::initializer_list<const char*> tables) {
    for (const char* t : tables) {
        const std::string sql = std::string("SELECT EXISTS (SELECT 1 FROM ") + t + ")";
        if (scalar(db, sql.c_str()) != 0) throw std::runtime_error(std::string("table ") + t + " is not empty: not supported");
    }
}

// ---- output ---------------------------------------------------------------------

/// A buffered byte sink over a FILE*; every write error is reported.
class Out {
public:
    explicit Out(std::FILE* f, std::string name) : f_(f), name_(std::move(name)) { buf_.reserve(1 << 20); }
    Out(const Out&) = delete;
    Out& operator=(const Out&) = delete;
    void put(std::string_view s) {
        buf_.append(s);
        if (buf_.size() >= (1u << 20)) flush();
    }
    void put(char c) { buf_ += c; }
    void flush() {
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size())
            throw std::runtime_error(name_ + ": cannot write");
        buf_.clear();
    }
    void finish() {
        flush();
        if (std::fflush(f_) != 0) throw std::runtime_error(name_ + ": cannot write");
    }

private:
    std::FILE* f_;
    std::string name_;
    std::string buf_;
};

/// JSON two-space indented, one member or element per line: the layout of the
/// library's export and of nlohmann::json::dump(2).
class Writer {
public:
    explicit Writer(Out& out) : out_(out) {}
    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view name) {
        element();
        string(name);
        out_.put(": ");
        pending_key_ = true;
    }
    void value(std::string_view s) {
        element();
        string(s);
    }
    void value(const char* s) { value(std::string_view(s)); }
    void value(std::int64_t n) {
        element();
        out_.put(std::to_string(n));
    }
    void boolean(bool b) {
        element();
        out_.put(b ? "true" : "false");
    }
    void null() {
        element();
        out_.put("null");
    }
    /// A text member, `null` when empty.
    void text_or_null(std::string_view name, std::string_view s) {
        key(name);
        if (s.empty())
            null();
        else
            value(s);
    }
    template <class T>
    void member(std::string_view name, const T& v) {
        key(name);
        value(v);
    }
    void end_document() { out_.put('\n'); }

private:
    void element() {
        if (pending_key_) {
            pending_key_ = false;
            return;
        }
        if (empty_.empty()) return;
        out_.put(empty_.back() ? "\n" : ",\n");
        empty_.back() = false;
        indent(empty_.size());
    }
    void open(char c) {
        element();
        out_.put(c);
        empty_.push_back(true);
    }
    void close(char c) {
        const bool empty = empty_.back();
        empty_.pop_back();
        if (!empty) {
            out_.put('\n');
            indent(empty_.size());
        }
        out_.put(c);
    }
    void indent(std::size_t depth) {
        static const std::string spaces(256, ' ');
        out_.put(std::string_view(spaces).substr(0, 2 * depth));
    }
    void string(std::string_view s) {
        static constexpr char hex[] = "0123456789abcdef";
        out_.put('"');
        std::size_t run = 0;  // start of the pending run of plain bytes
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.put(s.substr(run, i - run));
            run = i + 1;
            switch (c) {
                case '"': out_.put("\\\""); break;
                case '\\': out_.put("\\\\"); break;
                case '\b': out_.put("\\b"); break;
                case '\f': out_.put("\\f"); break;
                case '\n': out_.put("\\n"); break;
                case '\r': out_.put("\\r"); break;
                case '\t': out_.put("\\t"); break;
                default: {
                    const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                    out_.put(std::string_view(esc, sizeof esc));
                }
            }
        }
        out_.put(s.substr(run));
        out_.put('"');
    }

    Out& out_;
    std::vector<bool> empty_;
    bool pending_key_ = false;
};

/// HTML text with &, <, > and " escaped.
void html(Out& out, std::string_view s) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char* esc = nullptr;
        switch (s[i]) {
            case '&': esc = "&amp;"; break;
            case '<': esc = "&lt;"; break;
            case '>': esc = "&gt;"; break;
            case '"': esc = "&quot;"; break;
            default: continue;
        }
        out.put(s.substr(run, i - run));
        out.put(esc);
        run = i + 1;
    }
    out.put(s.substr(run));
}

/// An output file written the way the project's rules require (a temporary file in
/// the same directory, fsync, rename, fsync of the directory): finish() puts it in
/// place; without finish() the temporary file is removed.
class File {
public:
    explicit File(const std::string& path) : path_(path), temp_(temp_name(path)), f_(std::fopen(temp_.c_str(), "wb")) {
        if (!f_) throw std::runtime_error(temp_ + ": cannot open for writing");
    }
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    ~File() {
        if (!f_) return;
        std::fclose(f_);
        std::remove(temp_.c_str());
    }
    std::FILE* get() const { return f_; }
    void finish() {
        const bool written = std::fflush(f_) == 0 && fsync(fileno(f_)) == 0;
        const int rc = std::fclose(f_);
        f_ = nullptr;
        if (!written || rc != 0 || std::rename(temp_.c_str(), path_.c_str()) != 0) {
            std::remove(temp_.c_str());
            throw std::runtime_error(path_ + ": cannot write");
        }
        const auto slash = path_.rfind('/');
        const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path_.substr(0, slash);
        const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
        if (fd < 0 || fsync(fd) != 0) {
            if (fd >= 0) close(fd);
            throw std::runtime_error(dir + ": cannot sync");
        }
        close(fd);
    }

private:
    static std::string temp_name(const std::string& path) {
        const auto slash = path.rfind('/');
        const auto at = slash == std::string::npos ? 0 : slash + 1;
        return path.substr(0, at) + "." + path.substr(at) + "." + std::to_string(getpid()) + ".tmp";
    }
    std::string path_, temp_;
    std::FILE* f_;
};

// ---- dates and names ------------------------------------------------------------

/// Days since 1970-01-01 of an ISO date (proleptic Gregorian calendar).
std::int64_t days(std::string_view iso) {
    if (iso.size() != 10) throw std::runtime_error("not a date: " + std::string(iso));
    const auto num = [&](std::size_t at, std::size_t n) {
        std::int64_t v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (iso[i] - '0');
        return v;
    };
    std::int64_t y = num(0, 4);
    const std::int64_t m = num(5, 2), d = num(8, 2);
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int index_of(std::string_view name, std::initializer_list<std::string_view> names, const char* what) {
    int i = 0;
    for (auto n : names) {
        if (n == name) return i;
        ++i;
    }
    throw std::runtime_error(std::string("unknown ") + what + " \"" + std::string(name) + "\"");
}
constexpr std::string_view category_names[] = {"todo", "active", "blocked", "done", "dropped"};
constexpr std::string_view kind_names[] = {"province", "corop", "municipality"};
constexpr std::string_view role_names[] = {"lead", "support"};
constexpr int blocked = 2, done = 3, dropped = 4;

std::string fold(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// ---- import ---------------------------------------------------------------------

const std::string& text_of(const Json& j, const char* member) { return j.at(member).get_ref<const std::string&>(); }
std::string_view optional_text(const Json& j, const char* member) {
    const auto it = j.find(member);
    return it == j.end() || it->is_null() ? std::string_view() : std::string_view(it->get_ref<const std::string&>());
}
void bind_optional(Stmt& q, int i, std::string_view s) { s.empty() ? q.null(i) : q.text(i, s); }

using Ids = std::unordered_map<std::string, std::int64_t>;
std::int64_t id_of(const Ids& ids, const std::string& key, const char* what) {
    const auto it = ids.find(key);
    if (it == ids.end()) throw std::runtime_error(std::string("unknown ") + what + " \"" + key + "\"");
    return it->second;
}

/// Creates `db_path` with the tables, indexes and triggers of `schema_path` (an
/// empty store), then loads the document in one IMMEDIATE transaction.
int import(const std::string& db_path, const std::string& doc_path, const std::string& schema_path) {
    std::string text;
    {
        std::ifstream in(doc_path, std::ios::binary | std::ios::ate);
        if (!in) throw std::runtime_error(doc_path + ": cannot read");
        text.resize(static_cast<std::size_t>(in.tellg()));
        in.seekg(0);
        if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) throw std::runtime_error(doc_path + ": cannot read");
    }
    const Json doc = Json::parse(text);
    text = std::string();
    for (const char* unsupported : {"proposals", "indicators", "observations", "contacts"})
        if (doc.contains(unsupported) && !doc[unsupported].empty())
            throw std::runtime_error(std::string(unsupported) + ": not supported");

    Db db(db_path, true);
    {
        // The same DDL as the library's: copied from an empty store made by `init`.
        Db schema(schema_path, false);
        Stmt ddl(schema,
                 "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                 "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid");
        db.exec("BEGIN IMMEDIATE");
        while (ddl.step()) db.exec(ddl.str(0));
        db.exec("PRAGMA application_id = " + std::to_string(scalar(schema, "PRAGMA application_id")));
        db.exec("PRAGMA user_version = " + std::to_string(scalar(schema, "PRAGMA user_version")));
        db.exec("COMMIT");
    }

    db.exec("BEGIN IMMEDIATE");
    Ids themes, regions, states, meetings, actions;
    if (const auto it = doc.find("meta"); it != doc.end()) {
        Stmt q(db, "INSERT INTO meta(position, key, text_value, bool_value) VALUES (?, ?, ?, ?)");
        std::int64_t position = 0;
        for (const auto& [key, value] : it->items()) {
            q.integer(1, position++).text(2, key);
            if (value.is_boolean())
                q.null(3).integer(4, value.get<bool>() ? 1 : 0);
            else
                q.text(3, value.get_ref<const std::string&>()).null(4);
            q.run();
        }
    }
    if (const auto it = doc.find("themes"); it != doc.end()) {
        Stmt q(db, "INSERT INTO themes(key, label_nl, label_en, position) VALUES (?, ?, ?, ?)");
        std::int64_t position = 0;
        for (const auto& t : *it) {
            const auto& label = t.at("label");
            q.text(1, text_of(t, "key")).text(2, text_of(label, "nl")).text(3, optional_text(label, "en"));
            q.integer(4, position++).run();
            themes.emplace(text_of(t, "key"), db.last_id());
        }
    }
    if (const auto it = doc.find("regions"); it != doc.end()) {
        Stmt q(db, "INSERT INTO regions(code, name, kind, parent_id, position) VALUES (?, ?, ?, ?, ?)");
        Stmt name(db, "INSERT OR IGNORE INTO region_names(name_folded, region_id, alias, position) VALUES (?, ?, ?, ?)");
        std::int64_t position = 0;
        for (const auto& r : *it) {
            if (r.contains("since") || r.contains("until")) throw std::runtime_error("regions: since/until not supported");
            const auto& code = text_of(r, "code");
            const auto parent = optional_text(r, "parent");
            q.text(1, code).text(2, text_of(r, "name"));
            q.integer(3, index_of(text_of(r, "kind"), {"province", "corop", "municipality"}, "region kind"));
            if (parent.empty())
                q.null(4);
            else
                q.integer(4, id_of(regions, std::string(parent), "region"));
            q.integer(5, position++).run();
            const auto id = db.last_id();
            regions.emplace(code, id);
            std::vector<std::string> folded{fold(code), fold(text_of(r, "name"))};
            const Json* aliases = r.contains("aliases") ? &r["aliases"] : nullptr;
            if (aliases)
                for (const auto& a : *aliases) folded.push_back(fold(a.get_ref<const std::string&>()));
            for (std::size_t k = 0; k < folded.size(); ++k) {
                name.text(1, folded[k]).integer(2, id);
                if (k < 2)
                    name.null(3);
                else
                    name.text(3, (*aliases)[k - 2].get_ref<const std::string&>());
                name.integer(4, static_cast<std::int64_t>(k)).run();
            }
        }
    }
    if (const auto it = doc.find("states"); it != doc.end()) {
        Stmt q(db, "INSERT INTO states(key, category, label_nl, label_en, position) VALUES (?, ?, ?, ?, ?)");
        std::int64_t position = 0;
        for (const auto& s : *it) {
            if (s.contains("since") || s.contains("until")) throw std::runtime_error("states: since/until not supported");
            const auto& label = s.at("label");
            q.text(1, text_of(s, "key"));
            q.integer(2, index_of(text_of(s, "category"), {"todo", "active", "blocked", "done", "dropped"}, "category"));
            q.text(3, text_of(label, "nl")).text(4, optional_text(label, "en")).integer(5, position++).run();
            states.emplace(text_of(s, "key"), db.last_id());
        }
    }
    if (const auto it = doc.find("meetings"); it != doc.end()) {
        Stmt q(db, "INSERT INTO meetings(key, date, title) VALUES (?, ?, ?)");
        for (const auto& m : *it) {
            q.text(1, text_of(m, "key")).text(2, text_of(m, "date")).text(3, optional_text(m, "title")).run();
            meetings.emplace(text_of(m, "key"), db.last_id());
        }
    }
    if (const auto it = doc.find("actions"); it != doc.end()) {
        Stmt q(db, "INSERT INTO actions(key, theme_id, title, goal, due, position) VALUES (?, ?, ?, ?, ?, ?)");
        Stmt owner(db, "INSERT INTO action_owners(action_id, position, name, role) VALUES (?, ?, ?, ?)");
        Stmt scope(db, "INSERT INTO action_scope(action_id, position, region_id) VALUES (?, ?, ?)");
        Stmt ref(db, "INSERT INTO action_refs(action_id, position, target_id) VALUES (?, ?, ?)");
        std::vector<std::int64_t> ids;
        ids.reserve(it->size());
        std::int64_t position = 0;
        for (const auto& a : *it) {
            if (a.contains("since") || a.contains("until") || a.contains("due_changes"))
                throw std::runtime_error("actions: since/until/due_changes not supported");
            const auto& key = text_of(a, "key");
            q.text(1, key).integer(2, id_of(themes, text_of(a, "theme"), "theme"));
            q.text(3, text_of(a, "title")).text(4, text_of(a, "goal"));
            bind_optional(q, 5, optional_text(a, "due"));
            q.integer(6, position++).run();
            const auto id = db.last_id();
            actions.emplace(key, id);
            ids.push_back(id);
            if (const auto o = a.find("owners"); o != a.end())
                for (std::size_t k = 0; k < o->size(); ++k) {
                    const auto& w = (*o)[k];
                    owner.integer(1, id).integer(2, static_cast<std::int64_t>(k)).text(3, text_of(w, "name"));
                    owner.integer(4, index_of(text_of(w, "role"), {"lead", "support"}, "owner role")).run();
                }
            if (const auto s = a.find("scope"); s != a.end())
                for (std::size_t k = 0; k < s->size(); ++k)
                    scope.integer(1, id).integer(2, static_cast<std::int64_t>(k))
                        .integer(3, id_of(regions, (*s)[k].get_ref<const std::string&>(), "region"))
                        .run();
        }
        std::size_t i = 0;
        for (const auto& a : *it) {
            if (const auto r = a.find("see_also"); r != a.end())
                for (std::size_t k = 0; k < r->size(); ++k)
                    ref.integer(1, ids[i]).integer(2, static_cast<std::int64_t>(k))
                        .integer(3, id_of(actions, (*r)[k].get_ref<const std::string&>(), "action"))
                        .run();
            ++i;
        }
    }
    if (const auto it = doc.find("updates"); it != doc.end()) {
        Stmt q(db,
               "INSERT INTO status_updates(action_id, scope_id, as_of, state_id, text, author, meeting_id) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)");
        Stmt pair(db, "INSERT OR IGNORE INTO status_pairs(action_id, scope_id) VALUES (?, ?)");
        for (const auto& u : *it) {
            const auto action = id_of(actions, text_of(u, "action"), "action");
            const auto scope = id_of(regions, text_of(u, "scope"), "region");
            const auto meeting = optional_text(u, "meeting");
            q.integer(1, action).integer(2, scope).text(3, text_of(u, "as_of"));
            q.integer(4, id_of(states, text_of(u, "state"), "state")).text(5, text_of(u, "text"));
            q.text(6, optional_text(u, "author"));
            if (meeting.empty())
                q.null(7);
            else
                q.integer(7, id_of(meetings, std::string(meeting), "meeting"));
            q.run();
            pair.integer(1, action).integer(2, scope).run();
        }
    }
    db.exec("COMMIT");
    std::cout << "imported " << actions.size() << " actions\n";
    return 0;
}

// ---- status ---------------------------------------------------------------------

/// One state of affairs appended in its own transaction; SCOPE may be a code or an alias.
int status(const std::string& db_path, const std::string& action, const std::string& scope, const std::string& state,
           const std::string& text, const std::string& date) {
    Db db(db_path, false);
    db.exec("BEGIN IMMEDIATE");
    const auto find = [&](const char* sql, std::string_view key, const char* what) {
        Stmt q(db, sql);
        q.text(1, key);
        if (!q.step()) throw std::runtime_error(std::string("unknown ") + what + " \"" + std::string(key) + "\"");
        return q.int64(0);
    };
    const auto folded = fold(scope);
    const auto action_id = find("SELECT id FROM actions WHERE key = ?", action, "action");
    const auto scope_id = find("SELECT region_id FROM region_names WHERE name_folded = ?", folded, "region");
    const auto state_id = find("SELECT id FROM states WHERE key = ?", state, "state");
    Stmt q(db,
           "INSERT INTO status_updates(action_id, scope_id, as_of, state_id, text, author, meeting_id) "
           "VALUES (?, ?, ?, ?, ?, '', NULL)");
    q.integer(1, action_id).integer(2, scope_id).text(3, date).integer(4, state_id).text(5, text).run();
    Stmt pair(db, "INSERT OR IGNORE INTO status_pairs(action_id, scope_id) VALUES (?, ?)");
    pair.integer(1, action_id).integer(2, scope_id).run();
    db.exec("COMMIT");
    std::cout << "Recorded " << action << " / " << scope << ": " << state << " as of " << date << ".\n";
    return 0;
}

// ---- reading the picture at a date ------------------------------------------------

/// The definitions a picture needs that are small whatever N is: themes, regions,
/// states and meetings, keyed by id.
struct Small {
    struct Region {
        std::string code, name;
        int kind = 0;
    };
    struct State {
        std::string key, label;
        int category = 0;
    };
    std::unordered_map<std::int64_t, std::string> theme_key, theme_label, meeting_key;
    std::unordered_map<std::int64_t, Region> regions;
    std::unordered_map<std::int64_t, State> states;
    std::vector<std::int64_t> meeting_days;  ///< dates of the meetings held by the picture's date
    std::string title;

    Small(Db& db, const std::string& as_of) {
        Stmt t(db, "SELECT id, key, label_nl FROM themes");
        while (t.step()) {
            theme_key.emplace(t.int64(0), t.str(1));
            theme_label.emplace(t.int64(0), t.str(2));
        }
        Stmt r(db, "SELECT id, code, name, kind FROM regions");
        while (r.step()) regions.emplace(r.int64(0), Region{r.str(1), r.str(2), r.int32(3)});
        Stmt s(db, "SELECT id, key, label_nl, category FROM states");
        while (s.step()) states.emplace(s.int64(0), State{s.str(1), s.str(2), s.int32(3)});
        Stmt m(db, "SELECT id, key, date FROM meetings");
        while (m.step()) {
            meeting_key.emplace(m.int64(0), m.str(1));
            if (m.view(2) <= as_of) meeting_days.push_back(days(m.view(2)));
        }
        Stmt meta(db, "SELECT text_value FROM meta WHERE key = 'title'");
        if (meta.step()) title = meta.str(0);
    }
};

/// One action point of a picture with its current states of affairs.
struct Card {
    struct Status {
        std::int64_t scope_id = 0, state_id = 0, meeting_id = 0;  // meeting 0: none
        std::string text, as_of, author;
    };
    std::int64_t id = 0;
    std::string key, theme, title, goal, due;
    std::vector<std::pair<std::string, int>> owners;
    std::vector<std::int64_t> scope;  ///< region ids
    std::vector<std::string> see_also;
    std::vector<std::int64_t> see_also_ids;
    std::vector<Status> statuses;  ///< region kind, then region order
};

/// The action points of a picture one at a time, in display order, each with its
/// current states of affairs: theme by theme, the theme's actions through the index
/// actions_in_order (theme_id, position), then primary-key lookups per action and
/// one descent of the history index per (action, scope) pair. Memory is one card.
class Picture {
public:
    Picture(Db& db, std::string as_of, const std::string& theme, std::int64_t region_id)
        : as_of_(std::move(as_of)),
          actions_(db,
                   "SELECT a.id, a.key, a.title, a.goal, a.due FROM actions a WHERE a.theme_id = ?1 "
                   "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM action_scope s WHERE s.action_id = a.id AND s.region_id = ?3)) "
                   "AND (a.since IS NULL OR a.since <= ?2) AND (a.until IS NULL OR a.until > ?2) "
                   "ORDER BY a.position"),
          statuses_(db,
                    "SELECT p.scope_id, u.state_id, u.text, u.as_of, u.author, u.meeting_id FROM status_pairs p "
                    "JOIN regions r ON r.id = p.scope_id "
                    "JOIN status_updates u ON u.id = (SELECT x.id FROM status_updates x "
                    "  WHERE x.action_id = p.action_id AND x.scope_id = p.scope_id AND x.as_of <= ?2 "
                    "  ORDER BY x.as_of DESC, x.id DESC LIMIT 1) "
                    "WHERE p.action_id = ?1 AND (r.since IS NULL OR r.since <= ?2) AND (r.until IS NULL OR r.until > ?2) "
                    "ORDER BY r.kind, r.position"),
          owners_(db, "SELECT name, role FROM action_owners WHERE action_id = ? ORDER BY position"),
          scope_(db, "SELECT region_id FROM action_scope WHERE action_id = ? ORDER BY position"),
          refs_(db,
                "SELECT a.id, a.key FROM action_refs f JOIN actions a ON a.id = f.target_id WHERE f.action_id = ?1 "
                "AND (a.since IS NULL OR a.since <= ?2) AND (a.until IS NULL OR a.until > ?2) ORDER BY f.position") {
        Stmt t(db, "SELECT id, key FROM themes ORDER BY position");
        while (t.step())
            if (theme.empty() || t.view(1) == theme) themes_.emplace_back(t.int64(0), t.str(1));
        actions_.text(2, as_of_);
        if (region_id)
            actions_.integer(3, region_id);
        else
            actions_.null(3);
    }

    /// The next action's head (key, theme, texts) and its statuses; false at the end.
    bool next(Card& c) {
        while (!open_ || !actions_.step()) {
            if (open_) actions_.reset();
            if (next_theme_ == themes_.size()) return false;
            actions_.integer(1, themes_[next_theme_].first);
            theme_ = themes_[next_theme_++].second;
            open_ = true;
        }
        c.id = actions_.int64(0);
        c.key = actions_.view(1);
        c.theme = theme_;
        c.title = actions_.view(2);
        c.goal = actions_.view(3);
        c.due = actions_.view(4);
        current(c.id, c.statuses);
        return true;
    }
    /// The current statuses of action `id`.
    void current(std::int64_t id, std::vector<Card::Status>& out) {
        out.clear();
        statuses_.integer(1, id).text(2, as_of_);
        while (statuses_.step())
            out.push_back({statuses_.int64(0), statuses_.int64(1), statuses_.is_null(5) ? 0 : statuses_.int64(5),
                           statuses_.str(2), statuses_.str(3), statuses_.str(4)});
        statuses_.reset();
    }
    /// Owners, scope and references of the card.
    void details(Card& c) {
        c.owners.clear();
        owners_.integer(1, c.id);
        while (owners_.step()) c.owners.emplace_back(owners_.str(0), owners_.int32(1));
        owners_.reset();
        c.scope.clear();
        scope_.integer(1, c.id);
        while (scope_.step()) c.scope.push_back(scope_.int64(0));
        scope_.reset();
        c.see_also.clear();
        c.see_also_ids.clear();
        refs_.integer(1, c.id).text(2, as_of_);
        while (refs_.step()) {
            c.see_also_ids.push_back(refs_.int64(0));
            c.see_also.push_back(refs_.str(1));
        }
        refs_.reset();
    }

private:
    std::string as_of_;
    Stmt actions_, statuses_, owners_, scope_, refs_;
    std::vector<std::pair<std::int64_t, std::string>> themes_;  ///< display order
    std::size_t next_theme_ = 0;
    std::string theme_;
    bool open_ = false;
};

std::int64_t region_id(Db& db, const std::string& code) {
    if (code.empty()) return 0;
    Stmt q(db, "SELECT id FROM regions WHERE code = ?");
    q.text(1, code);
    if (!q.step()) throw std::runtime_error("unknown region \"" + code + "\"");
    return q.int64(0);
}

void write_card(Writer& w, const Card& c, const Small& s) {
    w.begin_object();
    w.member("key", c.key);
    w.member("theme", c.theme);
    w.member("title", c.title);
    w.member("goal", c.goal);
    w.key("owners");
    w.begin_array();
    for (const auto& [name, role] : c.owners) {
        w.begin_object();
        w.member("name", name);
        w.member("role", role_names[role]);
        w.end_object();
    }
    w.end_array();
    w.key("scope");
    w.begin_array();
    for (const auto id : c.scope) w.value(s.regions.at(id).code);
    w.end_array();
    w.text_or_null("due", c.due);
    w.key("see_also");
    w.begin_array();
    for (const auto& k : c.see_also) w.value(k);
    w.end_array();
    w.key("statuses");
    w.begin_array();
    for (const auto& st : c.statuses) {
        const auto& state = s.states.at(st.state_id);
        w.begin_object();
        w.member("action", c.key);
        w.member("scope", s.regions.at(st.scope_id).code);
        w.member("state", state.key);
        w.member("text", st.text);
        w.member("as_of", st.as_of);
        w.text_or_null("author", st.author);
        w.text_or_null("meeting", st.meeting_id ? std::string_view(s.meeting_key.at(st.meeting_id)) : std::string_view());
        w.member("category", category_names[state.category]);
        w.end_object();
    }
    w.end_array();
    w.key("proposals");  // the store holds none (checked)
    w.begin_array();
    w.end_array();
    w.end_object();
}

// ---- list -----------------------------------------------------------------------

/// `list --where 'theme = THEME and "STATE" in states' --json`: the actions of THEME
/// (through the theme index) whose current states include STATE.
int list(const std::string& db_path, const std::string& as_of, const std::string& theme, const std::string& state) {
    Db db(db_path, false);
    db.exec("BEGIN");
    require_empty(db, {"proposals"});
    const Small small(db, as_of);
    Out out(stdout, "standard output");
    Writer w(out);
    w.begin_object();
    w.member("as_of", as_of);
    w.key("actions");
    w.begin_array();
    Picture picture(db, as_of, theme, 0);
    Card c;
    while (picture.next(c)) {
        bool hit = false;
        for (const auto& st : c.statuses) hit = hit || small.states.at(st.state_id).key == state;
        if (!hit) continue;
        picture.details(c);
        write_card(w, c, small);
    }
    w.end_array();
    w.end_object();
    w.end_document();
    out.finish();
    db.exec("COMMIT");
    return 0;
}

// ---- export ---------------------------------------------------------------------

void label(Writer& w, std::string_view nl, std::string_view en) {
    w.key("label");
    w.begin_object();
    w.member("nl", nl);
    if (!en.empty()) w.member("en", en);
    w.end_object();
}

void period(Writer& w, const Stmt& q, int since, int until) {
    if (!q.is_null(since)) w.member("since", q.view(since));
    if (!q.is_null(until)) w.member("until", q.view(until));
}

/// The whole store in the exchange format, in the library's export order, streamed
/// row by row to the file.
int export_store(const std::string& db_path, const std::string& out_path) {
    Db db(db_path, false);
    db.exec("BEGIN");
    require_empty(db, {"proposals", "indicators", "observations", "due_changes"});
    File file(out_path);
    Out out(file.get(), out_path);
    Writer w(out);
    w.begin_object();
    w.member("format", "actielijst");
    w.member("format_version", std::int64_t{1});
    w.key("meta");
    w.begin_object();
    {
        Stmt q(db, "SELECT key, text_value, bool_value FROM meta ORDER BY position");
        while (q.step()) {
            w.key(q.view(0));
            if (q.is_null(1))
                w.boolean(q.int32(2) != 0);
            else
                w.value(q.view(1));
        }
    }
    w.end_object();
    w.key("themes");
    w.begin_array();
    std::vector<std::int64_t> themes;  // ids in display order
    {
        Stmt q(db, "SELECT key, label_nl, label_en, id FROM themes ORDER BY position");
        while (q.step()) {
            themes.push_back(q.int64(3));
            w.begin_object();
            w.member("key", q.view(0));
            label(w, q.view(1), q.view(2));
            w.end_object();
        }
    }
    w.end_array();
    w.key("regions");
    w.begin_array();
    {
        Stmt aliases(db, "SELECT alias FROM region_names WHERE region_id = ? AND alias IS NOT NULL ORDER BY position");
        Stmt q(db,
               "SELECT r.id, r.code, r.name, r.kind, p.code, r.since, r.until FROM regions r "
               "LEFT JOIN regions p ON p.id = r.parent_id ORDER BY r.kind, r.position");
        while (q.step()) {
            w.begin_object();
            w.member("code", q.view(1));
            w.member("name", q.view(2));
            w.member("kind", kind_names[q.int32(3)]);
            if (!q.is_null(4)) w.member("parent", q.view(4));
            aliases.integer(1, q.int64(0));
            bool any = false;
            while (aliases.step()) {
                if (!any) {
                    w.key("aliases");
                    w.begin_array();
                    any = true;
                }
                w.value(aliases.view(0));
            }
            aliases.reset();
            if (any) w.end_array();
            period(w, q, 5, 6);
            w.end_object();
        }
    }
    w.end_array();
    w.key("states");
    w.begin_array();
    {
        Stmt q(db, "SELECT key, category, label_nl, label_en, since, until FROM states ORDER BY position");
        while (q.step()) {
            w.begin_object();
            w.member("key", q.view(0));
            w.member("category", category_names[q.int32(1)]);
            label(w, q.view(2), q.view(3));
            period(w, q, 4, 5);
            w.end_object();
        }
    }
    w.end_array();
    w.key("meetings");
    w.begin_array();
    {
        Stmt q(db, "SELECT key, date, title FROM meetings ORDER BY date, key");
        while (q.step()) {
            w.begin_object();
            w.member("key", q.view(0));
            w.member("date", q.view(1));
            if (!q.view(2).empty()) w.member("title", q.view(2));
            w.end_object();
        }
    }
    w.end_array();
    w.key("actions");
    w.begin_array();
    {
        Stmt owners(db, "SELECT name, role FROM action_owners WHERE action_id = ? ORDER BY position");
        Stmt scope(db,
                   "SELECT r.code FROM action_scope s JOIN regions r ON r.id = s.region_id WHERE s.action_id = ? "
                   "ORDER BY s.position");
        Stmt refs(db,
                  "SELECT a.key FROM action_refs f JOIN actions a ON a.id = f.target_id WHERE f.action_id = ? "
                  "ORDER BY f.position");
        // Theme by theme through the index actions_in_order: display order without a sort.
        Stmt q(db,
               "SELECT a.id, a.key, t.key, a.title, a.goal, a.due, a.since, a.until FROM themes t "
               "CROSS JOIN actions a ON a.theme_id = t.id WHERE t.id = ? ORDER BY a.position");
        const auto strings = [&](Stmt& s, const char* name, std::int64_t id) {
            s.integer(1, id);
            bool any = false;
            while (s.step()) {
                if (!any) {
                    w.key(name);
                    w.begin_array();
                    any = true;
                }
                w.value(s.view(0));
            }
            s.reset();
            if (any) w.end_array();
        };
        for (const auto theme_id : themes) {
            q.integer(1, theme_id);
            while (q.step()) {
                const auto id = q.int64(0);
                w.begin_object();
                w.member("key", q.view(1));
                w.member("theme", q.view(2));
                w.member("title", q.view(3));
                w.member("goal", q.view(4));
                owners.integer(1, id);
                bool any = false;
                while (owners.step()) {
                    if (!any) {
                        w.key("owners");
                        w.begin_array();
                        any = true;
                    }
                    w.begin_object();
                    w.member("name", owners.view(0));
                    w.member("role", role_names[owners.int32(1)]);
                    w.end_object();
                }
                owners.reset();
                if (any) w.end_array();
                strings(scope, "scope", id);
                if (!q.is_null(5)) w.member("due", q.view(5));
                strings(refs, "see_also", id);
                period(w, q, 6, 7);
                w.end_object();
            }
            q.reset();
        }
    }
    w.end_array();
    w.key("updates");
    w.begin_array();
    {
        // The library's export order (action display order, date, entry), action by
        // action through the indexes actions_in_order and status_latest.
        Stmt actions(db, "SELECT id, key FROM actions WHERE theme_id = ? ORDER BY position");
        Stmt q(db,
               "SELECT r.code, s.key, u.text, u.as_of, u.author, m.key FROM status_updates u "
               "JOIN regions r ON r.id = u.scope_id JOIN states s ON s.id = u.state_id "
               "LEFT JOIN meetings m ON m.id = u.meeting_id WHERE u.action_id = ? ORDER BY u.as_of, u.id");
        for (const auto theme_id : themes) {
            actions.integer(1, theme_id);
            while (actions.step()) {
                q.integer(1, actions.int64(0));
                while (q.step()) {
                    w.begin_object();
                    w.member("action", actions.view(1));
                    w.member("scope", q.view(0));
                    w.member("state", q.view(1));
                    w.member("text", q.view(2));
                    w.member("as_of", q.view(3));
                    if (!q.view(4).empty()) w.member("author", q.view(4));
                    if (!q.is_null(5)) w.member("meeting", q.view(5));
                    w.end_object();
                }
                q.reset();
            }
            actions.reset();
        }
    }
    w.end_array();
    for (const char* empty : {"proposals", "indicators", "observations"}) {
        w.key(empty);
        w.begin_array();
        w.end_array();
    }
    w.end_object();
    w.end_document();
    out.finish();
    file.finish();
    db.exec("COMMIT");
    return 0;
}

// ---- report ---------------------------------------------------------------------

/// An HTML page with one card per selected action point: title, goal, owners, due
/// date and a table of its current states of affairs, by theme.
int report(const std::string& db_path, const std::string& as_of, const std::string& out_path, const std::string& theme,
           const std::string& region) {
    Db db(db_path, false);
    db.exec("BEGIN");
    require_empty(db, {"proposals"});
    const Small small(db, as_of);
    File file(out_path);
    Out out(file.get(), out_path);
    out.put("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    html(out, small.title);
    out.put("</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:2px 6px}.blocked{background:#fdd}</style>\n</head>\n<body>\n<h1>");
    html(out, small.title);
    out.put("</h1>\n<p>Stand van zaken per ");
    html(out, as_of);
    out.put("</p>\n");
    Picture picture(db, as_of, theme, region_id(db, region));
    Card c;
    std::string current_theme;
    std::size_t cards = 0;
    while (picture.next(c)) {
        picture.details(c);
        if (c.theme != current_theme) {
            current_theme = c.theme;
            out.put("<h2>");
            html(out, c.theme);
            out.put("</h2>\n");
        }
        out.put("<section class=\"action\" id=\"");
        html(out, c.key);
        out.put("\">\n<h3>");
        html(out, c.key);
        out.put(" ");
        html(out, c.title);
        out.put("</h3>\n<p>");
        html(out, c.goal);
        out.put("</p>\n<p>Trekker: ");
        for (std::size_t k = 0; k < c.owners.size(); ++k) {
            if (k) out.put(", ");
            html(out, c.owners[k].first);
            if (c.owners[k].second == 1) out.put(" (ondersteunend)");
        }
        if (!c.due.empty()) {
            out.put(" &middot; deadline ");
            html(out, c.due);
        }
        out.put("</p>\n<table>\n<tr><th>Regio</th><th>Voortgang</th><th>Datum</th><th>Stand van zaken</th></tr>\n");
        for (const auto& st : c.statuses) {
            const auto& state = small.states.at(st.state_id);
            out.put(state.category == blocked ? "<tr class=\"blocked\"><td>" : "<tr><td>");
            html(out, small.regions.at(st.scope_id).name);
            out.put("</td><td>");
            html(out, state.label);
            out.put("</td><td>");
            html(out, st.as_of);
            out.put("</td><td>");
            html(out, st.text);
            out.put("</td></tr>\n");
        }
        out.put("</table>\n</section>\n");
        ++cards;
    }
    out.put("<p>" + std::to_string(cards) + " actiepunten.</p>\n</body>\n</html>\n");
    out.finish();
    file.finish();
    db.exec("COMMIT");
    return 0;
}

// ---- check ----------------------------------------------------------------------

/// The default rules that have work on the generated data, evaluated per action and
/// per (action, scope) pair: stalled, stale_state_of_affairs, unchanged_for_meetings,
/// missing_state_of_affairs, closed_without_decision (the store holds no proposals,
/// so no adopted ones), overdue, due_soon and reference_to_closed. The rules about
/// proposals, due-date history and monitoring have nothing to find in a store without
/// them (checked); dangling_reference has nothing in one without since/until.
int check(const std::string& db_path, const std::string& as_of, const std::string& theme, const std::string& region) {
    Db db(db_path, false);
    db.exec("BEGIN");
    require_empty(db, {"proposals", "observations", "due_changes"});
    const Small small(db, as_of);
    const auto today = days(as_of);
    Out out(stdout, "standard output");
    Writer w(out);
    std::int64_t counts[3] = {0, 0, 0};  // info, warning, alert
    w.begin_object();
    w.member("as_of", as_of);
    w.key("findings");
    w.begin_array();
    const auto finding = [&](const char* rule, int severity, const std::string& action, const std::string& where,
                             const std::string& message) {
        static constexpr const char* severity_names[] = {"info", "warning", "alert"};
        ++counts[severity];
        w.begin_object();
        w.member("rule", rule);
        w.member("severity", severity_names[severity]);
        w.member("action", action);
        w.text_or_null("region", where);
        w.member("message", message);
        w.end_object();
    };
    const auto closed = [&](const Card::Status& st) {
        const int cat = small.states.at(st.state_id).category;
        return cat == done || cat == dropped;
    };
    Picture picture(db, as_of, theme, region_id(db, region));
    Picture targets(db, as_of, std::string(), 0);  // for the states of referenced actions
    std::vector<Card::Status> target_statuses;
    Card c;
    while (picture.next(c)) {
        picture.details(c);
        bool all_closed = !c.statuses.empty();
        for (const auto& st : c.statuses) all_closed = all_closed && closed(st);
        // Per (action, scope): the scope regions plus every region with a state of affairs.
        for (const auto& st : c.statuses) {
            const auto& state = small.states.at(st.state_id);
            const auto& region_name = small.regions.at(st.scope_id).name;
            const auto& code = small.regions.at(st.scope_id).code;
            const auto last = days(st.as_of);
            if (state.category == blocked)
                finding("stalled", 2, c.key, code, c.title + " stagneert in " + region_name + ": " + st.text);
            if (!closed(st) && today - last > 180)
                finding("stale_state_of_affairs", 1, c.key, code,
                        "De stand van zaken van " + c.title + " in " + region_name + " is van " + st.as_of);
            std::int64_t unchanged = 0;
            for (const auto d : small.meeting_days) unchanged += d > last;
            if (!closed(st) && unchanged >= 3)
                finding("unchanged_for_meetings", 1, c.key, code,
                        c.title + " in " + region_name + ": stand van zaken ongewijzigd sinds " +
                            std::to_string(unchanged) + " vergaderingen");
            if (state.category == dropped)
                finding("closed_without_decision", 0, c.key, code,
                        c.title + " is in " + region_name + " afgesloten als '" + state.key + "' zonder besluit");
        }
        for (const auto id : c.scope) {
            bool has = false;
            for (const auto& st : c.statuses) has = has || st.scope_id == id;
            if (!has)
                finding("missing_state_of_affairs", 0, c.key, small.regions.at(id).code,
                        c.title + ": geen stand van zaken voor " + small.regions.at(id).name);
        }
        if (!all_closed && !c.due.empty()) {
            const auto due = days(c.due);
            if (today > due)
                finding("overdue", 2, c.key, std::string(), c.title + " is over de deadline van " + c.due);
            if (due >= today && due - today <= 30)
                finding("due_soon", 1, c.key, std::string(), c.title + ": deadline " + c.due);
        }
        if (!all_closed) {
            std::string closed_refs;
            for (std::size_t k = 0; k < c.see_also_ids.size(); ++k) {
                targets.current(c.see_also_ids[k], target_statuses);
                bool target_closed = !target_statuses.empty();
                for (const auto& st : target_statuses) target_closed = target_closed && closed(st);
                if (target_closed) closed_refs += (closed_refs.empty() ? "" : ", ") + c.see_also[k];
            }
            if (!closed_refs.empty())
                finding("reference_to_closed", 0, c.key, std::string(),
                        c.title + " verwijst naar afgesloten actiepunten: " + closed_refs);
        }
    }
    w.end_array();
    w.key("counts");
    w.begin_object();
    w.member("alert", counts[2]);
    w.member("warning", counts[1]);
    w.member("info", counts[0]);
    w.end_object();
    w.end_object();
    w.end_document();
    out.finish();
    db.exec("COMMIT");
    return 0;
}

int count(const std::string& db_path) {
    Db db(db_path, false);
    std::cout << scalar(db, "SELECT count(*) FROM status_updates") << "\n";
    return 0;
}

int usage() {
    std::cerr << "usage: bench_raw_cli import DB DOC SCHEMA_DB | list DB AS_OF THEME STATE |\n"
                 "       status DB ACTION SCOPE STATE TEXT DATE | export DB OUT |\n"
                 "       report DB AS_OF OUT [THEME REGION] | check DB AS_OF [THEME REGION] | count DB\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> a(argv + 1, argv + argc);
    const auto is = [&](const char* command, std::size_t min, std::size_t max) {
        return !a.empty() && a[0] == command && a.size() >= min + 1 && a.size() <= max + 1;
    };
    const auto opt = [&](std::size_t i) { return i < a.size() ? a[i] : std::string(); };
    try {
        if (is("import", 3, 3)) return import(a[1], a[2], a[3]);
        if (is("list", 4, 4)) return list(a[1], a[2], a[3], a[4]);
        if (is("status", 6, 6)) return status(a[1], a[2], a[3], a[4], a[5], a[6]);
        if (is("export", 2, 2)) return export_store(a[1], a[2]);
        if (is("report", 3, 5) && a.size() != 5) return report(a[1], a[2], a[3], opt(4), opt(5));
        if (is("check", 2, 4) && a.size() != 4) return check(a[1], a[2], opt(3), opt(4));
        if (is("count", 1, 1)) return count(a[1]);
        return usage();
    } catch (const std::exception& e) {
        std::cerr << "bench_raw_cli: " << e.what() << "\n";
        return 3;
    }
}
