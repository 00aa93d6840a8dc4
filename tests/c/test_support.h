/*
 * Shared helpers of the C API tests: counters, CHECK macros, files and stores.
 */
#ifndef ACTIELIJST_TEST_SUPPORT_H
#define ACTIELIJST_TEST_SUPPORT_H

#include <actielijst.h>

#include <stdio.h>
#include <string.h>

extern int failures;
extern int checks;

#define CHECK(cond)                                                               \
    do {                                                                          \
        ++checks;                                                                 \
        if (!(cond)) {                                                            \
            ++failures;                                                           \
            fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, \
                    __LINE__, #cond, actielijst_error_message());                 \
        }                                                                         \
    } while (0)

/* The call succeeded and left an empty message. */
#define CHECK_OK(call)                                                            \
    do {                                                                          \
        int rc_ = (call);                                                         \
        CHECK(rc_ == ACTIELIJST_OK);                                              \
        CHECK(strcmp(actielijst_error_message(), "") == 0);                       \
    } while (0)

/* The call failed with `code` and left a message containing `needle`. */
#define CHECK_FAILS(call, code, needle)                                           \
    do {                                                                          \
        int rc_ = (call);                                                         \
        CHECK(rc_ == (code));                                                     \
        if (rc_ != (code))                                                        \
            fprintf(stderr, "  got %s, expected %s\n", actielijst_error_name(rc_), \
                    actielijst_error_name(code));                                 \
        CHECK(strlen(actielijst_error_message()) > 0);                            \
        CHECK(strstr(actielijst_error_message(), (needle)) != NULL);              \
    } while (0)

/* The whole file, NUL-terminated; NULL when it cannot be read. */
char *read_all(const char *path, size_t *len);

/* A fresh temporary directory in `dir` (at least 64 bytes); 0 on success. */
int make_temp_dir(char *dir);
void remove_dir(const char *dir);

/* The common start of a test program that reads the Limburg list: argv[1] names
 * it; reads it into *json (*len bytes) and makes a fresh temporary directory in
 * `dir` (at least 64 bytes). 0 on success; otherwise prints why and returns 2,
 * the exit status of a broken setup. */
int setup(int argc, char **argv, char *dir, char **json, size_t *len);

/* A new store `name` in `dir` with `json` imported; NULL on failure. */
actielijst_store *open_with(const char *dir, const char *name, const char *json, size_t len);

/* The store's export (contacts included), for comparing before and after. */
actielijst_buf export_all(actielijst_store *store);
/* Whether the store still exports exactly `before`. */
int unchanged(actielijst_store *store, const actielijst_buf *before);

/* One-entry writes with the fields as arguments: each fills the input struct from
 * its _INIT macro and makes the call, so a test reads as the write it makes. */
int put_meeting(actielijst_store *store, const char *key, const char *date, const char *title);
int put_contact(actielijst_store *store, const char *municipality, const char *role, const char *name,
                const char *email);
/* A decision on `proposal` (actielijst_store_record_decision, *added not asked for). */
int record_decision(actielijst_store *store, const char *proposal, int32_t state, const char *date,
                    const char *meeting);

/* A write callback's context that gathers what it is given, NUL-terminated in
 * `data`; from the `fail_at`-th call on (1-based; 0: never) it returns
 * COLLECT_FAILURE instead. Start from all zeros; release with collector_free(). */
typedef struct {
    char *data;
    size_t size;
    int calls;
    int fail_at;
    int empty_calls; /* calls with len 0 or data NULL: never expected */
} collector;
#define COLLECT_FAILURE 7
int collect(void *ctx, const char *data, size_t len);
void collector_free(collector *c);

/* Prints "N passed, M failed" and returns the exit status. */
int report(void);

#endif
