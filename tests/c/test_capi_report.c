/*
 * The steering-group report through the C API: the Limburg list as of 2023-03-01
 * in all four formats and both languages, reproducible output, the changes section
 * against an earlier picture, contacts only on request, and every argument check;
 * then the report of a store in one call (actielijst_store_report_render): the same
 * bytes as the report of a view of that date and as the golden file, its default
 * date, its comparison against a snapshot file or a date, and its errors.
 *
 *   test_capi_report <path to limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

static const int formats[4] = {ACTIELIJST_REPORT_HTML, ACTIELIJST_REPORT_MARKDOWN, ACTIELIJST_REPORT_CSV,
                               ACTIELIJST_REPORT_JSON};
static const char *const languages[2] = {"nl", "en"};

static void test_options_init(void) {
    actielijst_report_options o;
    actielijst_report_options init = ACTIELIJST_REPORT_OPTIONS_INIT;
    memset(&o, 0xAB, sizeof o);
    CHECK_OK(actielijst_report_options_init(&o, ACTIELIJST_REPORT_OPTIONS_VERSION));
    CHECK(o.version == ACTIELIJST_REPORT_OPTIONS_VERSION);
    CHECK(o.format == ACTIELIJST_REPORT_HTML);
    CHECK(o.language == NULL && o.title == NULL && o.sections == NULL && o.filter == NULL && o.meeting == NULL);
    CHECK(o.include_contacts == 0 && o.contact_store == NULL);
    CHECK(init.version == o.version && init.format == o.format);
    CHECK_FAILS(actielijst_report_options_init(NULL, ACTIELIJST_REPORT_OPTIONS_VERSION), ACTIELIJST_EINVALID,
                "opts");
    memset(&o, 0xAB, sizeof o);
    CHECK_FAILS(actielijst_report_options_init(&o, 99), ACTIELIJST_EVERSION, "version");
    CHECK(((unsigned char *)&o)[0] == 0xAB); /* untouched */
}

static void test_formats(actielijst_view *v) {
    int f, l;
    for (f = 0; f < 4; ++f) {
        for (l = 0; l < 2; ++l) {
            actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
            actielijst_buf a = {NULL, 0}, b = {NULL, 0};
            o.format = formats[f];
            o.language = languages[l];
            CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &a));
            CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &b));
            CHECK(a.data != NULL && a.size > 1000);
            CHECK(a.data && strlen(a.data) == a.size);
            CHECK(a.size == b.size && a.data && b.data && memcmp(a.data, b.data, a.size) == 0);
            if (a.data && formats[f] == ACTIELIJST_REPORT_HTML)
                CHECK(strncmp(a.data, "<!DOCTYPE html>", 15) == 0);
            if (a.data && formats[f] == ACTIELIJST_REPORT_JSON) CHECK(a.data[0] == '{');
            if (a.data && formats[f] == ACTIELIJST_REPORT_CSV) CHECK(strstr(a.data, "\r\n") != NULL);
            if (a.data && formats[f] == ACTIELIJST_REPORT_HTML)
                CHECK(strstr(a.data, l == 0 ? "lang=\"nl\"" : "lang=\"en\"") != NULL);
            actielijst_buf_dispose(&a);
            actielijst_buf_dispose(&b);
        }
    }
}

static void test_defaults_and_rules(actielijst_view *v) {
    actielijst_buf plain = {NULL, 0}, with_default = {NULL, 0}, with_init = {NULL, 0}, few = {NULL, 0};
    actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_rules *defaults = NULL, *none = NULL;
    static const char only_one[] =
        "rule everything\n"
        "    severity info\n"
        "    when true\n"
        "    message \"ZZ-{title}\"\n";

    CHECK_OK(actielijst_report_render(v, NULL, NULL, NULL, &plain));
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &with_init));
    CHECK_OK(actielijst_rules_load_default(NULL, &defaults));
    CHECK_OK(actielijst_report_render(v, defaults, NULL, NULL, &with_default));
    CHECK(plain.data && plain.size == with_default.size && memcmp(plain.data, with_default.data, plain.size) == 0);
    CHECK(plain.data && plain.size == with_init.size && memcmp(plain.data, with_init.data, plain.size) == 0);
    CHECK_OK(actielijst_rules_load(only_one, strlen(only_one), NULL, NULL, &none));
    CHECK_OK(actielijst_report_render(v, none, NULL, NULL, &few));
    CHECK(few.data && strstr(few.data, "ZZ-") != NULL);
    CHECK(plain.data && strstr(plain.data, "ZZ-") == NULL);
    actielijst_rules_free(defaults);
    actielijst_rules_free(none);
    actielijst_buf_dispose(&plain);
    actielijst_buf_dispose(&with_default);
    actielijst_buf_dispose(&with_init);
    actielijst_buf_dispose(&few);
}

static void test_sections_filter_title(actielijst_view *v) {
    actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_buf all = {NULL, 0}, some = {NULL, 0}, filtered = {NULL, 0}, titled = {NULL, 0};
    o.format = ACTIELIJST_REPORT_JSON;
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &all));
    o.sections = " summary ,signals";
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &some));
    CHECK(some.data && all.data && some.size < all.size);
    CHECK(some.data && strstr(some.data, "\"summary\"") != NULL);
    o.sections = "";
    o.filter = "theme = \"wonen\"";
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &filtered));
    CHECK(filtered.data && all.data && filtered.size < all.size);
    o.filter = NULL;
    o.format = ACTIELIJST_REPORT_MARKDOWN;
    o.title = "Titel <voor> de test";
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &titled));
    CHECK(titled.data && strstr(titled.data, "Titel") != NULL);
    actielijst_buf_dispose(&all);
    actielijst_buf_dispose(&some);
    actielijst_buf_dispose(&filtered);
    actielijst_buf_dispose(&titled);
}

static void test_compare_and_contacts(actielijst_store *s, actielijst_view *v) {
    actielijst_view *before = NULL;
    actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_buf without = {NULL, 0}, with = {NULL, 0}, contacts = {NULL, 0}, no_contacts = {NULL, 0};
    o.format = ACTIELIJST_REPORT_JSON;
    CHECK_OK(actielijst_store_view(s, "2022-06-01", &before));
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &without));
    CHECK_OK(actielijst_report_render(v, NULL, &o, before, &with));
    CHECK(with.data && without.data && with.size != without.size);
    CHECK(with.data && strstr(with.data, "2022-06-01") != NULL);

    CHECK_OK(put_contact(s, "GM0935", "contact", "Testpersoon Rapport", "rapport@example.nl"));
    o.include_contacts = 1;
    o.contact_store = s;
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &contacts));
    CHECK(contacts.data && strstr(contacts.data, "Testpersoon Rapport") != NULL);
    o.include_contacts = 0; /* contact_store alone lists nobody */
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &no_contacts));
    CHECK(no_contacts.data && strstr(no_contacts.data, "Testpersoon Rapport") == NULL);

    actielijst_view_free(before);
    actielijst_buf_dispose(&without);
    actielijst_buf_dispose(&with);
    actielijst_buf_dispose(&contacts);
    actielijst_buf_dispose(&no_contacts);
}

static void test_argument_checks(actielijst_store *s, actielijst_view *v) {
    actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_buf out = {NULL, 0};
    unsigned char junk[64];
    memset(junk, 0x5A, sizeof junk);

    CHECK_FAILS(actielijst_report_render(NULL, NULL, NULL, NULL, &out), ACTIELIJST_EINVALID, "view");
    CHECK_FAILS(actielijst_report_render(v, NULL, NULL, NULL, NULL), ACTIELIJST_EINVALID, "out");
    CHECK_FAILS(actielijst_report_render((actielijst_view *)junk, NULL, NULL, NULL, &out), ACTIELIJST_EINVALID,
                "not a valid actielijst_view");
    CHECK_FAILS(actielijst_report_render(v, (actielijst_rules *)junk, NULL, NULL, &out), ACTIELIJST_EINVALID,
                "rules");
    CHECK_FAILS(actielijst_report_render(v, NULL, NULL, (actielijst_view *)junk, &out), ACTIELIJST_EINVALID,
                "compare");

    o.version = 99;
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EVERSION, "options->version");
    o.version = ACTIELIJST_REPORT_OPTIONS_VERSION;
    o.format = 4;
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EINVALID, "options->format");
    o.format = -1;
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EINVALID, "options->format");
    o.format = ACTIELIJST_REPORT_HTML;
    o.language = "de";
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EINVALID, "options->language");
    o.language = "en";
    o.sections = "summary,agenda";
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EINVALID, "\"agenda\"");
    o.sections = NULL;
    o.title = "\xff\xfe";
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EINVALID, "options->title");
    o.title = NULL;
    o.filter = "theme = ";
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EINVALID, "filter:1:");
    CHECK(strchr(actielijst_error_message(), '^') != NULL); /* the caret under the column */
    o.filter = "theme = \"no_such_theme\"";
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_ENOTFOUND, "no_such_theme");
    o.filter = NULL;
    o.meeting = "no-such-meeting";
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_ENOTFOUND, "no-such-meeting");
    o.meeting = NULL;
    o.include_contacts = 1;
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EINVALID, "options->contact_store");
    o.contact_store = (actielijst_store *)junk;
    CHECK_FAILS(actielijst_report_render(v, NULL, &o, NULL, &out), ACTIELIJST_EINVALID, "options->contact_store");
    o.contact_store = s;
    CHECK(out.data == NULL && out.size == 0); /* *out untouched on every failure */
    CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &out));
    actielijst_buf_dispose(&out);
}


static void test_store_options_init(void) {
    actielijst_store_report_options o;
    actielijst_store_report_options init = ACTIELIJST_STORE_REPORT_OPTIONS_INIT;
    memset(&o, 0xAB, sizeof o);
    CHECK_OK(actielijst_store_report_options_init(&o, ACTIELIJST_STORE_REPORT_OPTIONS_VERSION));
    CHECK(o.version == ACTIELIJST_STORE_REPORT_OPTIONS_VERSION && o.format == ACTIELIJST_REPORT_HTML);
    CHECK(o.language == NULL && o.title == NULL && o.sections == NULL && o.filter == NULL && o.meeting == NULL);
    CHECK(o.include_contacts == 0 && o.as_of == NULL && o.compare_snapshot == NULL && o.compare_date == NULL);
    CHECK(o.rules == NULL);
    CHECK(init.version == o.version && init.format == o.format);
    CHECK_FAILS(actielijst_store_report_options_init(NULL, ACTIELIJST_STORE_REPORT_OPTIONS_VERSION),
                ACTIELIJST_EINVALID, "opts");
    memset(&o, 0xAB, sizeof o);
    CHECK_FAILS(actielijst_store_report_options_init(&o, 99), ACTIELIJST_EVERSION, "version");
    CHECK(((unsigned char *)&o)[0] == 0xAB); /* untouched */
}

static int same(const actielijst_buf *a, const actielijst_buf *b) {
    return a->data && b->data && a->size == b->size && memcmp(a->data, b->data, a->size) == 0;
}

/* The golden Markdown report beside the Limburg list: <src>/examples/data/limburg.json
 * -> <src>/tests/golden/report/limburg.nl.md. NULL when the path has another shape. */
static char *golden_markdown(const char *data_path, size_t *len) {
    static const char data_tail[] = "examples/data/limburg.json";
    static const char golden_tail[] = "tests/golden/report/limburg.nl.md";
    size_t n = strlen(data_path), prefix;
    char *path, *text;
    if (n < sizeof data_tail - 1 || strcmp(data_path + n - (sizeof data_tail - 1), data_tail) != 0) return NULL;
    prefix = n - (sizeof data_tail - 1);
    path = (char *)malloc(prefix + sizeof golden_tail);
    if (!path) return NULL;
    memcpy(path, data_path, prefix);
    memcpy(path + prefix, golden_tail, sizeof golden_tail);
    text = read_all(path, len);
    free(path);
    return text;
}

static void test_store_report(actielijst_store *s, actielijst_view *v, const char *dir, const char *data_path) {
    actielijst_store_report_options o = ACTIELIJST_STORE_REPORT_OPTIONS_INIT;
    actielijst_report_options vo = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_buf by_store = {NULL, 0}, by_view = {NULL, 0}, date = {NULL, 0}, dflt = {NULL, 0};
    actielijst_view *before = NULL;
    actielijst_rules *none = NULL;
    char snap[128], needle[64];
    size_t golden_len = 0;
    char *golden = golden_markdown(data_path, &golden_len);
    static const char only_one[] =
        "rule everything\n"
        "    severity info\n"
        "    when true\n"
        "    message \"ZZ-{title}\"\n";

    /* The same bytes as the report of a view of that date, and as the golden file. */
    o.format = vo.format = ACTIELIJST_REPORT_MARKDOWN;
    o.as_of = "2023-03-01";
    CHECK_OK(actielijst_store_report_render(s, &o, &by_store));
    CHECK_OK(actielijst_report_render(v, NULL, &vo, NULL, &by_view));
    CHECK(same(&by_store, &by_view));
    CHECK(golden != NULL);
    CHECK(golden && by_store.data && by_store.size == golden_len && memcmp(golden, by_store.data, golden_len) == 0);
    actielijst_buf_dispose(&by_store);
    actielijst_buf_dispose(&by_view);

    /* Without a date: the store's default date. */
    o.format = ACTIELIJST_REPORT_JSON;
    o.as_of = NULL;
    CHECK_OK(actielijst_store_default_date(s, &date));
    CHECK_OK(actielijst_store_report_render(s, &o, &dflt));
    snprintf(needle, sizeof needle, "\"as_of\": \"%s\"", date.data ? date.data : "?");
    CHECK(dflt.data && strstr(dflt.data, needle) != NULL);
    actielijst_buf_dispose(&dflt);
    CHECK_OK(actielijst_store_report_render(s, NULL, &dflt)); /* NULL options: the defaults */
    CHECK(dflt.data && strncmp(dflt.data, "<!DOCTYPE html>", 15) == 0);
    actielijst_buf_dispose(&dflt);
    actielijst_buf_dispose(&date);

    /* Compared against a snapshot file and against a date: the view report's changes. */
    o.as_of = "2023-03-01";
    CHECK_OK(actielijst_store_view(s, "2022-06-01", &before));
    snprintf(snap, sizeof snap, "%s/before.snap", dir);
    CHECK_OK(actielijst_view_save_snapshot(before, ACTIELIJST_SNAPSHOT_BINARY, snap));
    vo.format = ACTIELIJST_REPORT_JSON;
    CHECK_OK(actielijst_report_render(v, NULL, &vo, before, &by_view));
    o.compare_snapshot = snap;
    CHECK_OK(actielijst_store_report_render(s, &o, &by_store));
    CHECK(same(&by_store, &by_view));
    CHECK(by_store.data && strstr(by_store.data, "\"changes_from\": \"2022-06-01\"") != NULL);
    actielijst_buf_dispose(&by_store);
    o.compare_snapshot = NULL;
    o.compare_date = "2022-06-01";
    CHECK_OK(actielijst_store_report_render(s, &o, &by_store));
    CHECK(same(&by_store, &by_view));
    actielijst_buf_dispose(&by_store);
    actielijst_buf_dispose(&by_view);
    o.compare_date = NULL;

    /* Given rules replace the defaults. */
    CHECK_OK(actielijst_rules_load(only_one, strlen(only_one), NULL, NULL, &none));
    o.rules = none;
    CHECK_OK(actielijst_store_report_render(s, &o, &by_store));
    CHECK(by_store.data && strstr(by_store.data, "ZZ-") != NULL);
    actielijst_buf_dispose(&by_store);
    o.rules = NULL;

    actielijst_view_free(before);
    actielijst_rules_free(none);
    free(golden);
}

static void test_store_report_errors(actielijst_store *s, const char *dir) {
    actielijst_store_report_options o = ACTIELIJST_STORE_REPORT_OPTIONS_INIT;
    actielijst_buf out = {NULL, 0};
    char missing[128];
    unsigned char junk[64];
    memset(junk, 0x5A, sizeof junk);
    snprintf(missing, sizeof missing, "%s/no-such.snap", dir);

    CHECK_FAILS(actielijst_store_report_render(NULL, &o, &out), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_store_report_render((actielijst_store *)junk, &o, &out), ACTIELIJST_EINVALID,
                "not a valid actielijst_store");
    CHECK_FAILS(actielijst_store_report_render(s, &o, NULL), ACTIELIJST_EINVALID, "out");
    o.version = 99;
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EVERSION, "options->version");
    o.version = ACTIELIJST_STORE_REPORT_OPTIONS_VERSION;
    o.format = 4;
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EINVALID, "options->format");
    o.format = ACTIELIJST_REPORT_JSON;
    o.language = "fr";
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EINVALID, "options->language");
    o.language = NULL;
    o.sections = "summary,agenda";
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EINVALID, "\"agenda\"");
    o.sections = NULL;
    o.as_of = "2023-02-30";
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EINVALID, "options->as_of");
    o.as_of = "2023-03-01";
    o.compare_date = "yesterday";
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EINVALID, "options->compare_date");
    o.compare_date = "2022-06-01";
    o.compare_snapshot = missing;
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EINVALID, "options->compare_snapshot");
    o.compare_date = NULL;
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EIO, "no-such.snap");
    o.compare_snapshot = NULL;
    o.meeting = "no-such-meeting";
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_ENOTFOUND, "no-such-meeting");
    o.as_of = NULL; /* the meeting would give the date: still unknown */
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_ENOTFOUND, "no-such-meeting");
    o.meeting = NULL;
    o.filter = "theme = ";
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EINVALID, "filter:1:");
    o.filter = NULL;
    o.rules = (actielijst_rules *)junk;
    CHECK_FAILS(actielijst_store_report_render(s, &o, &out), ACTIELIJST_EINVALID, "options->rules");
    o.rules = NULL;
    CHECK(out.data == NULL && out.size == 0); /* *out untouched on every failure */
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;
    actielijst_view *v = NULL;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    test_options_init();
    test_store_options_init();
    s = open_with(dir, "report.db", json, len);
    CHECK(s != NULL);
    if (s) {
        CHECK_OK(actielijst_store_view(s, "2023-03-01", &v));
        if (v) {
            test_formats(v);
            test_defaults_and_rules(v);
            test_sections_filter_title(v);
            test_compare_and_contacts(s, v);
            test_argument_checks(s, v);
            test_store_report(s, v, dir, argv[1]);
            test_store_report_errors(s, dir);
            actielijst_view_free(v);
        }
        actielijst_store_free(s);
    }
    free(json);
    remove_dir(dir);
    return report();
}
