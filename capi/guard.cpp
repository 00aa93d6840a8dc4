#include "guard.hpp"

#include "args.hpp"

#include <actielijst/error.hpp>

// SQLiteCpp's exception type, only to name it in the firewall: the core translates
// every SQLite::Exception into Error(Errc::storage), so this catch is the safety net
// for one that slipped through.
#include <SQLiteCpp/Exception.h>

#include <new>
#include <stdexcept>
#include <string_view>

namespace actielijst::capi {
namespace {
thread_local std::string last_error;
// The place of the last error (a path, an argument or a file) and the errno behind
// a file error: kept beside the message, never taken out of it.
thread_local std::string last_where;
thread_local int last_errno = 0;
// Set when the message itself could not be stored for lack of memory; a static
// text needs no allocation, so the caller still learns what happened.
thread_local const char* fallback_error = nullptr;
constexpr const char* out_of_memory_text = "out of memory (the error message could not be stored)";

int code_of(Errc code) noexcept {
    switch (code) {
        case Errc::invalid: return ACTIELIJST_EINVALID;
        case Errc::not_found: return ACTIELIJST_ENOTFOUND;
        case Errc::exists: return ACTIELIJST_EEXISTS;
        case Errc::conflict: return ACTIELIJST_ECONFLICT;
        case Errc::io: return ACTIELIJST_EIO;
        case Errc::storage: return ACTIELIJST_ESTORAGE;
        case Errc::version: return ACTIELIJST_EVERSION;
        case Errc::busy: return ACTIELIJST_EBUSY;
        case Errc::read_only: return ACTIELIJST_EREADONLY;
        case Errc::full: return ACTIELIJST_EFULL;
    }
    return ACTIELIJST_EINTERNAL;
}

/// `function: what detail`, built without letting an allocation failure escape.
void set_error_parts(const char* function, std::string_view what, std::string_view detail = {},
                     std::string_view more = {}) noexcept {
    fallback_error = nullptr;
    last_where.clear();
    last_errno = 0;
    try {
        last_error.assign(function);
        last_error.append(": ");
        last_error.append(what);
        last_error.append(detail);
        last_error.append(more);
    } catch (...) {
        last_error.clear();
        fallback_error = out_of_memory_text;
    }
}
/// The place and errno of `e`, after set_error_parts (which clears them).
void set_place(const Error& e) noexcept {
    if (fallback_error) return;  // the message could not be stored: neither is its place
    last_errno = e.system_errno();
    try {
        last_where = e.where();
    } catch (...) {
        last_where.clear();
    }
}
}  // namespace

void set_error(std::string_view message, std::string_view where, int system_errno) noexcept {
    fallback_error = nullptr;
    last_errno = system_errno;
    try {
        last_error = message;
        last_where = where;
    } catch (...) {
        last_error.clear();
        last_where.clear();
        last_errno = 0;  // the three always describe the same error
        fallback_error = out_of_memory_text;
    }
}

void clear_error() noexcept {
    last_error.clear();
    last_where.clear();
    last_errno = 0;
    fallback_error = nullptr;
}

const char* message() noexcept { return fallback_error ? fallback_error : last_error.c_str(); }
const char* where() noexcept { return last_where.c_str(); }
int system_errno() noexcept { return last_errno; }

int invalid_argument(const char* function, const char* what) noexcept {
    set_error_parts(function, what);
    return ACTIELIJST_EINVALID;
}

// The fixed order: our own errors first, then a database error that escaped the
// core, then allocation failure, then anything else from the standard library or
// third parties, then the unknown. SQLite::Exception derives from
// std::runtime_error, so it must come before std::exception.
int translate_current_exception(const char* function) noexcept {
    try {
        throw;
    } catch (const ArgumentError& e) {
        // An argument of the C call itself: the message names the function too, and
        // reads as a sentence (`actielijst_store_record: in->action is NULL`).
        set_error_parts(function, e.where(), e.separator(), e.message());
        set_place(e);
        return code_of(e.code());
    } catch (const Error& e) {
        set_error(e.what(), e.where(), e.system_errno());
        return code_of(e.code());
    } catch (const SQLite::Exception& e) {
        set_error_parts(function, "database error: ", e.what());
        return ACTIELIJST_ESTORAGE;
    } catch (const std::bad_alloc&) {
        set_error_parts(function, "out of memory");
        return ACTIELIJST_ENOMEM;
    } catch (const std::exception& e) {
        set_error_parts(function, "internal error: ", e.what());
        return ACTIELIJST_EINTERNAL;
    } catch (...) {
        set_error_parts(function, "internal error: unknown exception");
        return ACTIELIJST_EINTERNAL;
    }
}

}  // namespace actielijst::capi
