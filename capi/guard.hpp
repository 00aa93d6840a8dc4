// The exception firewall: every C entry point runs its body through guard(), which
// maps each exception to a documented negative code and the per-thread message.
#pragma once

#include <actielijst.h>

#include <string>
#include <string_view>

namespace actielijst::capi {

/// Sets the calling thread's message (empty on success). Takes a view, so that
/// passing an exception's what() needs no temporary string: an allocation there
/// would throw out of the firewall when memory is short.
void set_error(std::string_view message, std::string_view where = {}, int system_errno = 0) noexcept;
void clear_error() noexcept;
/// The calling thread's message; never NULL.
const char* message() noexcept;
/// The place of the calling thread's last error ("" when none); never NULL.
const char* where() noexcept;
/// The errno behind the calling thread's last file error (0 when none).
int system_errno() noexcept;
/// Where in a rules text or filter the calling thread's last error is ({0, 0} when
/// it has no place in a text).
actielijst_text_position position() noexcept;

/// Fails with ACTIELIJST_EINVALID naming the argument.
int invalid_argument(const char* function, const char* what) noexcept;

int translate_current_exception(const char* function) noexcept;

/// Runs `body` (returning int) with every exception caught and translated.
template <class F>
int guard(const char* function, F&& body) noexcept {
    try {
        clear_error();
        return body();
    } catch (...) {
        return translate_current_exception(function);
    }
}

}  // namespace actielijst::capi
