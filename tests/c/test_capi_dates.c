/*
 * The store's dates and a province's regions through the C API: the latest date
 * anything was recorded, the date a view defaults to (NULL as_of), and setting up
 * a province from the shipped CBS reference.
 *
 *   test_capi_dates <limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

static void test_dates(actielijst_store *limburg, const char *dir) {
    actielijst_buf buf = {NULL, 0};
    actielijst_store *empty = NULL;
    actielijst_view *view = NULL;
    actielijst_update_input in;
    char path[128];
    int32_t added = 0;

    CHECK_OK(actielijst_store_latest_date(limburg, &buf));
    CHECK(buf.data && strcmp(buf.data, "2023-03-01") == 0);
    actielijst_buf_dispose(&buf);
    CHECK_OK(actielijst_store_default_date(limburg, &buf));
    CHECK(buf.data && strcmp(buf.data, "2023-03-01") == 0);
    actielijst_buf_dispose(&buf);

    /* A state of affairs recorded later is in the next default view. */
    CHECK_OK(actielijst_update_input_init(&in, ACTIELIJST_UPDATE_INPUT_VERSION));
    in.action = "wonen-registratie";
    in.scope = "Zuid";
    in.state = "in_progress";
    in.text = "Gezamenlijke controles gestart.";
    in.as_of = "2023-04-01";
    CHECK_OK(actielijst_store_record_update(limburg, &in, &added));
    CHECK(added == 1);
    CHECK_OK(actielijst_store_latest_date(limburg, &buf));
    CHECK(buf.data && strcmp(buf.data, "2023-04-01") == 0);
    actielijst_buf_dispose(&buf);
    CHECK_OK(actielijst_store_view(limburg, NULL, &view));
    CHECK(view && strcmp(actielijst_view_as_of(view), "2023-04-01") == 0);
    actielijst_view_free(view);
    view = NULL;
    CHECK_OK(actielijst_store_view(limburg, "", &view));
    CHECK(view && strcmp(actielijst_view_as_of(view), "2023-04-01") == 0);
    actielijst_view_free(view);
    view = NULL;
    CHECK_OK(actielijst_store_view(limburg, "2023-03-01", &view));
    CHECK(view && strcmp(actielijst_view_as_of(view), "2023-03-01") == 0);
    actielijst_view_free(view);

    /* A store with nothing dated: no latest date, the default is today. */
    snprintf(path, sizeof path, "%s/empty.db", dir);
    CHECK_OK(actielijst_store_open(path, NULL, &empty));
    CHECK_FAILS(actielijst_store_latest_date(empty, &buf), ACTIELIJST_ENOTFOUND, "nothing dated");
    CHECK(buf.data == NULL);
    CHECK_OK(actielijst_store_default_date(empty, &buf));
    CHECK(buf.data && buf.size == 10);
    actielijst_buf_dispose(&buf);

    CHECK_FAILS(actielijst_store_latest_date(NULL, &buf), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_store_latest_date(empty, NULL), ACTIELIJST_EINVALID, "out");
    CHECK_FAILS(actielijst_store_default_date(NULL, &buf), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_store_view(limburg, "1 april", &view), ACTIELIJST_EINVALID, "as_of");
    actielijst_store_free(empty);
}

static void test_province(const char *dir) {
    actielijst_store *s = NULL;
    actielijst_buf code = {NULL, 0}, before = {NULL, 0};
    char path[128];
    uint32_t added = 0;

    snprintf(path, sizeof path, "%s/brabant.db", dir);
    CHECK_OK(actielijst_store_open(path, NULL, &s));
    CHECK_OK(actielijst_store_import_regions(s, "PV30", 0, &added));
    CHECK(added == 61); /* the province, 4 COROP regions, 56 municipalities */
    CHECK_OK(actielijst_store_resolve_region(s, "Eindhoven", &code));
    CHECK(code.data && strcmp(code.data, "GM0772") == 0);
    actielijst_buf_dispose(&code);
    CHECK_OK(actielijst_store_import_regions(s, "noord-brabant", 2026, NULL));

    /* Bad input: a clear error and the store as it was. */
    before = export_all(s);
    CHECK_FAILS(actielijst_store_import_regions(s, "PV40", 0, &added), ACTIELIJST_ENOTFOUND,
                "\"PV40\" is not a province of the CBS region reference");
    CHECK_FAILS(actielijst_store_import_regions(s, "PV30", 2017, &added), ACTIELIJST_EINVALID,
                "2018 to 2026, not 2017");
    CHECK_FAILS(actielijst_store_import_regions(s, "PV30", -1, &added), ACTIELIJST_EINVALID, "year");
    CHECK_FAILS(actielijst_store_import_regions(s, NULL, 0, &added), ACTIELIJST_EINVALID, "province");
    CHECK_FAILS(actielijst_store_import_regions(NULL, "PV30", 0, &added), ACTIELIJST_EINVALID, "store");
    CHECK(unchanged(s, &before));
    actielijst_buf_dispose(&before);
    actielijst_store_free(s);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *limburg;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    limburg = open_with(dir, "limburg.db", json, len);
    CHECK(limburg != NULL);
    if (limburg) test_dates(limburg, dir);
    test_province(dir);
    actielijst_store_free(limburg);
    free(json);
    remove_dir(dir);
    return report();
}
