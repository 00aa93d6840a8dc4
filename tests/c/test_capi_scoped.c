/*
 * Scoped views through the C API: actielijst_store_view_where holds exactly the
 * action points actielijst_filter_select selects from the whole view, with their
 * states of affairs, and refuses bad input with a clear error.
 *
 *   test_capi_scoped <limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

static const char *const filters[] = {
    "theme = \"wonen\"",
    "state_at(\"CR39\") = \"stalled\"",
    "\"stalled\" in states and statuses > 1",
    "not (\"CR37\" in regions) or count(refs) > 0",
    "false",
};

/* The keys an action iterator yields, one per line. */
static char *keys_of(actielijst_action_iter *it) {
    actielijst_action_rec a;
    size_t cap = 4096, len = 0;
    char *out = calloc(cap, 1);
    int rc;
    if (!out) return NULL;
    while ((rc = actielijst_action_iter_next(it, &a)) == ACTIELIJST_OK) {
        size_t n = strlen(a.key);
        if (len + n + 2 > cap) break;
        memcpy(out + len, a.key, n);
        len += n;
        out[len++] = '\n';
    }
    CHECK(rc == ACTIELIJST_ITEROVER);
    return out;
}

static void same_selection(actielijst_store *store, actielijst_view *whole, const char *text) {
    actielijst_filter *filter = NULL;
    actielijst_view *scoped = NULL;
    actielijst_action_iter *expected_it = NULL, *got_it = NULL;
    actielijst_status_rec s, t;
    actielijst_status_iter *si = NULL, *ti = NULL;
    actielijst_action_rec a;
    char *expected, *got;
    CHECK_OK(actielijst_filter_new(text, whole, &filter));
    CHECK_OK(actielijst_store_view_where(store, "2023-03-01", filter, &scoped));
    if (!filter || !scoped) return;
    CHECK(strcmp(actielijst_view_selection(scoped), text) == 0);
    CHECK(strcmp(actielijst_view_selection(whole), "") == 0);
    CHECK_OK(actielijst_filter_select(filter, whole, &expected_it));
    CHECK_OK(actielijst_action_iter_new(scoped, NULL, &got_it));
    expected = keys_of(expected_it);
    got = keys_of(got_it);
    CHECK(expected && got && strcmp(expected, got) == 0);
    actielijst_action_iter_free(got_it);
    /* The same states of affairs, field by field. */
    CHECK_OK(actielijst_action_iter_new(scoped, NULL, &got_it));
    while (actielijst_action_iter_next(got_it, &a) == ACTIELIJST_OK) {
        CHECK_OK(actielijst_status_iter_new(scoped, a.key, &si));
        CHECK_OK(actielijst_status_iter_new(whole, a.key, &ti));
        while (actielijst_status_iter_next(si, &s) == ACTIELIJST_OK) {
            CHECK(actielijst_status_iter_next(ti, &t) == ACTIELIJST_OK);
            CHECK(strcmp(s.scope, t.scope) == 0 && strcmp(s.state, t.state) == 0 && strcmp(s.as_of, t.as_of) == 0);
        }
        CHECK(actielijst_status_iter_next(ti, &t) == ACTIELIJST_ITEROVER);
        actielijst_status_iter_free(si);
        actielijst_status_iter_free(ti);
    }
    free(expected);
    free(got);
    actielijst_action_iter_free(got_it);
    actielijst_action_iter_free(expected_it);
    actielijst_view_free(scoped);
    actielijst_filter_free(filter);
}

int main(int argc, char **argv) {
    char dir[128];
    char *json = NULL;
    size_t len = 0, i;
    actielijst_store *store;
    actielijst_view *whole = NULL, *scoped = NULL;
    actielijst_filter *filter = NULL, *unknown = NULL;
    if (setup(argc, argv, dir, &json, &len)) return 2;
    store = open_with(dir, "scoped.db", json, len);
    CHECK(store != NULL);
    CHECK_OK(actielijst_store_view(store, "2023-03-01", &whole));
    for (i = 0; i < sizeof filters / sizeof filters[0]; ++i) same_selection(store, whole, filters[i]);

    /* Bad input: NULLs, a bad date, a filter naming what the list lacks. */
    CHECK_OK(actielijst_filter_new("theme = \"wonen\"", NULL, &filter));
    CHECK_FAILS(actielijst_store_view_where(NULL, "2023-03-01", filter, &scoped), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_store_view_where(store, "2023-03-01", NULL, &scoped), ACTIELIJST_EINVALID, "filter");
    CHECK_FAILS(actielijst_store_view_where(store, "1 maart", filter, &scoped), ACTIELIJST_EINVALID, "as_of");
    CHECK_FAILS(actielijst_store_view_where(store, "2023-03-01", filter, NULL), ACTIELIJST_EINVALID, "out");
    CHECK(scoped == NULL);
    CHECK_OK(actielijst_filter_new("state_at(\"CR99\") = \"stalled\"", NULL, &unknown));
    CHECK_FAILS(actielijst_store_view_where(store, "2023-03-01", unknown, &scoped), ACTIELIJST_ENOTFOUND,
                "unknown region \"CR99\"");
    CHECK(scoped == NULL);
    CHECK(actielijst_view_selection(NULL) == NULL);

    actielijst_filter_free(unknown);
    actielijst_filter_free(filter);
    actielijst_view_free(whole);
    actielijst_store_free(store);
    remove_dir(dir);
    free(json);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
