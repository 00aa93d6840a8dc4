#include "guard.hpp"

#include "args.hpp"

#include <actielijst/error.hpp>
#include <actielijst/rules.hpp>

// SQLiteCpp's exception type, only to name it in the firewall: the core translates
// every SQLite::Exception into Error(Errc::storage), so this catch is the safety net
// for one that slipped through.
#include <SQLiteCpp/Exception.h>

#include <new>
#include <stdexcept>
#include <string_view>

namespace actielijst::capi {
namespace {
/// The calling thread's last error: message, place and errno always describe the
/// same error. One thread_local object, so that the per-call clear in guard() costs
/// one thread-local lookup (each thread_local of a shared library is a lookup of its
/// own, and the iterators' _next calls are a few tens of nanoseconds).
struct ErrorState {
    std::string message;
    // The place (a path, an argument or a file) and the errno behind a file error:
    // kept beside the message, never taken out of it.
    std::string where;
    int system_errno = 0;
    // Where in a rules text or filter the error is (RuleError); {0, 0} otherwise.
    actielijst_text_position position{0, 0};
    // Set when the message itself could not be stored for lack of memory; a static
    // text needs no allocation, so the caller still learns what happened.
    const char* fallback = nullptr;
};
thread_local ErrorState state;
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
    state.fallback = nullptr;
    state.where.clear();
    state.system_errno = 0;
    state.position = {0, 0};
    try {
        state.message.assign(function);
        state.message.append(": ");
        state.message.append(what);
        state.message.append(detail);
        state.message.append(more);
    } catch (...) {
        state.message.clear();
        state.fallback = out_of_memory_text;
    }
}
/// The place and errno of `e`, after set_error_parts (which clears them).
void set_place(const Error& e) noexcept {
    if (state.fallback) return;  // the message could not be stored: neither is its place
    state.system_errno = e.system_errno();
    try {
        state.where = e.where();
    } catch (...) {
        state.where.clear();
    }
}
}  // namespace

void set_error(std::string_view message, std::string_view where, int system_errno) noexcept {
    state.fallback = nullptr;
    state.system_errno = system_errno;
    state.position = {0, 0};
    try {
        state.message = message;
        state.where = where;
    } catch (...) {
        state.message.clear();
        state.where.clear();
        state.system_errno = 0;  // the three always describe the same error
        state.fallback = out_of_memory_text;
    }
}

void clear_error() noexcept {
    ErrorState& s = state;  // one lookup
    s.message.clear();
    s.where.clear();
    s.system_errno = 0;
    s.position = {0, 0};
    s.fallback = nullptr;
}

const char* message() noexcept { return state.fallback ? state.fallback : state.message.c_str(); }
const char* where() noexcept { return state.where.c_str(); }
int system_errno() noexcept { return state.system_errno; }
actielijst_text_position position() noexcept { return state.position; }

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
        // reads as a sentence (`actielijst_store_record_update: in->action is NULL`).
        set_error_parts(function, e.where(), e.separator(), e.message());
        set_place(e);
        return code_of(e.code());
    } catch (const RuleError& e) {
        set_error(e.what(), e.where(), e.system_errno());
        if (!state.fallback)
            state.position = {static_cast<std::int32_t>(e.line()), static_cast<std::int32_t>(e.column())};
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
