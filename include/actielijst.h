/*
 * actielijst.h — the stable C API of actielijst.
 *
 * actielijst models a steering group's action list (action points per theme, a
 * state of affairs per region, proposals, monitoring), stores it in SQLite and
 * reports on it. This header is C99 and self-contained; it is the reference for
 * every function it declares.
 *
 * Conventions
 *   - Every fallible function returns int: ACTIELIJST_OK (0) or a negative
 *     ACTIELIJST_E* code. The text of the last error of the calling thread is
 *     read with actielijst_error_message(); it says what was wrong and where,
 *     e.g. `updates[3].state: unknown state "klaar"`.
 *   - Handles are opaque. Constructors write *out only on success. Destructors
 *     (actielijst_<noun>_free) accept NULL and never fail.
 *   - Strings are NUL-terminated UTF-8 unless a length is passed. Inputs are
 *     copied; the caller keeps ownership of what it passes in.
 *   - Text returned through an actielijst_buf is owned by the caller and released
 *     with actielijst_buf_dispose(); never free() library memory.
 *   - No exception, abort or crash crosses this boundary: failures are codes.
 *
 * Threads
 *   actielijst_version*() and actielijst_error_message() are thread-safe. One
 *   handle is used by one thread at a time; different handles may be used from
 *   different threads at once, also on the same database file.
 *
 * Compatibility
 *   Functions are only ever added. A signature never changes in place; changed
 *   behaviour gets a new name (_v2). Error codes are an append-only list.
 */
#ifndef ACTIELIJST_H
#define ACTIELIJST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(ACTIELIJST_BUILDING) && defined(__GNUC__)
#define ACTIELIJST_API __attribute__((visibility("default")))
#else
#define ACTIELIJST_API
#endif

/* ---- Version ---------------------------------------------------------- */

/** The version of this header. The library actually loaded may be newer; ask
 *  actielijst_version_number() at run time. */
#define ACTIELIJST_VERSION_MAJOR 0
#define ACTIELIJST_VERSION_MINOR 1
#define ACTIELIJST_VERSION_PATCH 0
#define ACTIELIJST_VERSION_STRING "0.1.0"
#define ACTIELIJST_VERSION_NUMBER \
    (ACTIELIJST_VERSION_MAJOR * 10000 + ACTIELIJST_VERSION_MINOR * 100 + ACTIELIJST_VERSION_PATCH)

/** The loaded library's version as "MAJOR.MINOR.PATCH". Static storage; never NULL. */
ACTIELIJST_API const char *actielijst_version_string(void);

/** The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH. */
ACTIELIJST_API int actielijst_version_number(void);

/* ---- Result codes (append-only) --------------------------------------- */

#define ACTIELIJST_OK 0
#define ACTIELIJST_EINVALID (-1)   /* bad argument or bad input data */
#define ACTIELIJST_ENOTFOUND (-2)  /* an unknown key, code or file */
#define ACTIELIJST_EEXISTS (-3)    /* a key that must be new already exists */
#define ACTIELIJST_ECONFLICT (-4)  /* contradicts stored data */
#define ACTIELIJST_ENOMEM (-5)     /* out of memory */
#define ACTIELIJST_EIO (-6)        /* a file cannot be read, written or created */
#define ACTIELIJST_ESTORAGE (-7)   /* database error, or not an actielijst database */
#define ACTIELIJST_ESNAPSHOT (-8)  /* reserved: snapshot archives */
#define ACTIELIJST_EVERSION (-9)   /* written by a newer version of actielijst */
#define ACTIELIJST_ITEROVER (-10)  /* an iterator has no more items (not an error) */
#define ACTIELIJST_EINTERNAL (-11) /* a bug in actielijst: please report it */

/** The message of the last failed call on this thread, in English UTF-8.
 *  Borrowed: valid until the next actielijst call on this thread. Never NULL
 *  (empty when the last call succeeded). */
ACTIELIJST_API const char *actielijst_error_message(void);

/** A short name for a result code ("EINVALID"); static storage, never NULL. */
ACTIELIJST_API const char *actielijst_error_name(int code);

/* ---- Owned text ------------------------------------------------------- */

/** Text the library hands to the caller. `data` is NUL-terminated and `size`
 *  excludes the NUL. Release with actielijst_buf_dispose(). */
typedef struct actielijst_buf {
    char *data;
    size_t size;
} actielijst_buf;

/** Releases the text of `buf` and zeroes it. Accepts NULL, a zeroed buf and a buf
 *  that was already disposed. */
ACTIELIJST_API void actielijst_buf_dispose(actielijst_buf *buf);

/* ---- Store ------------------------------------------------------------ */

/** An open actielijst database (SQLite). */
typedef struct actielijst_store actielijst_store;

/** Opens the database at `path`, creating it (with the default progress states)
 *  when it does not exist and migrating an older schema.
 *  Owned: *out, free with actielijst_store_free(). *out is untouched on failure.
 *  Errors: EINVALID (NULL argument, path not UTF-8), EIO (cannot create or open:
 *  missing directory, a directory, no permission), ESTORAGE (not an actielijst
 *  database), EVERSION (written by a newer actielijst). */
ACTIELIJST_API int actielijst_store_open(const char *path, actielijst_store **out);

/** Closes the store. Accepts NULL. */
ACTIELIJST_API void actielijst_store_free(actielijst_store *store);

/** Imports a JSON document (format: docs/json-format.md) of `len` bytes. Merges
 *  into what is stored: definitions are upserted, history is appended, identical
 *  updates are skipped. All or nothing: on any error the store is unchanged.
 *  Errors: EINVALID (NULL argument, invalid UTF-8, malformed JSON, wrong types,
 *  unknown or missing members, unknown references; the message names the place),
 *  ECONFLICT (contradicts stored data), EVERSION (newer format_version),
 *  ESTORAGE (database error, e.g. locked longer than the busy timeout). */
ACTIELIJST_API int actielijst_store_import_json(actielijst_store *store, const char *json, size_t len);

/** Exports the whole store as a JSON document into *out (owned; dispose with
 *  actielijst_buf_dispose). Contacts (personal data) are left out; see
 *  actielijst_store_export_json_contacts. *out is untouched on failure.
 *  Errors: EINVALID (NULL argument), ESTORAGE, ENOMEM. */
ACTIELIJST_API int actielijst_store_export_json(actielijst_store *store, actielijst_buf *out);

/** As actielijst_store_export_json, but includes contacts (personal data) when
 *  `include_contacts` is non-zero. Only for callers entitled to that data. */
ACTIELIJST_API int actielijst_store_export_json_contacts(actielijst_store *store, int include_contacts,
                                                         actielijst_buf *out);

#ifdef __cplusplus
}
#endif

#endif /* ACTIELIJST_H */
