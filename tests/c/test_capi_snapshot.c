/*
 * Meeting snapshots and diffs through the C API: save and load in both archive
 * kinds, bytes, the envelope info, damaged and foreign files, argument checks,
 * and the changes between a snapshot and the store at a later date, with
 * iterators that outlive their handles.
 *
 *   test_capi_snapshot <path to limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

static size_t count_changes(actielijst_diff *d) {
    size_t n = 0;
    CHECK_OK(actielijst_diff_count(d, &n));
    return n;
}

static void test_round_trip(const char *dir, actielijst_view *v) {
    char path[256];
    int32_t format;
    for (format = ACTIELIJST_SNAPSHOT_TEXT; format <= ACTIELIJST_SNAPSHOT_BINARY; ++format) {
        actielijst_view *loaded = NULL;
        actielijst_diff *d = NULL;
        actielijst_snapshot_info info;
        actielijst_buf buf = {NULL, 0};
        snprintf(path, sizeof path, "%s/sg-%d.snap", dir, (int)format);
        CHECK_OK(actielijst_view_save_snapshot(v, format, path));
        CHECK_OK(actielijst_snapshot_load(path, &loaded));
        CHECK(loaded != NULL);
        if (!loaded) continue;
        CHECK(strcmp(actielijst_view_as_of(loaded), "2023-03-01") == 0);
        CHECK_OK(actielijst_diff_new(v, loaded, &d));
        CHECK(count_changes(d) == 0);
        actielijst_diff_free(d);

        CHECK_OK(actielijst_snapshot_info_read(path, &info));
        CHECK(info.format == format);
        CHECK(info.envelope_version == 1);
        CHECK(info.payload_size > 0);
        CHECK(strcmp(info.as_of, "2023-03-01") == 0);

        CHECK_OK(actielijst_view_snapshot_bytes(loaded, format, &buf));
        CHECK(buf.size == info.payload_size + 40);
        actielijst_view_free(loaded);
        loaded = NULL;
        CHECK_OK(actielijst_snapshot_load_bytes(buf.data, buf.size, "mem", &loaded));
        actielijst_view_free(loaded);
        loaded = NULL;
        /* Truncated and damaged bytes: a clear error, *out untouched. */
        CHECK_FAILS(actielijst_snapshot_load_bytes(buf.data, buf.size - 1, "mem", &loaded), ACTIELIJST_EINVALID,
                    "mem: truncated: header says");
        CHECK(loaded == NULL);
        buf.data[buf.size / 2] ^= 0x20;
        CHECK_FAILS(actielijst_snapshot_load_bytes(buf.data, buf.size, NULL, &loaded), ACTIELIJST_EINVALID,
                    "snapshot: checksum mismatch");
        buf.data[0] = 'X';
        CHECK_FAILS(actielijst_snapshot_load_bytes(buf.data, buf.size, "mem", &loaded), ACTIELIJST_EINVALID,
                    "not an actielijst snapshot (bad magic)");
        CHECK(loaded == NULL);
        actielijst_buf_dispose(&buf);
    }
}

static void test_failures(const char *dir, actielijst_view *v, const char *json, size_t len) {
    char path[256];
    actielijst_view *out = NULL;
    actielijst_buf buf = {NULL, 0};
    actielijst_snapshot_info info;
    FILE *f;
    snprintf(path, sizeof path, "%s/limburg.json", dir);
    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(json, 1, len, f);
        fclose(f);
    }
    CHECK_FAILS(actielijst_snapshot_load(path, &out), ACTIELIJST_EINVALID, "limburg.json: not an actielijst snapshot");
    CHECK_FAILS(actielijst_snapshot_info_read(path, &info), ACTIELIJST_EINVALID, "bad magic");
    snprintf(path, sizeof path, "%s/missing.snap", dir);
    CHECK_FAILS(actielijst_snapshot_load(path, &out), ACTIELIJST_EIO, "missing.snap");
    snprintf(path, sizeof path, "%s/no/such/dir/s.snap", dir);
    CHECK_FAILS(actielijst_view_save_snapshot(v, ACTIELIJST_SNAPSHOT_BINARY, path), ACTIELIJST_EIO, "s.snap");
    CHECK(out == NULL);

    /* Arguments. */
    CHECK_FAILS(actielijst_view_save_snapshot(NULL, 1, "x"), ACTIELIJST_EINVALID,
                "actielijst_view_save_snapshot: view is NULL");
    CHECK_FAILS(actielijst_view_save_snapshot(v, 1, NULL), ACTIELIJST_EINVALID, "path is NULL");
    CHECK_FAILS(actielijst_view_save_snapshot(v, 2, "x"), ACTIELIJST_EINVALID, "format");
    CHECK_FAILS(actielijst_view_snapshot_bytes(v, -1, &buf), ACTIELIJST_EINVALID, "format");
    CHECK_FAILS(actielijst_view_snapshot_bytes(v, 1, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_snapshot_load(NULL, &out), ACTIELIJST_EINVALID, "path is NULL");
    CHECK_FAILS(actielijst_snapshot_load("x", NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_snapshot_load_bytes(NULL, 3, NULL, &out), ACTIELIJST_EINVALID, "data is NULL");
    CHECK_FAILS(actielijst_snapshot_load_bytes(NULL, 0, NULL, &out), ACTIELIJST_EINVALID, "bad magic");
    CHECK_FAILS(actielijst_snapshot_load_bytes("x", 1, NULL, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_snapshot_info_read("x", NULL), ACTIELIJST_EINVALID, "info is NULL");
    CHECK_FAILS(actielijst_diff_new(NULL, v, NULL), ACTIELIJST_EINVALID, "before is NULL");
    CHECK_FAILS(actielijst_diff_new(v, NULL, NULL), ACTIELIJST_EINVALID, "after is NULL");
    CHECK_FAILS(actielijst_diff_new(v, v, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_diff_new(v, (actielijst_view *)&buf, NULL), ACTIELIJST_EINVALID,
                "is not a valid actielijst_view handle");
    CHECK_FAILS(actielijst_diff_count(NULL, NULL), ACTIELIJST_EINVALID, "diff is NULL");
    CHECK_FAILS(actielijst_change_iter_new(NULL, NULL), ACTIELIJST_EINVALID, "diff is NULL");
    CHECK_FAILS(actielijst_change_iter_next(NULL, NULL), ACTIELIJST_EINVALID, "it is NULL");
    actielijst_diff_free(NULL);
    actielijst_change_iter_free(NULL);
}

static void test_diff(const char *dir, actielijst_store *s, actielijst_view *v) {
    char path[256];
    actielijst_view *snap = NULL, *later = NULL;
    actielijst_diff *d = NULL;
    actielijst_change_iter *it = NULL;
    actielijst_change_rec r;
    actielijst_update_input in = ACTIELIJST_UPDATE_INPUT_INIT;
    int32_t added = 0;
    int statuses = 0, proposals = 0;
    snprintf(path, sizeof path, "%s/meeting.snap", dir);
    CHECK_OK(actielijst_view_save_snapshot(v, ACTIELIJST_SNAPSHOT_BINARY, path));
    CHECK_OK(actielijst_snapshot_load(path, &snap));

    in.action = "wonen-registratie";
    in.scope = "Noord";
    in.state = "done";
    in.text = "Registratie ter plekke loopt overal.";
    in.as_of = "2023-06-01";
    CHECK_OK(actielijst_store_record_update(s, &in, &added));
    CHECK_OK(record_decision(s, "P2", ACTIELIJST_PROPOSAL_ADOPTED, "2023-06-01", NULL));
    CHECK_OK(actielijst_store_view(s, "2023-06-30", &later));
    if (!snap || !later) return;
    CHECK_OK(actielijst_diff_new(snap, later, &d));
    CHECK(count_changes(d) == 2);
    CHECK_OK(actielijst_change_iter_new(d, &it));
    /* The iterator keeps the diff alive, and the diff needs neither view. */
    actielijst_diff_free(d);
    actielijst_view_free(snap);
    actielijst_view_free(later);
    while (it && actielijst_change_iter_next(it, &r) == ACTIELIJST_OK) {
        if (r.subject == ACTIELIJST_SUBJECT_STATUS) {
            ++statuses;
            CHECK(r.kind == ACTIELIJST_CHANGE_CHANGED);
            CHECK(strcmp(r.action, "wonen-registratie") == 0);
            CHECK(strcmp(r.region, "CR37") == 0);
            CHECK(strcmp(r.after_state, "done") == 0);
            CHECK(strcmp(r.before_state, "done") != 0);
            CHECK(strcmp(r.after_date, "2023-06-01") == 0);
            CHECK(strcmp(r.after_text, "Registratie ter plekke loopt overal.") == 0);
            CHECK(r.closed == 1);
            CHECK(r.decided == 0);
        } else if (r.subject == ACTIELIJST_SUBJECT_PROPOSAL) {
            ++proposals;
            CHECK(strcmp(r.key, "P2") == 0);
            CHECK(strcmp(r.action, "wonen-regionaal-beleid") == 0);
            CHECK(strcmp(r.before_state, "open") == 0);
            CHECK(strcmp(r.after_state, "adopted") == 0);
            CHECK(strcmp(r.before_date, "") == 0);
            CHECK(strcmp(r.after_date, "2023-06-01") == 0);
            CHECK(r.decided == 1);
        } else {
            CHECK(0);
        }
    }
    CHECK(statuses == 1);
    CHECK(proposals == 1);
    CHECK(actielijst_change_iter_next(it, &r) == ACTIELIJST_ITEROVER);
    actielijst_change_iter_free(it);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;
    actielijst_view *v = NULL;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    s = open_with(dir, "snap.db", json, len);
    CHECK(s != NULL);
    if (s) {
        CHECK_OK(actielijst_store_view(s, "2023-03-01", &v));
        if (v) {
            test_round_trip(dir, v);
            test_failures(dir, v, json, len);
            test_diff(dir, s, v);
            actielijst_view_free(v);
        }
        actielijst_store_free(s);
    }
    free(json);
    remove_dir(dir);
    return report();
}
