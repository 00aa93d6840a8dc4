/*
 * Output sinks through the C API: the export and the reports (of a view and of a
 * store) streamed to a write callback give the bytes of the buffer-returning
 * functions; a failing callback stops the output with EIO; files are written
 * atomically, so a failed write leaves the previous file as it was and no
 * temporary file behind.
 *
 *   test_capi_sink <path to limburg.json>
 */
#define _XOPEN_SOURCE 700 /* setrlimit, SIGXFSZ, mkdir, rmdir, opendir */

#include "test_support.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static const int formats[4] = {ACTIELIJST_REPORT_HTML, ACTIELIJST_REPORT_MARKDOWN, ACTIELIJST_REPORT_CSV,
                               ACTIELIJST_REPORT_JSON};

static int same_bytes(const collector *c, const actielijst_buf *b) {
    return b->data != NULL && c->size == b->size && (c->size == 0 || memcmp(c->data, b->data, c->size) == 0);
}

/* Whether the file at `path` holds exactly `size` bytes `data`. */
static int file_is(const char *path, const char *data, size_t size) {
    size_t len = 0;
    char *text = read_all(path, &len);
    int same = text != NULL && len == size && memcmp(text, data, size) == 0;
    free(text);
    return same;
}

static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK(fputs(text, f) >= 0);
    CHECK(fclose(f) == 0);
}

/* The names in `dir` other than . and ..; 1 when exactly `only` (or nothing, when
 * `only` is NULL) is there. */
static int directory_holds_only(const char *dir, const char *only) {
    DIR *d = opendir(dir);
    struct dirent *e;
    int others = 0, found = 0;
    if (!d) return 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (only && strcmp(e->d_name, only) == 0) {
            found = 1;
        } else {
            fprintf(stderr, "  unexpected file in %s: %s\n", dir, e->d_name);
            ++others;
        }
    }
    closedir(d);
    return others == 0 && (only == NULL || found);
}

/* Export options with or without the contacts. */
static actielijst_export_options export_options(int include_contacts) {
    actielijst_export_options o = ACTIELIJST_EXPORT_OPTIONS_INIT;
    o.include_contacts = include_contacts;
    return o;
}

static void test_export_stream(actielijst_store *s) {
    int contacts;
    /* 0 and 1: options without and with the contacts; 2: NULL options, the defaults. */
    for (contacts = 0; contacts < 3; ++contacts) {
        actielijst_export_options o = export_options(contacts == 1);
        const actielijst_export_options *options = contacts < 2 ? &o : NULL;
        collector c;
        actielijst_buf b = {NULL, 0};
        memset(&c, 0, sizeof c);
        CHECK_OK(actielijst_store_export_json_stream(s, options, collect, &c));
        CHECK_OK(actielijst_store_export_json(s, options, &b));
        CHECK(same_bytes(&c, &b));
        CHECK(c.calls >= 2); /* streamed in pieces, not handed over whole */
        CHECK(c.empty_calls == 0);
        actielijst_buf_dispose(&b);
        collector_free(&c);
    }
}

static void test_report_stream(actielijst_view *v, actielijst_view *before) {
    int f;
    for (f = 0; f < 4; ++f) {
        actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
        collector c;
        actielijst_buf b = {NULL, 0};
        memset(&c, 0, sizeof c);
        o.format = formats[f];
        o.language = f % 2 ? "en" : "nl";
        CHECK_OK(actielijst_report_render_stream(v, NULL, &o, before, collect, &c));
        CHECK_OK(actielijst_report_render(v, NULL, &o, before, &b));
        CHECK(same_bytes(&c, &b));
        CHECK(c.empty_calls == 0);
        actielijst_buf_dispose(&b);
        collector_free(&c);
    }
}

/* The report of a store, streamed and written to a file: the bytes of
 * actielijst_store_report_render with the same options; a bad option fails before a
 * byte is written; a failing callback stops it with EIO. */
static void test_store_report_sinks(actielijst_store *s, const char *dir) {
    char sub[4096], path[4200];
    int f;
    snprintf(sub, sizeof sub, "%s/store-report", dir);
    CHECK(mkdir(sub, 0700) == 0);
    snprintf(path, sizeof path, "%s/report", sub);
    for (f = 0; f < 4; ++f) {
        actielijst_store_report_options o = ACTIELIJST_STORE_REPORT_OPTIONS_INIT;
        collector c;
        actielijst_buf b = {NULL, 0};
        memset(&c, 0, sizeof c);
        o.format = formats[f];
        o.language = f % 2 ? "en" : "nl";
        o.as_of = "2023-03-01";
        o.compare_date = "2022-06-01";
        CHECK_OK(actielijst_store_report_render(s, &o, &b));
        CHECK_OK(actielijst_store_report_render_stream(s, &o, collect, &c));
        CHECK(same_bytes(&c, &b));
        CHECK(c.empty_calls == 0);
        CHECK_OK(actielijst_store_report_render_file(s, &o, path));
        CHECK(file_is(path, b.data, b.size));
        actielijst_buf_dispose(&b);
        collector_free(&c);
    }
    CHECK(remove(path) == 0);
    {
        actielijst_store_report_options o = ACTIELIJST_STORE_REPORT_OPTIONS_INIT;
        collector c;
        memset(&c, 0, sizeof c);
        CHECK_FAILS(actielijst_store_report_render_stream(NULL, &o, collect, &c), ACTIELIJST_EINVALID, "store");
        CHECK_FAILS(actielijst_store_report_render_stream(s, &o, NULL, &c), ACTIELIJST_EINVALID, "write");
        CHECK_FAILS(actielijst_store_report_render_file(NULL, &o, path), ACTIELIJST_EINVALID, "store");
        CHECK_FAILS(actielijst_store_report_render_file(s, &o, NULL), ACTIELIJST_EINVALID, "path");
        CHECK_FAILS(actielijst_store_report_render_file(s, &o, ""), ACTIELIJST_EINVALID, "path");
        o.language = "fr";
        CHECK_FAILS(actielijst_store_report_render_stream(s, &o, collect, &c), ACTIELIJST_EINVALID,
                    "options->language");
        CHECK_FAILS(actielijst_store_report_render_file(s, &o, path), ACTIELIJST_EINVALID, "options->language");
        CHECK(c.calls == 0);
        o.language = NULL;
        c.fail_at = 1;
        CHECK_FAILS(actielijst_store_report_render_stream(s, &o, collect, &c), ACTIELIJST_EIO, "returned 7");
        CHECK(c.calls == 1);
        collector_free(&c);
    }
    CHECK(directory_holds_only(sub, NULL));
}

static void test_failing_callback(actielijst_store *s, actielijst_view *v) {
    actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_export_options with_contacts = export_options(1);
    collector c;
    memset(&c, 0, sizeof c);
    c.fail_at = 2;
    CHECK_FAILS(actielijst_store_export_json_stream(s, &with_contacts, collect, &c), ACTIELIJST_EIO,
                "write callback failed");
    CHECK(strstr(actielijst_error_message(), "actielijst_store_export_json_stream") != NULL);
    CHECK(strstr(actielijst_error_message(), "returned 7") != NULL);
    CHECK(c.calls == 2); /* never called again after it failed */
    collector_free(&c);

    c.fail_at = 2;
    CHECK_FAILS(actielijst_report_render_stream(v, NULL, &o, NULL, collect, &c), ACTIELIJST_EIO,
                "write callback failed");
    CHECK(c.calls == 2);
    collector_free(&c);

    c.fail_at = 1;
    o.format = ACTIELIJST_REPORT_CSV;
    CHECK_FAILS(actielijst_report_render_stream(v, NULL, &o, NULL, collect, &c), ACTIELIJST_EIO, "returned 7");
    CHECK(c.calls == 1);
    collector_free(&c);

    /* The library works on after a failed sink. */
    CHECK_OK(actielijst_store_export_json_stream(s, NULL, collect, &c));
    CHECK(c.size > 1000);
    collector_free(&c);
}

static void test_argument_checks(actielijst_store *s, actielijst_view *v, const char *dir) {
    actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_export_options bad_options = ACTIELIJST_EXPORT_OPTIONS_INIT;
    collector c;
    char path[4096];
    memset(&c, 0, sizeof c);
    CHECK_FAILS(actielijst_store_export_json_stream(NULL, NULL, collect, &c), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_store_export_json_stream(s, NULL, NULL, &c), ACTIELIJST_EINVALID, "write");
    CHECK_FAILS(actielijst_store_export_json_file(NULL, NULL, "x.json"), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_store_export_json_file(s, NULL, NULL), ACTIELIJST_EINVALID, "path");
    CHECK_FAILS(actielijst_store_export_json_file(s, NULL, ""), ACTIELIJST_EINVALID, "path");
    CHECK_FAILS(actielijst_store_export_json_file(s, NULL, "bad\xff.json"), ACTIELIJST_EINVALID, "path");
    /* Options of an unknown version: refused before the callback or a file sees a byte. */
    bad_options.version = 2;
    CHECK_FAILS(actielijst_store_export_json_stream(s, &bad_options, collect, &c), ACTIELIJST_EVERSION,
                "options->version");
    snprintf(path, sizeof path, "%s/never.json", dir);
    CHECK_FAILS(actielijst_store_export_json_file(s, &bad_options, path), ACTIELIJST_EVERSION, "options->version");
    CHECK(access(path, F_OK) != 0);
    CHECK_FAILS(actielijst_report_render_stream(NULL, NULL, &o, NULL, collect, &c), ACTIELIJST_EINVALID, "view");
    CHECK_FAILS(actielijst_report_render_stream(v, NULL, &o, NULL, NULL, &c), ACTIELIJST_EINVALID, "write");
    CHECK_FAILS(actielijst_report_render_file(v, NULL, &o, NULL, NULL), ACTIELIJST_EINVALID, "path");
    CHECK(c.calls == 0);

    /* A bad option fails before anything is written: the callback is not called,
     * no file is created. */
    o.language = "fr";
    CHECK_FAILS(actielijst_report_render_stream(v, NULL, &o, NULL, collect, &c), ACTIELIJST_EINVALID,
                "options->language");
    CHECK(c.calls == 0);
    snprintf(path, sizeof path, "%s/args", dir);
    CHECK(mkdir(path, 0700) == 0);
    snprintf(path, sizeof path, "%s/args/report.html", dir);
    CHECK_FAILS(actielijst_report_render_file(v, NULL, &o, NULL, path), ACTIELIJST_EINVALID, "options->language");
    o.language = NULL;
    o.filter = "state = ";
    CHECK_FAILS(actielijst_report_render_file(v, NULL, &o, NULL, path), ACTIELIJST_EINVALID, "filter");
    snprintf(path, sizeof path, "%s/args", dir);
    CHECK(directory_holds_only(path, NULL));
}

static void test_files(actielijst_store *s, actielijst_view *v, const char *dir) {
    char sub[4096], path[4200];
    actielijst_buf b = {NULL, 0};
    actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_export_options with_contacts = export_options(1);
    int f;

    snprintf(sub, sizeof sub, "%s/files", dir);
    CHECK(mkdir(sub, 0700) == 0);

    /* Written, and written again over the first one. */
    snprintf(path, sizeof path, "%s/export.json", sub);
    write_text(path, "old content");
    CHECK_OK(actielijst_store_export_json_file(s, &with_contacts, path));
    CHECK_OK(actielijst_store_export_json(s, &with_contacts, &b));
    CHECK(file_is(path, b.data, b.size));
    actielijst_buf_dispose(&b);
    CHECK_OK(actielijst_store_export_json_file(s, NULL, path));
    CHECK_OK(actielijst_store_export_json(s, NULL, &b));
    CHECK(file_is(path, b.data, b.size));
    actielijst_buf_dispose(&b);
    CHECK(directory_holds_only(sub, "export.json"));

    for (f = 0; f < 4; ++f) {
        o.format = formats[f];
        snprintf(path, sizeof path, "%s/report", sub);
        CHECK_OK(actielijst_report_render_file(v, NULL, &o, NULL, path));
        CHECK_OK(actielijst_report_render(v, NULL, &o, NULL, &b));
        CHECK(file_is(path, b.data, b.size));
        actielijst_buf_dispose(&b);
    }
    CHECK(remove(path) == 0);

    /* A directory that does not exist: the message names the path and the reason. */
    snprintf(path, sizeof path, "%s/missing/export.json", sub);
    CHECK_FAILS(actielijst_store_export_json_file(s, NULL, path), ACTIELIJST_EIO, path);
    CHECK(strstr(actielijst_error_message(), "No such file or directory") != NULL);
    CHECK_FAILS(actielijst_report_render_file(v, NULL, &o, NULL, path), ACTIELIJST_EIO, path);

    /* A directory where the file should go is refused, and left as it is. */
    snprintf(path, sizeof path, "%s/adir", sub);
    CHECK(mkdir(path, 0700) == 0);
    CHECK_FAILS(actielijst_store_export_json_file(s, NULL, path), ACTIELIJST_EIO, "Is a directory");
    CHECK(rmdir(path) == 0);
    CHECK(directory_holds_only(sub, "export.json"));
}

/* A write that fails half-way (the file size limit stands in for a full disk):
 * the previous file is intact and no temporary file is left. */
static void test_failed_write_keeps_previous(actielijst_store *s, actielijst_view *v, const char *dir) {
    char sub[4096], path[4200];
    const char *previous = "{\"the previous\": \"export\"}\n";
    actielijst_report_options o = ACTIELIJST_REPORT_OPTIONS_INIT;
    actielijst_export_options with_contacts = export_options(1);
    struct rlimit saved, limited;
    void (*old_handler)(int);
    int rc_export, rc_report;
    char message_export[1024], message_report[1024];

    snprintf(sub, sizeof sub, "%s/full", dir);
    CHECK(mkdir(sub, 0700) == 0);
    snprintf(path, sizeof path, "%s/export.json", sub);
    write_text(path, previous);

    CHECK(getrlimit(RLIMIT_FSIZE, &saved) == 0);
    limited = saved;
    limited.rlim_cur = 4096;
    old_handler = signal(SIGXFSZ, SIG_IGN); /* the write fails with EFBIG instead of ending the process */
    CHECK(setrlimit(RLIMIT_FSIZE, &limited) == 0);
    rc_export = actielijst_store_export_json_file(s, &with_contacts, path);
    snprintf(message_export, sizeof message_export, "%s", actielijst_error_message());
    rc_report = actielijst_report_render_file(v, NULL, &o, NULL, path);
    snprintf(message_report, sizeof message_report, "%s", actielijst_error_message());
    CHECK(setrlimit(RLIMIT_FSIZE, &saved) == 0);
    signal(SIGXFSZ, old_handler);

    CHECK(rc_export == ACTIELIJST_EIO);
    CHECK(strstr(message_export, path) != NULL);
    CHECK(strstr(message_export, "cannot write") != NULL);
    CHECK(strstr(message_export, "File too large") != NULL);
    CHECK(rc_report == ACTIELIJST_EIO);
    CHECK(strstr(message_report, path) != NULL);
    if (rc_export != ACTIELIJST_EIO || rc_report != ACTIELIJST_EIO)
        fprintf(stderr, "  messages: %s | %s\n", message_export, message_report);
    CHECK(file_is(path, previous, strlen(previous)));
    CHECK(directory_holds_only(sub, "export.json"));
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;
    actielijst_view *v = NULL, *before = NULL;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    s = open_with(dir, "sink.db", json, len);
    CHECK(s != NULL);
    if (s) {
        CHECK_OK(actielijst_store_view(s, "2023-03-01", &v));
        CHECK_OK(actielijst_store_view(s, "2022-06-01", &before));
        if (v && before) {
            test_export_stream(s);
            test_report_stream(v, before);
            test_store_report_sinks(s, dir);
            test_failing_callback(s, v);
            test_argument_checks(s, v, dir);
            test_files(s, v, dir);
            test_failed_write_keeps_previous(s, v, dir);
        }
        actielijst_view_free(before);
        actielijst_view_free(v);
        actielijst_store_free(s);
    }
    free(json);
    remove_dir(dir);
    return report();
}
