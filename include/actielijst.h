/**
 * \file actielijst.h
 * The stable C API of actielijst.
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
 *     e.g. `updates[3].state: unknown state "klaar"`. The place alone is
 *     actielijst_error_where() ("updates[3].state"), and a file error's errno
 *     actielijst_error_errno(): a program reads those and the code, never the
 *     message, whose wording may improve in any release.
 *   - Handles are opaque. Constructors write *out only on success. Destructors
 *     (actielijst_<noun>_free) accept NULL and never fail.
 *   - A handle's value is a token, not an address, and the library never reads
 *     memory through it. A freed handle, a handle of another type and a pointer
 *     that never was a handle are refused with ACTIELIJST_EINVALID (the message
 *     names the function and the argument) and ignored by the destructors, so
 *     freeing twice is harmless. A freed handle stays refused when its slot is
 *     reused for a new handle: slots carry a generation, and a stale value could
 *     match again only after its slot is reused 2^32 times (2^7 times with
 *     32-bit pointers, which takes more than 130,000 frees).
 *   - Strings are NUL-terminated UTF-8 unless a length is passed. Inputs are
 *     copied; the caller keeps ownership of what it passes in.
 *   - Text returned through an actielijst_buf is owned by the caller and released
 *     with actielijst_buf_dispose(); never free() library memory.
 *   - No exception, abort or crash crosses this boundary: failures are codes.
 *
 * Threads
 *   actielijst_version*() and actielijst_error_*() are thread-safe (the error
 *   state is per thread). One
 *   handle is used by one thread at a time; different handles may be used from
 *   different threads at once, also on the same database file. Handles may be
 *   made and freed on any thread. Freeing a handle while another thread is still
 *   inside a call with it is undefined behaviour.
 *
 * Naming
 *   `actielijst_NOUN_VERB`: the noun is the handle a function works on (store,
 *   view, rules, evaluation, diff, filter, form_result) or the thing it makes
 *   (`ITEM_iter`, `NOUN_input`, `NOUN_options`). The output comes last. Writes
 *   to a store use one verb per kind: `put_NOUN` stores a definition or replaces
 *   the one with the same key, `record_NOUN` appends to a history (an identical
 *   entry is not stored twice), `import_SOURCE` merges many at once. Iterators
 *   are `actielijst_ITEM_iter_new`, `_next` and `_free`.
 *
 * Compatibility (docs/versioning.md, docs/api-1.0.md)
 *   Within a major version (the SONAME, libactielijst.so.1) functions, codes,
 *   constants and struct versions are only ever added: a signature never
 *   changes in place, and the records a caller allocates never grow (a record
 *   that needs more fields becomes a new record with a function of its own).
 *   Input and options structs carry a version and grow at their end.
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
/** Marks the functions of the API: their default visibility when the library itself is built. */
#define ACTIELIJST_API
#endif

/* ---- Version ---------------------------------------------------------- */

/** The version of this header. The library actually loaded may be newer; ask
 *  actielijst_version_number() at run time. */
/** @{ */
#define ACTIELIJST_VERSION_MAJOR 1
#define ACTIELIJST_VERSION_MINOR 0
#define ACTIELIJST_VERSION_PATCH 0
#define ACTIELIJST_VERSION_STRING "1.0.0"
#define ACTIELIJST_VERSION_NUMBER \
    (ACTIELIJST_VERSION_MAJOR * 10000 + ACTIELIJST_VERSION_MINOR * 100 + ACTIELIJST_VERSION_PATCH)
/** @} */

/** The loaded library's version as "MAJOR.MINOR.PATCH". Static storage; never NULL. */
ACTIELIJST_API const char *actielijst_version_string(void);

/** The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH. */
ACTIELIJST_API int actielijst_version_number(void);

/* ---- Result codes (append-only) --------------------------------------- */

#define ACTIELIJST_OK 0            /**< success */
#define ACTIELIJST_EINVALID (-1)   /**< bad argument or bad input data */
#define ACTIELIJST_ENOTFOUND (-2)  /**< an unknown key, code or file */
#define ACTIELIJST_EEXISTS (-3)    /**< a key that must be new already exists */
#define ACTIELIJST_ECONFLICT (-4)  /**< contradicts stored data */
#define ACTIELIJST_ENOMEM (-5)     /**< out of memory */
#define ACTIELIJST_EIO (-6)        /**< a file cannot be read, written or created */
#define ACTIELIJST_ESTORAGE (-7)   /**< database error, or not an actielijst database */
/* -8 is not used: a bad snapshot is EINVALID, an unreadable one EIO. */
#define ACTIELIJST_EVERSION (-9)   /**< written by a newer version of actielijst */
#define ACTIELIJST_ITEROVER (-10)  /**< an iterator has no more items (not an error) */
#define ACTIELIJST_EINTERNAL (-11) /**< a bug in actielijst: please report it */
#define ACTIELIJST_EBUSY (-12)     /**< another connection held the store's write lock longer than the
                                        busy timeout; nothing was written, retrying is safe */
#define ACTIELIJST_EREADONLY (-13) /**< the store is opened read-only, or its file or directory cannot
                                        be written; nothing was written */
#define ACTIELIJST_EFULL (-14)     /**< the disk or quota is full; nothing was written */

/** The message of the last failed call on this thread, in English UTF-8.
 *  Borrowed: valid until the next actielijst call on this thread. Never NULL
 *  (empty when the last call that returns a result code succeeded). */
ACTIELIJST_API const char *actielijst_error_message(void);

/** Where the last failed call on this thread went wrong, apart from the message:
 *  a path into the input ("updates[3].state", "regions[5].code"), the argument
 *  of the call ("in->action", "options->as_of") or a file (for many EIO errors of
 *  files other than the store, e.g. a rules, snapshot or form file; a store's own
 *  errors name it in the message). Empty when the error has no place, and after a
 *  call that succeeded. Borrowed as
 *  actielijst_error_message() is; never NULL. The message names the same place,
 *  for people; a program reads it here instead of taking the message apart. */
ACTIELIJST_API const char *actielijst_error_where(void);

/** The operating system's errno value behind the last failed call on this thread
 *  when it failed on a file (EIO, EREADONLY, EFULL), e.g. ENOENT for a file that
 *  does not exist; 0 when there is none or the call succeeded. */
ACTIELIJST_API int actielijst_error_errno(void);

/** A place in a text: 1-based line and column (in code points). */
typedef struct actielijst_text_position {
    int32_t line;   /**< 1-based line */
    int32_t column; /**< 1-based column, in code points */
} actielijst_text_position;

/** Where in a rules text or a filter the last failed call on this thread went
 *  wrong: a syntax or type error when it is loaded (actielijst_rules_load,
 *  actielijst_rules_load_file, actielijst_filter_new, a report's options->filter),
 *  or a name it uses that the view lacks (actielijst_rules_evaluate, the filter
 *  calls, actielijst_store_view_where, the report calls). The message names the
 *  same place and the text it is in (its origin, a file, or "filter"), with a caret
 *  line for a syntax error. {0, 0} when the error has no place in a text (e.g. a
 *  rules file that cannot be read), after a call that succeeded, and when the
 *  message could not be stored for lack of memory (then the place and errno are
 *  dropped as well, so that the four always describe the same error). */
ACTIELIJST_API actielijst_text_position actielijst_error_position(void);

/** A short name for a result code ("EINVALID"); static storage, never NULL. */
ACTIELIJST_API const char *actielijst_error_name(int code);

/* ---- Owned text ------------------------------------------------------- */

/** Text the library hands to the caller. `data` is NUL-terminated and `size`
 *  excludes the NUL. Release with actielijst_buf_dispose(). */
typedef struct actielijst_buf {
    char *data;  /**< the text, NUL-terminated */
    size_t size; /**< its length in bytes, without the NUL */
} actielijst_buf;

/** Releases the text of `buf` and zeroes it. Accepts NULL, a zeroed buf and a buf
 *  that was already disposed. */
ACTIELIJST_API void actielijst_buf_dispose(actielijst_buf *buf);

/* ---- Enumerations (cross the boundary as int32_t) ---------------------- */

/* Region kinds. */
#define ACTIELIJST_REGION_PROVINCE 0     /**< a province: the top, with no parent */
#define ACTIELIJST_REGION_COROP 1        /**< a COROP region, inside a province */
#define ACTIELIJST_REGION_MUNICIPALITY 2 /**< a municipality (gemeente), inside a COROP region */

/* Progress state categories. */
#define ACTIELIJST_CATEGORY_TODO 0    /**< not started yet */
#define ACTIELIJST_CATEGORY_ACTIVE 1  /**< work is going on (in progress, almost done, ongoing, under review) */
#define ACTIELIJST_CATEGORY_BLOCKED 2 /**< stuck: the action does not move on (stalled) */
#define ACTIELIJST_CATEGORY_DONE 3    /**< finished */
#define ACTIELIJST_CATEGORY_DROPPED 4 /**< closed without (further) action, e.g. no action needed */

/* Owner roles. */
#define ACTIELIJST_OWNER_LEAD 0    /**< carries the action: answers for it and reports its state of affairs */
#define ACTIELIJST_OWNER_SUPPORT 1 /**< helps the lead carry the action out */

/* Proposal states and kinds. */
#define ACTIELIJST_PROPOSAL_OPEN 0      /**< tabled and not decided yet, or opened again */
#define ACTIELIJST_PROPOSAL_ADOPTED 1   /**< adopted by the steering group */
#define ACTIELIJST_PROPOSAL_REJECTED 2  /**< rejected by the steering group */
#define ACTIELIJST_PROPOSAL_WITHDRAWN 3 /**< withdrawn: it no longer awaits a decision */
#define ACTIELIJST_KIND_PROPOSAL 0      /**< kind: a request for a decision (voorstel) */
#define ACTIELIJST_KIND_CONSENSUS 1     /**< kind: a conclusion the group reached (consensus) */

/* Indicator kinds. */
#define ACTIELIJST_INDICATOR_ORDINAL 0 /**< ordered steps (levels); rolls up over the municipalities of a region */
#define ACTIELIJST_INDICATOR_COUNT 1   /**< a whole number of something */
#define ACTIELIJST_INDICATOR_NUMBER 2  /**< a figure that need not be whole, e.g. a share */

/* ---- Handles ------------------------------------------------------------ */

/** An open actielijst database (SQLite). */
typedef struct actielijst_store actielijst_store;
/** An immutable picture of the list as of one date. Independent of the store it
 *  came from: it may outlive it, and may be shared between threads. */
typedef struct actielijst_view actielijst_view;
typedef struct actielijst_filter actielijst_filter; /**< a parsed filter over action points (rules section) */

/* Iterators. Each keeps what it iterates alive: a view iterator keeps its view,
 * so handles may be freed in any order. Records returned by _iter_next are
 * borrowed: their strings stay valid until the next _iter_next on the same
 * iterator, or until the iterator is freed. */
typedef struct actielijst_theme_iter actielijst_theme_iter;             /**< a view's themes */
typedef struct actielijst_region_iter actielijst_region_iter;           /**< a view's regions */
typedef struct actielijst_state_iter actielijst_state_iter;             /**< a view's progress states */
typedef struct actielijst_meeting_iter actielijst_meeting_iter;         /**< a view's or a store's meetings */
typedef struct actielijst_action_iter actielijst_action_iter;           /**< a view's or a filter's action points */
typedef struct actielijst_status_iter actielijst_status_iter;           /**< a view's statuses, or a history */
typedef struct actielijst_proposal_iter actielijst_proposal_iter;       /**< a view's proposals */
typedef struct actielijst_indicator_iter actielijst_indicator_iter;     /**< a view's indicators */
typedef struct actielijst_observation_iter actielijst_observation_iter; /**< a view's latest observations */
typedef struct actielijst_contact_iter actielijst_contact_iter;         /**< a store's contacts */

/* ---- Records (read side) ------------------------------------------------
 * Strings are UTF-8, never NULL; an absent optional text (an English label, a
 * unit, a meeting, a title, a source, a note, an e-mail) is "". Dates are ISO
 * 8601 "YYYY-MM-DD" strings, "" when absent. Arrays come with a count. */

/** A theme of the list (actielijst_theme_iter_next). */
typedef struct actielijst_theme_rec {
    const char *key;      /**< the theme's key */
    const char *label_nl; /**< its Dutch label */
    const char *label_en; /**< its English label; "" when none */
} actielijst_theme_rec;

/** A region (actielijst_region_iter_next, actielijst_view_region). */
typedef struct actielijst_region_rec {
    const char *code;           /**< its code */
    const char *name;           /**< its name */
    int32_t kind;               /**< ACTIELIJST_REGION_* */
    const char *parent;         /**< code of the parent region; "" for a province */
    uint32_t alias_count;       /**< the number of aliases */
    const char *const *aliases; /**< alias_count strings */
} actielijst_region_rec;

/** A progress state (actielijst_state_iter_next). */
typedef struct actielijst_state_rec {
    const char *key;      /**< the state's key */
    int32_t category;     /**< ACTIELIJST_CATEGORY_* */
    const char *label_nl; /**< its Dutch label */
    const char *label_en; /**< its English label */
} actielijst_state_rec;

/** A meeting of the steering group (actielijst_meeting_iter_next). */
typedef struct actielijst_meeting_rec {
    const char *key;   /**< the meeting's key */
    const char *date;  /**< its date */
    const char *title; /**< its title */
} actielijst_meeting_rec;

/** An owner of an action point. */
typedef struct actielijst_owner_rec {
    const char *name; /**< the owner's name */
    int32_t role;     /**< ACTIELIJST_OWNER_* */
} actielijst_owner_rec;

/** An action point (actielijst_action_iter_next, actielijst_view_action). */
typedef struct actielijst_action_rec {
    const char *key;                    /**< the action point's key */
    const char *theme;                  /**< key of its theme */
    const char *title;                  /**< its title */
    const char *goal;                   /**< what it is to achieve */
    const char *due;                    /**< its due date; "" when none */
    uint32_t owner_count;               /**< the number of owners */
    const actielijst_owner_rec *owners; /**< owner_count owners */
    uint32_t scope_count;               /**< the number of scope regions */
    const char *const *scope;           /**< region codes */
    uint32_t see_also_count;            /**< the number of cross references */
    const char *const *see_also;        /**< action keys */
} actielijst_action_rec;

/** A state of affairs: the current one of an (action, scope) in a view, or one
 *  entry of an action's history. */
typedef struct actielijst_status_rec {
    const char *action;  /**< key of the action point */
    const char *scope;   /**< region code */
    const char *state;   /**< key of the progress state */
    int32_t category;    /**< the state's ACTIELIJST_CATEGORY_*; -1 in history and form records */
    const char *text;    /**< the state of affairs in words */
    const char *as_of;   /**< its date */
    const char *author;  /**< who reported it; "" when unknown */
    const char *meeting; /**< key of its meeting; "" when none */
} actielijst_status_rec;

/** A proposal, in its state on the view's date (actielijst_proposal_iter_next). */
typedef struct actielijst_proposal_rec {
    const char *key;     /**< the proposal's key */
    const char *action;  /**< key of the action point it is about */
    const char *text;    /**< its text */
    int32_t state;       /**< ACTIELIJST_PROPOSAL_* */
    int32_t kind;        /**< ACTIELIJST_KIND_* */
    const char *meeting; /**< key of the meeting it was tabled at */
    const char *decided; /**< the date it was decided; "" when not decided */
} actielijst_proposal_rec;

/** A level of an ordinal indicator. */
typedef struct actielijst_level_rec {
    const char *key;      /**< the level's key */
    const char *label_nl; /**< its Dutch label */
    const char *label_en; /**< its English label */
} actielijst_level_rec;

/** An indicator and the action points it measures. */
typedef struct actielijst_indicator_rec {
    const char *key;                    /**< the indicator's key */
    const char *label_nl;               /**< its Dutch label */
    const char *label_en;               /**< its English label */
    int32_t kind; /**< ACTIELIJST_INDICATOR_* */
    const char *unit;                   /**< count/number: its unit */
    uint32_t level_count;               /**< the number of levels */
    const actielijst_level_rec *levels; /**< lowest first; ordinal only */
    uint32_t action_count;              /**< the number of actions */
    const char *const *actions; /**< action keys, those on the list at the view's date; none:
                                     a list-wide indicator that belongs to no action */
} actielijst_indicator_rec;

/** See docs/json-format.md, "observation", for what the fields mean together. */
typedef struct actielijst_observation_rec {
    const char *indicator; /**< key of the indicator */
    const char *region;    /**< code of the region */
    const char *as_of;     /**< the date of the figure */
    const char *level;     /**< ordinal: the level; "" otherwise */
    int32_t has_value;     /**< non-zero: value is set */
    double value;          /**< count/number: the figure when has_value */
    int32_t has_count;     /**< non-zero: count is set */
    int64_t count;         /**< ordinal at a region: municipalities at level or higher */
    int32_t at_least;      /**< ordinal: level is a lower bound */
    const char *source;    /**< where the figure comes from */
    const char *note;      /**< a remark on it */
} actielijst_observation_rec;

/** Personal data. */
typedef struct actielijst_contact_rec {
    const char *municipality; /**< code of the municipality */
    const char *role;         /**< the person's role */
    const char *name;         /**< the person's name */
    const char *email;        /**< their e-mail address */
} actielijst_contact_rec;

/** How far an ordinal indicator has got in a region ("4 van de 8 gemeenten"). */
typedef struct actielijst_rollup_rec {
    int64_t municipalities;     /**< municipalities in the region */
    int64_t known_at_or_above;  /**< of those, observed at the level or higher */
    int64_t known;              /**< of those, with any observation */
    int32_t has_reported;       /**< non-zero: reported is set */
    int64_t reported;           /**< the region's own latest count, when has_reported */
    const char *reported_as_of; /**< the date of reported; "" when none */
} actielijst_rollup_rec;

/* ---- Options ------------------------------------------------------------ */

/** Options for actielijst_store_open. Initialise with
 *  ACTIELIJST_STORE_OPTIONS_INIT or actielijst_store_options_init(). */
typedef struct actielijst_store_options {
    uint32_t version;        /**< ACTIELIJST_STORE_OPTIONS_VERSION */
    int32_t busy_timeout_ms; /**< wait this long for another connection's write lock before
                                  failing with EBUSY; default 5000. Waiters poll every 0.1 to
                                  2 ms, so locks held for milliseconds never make a call fail. */
    int32_t must_exist;      /**< non-zero: never create a new database */
    /* Since version 2: */
    int32_t read_only;       /**< non-zero: open an existing store for reading only (implies
                                  must_exist); it is never written, so it can be read on
                                  read-only media and by other users; every write fails with
                                  EREADONLY. A store with an older schema must be opened for
                                  writing once first (EREADONLY says so). */
} actielijst_store_options;

#define ACTIELIJST_STORE_OPTIONS_VERSION 2 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_STORE_OPTIONS_VERSION. */
#define ACTIELIJST_STORE_OPTIONS_INIT {ACTIELIJST_STORE_OPTIONS_VERSION, 5000, 0, 0}

/** Fills *opts with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_store_options_init(actielijst_store_options *opts, uint32_t version);

/* ---- Store -------------------------------------------------------------- */

/** Opens the database at `path`, creating it when it does not exist (unless
 *  options->must_exist or read_only) and migrating an older schema. `options`
 *  NULL: the defaults (ACTIELIJST_STORE_OPTIONS_INIT); a version 1 struct is read
 *  as such. A new store holds no progress states: a list brings its own (JSON
 *  `states`, actielijst_store_put_state), or takes the default set with
 *  actielijst_store_import_default_states(); until then every state of affairs
 *  is refused (EINVALID, unknown state).
 *  Owned: *out, free with actielijst_store_free(). *out is untouched on failure.
 *  Errors: EINVALID (NULL path or out, path not UTF-8, a negative busy timeout),
 *  EVERSION (written by a newer actielijst; an unknown options->version), EIO
 *  (cannot create or open: missing directory, a directory, no permission; a
 *  missing file with must_exist or read_only), ESTORAGE (not an actielijst
 *  database; an empty file with must_exist or read_only), EREADONLY (the file
 *  cannot be written: open it with read_only; with read_only, a store whose schema
 *  is older than this library's), EBUSY (another connection holds the lock while
 *  the schema is migrated), EFULL (disk full). Messages name the store. */
ACTIELIJST_API int actielijst_store_open(const char *path, const actielijst_store_options *options,
                                         actielijst_store **out);

/** Closes the store. Accepts NULL and ignores a freed handle. Views and iterators
 *  made from it stay valid. */
ACTIELIJST_API void actielijst_store_free(actielijst_store *store);

/** Imports a JSON document (format: docs/json-format.md) of `len` bytes. Merges
 *  into what is stored: definitions (themes, regions with aliases and hierarchy,
 *  states, actions, indicators, meetings) are upserted, history is appended,
 *  identical updates are skipped. All or nothing: on any error the store is
 *  unchanged.
 *  Errors: EINVALID (NULL argument, invalid UTF-8, malformed JSON, wrong types,
 *  unknown or missing members, unknown references; the message names the place),
 *  ECONFLICT (contradicts stored data), EEXISTS (a meeting key stored with
 *  another date), EVERSION (newer format_version),
 *  ESTORAGE (database error, e.g. locked longer than the busy timeout). */
ACTIELIJST_API int actielijst_store_import_json(actielijst_store *store, const char *json, size_t len);

/** Adds those of the default progress states (not_started, in_progress,
 *  almost_done, ongoing, under_review, stalled, done, no_action_needed) whose key
 *  the store does not hold yet, in one transaction. Stored states stay as they
 *  are, also one with a default key. *added (may be NULL) is set to the number of
 *  states added: 8 on a store without states, 0 when all were there already.
 *  Errors: EINVALID (NULL store), ESTORAGE (database error, e.g. locked longer
 *  than the busy timeout). */
ACTIELIJST_API int actielijst_store_import_default_states(actielijst_store *store, uint32_t *added);

/** Options for actielijst_store_export_json, _stream and _file. Initialise with
 *  ACTIELIJST_EXPORT_OPTIONS_INIT or actielijst_export_options_init(). */
typedef struct actielijst_export_options {
    uint32_t version;         /**< ACTIELIJST_EXPORT_OPTIONS_VERSION */
    int32_t include_contacts; /**< non-zero: include the contacts (personal data); only for
                                   callers entitled to that data. Default 0 */
} actielijst_export_options;

#define ACTIELIJST_EXPORT_OPTIONS_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_EXPORT_OPTIONS_VERSION. */
#define ACTIELIJST_EXPORT_OPTIONS_INIT {ACTIELIJST_EXPORT_OPTIONS_VERSION, 0}

/** Fills *opts with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_export_options_init(actielijst_export_options *opts, uint32_t version);

/** Exports the whole store as a JSON document (docs/json-format.md) into *out
 *  (owned; dispose with actielijst_buf_dispose). `options` NULL: the defaults, which
 *  leave the contacts (personal data) out. *out is untouched on failure.
 *  Errors: EINVALID (NULL store or out, an invalid handle), EVERSION
 *  (options->version), ESTORAGE, ENOMEM. */
ACTIELIJST_API int actielijst_store_export_json(actielijst_store *store, const actielijst_export_options *options,
                                                actielijst_buf *out);

/** The code of the region with this code, name or alias (case-insensitive), into
 *  *out (owned). Errors: EINVALID (NULL, not UTF-8, a name shared by several
 *  regions), ENOTFOUND (no such region). */
ACTIELIJST_API int actielijst_store_resolve_region(actielijst_store *store, const char *code_or_alias,
                                                   actielijst_buf *out);

/** The latest date at which anything was recorded (a state of affairs, a figure, a
 *  proposal tabled or decided, a meeting, a due date moved, an action point put on
 *  or taken off the list) as "YYYY-MM-DD" into *out (owned). Errors: EINVALID
 *  (NULL), ENOTFOUND (the store holds nothing dated), ESTORAGE. */
ACTIELIJST_API int actielijst_store_latest_date(actielijst_store *store, actielijst_buf *out);

/** The date a picture is taken at when none is named (what actielijst_store_view()
 *  uses for a NULL or empty as_of): the latest date anything was recorded up to
 *  today (UTC; a meeting planned ahead does not move it), else the list's meta
 *  "as_of" when that is a date, else today; "YYYY-MM-DD" into *out (owned).
 *  Errors: EINVALID (NULL), ESTORAGE. */
ACTIELIJST_API int actielijst_store_default_date(actielijst_store *store, actielijst_buf *out);

/* ---- Writes: each is one transaction; on error nothing is stored ----------
 * Besides the errors each write lists, every write may fail with EBUSY (another
 * connection held the write lock longer than the busy timeout), EREADONLY (the
 * store is opened read-only, or its file cannot be written) or EFULL (the disk is
 * full); nothing is written then. Errors in the input name the field as
 * actielijst_error_where() gives it: `in->state`, `in->owners[1].name`. */

/** Sets up the regions of one province (its code, e.g. "PV30", or its name) from
 *  the CBS region reference shipped with the library: the province, its COROP
 *  regions and its municipalities as a list starting on 1 January of `year` (0: the
 *  latest year the reference holds) needs them; a municipality formed or dissolved
 *  by a later merger carries the merger's date. Regions the store holds already keep
 *  their names and aliases. *added (may be NULL): how many regions were new.
 *  Errors: EINVALID (NULL, not UTF-8, a year the reference does not hold),
 *  ENOTFOUND (no such province; the message lists them), ECONFLICT (a merger's date
 *  would leave states of affairs or figures outside a municipality's period),
 *  ESTORAGE, EREADONLY. See data/regions/README.md for the data and its sources. */
ACTIELIJST_API int actielijst_store_import_regions(actielijst_store *store, const char *province, int32_t year,
                                                   uint32_t *added);

/* The _input_init functions fill an input struct with the defaults of `version`:
 * ACTIELIJST_OK, or EINVALID (NULL) / EVERSION (a version this library does not
 * know). */

/* Definitions. Each put stores a new key or replaces the stored definition with that
 * key (list order is kept for an existing key, new keys go last). References (a
 * theme, a parent, scope regions, cross references) must exist; regions may be given
 * by code or alias. For imports of whole lists, actielijst_store_import_json does the
 * same for many definitions in one transaction. */

/** A theme, for actielijst_store_put_theme. */
typedef struct actielijst_theme_input {
    uint32_t version;     /**< ACTIELIJST_THEME_INPUT_VERSION */
    const char *key;      /**< the theme's key */
    const char *label_nl; /**< its Dutch label */
    const char *label_en; /**< English label; NULL or "" for none */
} actielijst_theme_input;
#define ACTIELIJST_THEME_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_THEME_INPUT_VERSION. */
#define ACTIELIJST_THEME_INPUT_INIT {ACTIELIJST_THEME_INPUT_VERSION, NULL, NULL, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_theme_input_init(actielijst_theme_input *in, uint32_t version);
/** Errors: EVERSION (unknown in->version), EINVALID (NULL, not UTF-8, bad key), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_theme(actielijst_store *store, const actielijst_theme_input *in);

/** A region, for actielijst_store_put_region. */
typedef struct actielijst_region_input {
    uint32_t version;           /**< ACTIELIJST_REGION_INPUT_VERSION */
    const char *code;           /**< its code */
    const char *name;           /**< its name */
    int32_t kind;               /**< ACTIELIJST_REGION_* */
    const char *parent;         /**< code or alias; NULL or "" for a province */
    uint32_t alias_count;       /**< the number of aliases */
    const char *const *aliases; /**< alias_count strings; may be NULL when alias_count is 0 */
} actielijst_region_input;
#define ACTIELIJST_REGION_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_REGION_INPUT_VERSION. */
#define ACTIELIJST_REGION_INPUT_INIT {ACTIELIJST_REGION_INPUT_VERSION, NULL, NULL, ACTIELIJST_REGION_MUNICIPALITY, NULL, 0, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_region_input_init(actielijst_region_input *in, uint32_t version);
/** Errors: EVERSION, EINVALID (NULL, not UTF-8, bad kind, unknown parent or a parent
 *  of the wrong kind, a region that is its own parent, an alias repeating the name),
 *  ECONFLICT (a change of kind while subregions, contacts or counts depend on it; an
 *  alias that is another region's code; a parent that lies inside the region through
 *  the stored regions), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_region(actielijst_store *store, const actielijst_region_input *in);

/** A progress state, for actielijst_store_put_state. */
typedef struct actielijst_state_input {
    uint32_t version;     /**< ACTIELIJST_STATE_INPUT_VERSION */
    const char *key;      /**< the state's key */
    int32_t category;     /**< ACTIELIJST_CATEGORY_* */
    const char *label_nl; /**< its Dutch label */
    const char *label_en; /**< English label; NULL or "" for none */
} actielijst_state_input;
#define ACTIELIJST_STATE_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_STATE_INPUT_VERSION. */
#define ACTIELIJST_STATE_INPUT_INIT {ACTIELIJST_STATE_INPUT_VERSION, NULL, ACTIELIJST_CATEGORY_TODO, NULL, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_state_input_init(actielijst_state_input *in, uint32_t version);
/** Errors: EVERSION, EINVALID (NULL, not UTF-8, bad key or category), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_state(actielijst_store *store, const actielijst_state_input *in);

/** An owner of an action point, for actielijst_action_input. */
typedef struct actielijst_owner_input {
    const char *name; /**< the owner's name */
    int32_t role;     /**< ACTIELIJST_OWNER_* */
} actielijst_owner_input;

/** An action point, for actielijst_store_put_action. */
typedef struct actielijst_action_input {
    uint32_t version;                     /**< ACTIELIJST_ACTION_INPUT_VERSION */
    const char *key;                      /**< the action point's key */
    const char *theme;                    /**< key of its theme */
    const char *title;                    /**< its title */
    const char *goal;                     /**< what it is to achieve */
    const char *due;                      /**< "YYYY-MM-DD"; NULL or "" for none */
    uint32_t owner_count;                 /**< the number of owners */
    const actielijst_owner_input *owners; /**< may be NULL when owner_count is 0 */
    uint32_t scope_count;                 /**< the number of scope regions */
    const char *const *scope;             /**< region codes or aliases */
    uint32_t see_also_count;              /**< the number of cross references */
    const char *const *see_also;          /**< keys of stored action points */
} actielijst_action_input;
#define ACTIELIJST_ACTION_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_ACTION_INPUT_VERSION. */
#define ACTIELIJST_ACTION_INPUT_INIT {ACTIELIJST_ACTION_INPUT_VERSION, NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL, 0, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_action_input_init(actielijst_action_input *in, uint32_t version);
/** Errors: EVERSION, EINVALID (NULL, not UTF-8, bad key or date, unknown theme,
 *  region or cross reference, duplicates in a list, a reference to itself), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_action(actielijst_store *store, const actielijst_action_input *in);

/** A level of an ordinal indicator, for actielijst_indicator_input. */
typedef struct actielijst_level_input {
    const char *key;      /**< the level's key */
    const char *label_nl; /**< its Dutch label */
    const char *label_en; /**< English label; NULL or "" for none */
} actielijst_level_input;

/** An indicator and the action points it measures, for actielijst_store_put_indicator. */
typedef struct actielijst_indicator_input {
    uint32_t version; /**< ACTIELIJST_INDICATOR_INPUT_VERSION */
    const char *key;      /**< the indicator's key */
    const char *label_nl; /**< its Dutch label */
    const char *label_en; /**< English label; NULL or "" for none */
    int32_t kind;         /**< ACTIELIJST_INDICATOR_* */
    const char *unit;     /**< its unit: count/number only; NULL or "" for none */
    uint32_t level_count; /**< the number of levels */
    const actielijst_level_input *levels; /**< ordinal: at least two, lowest first */
    /* Since version 2: */
    uint32_t action_count; /**< the number of actions */
    const char *const *actions; /**< keys of stored action points the indicator measures; may be
                                     NULL when action_count is 0 (a list-wide indicator) */
} actielijst_indicator_input;
#define ACTIELIJST_INDICATOR_INPUT_VERSION 2 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_INDICATOR_INPUT_VERSION. */
#define ACTIELIJST_INDICATOR_INPUT_INIT \
    {ACTIELIJST_INDICATOR_INPUT_VERSION, NULL, NULL, NULL, ACTIELIJST_INDICATOR_ORDINAL, NULL, 0, NULL, 0, NULL}
/** Fills *in with the defaults of `version`. Version 1 ends after `levels`: for it
 *  only those fields are written (and read by actielijst_store_put_indicator).
 *  Errors: EINVALID (NULL), EVERSION (a version this library does not know). */
ACTIELIJST_API int actielijst_indicator_input_init(actielijst_indicator_input *in, uint32_t version);
/** Replaces the whole definition: an input of version 1, which has no actions, stores
 *  a list-wide indicator (measuring no action).
 *  Errors: EVERSION, EINVALID (NULL, not UTF-8, bad key or kind, too few or duplicate
 *  levels, a unit on an ordinal, an unknown or repeated action), ECONFLICT (a change of
 *  kind, or a removed level, while observations use it), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_indicator(actielijst_store *store, const actielijst_indicator_input *in);

/** A new state of affairs. Strings are copied. `scope` may be a code or alias;
 *  `author` and `meeting` may be NULL or "". */
typedef struct actielijst_update_input {
    uint32_t version;    /**< ACTIELIJST_UPDATE_INPUT_VERSION */
    const char *action;  /**< key of the action point */
    const char *scope;   /**< code or alias of the region it is about */
    const char *state;   /**< key of the progress state */
    const char *text;    /**< the state of affairs in words */
    const char *as_of;   /**< "YYYY-MM-DD" */
    const char *author;  /**< who reported it */
    const char *meeting; /**< key of the meeting it was reported for */
} actielijst_update_input;
#define ACTIELIJST_UPDATE_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_UPDATE_INPUT_VERSION. */
#define ACTIELIJST_UPDATE_INPUT_INIT {ACTIELIJST_UPDATE_INPUT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_update_input_init(actielijst_update_input *in, uint32_t version);

/** Appends a state of affairs (history is never overwritten). *added (may be NULL)
 *  is set to 1, or to 0 when an identical update was already stored.
 *  Errors: EVERSION (unknown in->version), EINVALID (NULL, not UTF-8, bad date, unknown action,
 *  region, state or meeting; actielijst_error_where() names the field), ESTORAGE. */
ACTIELIJST_API int actielijst_store_record_update(actielijst_store *store, const actielijst_update_input *in,
                                                  int32_t *added);

/** A proposal, consensus or decision, stored or updated by `key`. */
typedef struct actielijst_proposal_input {
    uint32_t version;    /**< ACTIELIJST_PROPOSAL_INPUT_VERSION */
    const char *key;     /**< the proposal's key */
    const char *action;  /**< key of the action point it is about */
    const char *text;    /**< its text */
    int32_t state;       /**< ACTIELIJST_PROPOSAL_* */
    int32_t kind;        /**< ACTIELIJST_KIND_* */
    const char *meeting; /**< key of the meeting it is tabled at; NULL or "" for none */
    const char *decided; /**< the date it was decided; NULL or "" for none; not for an open proposal */
} actielijst_proposal_input;
#define ACTIELIJST_PROPOSAL_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_PROPOSAL_INPUT_VERSION. */
#define ACTIELIJST_PROPOSAL_INPUT_INIT \
    {ACTIELIJST_PROPOSAL_INPUT_VERSION, NULL, NULL, NULL, ACTIELIJST_PROPOSAL_OPEN, ACTIELIJST_KIND_PROPOSAL, NULL, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_proposal_input_init(actielijst_proposal_input *in, uint32_t version);

/** Tables a proposal (new key: on the date of its meeting, or of `decided`, or
 *  today) or updates the stored one's text and kind. A `state` other than the stored
 *  one appends a decision dated `decided` (or today); proposals are history, so
 *  nothing earlier is overwritten.
 *  Errors: EVERSION (unknown in->version), EINVALID (NULL, not UTF-8, unknown action or meeting, an
 *  open proposal with a decision date), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_proposal(actielijst_store *store, const actielijst_proposal_input *in);

/** A decision on a stored proposal, for actielijst_store_record_decision. Strings are
 *  copied. The date is `date`, or the meeting's date when only `meeting` is given. */
typedef struct actielijst_decision_input {
    uint32_t version;     /**< ACTIELIJST_DECISION_INPUT_VERSION */
    const char *proposal; /**< key of a stored proposal */
    int32_t state;        /**< ACTIELIJST_PROPOSAL_*; OPEN re-opens a decided proposal */
    const char *date;     /**< "YYYY-MM-DD"; NULL or "": the meeting's date */
    const char *meeting;  /**< key of the meeting that took it; NULL or "" for none */
    const char *text;     /**< the decision as recorded; NULL or "" for none */
} actielijst_decision_input;
#define ACTIELIJST_DECISION_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_DECISION_INPUT_VERSION. */
#define ACTIELIJST_DECISION_INPUT_INIT \
    {ACTIELIJST_DECISION_INPUT_VERSION, NULL, ACTIELIJST_PROPOSAL_ADOPTED, NULL, NULL, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_decision_input_init(actielijst_decision_input *in, uint32_t version);

/** Appends a decision to a proposal's history (one transaction). The meeting the
 *  proposal was tabled at stays as it was. *added (may be NULL) is set to 1, or to
 *  0 when an identical decision was already stored.
 *  Errors: EVERSION (in->version), EINVALID (NULL, not UTF-8, bad state or date,
 *  neither a date nor a meeting, a date before the proposal was tabled), ENOTFOUND
 *  (unknown proposal or meeting), ESTORAGE. */
ACTIELIJST_API int actielijst_store_record_decision(actielijst_store *store, const actielijst_decision_input *in,
                                                    int32_t *added);

/** One entry of a proposal's history: its tabling (state OPEN, the date and meeting
 *  it was tabled at, text "") or a decision. Strings live as long as the iterator. */
typedef struct actielijst_proposal_event_rec {
    const char *proposal; /**< key of the proposal */
    int32_t state;        /**< ACTIELIJST_PROPOSAL_* */
    const char *date;     /**< "YYYY-MM-DD" */
    const char *meeting;  /**< key of its meeting; "" when none */
    const char *text;     /**< the decision as recorded; "" when none */
} actielijst_proposal_event_rec;
typedef struct actielijst_proposal_history_iter actielijst_proposal_history_iter; /**< a proposal's history */

/** The history of stored proposal `proposal`, oldest first: its tabling, then every
 *  decision. Read from the store (not a view), so it includes decisions dated after
 *  any view's date. Errors: EINVALID (NULL), ENOTFOUND (unknown proposal), ESTORAGE. */
ACTIELIJST_API int actielijst_proposal_history_iter_new(actielijst_store *store, const char *proposal,
                                                        actielijst_proposal_history_iter **out);
/** The next entry into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last. */
ACTIELIJST_API int actielijst_proposal_history_iter_next(actielijst_proposal_history_iter *it,
                                                         actielijst_proposal_event_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_proposal_history_iter_free(actielijst_proposal_history_iter *it);

/** Every meeting of the store by date, also those after any view's date (a view's
 *  actielijst_meeting_iter_new lists only those held by its date). Free with
 *  actielijst_meeting_iter_free. Errors: EINVALID (NULL), ESTORAGE. */
ACTIELIJST_API int actielijst_store_meeting_iter_new(actielijst_store *store, actielijst_meeting_iter **out);

/** A monitoring figure; see actielijst_observation_rec for the fields. */
typedef struct actielijst_observation_input {
    uint32_t version;      /**< ACTIELIJST_OBSERVATION_INPUT_VERSION */
    const char *indicator; /**< key of the indicator */
    const char *region;    /**< the region: code or alias */
    const char *as_of;     /**< the date of the figure ("YYYY-MM-DD") */
    const char *level;     /**< ordinal: required; otherwise NULL or "" */
    int32_t has_value;     /**< non-zero: value is given */
    double value;          /**< count/number: the figure when has_value */
    int32_t has_count;     /**< non-zero: count is given */
    int64_t count;         /**< ordinal at a region: municipalities at level or higher */
    int32_t at_least;      /**< ordinal: level is a lower bound */
    const char *source;    /**< where the figure comes from; NULL or "" for none */
    const char *note;      /**< a remark on it; NULL or "" for none */
} actielijst_observation_input;
#define ACTIELIJST_OBSERVATION_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_OBSERVATION_INPUT_VERSION. */
#define ACTIELIJST_OBSERVATION_INPUT_INIT \
    {ACTIELIJST_OBSERVATION_INPUT_VERSION, NULL, NULL, NULL, NULL, 0, 0.0, 0, 0, 0, NULL, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_observation_input_init(actielijst_observation_input *in, uint32_t version);

/** Stores an observation, or replaces the one for the same (indicator, region,
 *  level, date). Errors: EVERSION (unknown in->version), EINVALID (NULL, not UTF-8, unknown
 *  indicator, region or level, a value of the wrong shape), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_observation(actielijst_store *store, const actielijst_observation_input *in);

/** A meeting of the steering group. Strings are copied. */
typedef struct actielijst_meeting_input {
    uint32_t version;  /**< ACTIELIJST_MEETING_INPUT_VERSION */
    const char *key;   /**< the meeting's key */
    const char *date;  /**< "YYYY-MM-DD" */
    const char *title; /**< its title; NULL or "" for none */
} actielijst_meeting_input;
#define ACTIELIJST_MEETING_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_MEETING_INPUT_VERSION. */
#define ACTIELIJST_MEETING_INPUT_INIT {ACTIELIJST_MEETING_INPUT_VERSION, NULL, NULL, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_meeting_input_init(actielijst_meeting_input *in, uint32_t version);

/** Stores a meeting, or updates the title of the one with the same key.
 *  Errors: EVERSION (unknown in->version), EINVALID (NULL, NULL key or date, bad
 *  date, not UTF-8), EEXISTS (the key is stored with another date: a meeting key
 *  is used once), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_meeting(actielijst_store *store, const actielijst_meeting_input *in);

/** A contact person of a municipality (personal data). Strings are copied. */
typedef struct actielijst_contact_input {
    uint32_t version;         /**< ACTIELIJST_CONTACT_INPUT_VERSION */
    const char *municipality; /**< code or alias of a municipality */
    const char *role;         /**< the role the person is the contact for */
    const char *name;         /**< the person's name */
    const char *email;        /**< e-mail address; NULL or "" for none */
} actielijst_contact_input;
#define ACTIELIJST_CONTACT_INPUT_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_CONTACT_INPUT_VERSION. */
#define ACTIELIJST_CONTACT_INPUT_INIT {ACTIELIJST_CONTACT_INPUT_VERSION, NULL, NULL, NULL, NULL}
/** Fills *in with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_contact_input_init(actielijst_contact_input *in, uint32_t version);

/** Stores a contact person, or updates the e-mail of the one with the same
 *  municipality, role and name.
 *  Errors: EVERSION (unknown in->version), EINVALID (NULL, not UTF-8, not a
 *  municipality, bad e-mail), ESTORAGE. */
ACTIELIJST_API int actielijst_store_put_contact(actielijst_store *store, const actielijst_contact_input *in);

/* ---- Reads from the store ----------------------------------------------- */

/** The history of the states of affairs of `action` (all scopes when `scope` is
 *  NULL or ""), oldest first, read from the store (not a view). Owned: *out, a
 *  status iterator: read it with actielijst_status_iter_next (or _next_batch) and
 *  free it with actielijst_status_iter_free. Records have category -1.
 *  Errors: EINVALID (NULL, not UTF-8), ENOTFOUND (unknown action or region). */
ACTIELIJST_API int actielijst_status_history_iter_new(actielijst_store *store, const char *action, const char *scope,
                                                      actielijst_status_iter **out);

/** The contacts (personal data), by municipality. Owned: *out. */
ACTIELIJST_API int actielijst_contact_iter_new(actielijst_store *store, actielijst_contact_iter **out);
/** The next contact into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_contact_iter_next(actielijst_contact_iter *it, actielijst_contact_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_contact_iter_free(actielijst_contact_iter *it);

/* ---- Views -------------------------------------------------------------- */

/** Definitions, the current status of every (action, scope) and the latest
 *  observations as of `as_of` ("YYYY-MM-DD"; NULL or "": the store's default date,
 *  see actielijst_store_default_date()). Owned: *out, free with
 *  actielijst_view_free(). Errors: EINVALID (NULL store or out, bad date), ESTORAGE. */
ACTIELIJST_API int actielijst_store_view(actielijst_store *store, const char *as_of, actielijst_view **out);

/** A scoped view: the list as of `as_of` (NULL or "": the default date) for the
 *  action points `filter` selects (made with actielijst_filter_new), with their
 *  states of affairs, proposals and due dates, and the definitions of the whole
 *  list. Its actions are exactly those
 *  actielijst_filter_select would select from actielijst_store_view(); the store
 *  answers what it can of the filter from its indexes, so the cost follows the
 *  selection (docs/rules.md, "Filters"). Owned: *out, free with
 *  actielijst_view_free(). Errors: EINVALID (NULL, bad date), ENOTFOUND (the filter
 *  names a state, theme or region the list lacks on that date), ESTORAGE. */
ACTIELIJST_API int actielijst_store_view_where(actielijst_store *store, const char *as_of, actielijst_filter *filter,
                                              actielijst_view **out);

/** The filter text a scoped view was made with; "" for a view of the whole list.
 *  Borrowed from the view; NULL for a NULL view. */
ACTIELIJST_API const char *actielijst_view_selection(const actielijst_view *view);

/** Releases the view. Accepts NULL and ignores a freed handle. Iterators made
 *  from it stay valid. */
ACTIELIJST_API void actielijst_view_free(actielijst_view *view);

/** The view's date, "YYYY-MM-DD". Borrowed from the view; NULL for a NULL view. */
ACTIELIJST_API const char *actielijst_view_as_of(const actielijst_view *view);

/** Looks up one action point. *rec is borrowed from the view.
 *  Errors: EINVALID (NULL, not UTF-8), ENOTFOUND. */
ACTIELIJST_API int actielijst_view_action(actielijst_view *view, const char *key, actielijst_action_rec *rec);

/** Looks up one region by code. *rec is borrowed from the view. */
ACTIELIJST_API int actielijst_view_region(actielijst_view *view, const char *code, actielijst_region_rec *rec);

/** The current status of (action, scope code). *rec is borrowed from the view.
 *  Errors: EINVALID, ENOTFOUND (no such action or no status for that scope). */
ACTIELIJST_API int actielijst_view_status(actielijst_view *view, const char *action, const char *scope,
                                          actielijst_status_rec *rec);

/** The rollup of ordinal `indicator` over the municipalities of `region` at
 *  `level`. rec->reported_as_of is borrowed from the view.
 *  Errors: EINVALID (NULL, not UTF-8, indicator not ordinal), ENOTFOUND. */
ACTIELIJST_API int actielijst_view_rollup(actielijst_view *view, const char *indicator, const char *region,
                                          const char *level, actielijst_rollup_rec *rec);

/* Iterators over a view. _iter_new: owned *out (untouched on failure); errors
 * EINVALID for NULL arguments. _iter_next(it, rec): fills *rec (borrowed, see
 * above) and returns ACTIELIJST_OK, or ACTIELIJST_ITEROVER when done (then *rec is
 * untouched); EINVALID for NULL. _iter_free accepts NULL and ignores a freed
 * iterator. */
/** The themes of `view`, in display order. */
ACTIELIJST_API int actielijst_theme_iter_new(actielijst_view *view, actielijst_theme_iter **out);
/** The next theme into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_theme_iter_next(actielijst_theme_iter *it, actielijst_theme_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_theme_iter_free(actielijst_theme_iter *it);

/** Regions, parents before children. */
ACTIELIJST_API int actielijst_region_iter_new(actielijst_view *view, actielijst_region_iter **out);
/** The next region into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_region_iter_next(actielijst_region_iter *it, actielijst_region_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_region_iter_free(actielijst_region_iter *it);

/** The progress states of `view`, in display order. */
ACTIELIJST_API int actielijst_state_iter_new(actielijst_view *view, actielijst_state_iter **out);
/** The next progress state into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_state_iter_next(actielijst_state_iter *it, actielijst_state_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_state_iter_free(actielijst_state_iter *it);

/** The meetings of `view` held on or before its date, by date. */
ACTIELIJST_API int actielijst_meeting_iter_new(actielijst_view *view, actielijst_meeting_iter **out);
/** The next meeting into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_meeting_iter_next(actielijst_meeting_iter *it, actielijst_meeting_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_meeting_iter_free(actielijst_meeting_iter *it);

/** Action points in display order; `theme` NULL or "" for all themes.
 *  Errors: ENOTFOUND for an unknown theme. */
ACTIELIJST_API int actielijst_action_iter_new(actielijst_view *view, const char *theme, actielijst_action_iter **out);
/** The next action point into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_action_iter_next(actielijst_action_iter *it, actielijst_action_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_action_iter_free(actielijst_action_iter *it);

/** Current statuses in action order; `action` NULL or "" for all actions.
 *  Errors: ENOTFOUND for an unknown action. */
ACTIELIJST_API int actielijst_status_iter_new(actielijst_view *view, const char *action, actielijst_status_iter **out);
/** The next state of affairs into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_status_iter_next(actielijst_status_iter *it, actielijst_status_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_status_iter_free(actielijst_status_iter *it);

/** Fills up to `capacity` records of `recs` at once, for callers that read many
 *  statuses: one call instead of one per record. Sets *count to the number filled
 *  and returns ACTIELIJST_OK, or sets *count to 0 and returns ACTIELIJST_ITEROVER
 *  when none is left. Records are borrowed as with _iter_next.
 *  Errors: EINVALID (NULL argument, capacity 0). */
ACTIELIJST_API int actielijst_status_iter_next_batch(actielijst_status_iter *it, actielijst_status_rec *recs,
                                                     size_t capacity, size_t *count);

/** The proposals of `view` tabled on or before its date, each in its state on that date. */
ACTIELIJST_API int actielijst_proposal_iter_new(actielijst_view *view, actielijst_proposal_iter **out);
/** The next proposal into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_proposal_iter_next(actielijst_proposal_iter *it, actielijst_proposal_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_proposal_iter_free(actielijst_proposal_iter *it);

/** The monitoring indicators of `view`. */
ACTIELIJST_API int actielijst_indicator_iter_new(actielijst_view *view, actielijst_indicator_iter **out);
/** The next indicator into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_indicator_iter_next(actielijst_indicator_iter *it, actielijst_indicator_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_indicator_iter_free(actielijst_indicator_iter *it);

/** The latest observations at the view's date; `indicator` NULL or "" for all.
 *  Errors: ENOTFOUND for an unknown indicator. */
ACTIELIJST_API int actielijst_observation_iter_new(actielijst_view *view, const char *indicator,
                                                   actielijst_observation_iter **out);
/** The next observation into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_observation_iter_next(actielijst_observation_iter *it, actielijst_observation_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_observation_iter_free(actielijst_observation_iter *it);

/* ---- Reporting rules and filters --------------------------------------------
 * A rules file says what a report flags and why, in the language of
 * docs/rules.md. Rules are parsed and type-checked when loaded; evaluating them
 * reads a view and never writes. A loaded rule set, an evaluation and a filter
 * are immutable and independent of the view they came from. */

typedef struct actielijst_rules actielijst_rules;                           /**< a loaded rule set */
typedef struct actielijst_rule_iter actielijst_rule_iter;                   /**< a rule set's rules */
typedef struct actielijst_evaluation actielijst_evaluation;                 /**< what a rule set found in a view */
typedef struct actielijst_finding_iter actielijst_finding_iter;             /**< an evaluation's findings */
typedef struct actielijst_action_status_iter actielijst_action_status_iter; /**< an evaluation's action statuses */

#define ACTIELIJST_SEVERITY_INFO 0    /**< worth knowing; by default it does not change the RAG status */
#define ACTIELIJST_SEVERITY_WARNING 1 /**< needs attention; by default makes an action amber */
#define ACTIELIJST_SEVERITY_ALERT 2   /**< needs the group's attention now; by default makes an action red */

#define ACTIELIJST_TARGET_ACTION 0 /**< per action */
#define ACTIELIJST_TARGET_SCOPE 1  /**< per (action, scope region) */
#define ACTIELIJST_TARGET_REGION 2 /**< per region */

#define ACTIELIJST_RAG_GREY 0  /**< not started, or closed */
#define ACTIELIJST_RAG_GREEN 1 /**< on track: no finding at or above `amber at` */
#define ACTIELIJST_RAG_AMBER 2 /**< a finding at or above `amber at` (default warning), none at `red at` */
#define ACTIELIJST_RAG_RED 3   /**< a finding at or above `red at` (default alert) */

/** A loaded rule (actielijst_rule_iter_next). */
typedef struct actielijst_rule_rec {
    const char *key;       /**< the rule's key (name) */
    int32_t severity;      /**< ACTIELIJST_SEVERITY_* */
    int32_t target;        /**< ACTIELIJST_TARGET_* */
    const char *section;   /**< the report section its findings go to */
    const char *condition; /**< the source text of `when` */
    const char *message;   /**< the template as written */
    int32_t line;          /**< the line of the rules text where it starts */
} actielijst_rule_rec;

/** Why a sub-condition held, e.g. expression "since_update > 180d", detail
 *  "since_update is 412 days (last_update 2023-01-31, as_of 2024-03-18)". */
typedef struct actielijst_reason_rec {
    const char *expression; /**< the sub-condition as written */
    const char *detail;     /**< the values that made it hold, in words */
} actielijst_reason_rec;

/** A finding: a rule whose condition held for an action, a scope or a region. */
typedef struct actielijst_finding_rec {
    const char *rule;                     /**< key of the rule that fired */
    int32_t severity;                     /**< ACTIELIJST_SEVERITY_* */
    const char *section;                  /**< the report section the rule puts it in */
    int32_t target;                       /**< ACTIELIJST_TARGET_* */
    const char *action;                   /**< key of the action point; "" for per-region rules */
    const char *region;                   /**< scope or region code; "" for per-action rules */
    const char *message;                  /**< the rule's message, filled in */
    uint32_t reason_count;                /**< the number of reasons */
    const actielijst_reason_rec *reasons; /**< why the condition held: one per sub-condition that held */
} actielijst_finding_rec;

/** The overall (RAG) status of an action point. */
typedef struct actielijst_action_status_rec {
    const char *action;                   /**< key of the action point */
    int32_t rag;                          /**< ACTIELIJST_RAG_* */
    uint32_t finding_count;               /**< red/amber: the findings that decided it */
    const uint32_t *findings;             /**< indexes for actielijst_evaluation_finding() */
    uint32_t reason_count;                /**< grey: the reasons of the grey condition */
    const actielijst_reason_rec *reasons; /**< reason_count reasons */
} actielijst_action_status_rec;

/** Loads rules from `len` bytes of UTF-8 `text` (at most 1 MiB; it need not be
 *  NUL-terminated, and may be NULL when `len` is 0; a NUL byte inside is
 *  refused). `origin` names the text in error messages (NULL or "": "rules").
 *  When `vocabulary` is not NULL, every state, theme, region, indicator and level
 *  the rules name must exist in it. Owned: *out; untouched on failure. On a
 *  failure with a place in the text, actielijst_error_position() gives it (the
 *  message names the same place, for syntax errors with a caret line). Nothing
 *  is ever half-loaded.
 *  Errors: EINVALID (NULL, a NUL byte, not UTF-8, a syntax or type error),
 *  ENOTFOUND (a name the vocabulary lacks), ENOMEM. */
ACTIELIJST_API int actielijst_rules_load(const char *text, size_t len, const char *origin,
                                         actielijst_view *vocabulary, actielijst_rules **out);

/** Loads a rules file; its path names it in error messages. Errors and
 *  actielijst_error_position() as actielijst_rules_load, and EIO when the file
 *  cannot be read (the position is then {0, 0}). */
ACTIELIJST_API int actielijst_rules_load_file(const char *path, actielijst_view *vocabulary,
                                              actielijst_rules **out);

/** Loads the default rule set shipped with the library (the text of
 *  actielijst_rules_default_text(), rules/default.rules in the sources). Owned:
 *  *out. Errors: EINVALID (NULL out), ENOTFOUND (the vocabulary lacks a name
 *  the defaults use), ENOMEM. */
ACTIELIJST_API int actielijst_rules_load_default(actielijst_view *vocabulary, actielijst_rules **out);

/** The text of the default rule set. Static storage; never NULL. */
ACTIELIJST_API const char *actielijst_rules_default_text(void);

/** Releases the rule set. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_rules_free(actielijst_rules *rules);

/** The loaded rules in file order. Owned: *out; it keeps the rule set alive.
 *  Records are borrowed as with the view iterators; _iter_next and _iter_free
 *  behave as theirs. */
ACTIELIJST_API int actielijst_rule_iter_new(actielijst_rules *rules, actielijst_rule_iter **out);
/** The next rule into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_rule_iter_next(actielijst_rule_iter *it, actielijst_rule_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_rule_iter_free(actielijst_rule_iter *it);

/** Evaluates every rule on `view`, then the overall status of every action.
 *  Owned: *out. Errors: EINVALID (NULL), ENOTFOUND (the view lacks a name the
 *  rules use), ENOMEM. */
ACTIELIJST_API int actielijst_rules_evaluate(actielijst_rules *rules, actielijst_view *view,
                                             actielijst_evaluation **out);

/** Releases the evaluation. Accepts NULL and ignores a freed handle. Iterators
 *  made from it stay valid. */
ACTIELIJST_API void actielijst_evaluation_free(actielijst_evaluation *evaluation);

/** The numbers of findings and of action statuses. Either pointer may be NULL.
 *  Errors: EINVALID (NULL evaluation). */
ACTIELIJST_API int actielijst_evaluation_counts(actielijst_evaluation *evaluation, size_t *findings,
                                                size_t *actions);

/** Finding number `index` (0-based) in the sorted order. *rec is borrowed from
 *  the evaluation: valid until it is freed. Errors: EINVALID (NULL), ENOTFOUND
 *  (index out of range). */
ACTIELIJST_API int actielijst_evaluation_finding(actielijst_evaluation *evaluation, size_t index,
                                                 actielijst_finding_rec *rec);

/** The overall status of `action`. *rec is borrowed from the evaluation: valid
 *  until it is freed. Errors: EINVALID (NULL, not UTF-8), ENOTFOUND (no such
 *  action). */
ACTIELIJST_API int actielijst_evaluation_status(actielijst_evaluation *evaluation, const char *action,
                                                actielijst_action_status_rec *rec);

/** Findings sorted by severity (alert first), theme, action and scope: the
 *  order of actielijst_evaluation_finding(). Owned: *out; it keeps the
 *  evaluation alive. */
ACTIELIJST_API int actielijst_finding_iter_new(actielijst_evaluation *evaluation, actielijst_finding_iter **out);
/** The next finding into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_finding_iter_next(actielijst_finding_iter *it, actielijst_finding_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_finding_iter_free(actielijst_finding_iter *it);

/** Every action's overall status, in display order. Owned: *out; it keeps the
 *  evaluation alive. */
ACTIELIJST_API int actielijst_action_status_iter_new(actielijst_evaluation *evaluation,
                                                     actielijst_action_status_iter **out);
/** The next action status into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_action_status_iter_next(actielijst_action_status_iter *it,
                                                      actielijst_action_status_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_action_status_iter_free(actielijst_action_status_iter *it);

/** Parses a filter: one expression over action fields (docs/rules.md), e.g.
 *  `theme = "wonen" and "stalled" in states`, NUL-terminated; error messages
 *  name it "filter". Owned: *out; untouched on failure. Errors and
 *  actielijst_error_position() as actielijst_rules_load. */
ACTIELIJST_API int actielijst_filter_new(const char *text, actielijst_view *vocabulary, actielijst_filter **out);

/** Releases the filter. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_filter_free(actielijst_filter *filter);

/** Sets *match to 1 when the filter holds for `action` in `view`, else 0.
 *  Errors: EINVALID (NULL, not UTF-8), ENOTFOUND (no such action, or a name the
 *  view lacks). */
ACTIELIJST_API int actielijst_filter_matches(actielijst_filter *filter, actielijst_view *view, const char *action,
                                             int32_t *match);

/** Action points of `view` the filter selects, in display order; records as
 *  actielijst_action_iter_next. Owned: *out (an action iterator: next and free
 *  with actielijst_action_iter_*); it keeps the view alive. Errors: EINVALID
 *  (NULL), ENOTFOUND (a name the view lacks), ENOMEM. */
ACTIELIJST_API int actielijst_filter_select(actielijst_filter *filter, actielijst_view *view,
                                            actielijst_action_iter **out);

/* ---- Meeting snapshots -------------------------------------------------------
 * A snapshot is a view saved to a file: the picture the steering group saw at a
 * meeting, to compare later pictures with (docs/snapshots.md). A file is an
 * envelope (magic, version, payload length, CRC-32) around a Boost.Serialization
 * archive; the envelope is checked before anything is deserialized, sizes inside
 * the archive are bounded, and a loaded view is checked like any other. A
 * truncated, corrupt, foreign or oversized file is refused with EINVALID and a
 * message naming it; nothing is ever half-loaded. */

/* Archive kinds. */
#define ACTIELIJST_SNAPSHOT_TEXT 0   /**< portable text archive */
#define ACTIELIJST_SNAPSHOT_BINARY 1 /**< compact binary archive (the default choice) */

/** What a snapshot's envelope says. */
typedef struct actielijst_snapshot_info {
    int32_t format;            /**< ACTIELIJST_SNAPSHOT_* */
    uint32_t envelope_version; /**< the envelope version it was written with */
    uint64_t payload_size;     /**< bytes after the header */
    char as_of[11];            /**< the view's date, "YYYY-MM-DD", NUL-terminated */
} actielijst_snapshot_info;

/** Saves `view` to `path` in `format`: written to a temporary file in the same
 *  directory, then renamed over `path`, so a failed save leaves no half file.
 *  Errors: EINVALID (NULL, not UTF-8, unknown format), EIO, ENOMEM. */
ACTIELIJST_API int actielijst_view_save_snapshot(actielijst_view *view, int32_t format, const char *path);

/** The snapshot of `view` as bytes (binary data: use out->size). Owned: *out,
 *  release with actielijst_buf_dispose(); untouched on failure.
 *  Errors: EINVALID (NULL, unknown format), ENOMEM. */
ACTIELIJST_API int actielijst_view_snapshot_bytes(actielijst_view *view, int32_t format, actielijst_buf *out);

/** Loads the snapshot at `path` as a view. Owned: *out, free with
 *  actielijst_view_free(); untouched on failure.
 *  Errors: EINVALID (NULL, not a snapshot, truncated, corrupt, too large; the
 *  message starts with the path), EVERSION (written by a newer actielijst), EIO
 *  (cannot read), ENOMEM. */
ACTIELIJST_API int actielijst_snapshot_load(const char *path, actielijst_view **out);

/** Loads a snapshot from `len` bytes at `data` (NULL only when `len` is 0).
 *  `origin` names it in messages (NULL or "": "snapshot"). Errors as
 *  actielijst_snapshot_load, without EIO. */
ACTIELIJST_API int actielijst_snapshot_load_bytes(const void *data, size_t len, const char *origin,
                                                  actielijst_view **out);

/** Reads and checks the envelope of the snapshot at `path` (checksum included)
 *  without loading it. Errors as actielijst_snapshot_load. */
ACTIELIJST_API int actielijst_snapshot_info_read(const char *path, actielijst_snapshot_info *info);

/* What changed between two pictures (two snapshots, or a snapshot and the store
 * at a date): the "changes since the last meeting". A diff is immutable and
 * independent of the views it came from. */
typedef struct actielijst_diff actielijst_diff;               /**< the changes between two views */
typedef struct actielijst_change_iter actielijst_change_iter; /**< a diff's changes */

/* What a change is about (actielijst_change_rec.subject). */
#define ACTIELIJST_SUBJECT_ACTION 0      /**< an action point */
#define ACTIELIJST_SUBJECT_STATUS 1      /**< a state of affairs of an (action, scope) */
#define ACTIELIJST_SUBJECT_PROPOSAL 2    /**< a proposal */
#define ACTIELIJST_SUBJECT_OBSERVATION 3 /**< a monitoring figure (observation) */

/* Change kinds. */
#define ACTIELIJST_CHANGE_ADDED 0   /**< in the later picture only */
#define ACTIELIJST_CHANGE_CHANGED 1 /**< in both pictures, but different */
#define ACTIELIJST_CHANGE_REMOVED 2 /**< in the earlier picture only */

/** One change. Texts of a side that does not exist (before of an added entry,
 *  after of a removed one) are "". For full detail look the keys up in the
 *  two views. */
typedef struct actielijst_change_rec {
    int32_t subject;          /**< ACTIELIJST_SUBJECT_* */
    int32_t kind;             /**< ACTIELIJST_CHANGE_* */
    const char *key;          /**< action key, proposal key, or indicator key (observations) */
    const char *action;       /**< the action concerned; "" for observations */
    const char *region;       /**< status: scope code; observation: region code; "" otherwise */
    const char *level;        /**< observation: level ("" for count/number indicators); "" otherwise */
    const char *before_state; /**< status: state key; proposal: "open", "adopted", ...; "" otherwise */
    const char *after_state;  /**< the same, after */
    const char *before_date;  /**< action: due; status and observation: as_of; proposal: decided */
    const char *after_date;   /**< the same, after */
    const char *before_text;  /**< action: title; status: text; proposal: text; observation: note */
    const char *after_text;   /**< the same, after */
    int32_t closed;           /**< status: the state's category went to done or dropped */
    int32_t decided;          /**< proposal: went from open (or absent) to decided */
} actielijst_change_rec;

/** Compares `before` with `after` (either may be the later one). Owned: *out,
 *  free with actielijst_diff_free(); untouched on failure.
 *  Errors: EINVALID (NULL), ENOMEM. */
ACTIELIJST_API int actielijst_diff_new(actielijst_view *before, actielijst_view *after, actielijst_diff **out);

/** Releases the diff. Accepts NULL and ignores a freed handle. Iterators made
 *  from it stay valid. */
ACTIELIJST_API void actielijst_diff_free(actielijst_diff *diff);

/** The number of changes; 0 when the pictures agree. Errors: EINVALID (NULL). */
ACTIELIJST_API int actielijst_diff_count(actielijst_diff *diff, size_t *count);

/** Every change: actions (the later picture's display order, removed ones
 *  last), then statuses (by action, then region), proposals (by action, then
 *  key) and observations (by indicator, region, level). Owned: *out; it keeps
 *  the diff alive. Records are borrowed as with the view iterators; _iter_next
 *  and _iter_free behave as theirs. */
ACTIELIJST_API int actielijst_change_iter_new(actielijst_diff *diff, actielijst_change_iter **out);
/** The next change into *rec: ACTIELIJST_OK, or ACTIELIJST_ITEROVER after the last
 *  (then *rec is untouched). */
ACTIELIJST_API int actielijst_change_iter_next(actielijst_change_iter *it, actielijst_change_rec *rec);
/** Releases the iterator. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_change_iter_free(actielijst_change_iter *it);

/* ---- Reports ------------------------------------------------------------------
 * The steering-group report (docs/report.md): a view, the signals of a rule set
 * and optionally the changes since an earlier picture, rendered as HTML (one
 * self-contained file), Markdown, CSV or JSON. Reproducible: the same inputs give
 * byte-identical output. Every text from the data is escaped for the format. */

#define ACTIELIJST_REPORT_HTML 0     /**< HTML: one self-contained file */
#define ACTIELIJST_REPORT_MARKDOWN 1 /**< Markdown (CommonMark) */
#define ACTIELIJST_REPORT_CSV 2      /**< CSV (RFC 4180) */
#define ACTIELIJST_REPORT_JSON 3     /**< JSON */

/** Options for actielijst_report_render. Initialise with
 *  ACTIELIJST_REPORT_OPTIONS_INIT or actielijst_report_options_init(). NULL texts
 *  mean the default. */
typedef struct actielijst_report_options {
    uint32_t version;         /**< ACTIELIJST_REPORT_OPTIONS_VERSION */
    int32_t format;           /**< ACTIELIJST_REPORT_*; default HTML */
    const char *language;     /**< "nl" (NULL or "": default) or "en" */
    const char *title;        /**< NULL or "": the list's title, else "Actielijst" / "Action list" */
    const char *sections;     /**< comma-separated names (summary, overview, decisions, signals,
                                   changes, actions, monitoring) in any order; NULL or "": all */
    const char *filter;       /**< filter expression (docs/rules.md) selecting action points;
                                   NULL or "": all */
    const char *meeting;      /**< meeting key; NULL or "": the last meeting on or before the
                                   view's date, if any */
    int32_t include_contacts; /**< non-zero: list the contacts of contact_store (personal data) */
    actielijst_store *contact_store; /**< where contacts come from; required with include_contacts */
} actielijst_report_options;

#define ACTIELIJST_REPORT_OPTIONS_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_REPORT_OPTIONS_VERSION. */
#define ACTIELIJST_REPORT_OPTIONS_INIT {ACTIELIJST_REPORT_OPTIONS_VERSION, ACTIELIJST_REPORT_HTML, NULL, NULL, NULL, NULL, NULL, 0, NULL}

/** Fills *opts with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_report_options_init(actielijst_report_options *opts, uint32_t version);

/** Renders the report of `view`: the signals of `rules` (NULL: the default rules)
 *  evaluated on it and, when `compare` is given, the changes from `compare` to
 *  `view` (without it the changes section says no comparison was made).
 *  `options` NULL: the defaults. Owned: *out (text, NUL-terminated), release with
 *  actielijst_buf_dispose(); untouched on failure. The handles are only read.
 *  Errors: EINVALID (NULL view or out, an invalid handle, an unknown format,
 *  language or section, include_contacts without contact_store, a filter that does
 *  not parse or type-check: the message has its line, column and caret),
 *  ENOTFOUND (a state, theme, region or indicator the filter or rules name that the
 *  view lacks; an unknown meeting), EVERSION (options->version), ESTORAGE (reading
 *  contacts), ENOMEM. */
ACTIELIJST_API int actielijst_report_render(actielijst_view *view, actielijst_rules *rules,
                                            const actielijst_report_options *options, actielijst_view *compare,
                                            actielijst_buf *out);

/** Options for actielijst_store_report_render: those of actielijst_report_options
 *  (the contacts come from the store itself), then what a report from a store
 *  adds: its date, the rules, and the earlier picture to compare against.
 *  Initialise with ACTIELIJST_STORE_REPORT_OPTIONS_INIT or
 *  actielijst_store_report_options_init(). NULL texts mean the default. */
typedef struct actielijst_store_report_options {
    uint32_t version;         /**< ACTIELIJST_STORE_REPORT_OPTIONS_VERSION */
    int32_t format;           /**< ACTIELIJST_REPORT_*; default HTML */
    const char *language;     /**< "nl" (NULL or "": default) or "en" */
    const char *title;        /**< NULL or "": the list's title, else "Actielijst" / "Action list" */
    const char *sections;     /**< comma-separated section names, as in actielijst_report_options;
                                   NULL or "": all */
    const char *filter;       /**< filter expression (docs/rules.md) selecting action points;
                                   NULL or "": all */
    const char *meeting;      /**< meeting key; NULL or "": the last meeting on or before the
                                   report date, if any */
    int32_t include_contacts; /**< non-zero: list the store's contacts (personal data) */
    const char *as_of;        /**< report date YYYY-MM-DD; NULL or "": the date of `meeting` when
                                   one is given, else the store's default date
                                   (actielijst_store_default_date) */
    const char *compare_snapshot; /**< path of a snapshot file (actielijst_view_save_snapshot) to
                                   list the changes since; NULL or "": none */
    const char *compare_date; /**< YYYY-MM-DD: list the changes since the store's list on that
                                   date; NULL or "": none. At most one of compare_snapshot
                                   and compare_date */
    actielijst_rules *rules;  /**< the rules whose signals the report shows; NULL: the default
                                   rules. Only read */
} actielijst_store_report_options;

#define ACTIELIJST_STORE_REPORT_OPTIONS_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_STORE_REPORT_OPTIONS_VERSION. */
#define ACTIELIJST_STORE_REPORT_OPTIONS_INIT \
    {ACTIELIJST_STORE_REPORT_OPTIONS_VERSION, ACTIELIJST_REPORT_HTML, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL}

/** Fills *opts with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_store_report_options_init(actielijst_store_report_options *opts, uint32_t version);

/** Renders the report of `store` in one call, as the command-line tool's `report`
 *  and the steering-group report generator make it: the store's list as of the
 *  report date (only the selected action points when a filter is given and
 *  nothing is compared), the signals of the rules evaluated on it in the report's
 *  language, the changes since the compared picture (without one the changes
 *  section says no comparison was made), the contacts when asked for. Without a
 *  filter, the same options give the bytes actielijst_report_render gives for a
 *  view of the same date (with a filter and no comparison the rules see only the
 *  selected action points). `options` NULL: the defaults. Owned: *out (text, NUL-terminated),
 *  release with actielijst_buf_dispose(); untouched on failure. The store and the
 *  rules are only read.
 *  Errors: EINVALID (NULL store or out, an invalid handle, an unknown format,
 *  language or section, as_of or compare_date not a YYYY-MM-DD date, both
 *  compare_snapshot and compare_date, a text that is not UTF-8, a filter that
 *  does not parse or type-check, a compare_snapshot file that is not a snapshot),
 *  ENOTFOUND (an unknown meeting; a state, theme, region or indicator the filter
 *  or rules name that the list lacks), EIO (the compare_snapshot file cannot be
 *  read; the message names it), EVERSION (options->version; a snapshot written by
 *  a newer version), ESTORAGE, ENOMEM. */
ACTIELIJST_API int actielijst_store_report_render(actielijst_store *store, const actielijst_store_report_options *options,
                                                  actielijst_buf *out);

/* ---- Output sinks -------------------------------------------------------------
 * The export and the report can also be written as they are produced, to a write
 * callback or to a file, instead of into an actielijst_buf: no whole document is
 * held in memory. The bytes are those the buffer-returning functions give. */

/** Receives output: `len` bytes (always > 0) at `data`, borrowed for the duration
 *  of the call and not NUL-terminated; `ctx` is the pointer passed with the
 *  callback, unchanged. Return 0 when all bytes were taken. Any other value stops
 *  the output: the writing call fails with ACTIELIJST_EIO, its message saying that
 *  the write callback failed and what it returned, and the callback is not called
 *  again. Called on the calling thread, in order. The callback must not call
 *  actielijst functions with the handles of the call that is writing; how it
 *  reports its own failure in detail (errno, an exception of a binding) is up to
 *  it and `ctx`. */
typedef int (*actielijst_write_fn)(void *ctx, const char *data, size_t len);

/** Writes the JSON export of `store` (byte for byte what
 *  actielijst_store_export_json gives with the same options) to `write`, in pieces
 *  as it is produced. `options` NULL: the defaults (no contacts).
 *  The store is read before the first byte is written, so a storage error calls
 *  `write` not at all; after an EIO the callback may have received part of the
 *  document, which the caller discards.
 *  Errors: EINVALID (NULL store or write), EVERSION (options->version), ESTORAGE,
 *  ENOMEM, EIO (the callback returned non-zero). */
ACTIELIJST_API int actielijst_store_export_json_stream(actielijst_store *store, const actielijst_export_options *options,
                                                       actielijst_write_fn write, void *ctx);

/** Writes the JSON export of `store` to the file at `path`, atomically: the
 *  document goes to a new temporary file in the same directory, which is synced to
 *  disk and then renamed over `path`. On any failure `path` keeps its previous
 *  content (or stays absent) and the temporary file is removed. A replaced file
 *  keeps its permissions; a new one gets 0666 less the umask.
 *  Errors: EINVALID (NULL argument, path empty or not UTF-8), EVERSION
 *  (options->version), ESTORAGE, ENOMEM, EIO (the file cannot be written; the message names the path, what failed and
 *  the system's reason, e.g. `out/list.json: cannot write: No space left on
 *  device`, or `out/list.json: cannot create a temporary file in its directory:
 *  No such file or directory`). */
ACTIELIJST_API int actielijst_store_export_json_file(actielijst_store *store, const actielijst_export_options *options,
                                                     const char *path);

/** Renders the report as actielijst_report_render does (same arguments, same
 *  bytes) and writes it to `write` in pieces as it is rendered. The arguments are
 *  checked and the report is built before the first byte is written, so every
 *  error of actielijst_report_render calls `write` not at all; after an EIO the
 *  callback may have received part of the report.
 *  Errors: those of actielijst_report_render (EINVALID for a NULL write instead of
 *  a NULL out), and EIO (the callback returned non-zero). */
ACTIELIJST_API int actielijst_report_render_stream(actielijst_view *view, actielijst_rules *rules,
                                                   const actielijst_report_options *options, actielijst_view *compare,
                                                   actielijst_write_fn write, void *ctx);

/** Renders the report as actielijst_report_render does and writes it to the file
 *  at `path`, atomically, as actielijst_store_export_json_file writes: on any
 *  failure `path` keeps its previous content and no temporary file is left.
 *  Errors: those of actielijst_report_render (EINVALID for a NULL, empty or
 *  non-UTF-8 path instead of a NULL out), and EIO naming the path, what failed and
 *  why. */
ACTIELIJST_API int actielijst_report_render_file(actielijst_view *view, actielijst_rules *rules,
                                                 const actielijst_report_options *options, actielijst_view *compare,
                                                 const char *path);

/** Renders the report of `store` as actielijst_store_report_render does (same
 *  arguments, same bytes) and writes it to `write` in pieces. The options are
 *  checked and the report is built before the first byte is written, so every
 *  error of actielijst_store_report_render calls `write` not at all; after an EIO
 *  the callback may have received part of the report.
 *  Errors: those of actielijst_store_report_render (EINVALID for a NULL write
 *  instead of a NULL out), and EIO (the callback returned non-zero). */
ACTIELIJST_API int actielijst_store_report_render_stream(actielijst_store *store,
                                                         const actielijst_store_report_options *options,
                                                         actielijst_write_fn write, void *ctx);

/** Renders the report of `store` as actielijst_store_report_render does and writes
 *  it to the file at `path`, atomically, as actielijst_store_export_json_file
 *  writes: on any failure `path` keeps its previous content and no temporary file
 *  is left. Errors: those of actielijst_store_report_render (EINVALID for a NULL,
 *  empty or non-UTF-8 path instead of a NULL out; EIO also for the compared
 *  snapshot), and EIO naming the path, what failed and why. */
ACTIELIJST_API int actielijst_store_report_render_file(actielijst_store *store,
                                                       const actielijst_store_report_options *options,
                                                       const char *path);

/* ---- The list after a meeting (besluitenlijst) -------------------------------
 * What a meeting decided (with the words of each decision), which proposals were
 * tabled, which action points were added, closed or given a new deadline, and what
 * stays open for the next meeting (docs/decision-list.md). Computed from the
 * store's history between the previous meeting and this one; rendered in the
 * report formats (ACTIELIJST_REPORT_*). Reproducible and escaped as the report is. */

/** Options for actielijst_decision_list_render. Initialise with
 *  ACTIELIJST_DECISION_LIST_OPTIONS_INIT or actielijst_decision_list_options_init().
 *  NULL texts mean the default. */
typedef struct actielijst_decision_list_options {
    uint32_t version;        /**< ACTIELIJST_DECISION_LIST_OPTIONS_VERSION */
    int32_t format;          /**< ACTIELIJST_REPORT_*; default HTML */
    const char *language;    /**< "nl" (NULL or "": default) or "en" */
    const char *title;       /**< NULL or "": "Besluitenlijst" / "Decision list" */
    const char *meeting;     /**< key of a stored meeting; NULL or "": the last meeting on or
                                  before as_of */
    const char *as_of;       /**< ISO date choosing the default meeting; NULL or "": the last
                                  meeting of all. Ignored when meeting is given */
    int32_t due_within_days; /**< an open action counts as due for the next meeting when its
                                  due date is at most this many days after the meeting (0 or
                                  more; default 42) */
} actielijst_decision_list_options;

#define ACTIELIJST_DECISION_LIST_OPTIONS_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_DECISION_LIST_OPTIONS_VERSION. */
#define ACTIELIJST_DECISION_LIST_OPTIONS_INIT \
    {ACTIELIJST_DECISION_LIST_OPTIONS_VERSION, ACTIELIJST_REPORT_HTML, NULL, NULL, NULL, NULL, 42}

/** Fills *opts with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_decision_list_options_init(actielijst_decision_list_options *opts, uint32_t version);

/** Renders the list after a meeting of `store`: the meeting options->meeting (or
 *  the default one), compared with the store's list at the previous meeting (the
 *  latest stored meeting before it; with none, everything up to the meeting
 *  counts). `options` NULL: the defaults. Owned: *out (text, NUL-terminated),
 *  release with actielijst_buf_dispose(); untouched on failure. The store is only
 *  read.
 *  Errors: EINVALID (NULL store or out, an invalid handle, an unknown format or
 *  language, a malformed as_of, a negative due_within_days), ENOTFOUND (an unknown
 *  meeting, or no meeting on or before as_of; the message names it), EVERSION
 *  (options->version), ESTORAGE, ENOMEM. */
ACTIELIJST_API int actielijst_decision_list_render(actielijst_store *store,
                                                   const actielijst_decision_list_options *options,
                                                   actielijst_buf *out);

/** Renders the list as actielijst_decision_list_render does (same arguments, same
 *  bytes) and writes it to `write` in pieces. The list is built before the first
 *  byte is written, so every error of actielijst_decision_list_render calls `write`
 *  not at all; after an EIO the callback may have received part of the list.
 *  Errors: those of actielijst_decision_list_render (EINVALID for a NULL write
 *  instead of a NULL out), and EIO (the callback returned non-zero). */
ACTIELIJST_API int actielijst_decision_list_render_stream(actielijst_store *store,
                                                          const actielijst_decision_list_options *options,
                                                          actielijst_write_fn write, void *ctx);

/** Renders the list as actielijst_decision_list_render does and writes it to the
 *  file at `path`, atomically, as actielijst_store_export_json_file writes.
 *  Errors: those of actielijst_decision_list_render (EINVALID for a NULL, empty or
 *  non-UTF-8 path instead of a NULL out), and EIO naming the path, what failed and
 *  why. */
ACTIELIJST_API int actielijst_decision_list_render_file(actielijst_store *store,
                                                        const actielijst_decision_list_options *options,
                                                        const char *path);

/* ---- Forms: collecting the states of affairs (uitvraag) ------------------------
 * Before a meeting each region gets a fill-in form with the current state of every
 * action point in its scope (one row per action and area: the region itself or,
 * for a COROP region, a municipality in it that the list tracks) and columns for
 * the new state, its text and who reports it. A workbook (XLSX) holds a sheet that
 * explains what to fill in and by when, then one sheet per region; a CSV file
 * holds one region. Returned forms are read back (XLSX or CSV, told apart by
 * content), checked row by row against the list and the meeting, and their new
 * states of affairs recorded at the meeting's date, in one transaction or not at
 * all. Reading is bounded (limits on the archive, the cells and their length; no
 * entities, formulas are never evaluated). */

#define ACTIELIJST_FORM_XLSX 0 /**< an Excel workbook: an explanation sheet, then one sheet per region */
#define ACTIELIJST_FORM_CSV 1  /**< a CSV file holding the form of one region */

/** Options for actielijst_forms_write_file and _stream. Initialise with
 *  ACTIELIJST_FORM_OPTIONS_INIT or actielijst_form_options_init(). NULL texts mean
 *  the default. */
typedef struct actielijst_form_options {
    uint32_t version;     /**< ACTIELIJST_FORM_OPTIONS_VERSION */
    int32_t format;       /**< ACTIELIJST_FORM_*; default XLSX. CSV holds exactly one region */
    const char *language; /**< "nl" (NULL or "": default) or "en": labels, headers, explanation */
    const char *meeting;  /**< key of a stored meeting the states are asked for; required */
    uint32_t region_count; /**< the number of regions */
    const char *const *regions; /**< codes or aliases, one form (sheet) each, in this order; may be
                                     NULL when region_count is 0: every COROP region of the list */
    const char *as_of;    /**< ISO date of the states shown as current; NULL or "": the meeting's date */
    const char *deadline; /**< ISO date the forms are wanted back by; NULL or "": 7 days before
                               the meeting; never after it */
} actielijst_form_options;

#define ACTIELIJST_FORM_OPTIONS_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_FORM_OPTIONS_VERSION. */
#define ACTIELIJST_FORM_OPTIONS_INIT \
    {ACTIELIJST_FORM_OPTIONS_VERSION, ACTIELIJST_FORM_XLSX, NULL, NULL, 0, NULL, NULL, NULL}

/** Fills *opts with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_form_options_init(actielijst_form_options *opts, uint32_t version);

/** Writes the forms of `store` (options->format, one sheet per region) to the file
 *  at `path`, atomically, as actielijst_store_export_json_file writes: on any
 *  failure `path` keeps its previous content and no temporary file is left. The
 *  store is only read.
 *  Errors: EINVALID (NULL store or options, an invalid handle, a NULL, empty or
 *  non-UTF-8 path, no meeting, an unknown format or language, a malformed date, a
 *  deadline after the meeting, a region named twice, CSV for other than one
 *  region, a list without COROP regions when none are named), ENOTFOUND (an unknown
 *  meeting or region; the message names it), EVERSION (options->version),
 *  ESTORAGE, ENOMEM, EIO (naming the path, what failed and why). */
ACTIELIJST_API int actielijst_forms_write_file(actielijst_store *store, const actielijst_form_options *options,
                                               const char *path);

/** Writes the same bytes as actielijst_forms_write_file to `write`, in pieces. The
 *  forms are built and encoded before the first byte is written, so every error
 *  but EIO calls `write` not at all; after an EIO the callback may have received
 *  part of the file, which the caller discards.
 *  Errors: those of actielijst_forms_write_file (EINVALID for a NULL write instead
 *  of a bad path), and EIO (the callback returned non-zero). */
ACTIELIJST_API int actielijst_forms_write_stream(actielijst_store *store, const actielijst_form_options *options,
                                                 actielijst_write_fn write, void *ctx);

/** Options for actielijst_form_process. Initialise with
 *  ACTIELIJST_FORM_PROCESS_OPTIONS_INIT or actielijst_form_process_options_init(). */
typedef struct actielijst_form_process_options {
    uint32_t version;      /**< ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION */
    const char *meeting;   /**< key of the meeting the returns are for; NULL or "": the latest
                                stored meeting. A form written for another meeting is refused */
    int32_t dry_run;       /**< non-zero: check and report, store nothing */
    int32_t skip_bad_rows; /**< non-zero: store the good rows and list each bad row as a problem
                                (skipped); zero: one bad row means nothing of the file is stored.
                                Problems with the file or a whole sheet are never skipped */
} actielijst_form_process_options;

#define ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION 1 /**< the version of the struct that this header declares */
/** Initialiser with the defaults of version ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION. */
#define ACTIELIJST_FORM_PROCESS_OPTIONS_INIT {ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION, NULL, 0, 0}

/** Fills *opts with the defaults of `version`. Errors: EINVALID (NULL), EVERSION
 *  (a version this library does not know). */
ACTIELIJST_API int actielijst_form_process_options_init(actielijst_form_process_options *opts, uint32_t version);

/** What processing one returned form did: an immutable handle, independent of
 *  the store. */
typedef struct actielijst_form_result actielijst_form_result;

/** The whole of a form result. Strings and the regions array are borrowed from
 *  the result: valid until it is freed. */
typedef struct actielijst_form_summary {
    const char *file;      /**< the path as given */
    int32_t format;        /**< ACTIELIJST_FORM_*: what the content turned out to be */
    const char *encoding;  /**< CSV: "UTF-8", "UTF-8 with BOM" or "Windows-1252"; "" for XLSX */
    const char *meeting;   /**< key of the meeting the returns were checked against */
    uint32_t region_count; /**< the number of regions */
    const char *const *regions; /**< the regions of the form sheets read, as codes */
    uint64_t rows;         /**< data rows read */
    uint64_t unchanged;    /**< rows with no new state, or the same state and text */
    uint64_t update_count; /**< new states of affairs: actielijst_form_result_update() */
    uint64_t change_count; /**< before -> after of each: actielijst_form_result_change() */
    uint64_t problem_count; /**< actielijst_form_result_problem() */
    int32_t stored;        /**< non-zero: the updates are in the store */
    int32_t ok;            /**< non-zero: nothing was wrong (with skip_bad_rows: only rows were
                                skipped); the same as actielijst_form_process returning OK */
} actielijst_form_summary;

/** A problem found in a returned form. */
typedef struct actielijst_form_problem_rec {
    const char *sheet;   /**< the sheet's name; "" for a CSV file or the file as a whole */
    uint32_t row;        /**< 1-based, as the spreadsheet shows it; 0: the file or a whole sheet */
    uint32_t column;     /**< 1-based (1 = A); 0: the file, a whole sheet or a whole row */
    const char *message; /**< what is wrong, in English */
    const char *where;   /**< the parts that are set: `sheet "Zuid-Limburg", row 7, column I`;
                              "" for the file as a whole */
} actielijst_form_problem_rec;

/** Reads the returned form at `path`, checks it against the store and the meeting
 *  and, unless a problem or options->dry_run stops it, records its new states of
 *  affairs at the meeting's date in one transaction. `options` NULL: the defaults.
 *  Returns ACTIELIJST_OK when the form was good (with skip_bad_rows: when only rows
 *  were skipped; the skipped rows are listed as problems). Returns
 *  ACTIELIJST_EINVALID when problems were found in the content: nothing was stored
 *  and *out is still set, so the problems can be listed (the message says how
 *  many and gives the first). For every other failure *out is untouched.
 *  Owned: *out, free with actielijst_form_result_free().
 *  Errors: EINVALID (also with *out untouched: NULL store, path or out, an invalid
 *  handle, a non-UTF-8 path or meeting), ENOTFOUND (an unknown meeting, or a store
 *  without meetings), EVERSION (options->version), EIO (the file cannot be read;
 *  the message names it), ESTORAGE, EBUSY, EREADONLY, EFULL (the store cannot be
 *  written), ENOMEM. */
ACTIELIJST_API int actielijst_form_process(actielijst_store *store, const char *path,
                                           const actielijst_form_process_options *options,
                                           actielijst_form_result **out);

/** Releases the result. Accepts NULL and ignores a freed handle. */
ACTIELIJST_API void actielijst_form_result_free(actielijst_form_result *result);

/** The summary of the result into *out (borrowed, see actielijst_form_summary).
 *  Errors: EINVALID (NULL, an invalid handle). */
ACTIELIJST_API int actielijst_form_result_summary(actielijst_form_result *result, actielijst_form_summary *out);

/** New state of affairs number `index` (0-based), in the order of the file. *rec
 *  is borrowed from the result; its category is -1 (as in history records).
 *  Errors: EINVALID (NULL), ENOTFOUND (index out of range). */
ACTIELIJST_API int actielijst_form_result_update(actielijst_form_result *result, size_t index,
                                                 actielijst_status_rec *rec);

/** Change number `index` (0-based): what update `index` does to the current
 *  state of its (action, scope), as actielijst_diff_new reports status changes:
 *  subject ACTIELIJST_SUBJECT_STATUS, kind ADDED (no state before; the before_* texts
 *  are "") or CHANGED, key and action the action, region the scope, the states,
 *  texts and dates before and after, closed when the state's category went to
 *  done or dropped. *rec is borrowed from the result.
 *  Errors: EINVALID (NULL), ENOTFOUND (index out of range). */
ACTIELIJST_API int actielijst_form_result_change(actielijst_form_result *result, size_t index,
                                                 actielijst_change_rec *rec);

/** Problem number `index` (0-based), in the order found. *rec is borrowed from
 *  the result. Errors: EINVALID (NULL), ENOTFOUND (index out of range). */
ACTIELIJST_API int actielijst_form_result_problem(actielijst_form_result *result, size_t index,
                                                  actielijst_form_problem_rec *rec);

#ifdef __cplusplus
}
#endif

#endif /* ACTIELIJST_H */
