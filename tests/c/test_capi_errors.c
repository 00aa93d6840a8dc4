/*
 * The boundary itself: error names, options structs and their versions, opening
 * with options, foreign handles, and the message being cleared by a successful call.
 * Every kind of exception through the firewall needs the test hooks library:
 * test_capi_testhooks.c.
 *
 *   test_capi_errors <path to limburg.json>
 */
#include "test_support.h"

#include <errno.h>
#include <stdlib.h>

static void test_error_names(void) {
    static const struct {
        int code;
        const char *name;
    } names[] = {{ACTIELIJST_OK, "OK"},
                 {ACTIELIJST_EINVALID, "EINVALID"},
                 {ACTIELIJST_ENOTFOUND, "ENOTFOUND"},
                 {ACTIELIJST_EEXISTS, "EEXISTS"},
                 {ACTIELIJST_ECONFLICT, "ECONFLICT"},
                 {ACTIELIJST_ENOMEM, "ENOMEM"},
                 {ACTIELIJST_EIO, "EIO"},
                 {ACTIELIJST_ESTORAGE, "ESTORAGE"},
                 {ACTIELIJST_EVERSION, "EVERSION"},
                 {ACTIELIJST_ITEROVER, "ITEROVER"},
                 {ACTIELIJST_EINTERNAL, "EINTERNAL"},
                 {ACTIELIJST_EBUSY, "EBUSY"},
                 {ACTIELIJST_EREADONLY, "EREADONLY"},
                 {ACTIELIJST_EFULL, "EFULL"}};
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; ++i) CHECK(strcmp(actielijst_error_name(names[i].code), names[i].name) == 0);
    /* -8 was ESNAPSHOT in 0.1, never returned and removed at 1.0: it stays unused. */
    CHECK(strcmp(actielijst_error_name(-8), "unknown") == 0);
    CHECK(strcmp(actielijst_error_name(-15), "unknown") == 0);
    CHECK(strcmp(actielijst_error_name(1), "unknown") == 0);
    CHECK(actielijst_version_number() == ACTIELIJST_VERSION_NUMBER);
}

static void test_open_options(const char *dir, const char *json, size_t len) {
    char path[4096], missing[4096];
    actielijst_store_options opts;
    actielijst_store_options init = ACTIELIJST_STORE_OPTIONS_INIT;
    actielijst_store *s = NULL;
    actielijst_store *sentinel = (actielijst_store *)&s;
    actielijst_store *untouched = sentinel;
    actielijst_buf buf = {NULL, 0};

    memset(&opts, 0x7F, sizeof opts);
    CHECK_OK(actielijst_store_options_init(&opts, ACTIELIJST_STORE_OPTIONS_VERSION));
    CHECK(opts.version == ACTIELIJST_STORE_OPTIONS_VERSION && opts.busy_timeout_ms == 5000 && opts.must_exist == 0 &&
          opts.read_only == 0);
    CHECK(memcmp(&opts, &init, sizeof opts) == 0);
    CHECK_FAILS(actielijst_store_options_init(NULL, ACTIELIJST_STORE_OPTIONS_VERSION), ACTIELIJST_EINVALID, "opts is NULL");
    CHECK_FAILS(actielijst_store_options_init(&opts, 3), ACTIELIJST_EVERSION, "version");
    CHECK_FAILS(actielijst_store_options_init(&opts, 0), ACTIELIJST_EVERSION, "version");

    snprintf(path, sizeof path, "%s/ext.db", dir);
    snprintf(missing, sizeof missing, "%s/missing.db", dir);
    opts.must_exist = 1;
    CHECK_FAILS(actielijst_store_open(missing, &opts, &untouched), ACTIELIJST_EIO, "no such file");
    CHECK(untouched == sentinel);
    opts.must_exist = 0;
    opts.busy_timeout_ms = -1;
    CHECK_FAILS(actielijst_store_open(path, &opts, &untouched), ACTIELIJST_EINVALID, "options->busy_timeout_ms");
    opts.busy_timeout_ms = 100;
    opts.version = 3;
    CHECK_FAILS(actielijst_store_open(path, &opts, &untouched), ACTIELIJST_EVERSION, "options->version");
    opts.version = 0;
    CHECK_FAILS(actielijst_store_open(path, &opts, &untouched), ACTIELIJST_EVERSION, "options->version");
    opts.version = ACTIELIJST_STORE_OPTIONS_VERSION;
    CHECK_FAILS(actielijst_store_open(NULL, &opts, &untouched), ACTIELIJST_EINVALID, "path is NULL");
    CHECK_FAILS(actielijst_store_open(path, &opts, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_store_open("/tmp/\xff.db", &opts, &untouched), ACTIELIJST_EINVALID,
                "path is not valid UTF-8");
    CHECK_FAILS(actielijst_store_open("/tmp/\xc3.db", NULL, &untouched), ACTIELIJST_EINVALID, "path is not valid UTF-8");
    CHECK(untouched == sentinel);

    CHECK_OK(actielijst_store_open(path, &opts, &s));
    CHECK(s != NULL);
    CHECK_OK(actielijst_store_import_json(s, json, len));
    actielijst_store_free(s);
    s = NULL;
    opts.must_exist = 1;
    CHECK_OK(actielijst_store_open(path, &opts, &s)); /* exists now */
    CHECK_OK(actielijst_store_export_json(s, NULL, &buf));
    CHECK(strstr(buf.data, "wonen-registratie") != NULL);
    actielijst_buf_dispose(&buf);
    actielijst_store_free(s);
    s = NULL;
    CHECK_OK(actielijst_store_open(path, NULL, &s)); /* the defaults */
    actielijst_store_free(s);
    s = NULL;

    /* Read-only: reads work, every write fails with EREADONLY naming the store. */
    {
        actielijst_update_input in = ACTIELIJST_UPDATE_INPUT_INIT;
        opts.must_exist = 0;
        opts.read_only = 1;
        CHECK_FAILS(actielijst_store_open(missing, &opts, &untouched), ACTIELIJST_EIO, "no such file");
        CHECK(untouched == sentinel);
        CHECK_OK(actielijst_store_open(path, &opts, &s));
        CHECK_OK(actielijst_store_export_json(s, NULL, &buf));
        actielijst_buf_dispose(&buf);
        in.action = "wonen-registratie";
        in.scope = "CR39";
        in.state = "done";
        in.text = "Klaar.";
        in.as_of = "2023-06-01";
        CHECK_FAILS(actielijst_store_record_update(s, &in, NULL), ACTIELIJST_EREADONLY, "is opened read-only; nothing was written");
        CHECK_FAILS(actielijst_store_import_json(s, json, len), ACTIELIJST_EREADONLY, "ext.db");
        actielijst_store_free(s);
        s = NULL;
    }

    /* A caller built against version 1 of the options has the shorter struct: only
     * its three fields are read and written. */
    {
        struct {
            actielijst_store_options v1; /* the first three fields are version 1's */
        } holder;
        unsigned char *tail = (unsigned char *)&holder.v1.read_only;
        memset(&holder, 0x5A, sizeof holder);
        CHECK_OK(actielijst_store_options_init(&holder.v1, 1));
        CHECK(holder.v1.version == 1 && holder.v1.busy_timeout_ms == 5000 && holder.v1.must_exist == 0);
        CHECK(tail[0] == 0x5A && tail[3] == 0x5A); /* read_only untouched: not part of version 1 */
        holder.v1.must_exist = 1;
        CHECK_OK(actielijst_store_open(path, &holder.v1, &s)); /* read_only's garbage is ignored */
        CHECK_OK(actielijst_store_import_json(s, json, len));    /* so it is writable */
        actielijst_store_free(s);
        s = NULL;
    }
}

/* Pointers that are not store handles are refused before any core code runs. */
static void test_foreign_store(actielijst_store *real) {
    double garbage[64];
    actielijst_store *g = (actielijst_store *)garbage;
    actielijst_update_input in = ACTIELIJST_UPDATE_INPUT_INIT;
    actielijst_proposal_input p = ACTIELIJST_PROPOSAL_INPUT_INIT;
    actielijst_observation_input o = ACTIELIJST_OBSERVATION_INPUT_INIT;
    actielijst_buf buf = {NULL, 0};
    actielijst_view *v = NULL;
    actielijst_status_iter *si = NULL;
    actielijst_contact_iter *ci = NULL;
    const char *msg = "not a valid actielijst_store handle";
    actielijst_export_options with_contacts = ACTIELIJST_EXPORT_OPTIONS_INIT;

    with_contacts.include_contacts = 1;
    memset(garbage, 0, sizeof garbage);
    CHECK_FAILS(actielijst_store_import_json(g, "{}", 2), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_store_export_json(g, NULL, &buf), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_store_export_json(g, &with_contacts, &buf), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_store_resolve_region(g, "CR37", &buf), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_store_record_update(g, &in, NULL), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_store_put_proposal(g, &p), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(record_decision(g, "P1", 1, NULL, NULL), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_store_put_observation(g, &o), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(put_meeting(g, "M", "2023-01-01", NULL), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(put_contact(g, "GM0983", "r", "n", NULL), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_status_history_iter_new(g, "wonen-registratie", NULL, &si), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_contact_iter_new(g, &ci), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_store_view(g, "2023-03-01", &v), ACTIELIJST_EINVALID, msg);
    CHECK(buf.data == NULL && v == NULL && si == NULL && ci == NULL);
    actielijst_store_free(g); /* not ours: ignored */

    /* A view is not a store, an iterator is not a view. */
    CHECK_OK(actielijst_store_view(real, "2023-03-01", &v));
    CHECK_OK(actielijst_status_history_iter_new(real, "wonen-registratie", NULL, &si));
    CHECK_FAILS(actielijst_store_export_json((actielijst_store *)v, NULL, &buf), ACTIELIJST_EINVALID, msg);
    CHECK_FAILS(actielijst_status_iter_new((actielijst_view *)si, NULL, &si), ACTIELIJST_EINVALID,
                "not a valid actielijst_view handle");
    CHECK_FAILS(actielijst_contact_iter_next((actielijst_contact_iter *)si, (actielijst_contact_rec *)garbage),
                ACTIELIJST_EINVALID, "not a valid actielijst_contact_iter handle");
    actielijst_store_free((actielijst_store *)v); /* wrong type: ignored, the view still works */
    CHECK(strcmp(actielijst_view_as_of(v), "2023-03-01") == 0);
    actielijst_view_free(v);
    actielijst_status_iter_free(si);
}

/* The message is per call: a success after a failure clears it. */
static void test_message_lifecycle(actielijst_store *s) {
    actielijst_buf buf = {NULL, 0};
    CHECK(actielijst_store_export_json(s, NULL, NULL) == ACTIELIJST_EINVALID);
    CHECK(strlen(actielijst_error_message()) > 0);
    CHECK_OK(actielijst_store_export_json(s, NULL, &buf));
    actielijst_buf_dispose(&buf);
    CHECK(actielijst_store_resolve_region(s, "Atlantis", &buf) == ACTIELIJST_ENOTFOUND);
    CHECK(strlen(actielijst_error_message()) > 0);
    CHECK_OK(actielijst_store_resolve_region(s, "Zuid", &buf));
    CHECK(strcmp(buf.data, "CR39") == 0);
    actielijst_buf_dispose(&buf);
}

/* Import of a document with over-long and broken text, through the JSON path. */
static void test_import_failures(actielijst_store *s) {
    actielijst_buf before = export_all(s);
    static const char bad_update[] =
        "{\"format\":\"actielijst\",\"format_version\":1,"
        "\"updates\":[{\"action\":\"wonen-registratie\",\"scope\":\"CR37\",\"state\":\"done\","
        "\"text\":\"x\",\"as_of\":\"2024-01-01\"},"
        "{\"action\":\"wonen-registratie\",\"scope\":\"Atlantis\",\"state\":\"done\","
        "\"text\":\"x\",\"as_of\":\"2024-01-02\"}]}";
    CHECK_FAILS(actielijst_store_import_json(s, bad_update, sizeof bad_update - 1), ACTIELIJST_EINVALID,
                "updates[1].scope");
    CHECK(unchanged(s, &before));
    actielijst_buf_dispose(&before);
}

/* The place and the errno of an error, apart from its message. */
static void test_error_place(actielijst_store *s, const char *dir) {
    actielijst_update_input in = ACTIELIJST_UPDATE_INPUT_INIT;
    actielijst_store_options opts = ACTIELIJST_STORE_OPTIONS_INIT;
    actielijst_store *other = NULL;
    char missing[4096];
    int32_t added = -1;
    static const char bad_update[] =
        "{\"format\":\"actielijst\",\"format_version\":1,"
        "\"updates\":[{\"action\":\"wonen-registratie\",\"scope\":\"CR37\",\"state\":\"done\","
        "\"text\":\"x\",\"as_of\":\"2024-01-01\"},"
        "{\"action\":\"wonen-registratie\",\"scope\":\"CR37\",\"state\":\"klaar\","
        "\"text\":\"x\",\"as_of\":\"2024-01-02\"}]}";

    /* A path into a document. */
    CHECK_FAILS(actielijst_store_import_json(s, bad_update, sizeof bad_update - 1), ACTIELIJST_EINVALID, "klaar");
    CHECK(strcmp(actielijst_error_where(), "updates[1].state") == 0);
    CHECK(actielijst_error_errno() == 0);

    /* An argument of the call, and a field of a one-entry write without its list. */
    in.action = NULL;
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->action is NULL");
    CHECK(strcmp(actielijst_error_where(), "in->action") == 0);
    in.action = "wonen-registratie";
    in.scope = "CR37";
    in.state = "klaar";
    in.text = "x";
    in.as_of = "2024-01-03";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "state: unknown state");
    CHECK(strcmp(actielijst_error_where(), "in->state") == 0); /* the core's `state`, as the input's field */
    in.as_of = "2024-13-01";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "actielijst_store_record_update: in->as_of: ");
    CHECK(strcmp(actielijst_error_where(), "in->as_of") == 0);

    /* A region that is its own parent is bad input (EINVALID), at its field. */
    {
        actielijst_region_input region = ACTIELIJST_REGION_INPUT_INIT;
        region.code = "CR37";
        region.name = "Noord-Limburg";
        region.kind = ACTIELIJST_REGION_COROP;
        region.parent = "CR37";
        CHECK_FAILS(actielijst_store_put_region(s, &region), ACTIELIJST_EINVALID, "its own parent");
        CHECK(strcmp(actielijst_error_where(), "in->parent") == 0);
    }

    /* A file that is not there: EIO with the system's errno. */
    snprintf(missing, sizeof missing, "%s/not-there.db", dir);
    opts.must_exist = 1;
    CHECK_FAILS(actielijst_store_open(missing, &opts, &other), ACTIELIJST_EIO, "no such file");
    CHECK(actielijst_error_errno() == ENOENT);
    CHECK(other == NULL);

    /* A call that succeeds clears both. */
    in.state = "done";
    in.as_of = "2024-01-03";
    CHECK_OK(actielijst_store_record_update(s, &in, &added));
    CHECK(strcmp(actielijst_error_where(), "") == 0);
    CHECK(actielijst_error_errno() == 0);
    CHECK(strcmp(actielijst_error_message(), "") == 0);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    test_error_names();
    test_open_options(dir, json, len);
    s = open_with(dir, "errors.db", json, len);
    CHECK(s != NULL);
    if (s) {
        test_foreign_store(s);
        test_message_lifecycle(s);
        test_import_failures(s);
        test_error_place(s, dir);
        actielijst_store_free(s);
    }
    free(json);
    remove_dir(dir);
    return report();
}
