#include "guard.hpp"

#include <actielijst/error.hpp>

#include <new>
#include <stdexcept>

namespace actielijst::capi {
namespace {
thread_local std::string last_error;

int code_of(Errc code) noexcept {
    switch (code) {
        case Errc::invalid: return ACTIELIJST_EINVALID;
        case Errc::not_found: return ACTIELIJST_ENOTFOUND;
        case Errc::exists: return ACTIELIJST_EEXISTS;
        case Errc::conflict: return ACTIELIJST_ECONFLICT;
        case Errc::io: return ACTIELIJST_EIO;
        case Errc::storage: return ACTIELIJST_ESTORAGE;
        case Errc::version: return ACTIELIJST_EVERSION;
    }
    return ACTIELIJST_EINTERNAL;
}
}  // namespace

void set_error(const std::string& message) noexcept {
    try {
        last_error = message;
    } catch (...) {
        last_error.clear();  // out of memory: an empty message beats none at all
    }
}

void clear_error() noexcept { last_error.clear(); }

const char* message() noexcept { return last_error.c_str(); }

int invalid_argument(const char* function, const char* what) noexcept {
    set_error(std::string(function) + ": " + what);
    return ACTIELIJST_EINVALID;
}

// The fixed order: our own errors first, then allocation failure, then anything
// else from the standard library or third parties, then the unknown.
int translate_current_exception(const char* function) noexcept {
    try {
        throw;
    } catch (const Error& e) {
        set_error(e.what());
        return code_of(e.code());
    } catch (const std::bad_alloc&) {
        set_error(std::string(function) + ": out of memory");
        return ACTIELIJST_ENOMEM;
    } catch (const std::exception& e) {
        set_error(std::string(function) + ": internal error: " + e.what());
        return ACTIELIJST_EINTERNAL;
    } catch (...) {
        set_error(std::string(function) + ": internal error: unknown exception");
        return ACTIELIJST_EINTERNAL;
    }
}

}  // namespace actielijst::capi
