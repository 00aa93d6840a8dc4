// What a database failure means to the caller: the busy handler that decides how
// long a call waits for another connection's lock, and the translation of SQLite's
// codes into the categories a caller acts on, each message naming the store.
#include "store/impl.hpp"
#include "util/check.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <thread>

namespace actielijst::detail {
namespace {

int busy_handler(void* arg, int count) {
    using namespace std::chrono;
    auto& wait = *static_cast<BusyWait*>(arg);
    const auto now = steady_clock::now();
    if (count == 0) wait.started = now;
    const auto waited = now - wait.started;
    wait.last_wait = duration_cast<milliseconds>(waited);
    if (waited >= wait.timeout) return 0;
    // Short sleeps growing from 0.1 to 2 ms, with jitter so that waiters do not
    // wake in step. Wall-clock time decides the timeout, not the sum of the sleeps.
    thread_local std::minstd_rand jitter{static_cast<unsigned>(
        std::hash<std::thread::id>{}(std::this_thread::get_id()) ^
        static_cast<unsigned>(now.time_since_epoch().count()))};
    const auto base = microseconds(std::min(2000, 100 * (count + 1)));
    const auto sleep = base / 2 + microseconds(jitter() % static_cast<unsigned>(base.count()));
    std::this_thread::sleep_for(std::min<nanoseconds>(sleep, wait.timeout - waited));
    return 1;
}

std::string reason_of(int error) {
    char buffer[256] = {};
    // The GNU strerror_r may return a static string instead of filling the buffer.
    const char* text = strerror_r(error, buffer, sizeof buffer);
    return text ? text : "error " + std::to_string(error);
}

}  // namespace

void install_busy_handler(SQLite::Database& db, BusyWait& wait) {
    sqlite3_busy_handler(db.getHandle(), busy_handler, &wait);
}

void throw_storage_error(const Connection& impl, std::string_view operation, const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    // The system's errno is meaningful only after a failure that reached the file
    // system; after others it may be stale.
    const bool from_system = code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN ||
                             code == SQLITE_READONLY || code == SQLITE_PERM;
    const int system_error = from_system ? sqlite3_system_errno(impl.db.getHandle()) : 0;
    const std::string store = "store " + quote(impl.path);
    std::string where(operation);
    if (!where.empty()) where += ": ";

    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        throw Error(Errc::busy, where + store + " is locked by another connection: waited " +
                                    std::to_string(impl.busy.last_wait.count()) + " ms (the busy timeout is " +
                                    std::to_string(impl.busy.timeout.count()) +
                                    " ms); nothing was written, so retrying is safe");
    if (code == SQLITE_FULL || system_error == ENOSPC || system_error == EDQUOT)
        throw Error(Errc::full, {}, where + store + ": the disk is full (" + reason_of(system_error ? system_error : ENOSPC) +
                                    "); nothing was written",
                    system_error ? system_error : ENOSPC);
    if (code == SQLITE_READONLY || system_error == EROFS) {
        if (impl.read_only)
            throw Error(Errc::read_only, where + store + " is opened read-only; nothing was written");
        throw Error(Errc::read_only, {},
                    where + store + " cannot be written (" +
                        (system_error ? reason_of(system_error) : std::string(e.what())) + "); nothing was written",
                    system_error);
    }
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        throw Error(Errc::storage, where + store + " is damaged or not an actielijst store (" + e.what() + ")");
    if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
        throw Error(Errc::io, {},
                    where + store + ": " + e.what() + (system_error ? " (" + reason_of(system_error) + ")" : ""),
                    system_error);
    throw Error(Errc::storage, where + store + ": database error: " + e.what());
}

}  // namespace actielijst::detail
