/*
 * The exception firewall: every kind of exception thrown inside the library becomes
 * its documented code and a message. The exceptions are raised by
 * actielijst_debug_raise, which only the test hooks library (actielijst_testhooks,
 * never installed) exports: this program links it instead of libactielijst, never
 * both, as both export the whole C API.
 *
 *   test_capi_testhooks <path to limburg.json>
 */
#include "test_support.h"
#include "testhooks.h"

#include <stdlib.h>

static void test_debug_raise(void) {
    CHECK_FAILS(actielijst_debug_raise(1), ACTIELIJST_EINVALID, "raised actielijst error");
    CHECK_FAILS(actielijst_debug_raise(2), ACTIELIJST_ENOMEM, "out of memory");
    CHECK(strstr(actielijst_error_message(), "actielijst_debug_raise") != NULL);
    CHECK_FAILS(actielijst_debug_raise(3), ACTIELIJST_EINTERNAL, "raised std::runtime_error");
    CHECK_FAILS(actielijst_debug_raise(4), ACTIELIJST_EINTERNAL, "unknown exception");
    CHECK_FAILS(actielijst_debug_raise(5), ACTIELIJST_ESTORAGE, "raised SQLite error");
    CHECK_FAILS(actielijst_debug_raise(0), ACTIELIJST_EINVALID, "what");
    CHECK_FAILS(actielijst_debug_raise(6), ACTIELIJST_EINVALID, "what");
    CHECK_FAILS(actielijst_debug_raise(-1), ACTIELIJST_EINVALID, "what");
    CHECK(strcmp(actielijst_version_string(), ACTIELIJST_VERSION_STRING) == 0);
    CHECK(strlen(actielijst_error_message()) > 0); /* version calls do not touch it */
}

/* The message of an exception caught at the firewall is per call like any other:
 * a success after it clears it. */
static void test_message_lifecycle(actielijst_store *s) {
    actielijst_buf buf = {NULL, 0};
    CHECK(actielijst_debug_raise(3) == ACTIELIJST_EINTERNAL);
    CHECK(strlen(actielijst_error_message()) > 0);
    CHECK_OK(actielijst_store_resolve_region(s, "Zuid", &buf));
    CHECK(buf.data != NULL && strcmp(buf.data, "CR39") == 0);
    actielijst_buf_dispose(&buf);
    CHECK(strcmp(actielijst_error_where(), "") == 0);
    CHECK(actielijst_error_errno() == 0);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    test_debug_raise();
    s = open_with(dir, "testhooks.db", json, len);
    CHECK(s != NULL);
    if (s) {
        test_message_lifecycle(s);
        actielijst_store_free(s);
    }
    free(json);
    remove_dir(dir);
    return report();
}
