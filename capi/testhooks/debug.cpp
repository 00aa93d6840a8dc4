// actielijst_debug_raise (the test hooks library only): throws each kind of exception
// inside the firewall, so the tests can check that every kind becomes its documented code.
#include "testhooks.h"

#include "../guard.hpp"

#include <actielijst/error.hpp>

#include <SQLiteCpp/Exception.h>

#include <new>
#include <stdexcept>
#include <string>

namespace {
/// Not derived from std::exception: the firewall's last catch.
struct NonStandard {
    int value;
};
}  // namespace

extern "C" {

int actielijst_debug_raise(int32_t what) {
    const char* fn = __func__;
    return actielijst::capi::guard(fn, [&]() -> int {
        switch (what) {
            case 1: throw actielijst::Error(actielijst::Errc::invalid, "actielijst_debug_raise: a raised actielijst error");
            case 2: throw std::bad_alloc();
            case 3: throw std::runtime_error("a raised std::runtime_error");
            case 4: throw NonStandard{what};
            case 5: throw SQLite::Exception("a raised SQLite error", 1 /* SQLITE_ERROR */);
            default:
                return actielijst::capi::invalid_argument(
                    fn, ("what is " + std::to_string(what) + ", expected 1 to 5").c_str());
        }
    });
}

}  // extern "C"
