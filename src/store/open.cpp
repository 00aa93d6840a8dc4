// Store::open: which file, how (read-write, read-only, or read-only media), and
// whether it is an actielijst store at all.
#include "store/impl.hpp"
#include "store/schema.hpp"
#include "util/check.hpp"

#include <sqlite3.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace actielijst {
namespace {

namespace fs = std::filesystem;

// sqlite3_open creates missing files lazily and reports some problems only at the
// first read, so the file system is asked first for the errors it can name better.
void check_path(const std::string& path, bool must_exist) {
    if (path.empty()) throw Error(Errc::invalid, "store path is empty");
    if (path.find('\0') != std::string::npos) throw Error(Errc::invalid, "store path contains a NUL byte");
    if (const auto bad = detail::utf8_error_offset(path); bad != std::string::npos)
        throw Error(Errc::invalid, "store path is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    std::error_code ec;
    const fs::path p(path);
    const auto status = fs::status(p, ec);
    if (fs::exists(status)) {
        if (fs::is_directory(status))
            throw Error(Errc::io, {}, "cannot open store " + detail::quote(path) + ": it is a directory", EISDIR);
        return;
    }
    if (must_exist) throw Error(Errc::io, {}, "cannot open store " + detail::quote(path) + ": no such file", ENOENT);
    const fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec))
        throw Error(Errc::io, {},
                    "cannot create store " + detail::quote(path) + ": directory " + detail::quote(parent.string()) +
                        " does not exist",
                    ENOENT);
}

/// A `file:` URI naming `path` with the immutable flag, for read-only media: every
/// byte but the unreserved ones and `/` percent-encoded.
std::string immutable_uri(const std::string& path) {
    std::error_code ec;
    auto absolute = fs::absolute(fs::path(path), ec);
    const std::string full = ec ? path : absolute.string();
    std::string uri = "file://";
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const unsigned char c : full) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
            c == '.' || c == '_' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri + "?immutable=1";
}

/// Whether a write-ahead log with content lies beside the store: then the store must
/// not be read as immutable, which would ignore it.
bool has_wal_content(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(fs::path(path + "-wal"), ec);
    return !ec && size > 0;
}

/// The first statement that reads the file: a file that is not a database, or a
/// read-only store whose shared-memory index cannot be created, fails here.
void first_read(SQLite::Database& db) {
    SQLite::Statement schema(db, "SELECT count(*) FROM sqlite_schema");
    schema.executeStep();
}  // finished, so no read transaction stays open

// The helpers are templates over the store's private Impl, which Store::open names.
template <class Impl>
std::unique_ptr<Impl> connect(const std::string& file, int flags, const std::string& path, bool read_only,
                                     const OpenOptions& options) {
    auto impl = std::make_unique<Impl>(file, flags | SQLite::OPEN_FULLMUTEX, path, read_only);
    impl->busy.timeout = std::chrono::milliseconds(options.busy_timeout_ms);
    detail::install_busy_handler(impl->db, impl->busy);
    return impl;
}

[[noreturn]] void not_a_store(const std::string& path, const std::string& why) {
    throw Error(Errc::storage, "cannot open store " + detail::quote(path) + ": not an actielijst store (" + why + ")");
}

/// Whether this process may write both the file and its directory, where SQLite
/// keeps the write-ahead log and its index.
bool writable(const std::string& path) {
    const fs::path p(path);
    const fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
    return access(path.c_str(), W_OK) == 0 && access(parent.c_str(), W_OK) == 0;
}

/// Opens for reading only. Where the file and its directory can be written, the
/// connection is an ordinary one that the Store refuses to write through
/// (require_writable): SQLite then removes its log files when the last connection
/// closes, which a read-only connection cannot do. Elsewhere (read-only media,
/// another user's store, and a full disk where the log files cannot be set up) the
/// connection itself is read-only; when SQLite cannot create the shared-memory index
/// a WAL store needs there and no log is pending, nobody can be writing the file, so
/// it is read as immutable.
template <class Impl>
std::unique_ptr<Impl> open_read_only(const std::string& path, const OpenOptions& options) {
    // Failures that mean "SQLite could not set up its log files here" rather than
    // "this is not a readable store": the next, more modest way is tried.
    const auto setup_failed = [](const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        return code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_IOERR || code == SQLITE_FULL;
    };
    std::unique_ptr<Impl> impl;
    if (writable(path)) {
        try {
            impl = connect<Impl>(path, SQLite::OPEN_READWRITE, path, true, options);
            first_read(impl->db);
            impl->db.exec("PRAGMA foreign_keys = ON");
            return impl;
        } catch (const SQLite::Exception& e) {
            if (!setup_failed(e)) throw;  // e.g. a full disk: try as read-only media
            impl.reset();
        }
    }
    try {
        impl = connect<Impl>(path, SQLite::OPEN_READONLY, path, true, options);
        first_read(impl->db);
    } catch (const SQLite::Exception& e) {
        if (!setup_failed(e) || has_wal_content(path)) throw;
        impl.reset();
        impl = connect<Impl>(immutable_uri(path), SQLite::OPEN_READONLY | SQLITE_OPEN_URI, path, true, options);
        first_read(impl->db);
    }
    impl->db.exec("PRAGMA foreign_keys = ON");
    return impl;
}

/// Opens for reading only and checks that the file is a store this library reads.
template <class Impl>
std::unique_ptr<Impl> open_store_read_only(const std::string& path, const OpenOptions& options) {
    auto impl = open_read_only<Impl>(path, options);
    const auto schema = detail::inspect_schema(impl->db);
    if (schema.empty) not_a_store(path, "the file is empty");
    if (schema.version < Store::schema_version)
        throw Error(Errc::read_only, "cannot open store " + detail::quote(path) + " read-only: its schema (version " +
                                         std::to_string(schema.version) + ") must first be migrated to version " +
                                         std::to_string(Store::schema_version) +
                                         ", which happens when it is opened for writing once");
    return impl;
}

/// Refuses, before SQLite tries, to open for writing a store that this process
/// cannot write: SQLite would open it read-only and fail later, less clearly.
void check_writable(const std::string& path) {
    const fs::path p(path);
    const fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
    std::error_code ec;
    const bool exists = fs::exists(p, ec);
    const std::string& target = exists ? path : parent.string();
    if (access(target.c_str(), W_OK) == 0 && access(parent.c_str(), W_OK) == 0) return;
    const int error = errno;
    char buffer[256] = {};
    const char* reason = strerror_r(error, buffer, sizeof buffer);
    throw Error(Errc::read_only, "cannot open store " + detail::quote(path) + " for writing: " +
                                     (exists ? "the file or its directory" : "its directory") +
                                     " cannot be written (" + reason + "); commands that only read open it read-only");
}

template <class Impl>
std::unique_ptr<Impl> open_read_write(const std::string& path, const OpenOptions& options) {
    check_writable(path);
    auto impl = connect<Impl>(path, SQLite::OPEN_READWRITE | (options.must_exist ? 0 : SQLite::OPEN_CREATE), path, false,
                        options);
    auto& db = impl->db;
    try {
        db.exec("PRAGMA foreign_keys = ON");
        first_read(db);
        if (options.must_exist && detail::inspect_schema(db).empty) not_a_store(path, "the file is empty");
        detail::migrate(db);
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) throw;
        // With the connection at hand the system's reason is known (a full disk
        // shows as "disk I/O error" while SQLite sets up its log files).
        detail::throw_storage_error(*impl, "", e);
    }
    return impl;
}

}  // namespace

Store Store::open(const std::string& path, const OpenOptions& options) {
    if (options.busy_timeout_ms < 0)
        throw Error(Errc::invalid, "busy timeout is negative (" + std::to_string(options.busy_timeout_ms) + " ms)");
    check_path(path, options.must_exist || options.read_only);
    try {
        return Store(options.read_only ? open_store_read_only<Impl>(path, options) : open_read_write<Impl>(path, options));
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        const std::string where = "cannot open store " + detail::quote(path);
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            not_a_store(path, std::string(e.what()));
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            throw Error(Errc::busy, where + ": it is locked by another connection (busy timeout " +
                                        std::to_string(options.busy_timeout_ms) + " ms); retrying is safe");
        if (code == SQLITE_READONLY)
            throw Error(Errc::read_only, where + " for writing: " + e.what() +
                                             " (read commands open it read-only)");
        if (code == SQLITE_FULL) throw Error(Errc::full, where + ": the disk is full (" + e.what() + ")");
        if (code == SQLITE_CANTOPEN || code == SQLITE_IOERR || code == SQLITE_PERM)
            throw Error(Errc::io, where + ": " + e.what());
        throw Error(Errc::storage, where + ": " + e.what());
    } catch (const Error& e) {
        if (std::string_view(e.what()).find(detail::quote(path)) != std::string_view::npos) throw;
        throw Error(e.code(), {}, "cannot open store " + detail::quote(path) + ": " + e.what(), e.system_errno());
    }
}

}  // namespace actielijst
