/*
 * The list after a meeting (besluitenlijst) through the C API: the Limburg list and
 * its illustrative follow-up meeting in all four formats and both languages,
 * reproducible output, the default meeting, the write callback and the atomic
 * file, and every argument check.
 *
 *   test_capi_decision_list <path to limburg.json> <path to limburg-next-meeting.json>
 */
#include "test_support.h"

#include <stdlib.h>

static const int formats[4] = {ACTIELIJST_REPORT_HTML, ACTIELIJST_REPORT_MARKDOWN, ACTIELIJST_REPORT_CSV,
                               ACTIELIJST_REPORT_JSON};
static const char *const languages[2] = {"nl", "en"};


static void test_options_init(void) {
    actielijst_decision_list_options o;
    actielijst_decision_list_options init = ACTIELIJST_DECISION_LIST_OPTIONS_INIT;
    memset(&o, 0xAB, sizeof o);
    CHECK_OK(actielijst_decision_list_options_init(&o, ACTIELIJST_DECISION_LIST_OPTIONS_VERSION));
    CHECK(o.version == ACTIELIJST_DECISION_LIST_OPTIONS_VERSION);
    CHECK(o.format == ACTIELIJST_REPORT_HTML);
    CHECK(o.language == NULL && o.title == NULL && o.meeting == NULL && o.as_of == NULL);
    CHECK(o.due_within_days == 42);
    CHECK(init.version == o.version && init.format == o.format && init.due_within_days == o.due_within_days);
    CHECK_FAILS(actielijst_decision_list_options_init(NULL, ACTIELIJST_DECISION_LIST_OPTIONS_VERSION),
                ACTIELIJST_EINVALID, "opts");
    memset(&o, 0xAB, sizeof o);
    CHECK_FAILS(actielijst_decision_list_options_init(&o, 99), ACTIELIJST_EVERSION, "version");
    CHECK(((unsigned char *)&o)[0] == 0xAB); /* untouched */
}

static void test_formats(actielijst_store *s) {
    int f, l;
    for (f = 0; f < 4; ++f) {
        for (l = 0; l < 2; ++l) {
            actielijst_decision_list_options o = ACTIELIJST_DECISION_LIST_OPTIONS_INIT;
            actielijst_buf a = {NULL, 0}, b = {NULL, 0};
            o.format = formats[f];
            o.language = languages[l];
            o.meeting = "sg-2023-04";
            CHECK_OK(actielijst_decision_list_render(s, &o, &a));
            CHECK_OK(actielijst_decision_list_render(s, &o, &b));
            CHECK(a.data != NULL && a.size > 500);
            CHECK(a.data && strlen(a.data) == a.size);
            CHECK(a.size == b.size && a.data && b.data && memcmp(a.data, b.data, a.size) == 0);
            /* The words P2 was adopted with, in every format. */
            CHECK(a.data && strstr(a.data, "regionale bestuurlijke overleggen Wonen") != NULL);
            if (a.data && formats[f] == ACTIELIJST_REPORT_HTML) {
                CHECK(strncmp(a.data, "<!DOCTYPE html>", 15) == 0);
                CHECK(strstr(a.data, l == 0 ? "Genomen besluiten" : "Decisions taken") != NULL);
            }
            if (a.data && formats[f] == ACTIELIJST_REPORT_JSON)
                CHECK(strstr(a.data, "\"format\": \"actielijst-decision-list\"") != NULL);
            if (a.data && formats[f] == ACTIELIJST_REPORT_CSV) CHECK(strstr(a.data, "\r\n") != NULL);
            actielijst_buf_dispose(&a);
            actielijst_buf_dispose(&b);
        }
    }
}

static void test_meeting_choice(actielijst_store *s) {
    actielijst_decision_list_options o = ACTIELIJST_DECISION_LIST_OPTIONS_INIT;
    actielijst_buf last = {NULL, 0}, april = {NULL, 0}, march = {NULL, 0}, titled = {NULL, 0};
    o.format = ACTIELIJST_REPORT_JSON;
    CHECK_OK(actielijst_decision_list_render(s, &o, &last)); /* no meeting, no date: the last one */
    CHECK(last.data && strstr(last.data, "\"meeting\": \"sg-2023-04\"") != NULL);
    o.meeting = "sg-2023-04";
    CHECK_OK(actielijst_decision_list_render(s, &o, &april));
    CHECK(last.data && april.data && last.size == april.size && memcmp(last.data, april.data, last.size) == 0);
    o.meeting = NULL;
    o.as_of = "2023-04-01";
    CHECK_OK(actielijst_decision_list_render(s, &o, &march));
    CHECK(march.data && strstr(march.data, "\"meeting\": \"sg-2023-03\"") != NULL);
    CHECK(march.data && strstr(march.data, "\"previous_meeting\": \"\"") != NULL);
    o.as_of = NULL;
    o.title = "Besluiten april";
    CHECK_OK(actielijst_decision_list_render(s, &o, &titled));
    CHECK(titled.data && strstr(titled.data, "\"title\": \"Besluiten april\"") != NULL);
    actielijst_buf_dispose(&last);
    actielijst_buf_dispose(&april);
    actielijst_buf_dispose(&march);
    actielijst_buf_dispose(&titled);
}

static void test_stream_and_file(actielijst_store *s, const char *dir) {
    actielijst_decision_list_options o = ACTIELIJST_DECISION_LIST_OPTIONS_INIT;
    actielijst_buf buf = {NULL, 0};
    collector c = {NULL, 0, 0, 0, 0}, failing = {NULL, 0, 0, 1, 0};
    char path[256], missing[256];
    char *file;
    size_t len = 0;
    o.meeting = "sg-2023-04";
    CHECK_OK(actielijst_decision_list_render(s, &o, &buf));
    CHECK_OK(actielijst_decision_list_render_stream(s, &o, collect, &c));
    CHECK(c.calls >= 1);
    CHECK(buf.data && c.data && c.size == buf.size && memcmp(c.data, buf.data, buf.size) == 0);
    CHECK_FAILS(actielijst_decision_list_render_stream(s, &o, collect, &failing), ACTIELIJST_EIO,
                "the write callback failed (returned 7)");
    CHECK(failing.calls == 1);
    CHECK_FAILS(actielijst_decision_list_render_stream(s, &o, NULL, NULL), ACTIELIJST_EINVALID, "write");

    snprintf(path, sizeof path, "%s/besluitenlijst.html", dir);
    CHECK_OK(actielijst_decision_list_render_file(s, &o, path));
    file = read_all(path, &len);
    CHECK(file && buf.data && len == buf.size && memcmp(file, buf.data, len) == 0);
    free(file);
    snprintf(missing, sizeof missing, "%s/no/such/dir/besluitenlijst.html", dir);
    CHECK_FAILS(actielijst_decision_list_render_file(s, &o, missing), ACTIELIJST_EIO, missing);
    CHECK_FAILS(actielijst_decision_list_render_file(s, &o, ""), ACTIELIJST_EINVALID, "path");
    CHECK_FAILS(actielijst_decision_list_render_file(s, &o, NULL), ACTIELIJST_EINVALID, "path");
    remove(path);
    free(c.data);
    free(failing.data);
    actielijst_buf_dispose(&buf);
}

static void test_argument_checks(actielijst_store *s, actielijst_store *no_meetings) {
    actielijst_decision_list_options o = ACTIELIJST_DECISION_LIST_OPTIONS_INIT;
    actielijst_buf out = {NULL, 0};
    CHECK_FAILS(actielijst_decision_list_render(NULL, NULL, &out), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_decision_list_render(s, NULL, NULL), ACTIELIJST_EINVALID, "out");
    o.meeting = "sg-2099-01";
    CHECK_FAILS(actielijst_decision_list_render(s, &o, &out), ACTIELIJST_ENOTFOUND, "\"sg-2099-01\"");
    CHECK(out.data == NULL);
    o.meeting = NULL;
    o.as_of = "2023-01-01";
    CHECK_FAILS(actielijst_decision_list_render(s, &o, &out), ACTIELIJST_ENOTFOUND, "2023-01-01");
    o.as_of = "2023-02-30";
    CHECK_FAILS(actielijst_decision_list_render(s, &o, &out), ACTIELIJST_EINVALID, "options->as_of");
    o.as_of = NULL;
    o.language = "fr";
    CHECK_FAILS(actielijst_decision_list_render(s, &o, &out), ACTIELIJST_EINVALID, "options->language");
    o.language = NULL;
    o.format = 9;
    CHECK_FAILS(actielijst_decision_list_render(s, &o, &out), ACTIELIJST_EINVALID, "options->format");
    o.format = ACTIELIJST_REPORT_HTML;
    o.due_within_days = -1;
    CHECK_FAILS(actielijst_decision_list_render(s, &o, &out), ACTIELIJST_EINVALID, "options->due_within_days");
    o.due_within_days = 42;
    o.version = 99;
    CHECK_FAILS(actielijst_decision_list_render(s, &o, &out), ACTIELIJST_EVERSION, "options->version");
    CHECK_FAILS(actielijst_decision_list_render(no_meetings, NULL, &out), ACTIELIJST_ENOTFOUND, "no meetings");
    CHECK(out.data == NULL);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0, next_len = 0;
    char *json, *next;
    actielijst_store *s, *plain;

    if (argc < 3) {
        fprintf(stderr, "usage: test_capi_decision_list <limburg.json> <limburg-next-meeting.json>\n");
        return 2;
    }
    /* setup() reads the Limburg list (argv[1]) only; the follow-up is read here. */
    if (setup(2, argv, dir, &json, &len) != 0) return 2;
    next = read_all(argv[2], &next_len);
    CHECK(next != NULL);
    test_options_init();
    s = open_with(dir, "besluiten.db", json, len);
    plain = open_with(dir, "plain.db", json, len);
    CHECK(s != NULL && plain != NULL);
    if (s && plain && next) {
        CHECK_OK(actielijst_store_import_json(s, next, next_len));
        test_formats(s);
        test_meeting_choice(s);
        test_stream_and_file(s, dir);
        test_argument_checks(s, plain);
    }
    actielijst_store_free(s);
    actielijst_store_free(plain);
    free(next);
    free(json);
    remove_dir(dir);
    return report();
}
