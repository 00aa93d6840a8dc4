/*
 * The first slice of the C API, exercised from a C99 program the way another
 * team's tool would use it: every call's result code and message are checked.
 *
 *   test_capi <path to limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

static void test_version(void) {
    CHECK(strcmp(actielijst_version_string(), ACTIELIJST_VERSION_STRING) == 0);
    CHECK(actielijst_version_number() == ACTIELIJST_VERSION_NUMBER);
    CHECK(strcmp(actielijst_error_name(ACTIELIJST_EINVALID), "EINVALID") == 0);
    CHECK(strcmp(actielijst_error_name(12345), "unknown") == 0);
}

static void test_open_errors(const char *dir) {
    char path[4096];
    actielijst_store *store = (actielijst_store *)&store; /* must stay untouched on failure */
    actielijst_store *sentinel = store;

    CHECK_FAILS(actielijst_store_open(NULL, NULL, &store), ACTIELIJST_EINVALID, "path is NULL");
    CHECK_FAILS(actielijst_store_open("x.db", NULL, NULL), ACTIELIJST_EINVALID, "out is NULL");

    snprintf(path, sizeof path, "%s/no/such/dir/x.db", dir);
    CHECK_FAILS(actielijst_store_open(path, NULL, &store), ACTIELIJST_EIO, "does not exist");
    CHECK(store == sentinel);

    CHECK_FAILS(actielijst_store_open(dir, NULL, &store), ACTIELIJST_EIO, "directory");
    CHECK(store == sentinel);

    snprintf(path, sizeof path, "%s/not-a-db.txt", dir);
    {
        FILE *f = fopen(path, "wb");
        int i;
        for (i = 0; i < 200; ++i) fputs("this is not a database, just some text\n", f);
        fclose(f);
    }
    CHECK_FAILS(actielijst_store_open(path, NULL, &store), ACTIELIJST_ESTORAGE, "not an actielijst store");
    CHECK(store == sentinel);

    actielijst_store_free(NULL); /* accepted, no effect */
}

static void test_round_trip(const char *dir, const char *json, size_t len) {
    char path_a[4096], path_b[4096];
    actielijst_store *a = NULL, *b = NULL;
    actielijst_buf first = {NULL, 0}, second = {NULL, 0};

    snprintf(path_a, sizeof path_a, "%s/a.db", dir);
    snprintf(path_b, sizeof path_b, "%s/b.db", dir);
    CHECK(actielijst_store_open(path_a, NULL, &a) == ACTIELIJST_OK);
    CHECK(a != NULL);
    CHECK(strcmp(actielijst_error_message(), "") == 0);
    CHECK(actielijst_store_import_json(a, json, len) == ACTIELIJST_OK);
    CHECK(actielijst_store_export_json(a, NULL, &first) == ACTIELIJST_OK);
    CHECK(first.data != NULL && first.size == strlen(first.data));
    CHECK(strstr(first.data, "\"wonen-omgevingsverordening\"") != NULL);

    CHECK(actielijst_store_open(path_b, NULL, &b) == ACTIELIJST_OK);
    CHECK(actielijst_store_import_json(b, first.data, first.size) == ACTIELIJST_OK);
    CHECK(actielijst_store_export_json(b, NULL, &second) == ACTIELIJST_OK);
    CHECK(first.size == second.size && memcmp(first.data, second.data, first.size) == 0);

    /* Re-importing changes nothing. */
    CHECK(actielijst_store_import_json(b, json, len) == ACTIELIJST_OK);
    actielijst_buf_dispose(&second);
    CHECK(second.data == NULL && second.size == 0);
    CHECK(actielijst_store_export_json(b, NULL, &second) == ACTIELIJST_OK);
    CHECK(first.size == second.size && memcmp(first.data, second.data, first.size) == 0);

    actielijst_buf_dispose(&first);
    actielijst_buf_dispose(&first); /* twice is harmless */
    actielijst_buf_dispose(&second);
    actielijst_buf_dispose(NULL);
    actielijst_store_free(a);
    actielijst_store_free(b);
}

static void test_import_errors(const char *dir, const char *json, size_t len) {
    char path[4096];
    actielijst_store *s = NULL;
    actielijst_buf before = {NULL, 0}, after = {NULL, 0};
    static const char bad_state[] =
        "{\"format\":\"actielijst\",\"format_version\":1,"
        "\"updates\":[{\"action\":\"wonen-registratie\",\"scope\":\"CR37\",\"state\":\"klaar\","
        "\"text\":\"x\",\"as_of\":\"2024-01-01\"}]}";
    static const char bad_utf8[] = "{\"format\":\"actielijst\",\"format_version\":1,\"meta\":{\"title\":\"\xC3\x28\"}}";
    static const char bad_parent[] =
        "{\"format\":\"actielijst\",\"format_version\":1,\"regions\":["
        "{\"code\":\"GM9999\",\"name\":\"Nieuwdorp\",\"kind\":\"municipality\",\"parent\":\"CR40\"}]}";
    static const char newer[] = "{\"format\":\"actielijst\",\"format_version\":99}";
    static const char malformed[] = "{\"format\": \"actielijst\", ";
    /* A valid theme first, then a broken action: the theme must not be stored either. */
    static const char half[] =
        "{\"format\":\"actielijst\",\"format_version\":1,"
        "\"themes\":[{\"key\":\"extra\",\"label\":{\"nl\":\"Extra\"}}],"
        "\"actions\":[{\"key\":\"x1\",\"theme\":\"extra\",\"title\":\"T\",\"goal\":\"G\",\"see_also\":[\"nope\"]}]}";

    snprintf(path, sizeof path, "%s/errors.db", dir);
    CHECK(actielijst_store_open(path, NULL, &s) == ACTIELIJST_OK);
    CHECK(actielijst_store_import_json(s, json, len) == ACTIELIJST_OK);
    CHECK(actielijst_store_export_json(s, NULL, &before) == ACTIELIJST_OK);

    CHECK_FAILS(actielijst_store_import_json(NULL, json, len), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(actielijst_store_import_json(s, NULL, 10), ACTIELIJST_EINVALID, "json is NULL");
    CHECK_FAILS(actielijst_store_import_json(s, bad_state, sizeof bad_state - 1), ACTIELIJST_EINVALID,
                "updates[0].state: unknown state \"klaar\"");
    CHECK_FAILS(actielijst_store_import_json(s, bad_utf8, sizeof bad_utf8 - 1), ACTIELIJST_EINVALID, "UTF-8");
    CHECK_FAILS(actielijst_store_import_json(s, bad_parent, sizeof bad_parent - 1), ACTIELIJST_EINVALID,
                "regions[0].parent: unknown region \"CR40\"");
    CHECK_FAILS(actielijst_store_import_json(s, newer, sizeof newer - 1), ACTIELIJST_EVERSION, "newer");
    CHECK_FAILS(actielijst_store_import_json(s, malformed, sizeof malformed - 1), ACTIELIJST_EINVALID, "not valid JSON");
    CHECK_FAILS(actielijst_store_import_json(s, "", 0), ACTIELIJST_EINVALID, "not valid JSON");
    CHECK_FAILS(actielijst_store_import_json(s, half, sizeof half - 1), ACTIELIJST_EINVALID,
                "actions[0].see_also[0]");
    CHECK_FAILS(actielijst_store_export_json(s, NULL, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_store_export_json(NULL, NULL, &after), ACTIELIJST_EINVALID, "store is NULL");
    CHECK(after.data == NULL);

    /* Every failed write left the store exactly as it was. */
    CHECK(actielijst_store_export_json(s, NULL, &after) == ACTIELIJST_OK);
    CHECK(before.size == after.size && memcmp(before.data, after.data, before.size) == 0);
    CHECK(strstr(after.data, "\"extra\"") == NULL);

    actielijst_buf_dispose(&before);
    actielijst_buf_dispose(&after);
    actielijst_store_free(s);
}

static void test_newer_schema(const char *dir) {
    /* A store written by a newer actielijst is refused, not damaged. Make one by
       raising user_version in a real store through a second library-independent
       route: the file header's user_version field at byte offset 60. */
    char path[4096];
    actielijst_store *s = NULL;
    FILE *f;
    unsigned char v[4] = {0, 0, 0, 99};
    snprintf(path, sizeof path, "%s/newer.db", dir);
    CHECK(actielijst_store_open(path, NULL, &s) == ACTIELIJST_OK);
    actielijst_store_free(s);
    s = NULL;
    f = fopen(path, "r+b");
    CHECK(f != NULL);
    if (!f) return;
    fseek(f, 60, SEEK_SET);
    fwrite(v, 1, 4, f);
    fclose(f);
    CHECK_FAILS(actielijst_store_open(path, NULL, &s), ACTIELIJST_EVERSION, "newer");
    CHECK(s == NULL);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;

    test_version();
    test_open_errors(dir);
    test_round_trip(dir, json, len);
    test_import_errors(dir, json, len);
    test_newer_schema(dir);

    free(json);
    remove_dir(dir);
    return report();
}
