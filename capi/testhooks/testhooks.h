/*
 * Test hooks of actielijst: not part of the C API and never installed.
 *
 * The library `actielijst_testhooks` is built from the same sources as
 * libactielijst, so it exports the whole C API of actielijst.h, plus the functions
 * below. Only the library's own tests use it (tests/c, the Python tests). A C
 * program links either it or libactielijst, never both (each would keep its own
 * handles and error state); the Python tests load it beside libactielijst with
 * ctypes, whose libraries are loaded RTLD_LOCAL, and read its errors through it.
 */
#ifndef ACTIELIJST_TESTHOOKS_H
#define ACTIELIJST_TESTHOOKS_H

#include <actielijst.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Throws, inside the library's exception firewall, the exception named by
 *  `what` (1: actielijst error "invalid", 2: std::bad_alloc, 3: std::runtime_error,
 *  4: a non-standard type, 5: an SQLite error), so tests can check that every
 *  kind becomes its documented code: EINVALID, ENOMEM, EINTERNAL, EINTERNAL,
 *  ESTORAGE. Any other value returns EINVALID without throwing. */
ACTIELIJST_API int actielijst_debug_raise(int32_t what);

#ifdef __cplusplus
}
#endif

#endif /* ACTIELIJST_TESTHOOKS_H */
