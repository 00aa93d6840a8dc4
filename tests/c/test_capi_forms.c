/*
 * Forms (uitvraag) through the C API on the Limburg list: the forms for Zuid-Limburg
 * (CR39) written as XLSX and CSV, to a file and to a write callback; a returned CSV
 * (the library's own, with a new state filled in) processed as a dry run and for
 * real, the new state read back from the store; a form with an unknown state refused
 * with its problems listed and nothing stored; bad rows skipped on request; and every
 * argument check.
 *
 *   test_capi_forms <path to limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

#define MEETING "sg-2023-04"
#define MEETING_DATE "2023-04-12"
#define NEW_TEXT "Stand april: de afspraken zijn getekend; uitvoering loopt"

/* ---- A small CSV reader and writer, enough to fill in a returned form ---------- */

typedef struct {
    size_t count;
    char **fields;
} csv_record;

typedef struct {
    size_t count;
    csv_record *records;
    char sep;
    int bom;
} csv_table;

static char *copy_text(const char *text, size_t len) {
    char *out = (char *)malloc(len + 1);
    if (!out) return NULL;
    memcpy(out, text, len);
    out[len] = '\0';
    return out;
}

static int add_field(csv_record *r, const char *text, size_t len) {
    char **grown = (char **)realloc(r->fields, (r->count + 1) * sizeof *grown);
    if (!grown) return -1;
    r->fields = grown;
    r->fields[r->count] = copy_text(text, len);
    return r->fields[r->count++] ? 0 : -1;
}

static int add_record(csv_table *t) {
    csv_record *grown = (csv_record *)realloc(t->records, (t->count + 1) * sizeof *grown);
    if (!grown) return -1;
    t->records = grown;
    t->records[t->count].count = 0;
    t->records[t->count].fields = NULL;
    ++t->count;
    return 0;
}

static void csv_free(csv_table *t) {
    size_t i, j;
    for (i = 0; i < t->count; ++i) {
        for (j = 0; j < t->records[i].count; ++j) free(t->records[i].fields[j]);
        free(t->records[i].fields);
    }
    free(t->records);
    t->records = NULL;
    t->count = 0;
}

/* RFC 4180 with `;` or `,` (whichever the marker row uses first), CRLF or LF, an
 * optional UTF-8 BOM. An empty line is a record without fields. 0 on success. */
static int csv_parse(const char *data, size_t len, csv_table *t) {
    size_t i = 0;
    char *cell = (char *)malloc(len + 1);
    size_t n = 0;
    int in_record = 0, ok = 0;
    memset(t, 0, sizeof *t);
    if (!cell) return -1;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        t->bom = 1;
        i = 3;
    }
    t->sep = ';';
    {
        size_t k;
        for (k = i; k < len && data[k] != '\n'; ++k)
            if (data[k] == ';' || data[k] == ',') {
                t->sep = data[k];
                break;
            }
    }
    while (i < len) {
        if (!in_record) {
            if (add_record(t) != 0) goto done;
            in_record = 1;
            if (data[i] == '\r' || data[i] == '\n') { /* an empty line */
                if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n') ++i;
                ++i;
                in_record = 0;
                continue;
            }
        }
        n = 0;
        if (data[i] == '"') {
            ++i;
            for (;;) {
                if (i >= len) goto done; /* unterminated quote */
                if (data[i] == '"') {
                    if (i + 1 < len && data[i + 1] == '"') {
                        cell[n++] = '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell[n++] = data[i++];
            }
        } else {
            while (i < len && data[i] != t->sep && data[i] != '\r' && data[i] != '\n') cell[n++] = data[i++];
        }
        if (add_field(&t->records[t->count - 1], cell, n) != 0) goto done;
        if (i < len && data[i] == t->sep) {
            ++i;
            if (i >= len || data[i] == '\r' || data[i] == '\n')
                if (add_field(&t->records[t->count - 1], "", 0) != 0) goto done;
            if (i < len && (data[i] == '\r' || data[i] == '\n')) goto end_of_line;
            continue;
        }
    end_of_line:
        if (i < len && data[i] == '\r') ++i;
        if (i < len && data[i] == '\n') ++i;
        in_record = 0;
    }
    ok = 1;
done:
    free(cell);
    if (!ok) csv_free(t);
    return ok ? 0 : -1;
}

/* Field `column` (1-based) of record `row` (1-based), "" past the end. */
static const char *csv_get(const csv_table *t, size_t row, size_t column) {
    if (row == 0 || row > t->count || column == 0 || column > t->records[row - 1].count) return "";
    return t->records[row - 1].fields[column - 1];
}

/* Sets field `column` of record `row`, padding the record with empty fields. */
static int csv_set(csv_table *t, size_t row, size_t column, const char *text) {
    csv_record *r;
    char *copy;
    if (row == 0 || row > t->count || column == 0) return -1;
    r = &t->records[row - 1];
    while (r->count < column)
        if (add_field(r, "", 0) != 0) return -1;
    copy = copy_text(text, strlen(text));
    if (!copy) return -1;
    free(r->fields[column - 1]);
    r->fields[column - 1] = copy;
    return 0;
}

/* Writes the table with separator `sep`, CRLF, quoting where needed. 0 on success. */
static int csv_write(const csv_table *t, char sep, const char *path) {
    size_t i, j;
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    for (i = 0; i < t->count; ++i) {
        for (j = 0; j < t->records[i].count; ++j) {
            const char *v = t->records[i].fields[j];
            if (j > 0) fputc(sep, f);
            if (strchr(v, sep) || strchr(v, '"') || strchr(v, '\r') || strchr(v, '\n')) {
                fputc('"', f);
                for (; *v; ++v) {
                    if (*v == '"') fputc('"', f);
                    fputc(*v, f);
                }
                fputc('"', f);
            } else {
                fputs(v, f);
            }
        }
        fputs("\r\n", f);
    }
    return fclose(f) == 0 ? 0 : -1;
}

/* ---- Helpers -------------------------------------------------------------------- */


static const char *const cr39[1] = {"CR39"};
static const char *const two_regions[2] = {"CR39", "Noord-Limburg"};

static actielijst_form_options cr39_options(int32_t format) {
    actielijst_form_options o = ACTIELIJST_FORM_OPTIONS_INIT;
    o.format = format;
    o.meeting = MEETING;
    o.region_count = 1;
    o.regions = cr39;
    return o;
}

static int starts_with_marker(const char *data, size_t len) {
    static const char marker[] = "actielijst-uitvraag/1";
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    return len >= sizeof marker - 1 && memcmp(data, marker, sizeof marker - 1) == 0;
}

static actielijst_form_summary summary_of(actielijst_form_result *r) {
    actielijst_form_summary s;
    memset(&s, 0, sizeof s);
    CHECK_OK(actielijst_form_result_summary(r, &s));
    return s;
}

/* ---- Tests ---------------------------------------------------------------------- */

static void test_options_init(void) {
    actielijst_form_options o;
    actielijst_form_options init = ACTIELIJST_FORM_OPTIONS_INIT;
    actielijst_form_process_options p;
    actielijst_form_process_options pinit = ACTIELIJST_FORM_PROCESS_OPTIONS_INIT;
    memset(&o, 0xAB, sizeof o);
    CHECK_OK(actielijst_form_options_init(&o, ACTIELIJST_FORM_OPTIONS_VERSION));
    CHECK(o.version == ACTIELIJST_FORM_OPTIONS_VERSION && o.format == ACTIELIJST_FORM_XLSX);
    CHECK(o.language == NULL && o.meeting == NULL && o.region_count == 0 && o.regions == NULL);
    CHECK(o.as_of == NULL && o.deadline == NULL);
    CHECK(init.version == o.version && init.format == o.format && init.region_count == 0);
    CHECK_FAILS(actielijst_form_options_init(NULL, ACTIELIJST_FORM_OPTIONS_VERSION), ACTIELIJST_EINVALID, "opts");
    memset(&o, 0xAB, sizeof o);
    CHECK_FAILS(actielijst_form_options_init(&o, 99), ACTIELIJST_EVERSION, "version");
    CHECK(((unsigned char *)&o)[0] == 0xAB); /* untouched */

    memset(&p, 0xAB, sizeof p);
    CHECK_OK(actielijst_form_process_options_init(&p, ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION));
    CHECK(p.version == ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION && p.meeting == NULL);
    CHECK(p.dry_run == 0 && p.skip_bad_rows == 0);
    CHECK(pinit.version == p.version && pinit.dry_run == 0 && pinit.skip_bad_rows == 0);
    CHECK_FAILS(actielijst_form_process_options_init(NULL, ACTIELIJST_FORM_PROCESS_OPTIONS_VERSION),
                ACTIELIJST_EINVALID, "opts");
    CHECK_FAILS(actielijst_form_process_options_init(&p, 0), ACTIELIJST_EVERSION, "version");
}

static void test_write(actielijst_store *s, const char *dir) {
    actielijst_form_options xlsx = cr39_options(ACTIELIJST_FORM_XLSX);
    actielijst_form_options csv = cr39_options(ACTIELIJST_FORM_CSV);
    actielijst_form_options en = cr39_options(ACTIELIJST_FORM_CSV);
    collector c = {NULL, 0, 0, 0, 0}, failing = {NULL, 0, 0, 1, 0}, workbook = {NULL, 0, 0, 0, 0};
    char xlsx_path[256], csv_path[256], en_path[256];
    char *file;
    size_t len = 0;

    snprintf(xlsx_path, sizeof xlsx_path, "%s/uitvraag.xlsx", dir);
    CHECK_OK(actielijst_forms_write_file(s, &xlsx, xlsx_path));
    file = read_all(xlsx_path, &len);
    CHECK(file != NULL && len > 1000);
    CHECK(file && len >= 4 && memcmp(file, "PK\x03\x04", 4) == 0);
    CHECK_OK(actielijst_forms_write_stream(s, &xlsx, collect, &workbook));
    CHECK(workbook.size > 1000 && memcmp(workbook.data, "PK\x03\x04", 4) == 0);
    free(file);

    snprintf(csv_path, sizeof csv_path, "%s/uitvraag.csv", dir);
    CHECK_OK(actielijst_forms_write_file(s, &csv, csv_path));
    file = read_all(csv_path, &len);
    CHECK(file != NULL && starts_with_marker(file, len));
    CHECK(file && strstr(file, MEETING) != NULL && strstr(file, "CR39") != NULL);
    CHECK(file && strstr(file, "Nieuwe stand") != NULL); /* the Dutch headers by default */
    /* The stream gives the same bytes as the file. */
    CHECK_OK(actielijst_forms_write_stream(s, &csv, collect, &c));
    CHECK(c.calls >= 1);
    CHECK(file && c.data && c.size == len && memcmp(c.data, file, len) == 0);
    free(file);

    en.language = "en";
    en.as_of = "2023-03-01";
    en.deadline = "2023-04-05";
    snprintf(en_path, sizeof en_path, "%s/uitvraag-en.csv", dir);
    CHECK_OK(actielijst_forms_write_file(s, &en, en_path));
    file = read_all(en_path, &len);
    CHECK(file && strstr(file, "New state") != NULL);
    free(file);

    CHECK_FAILS(actielijst_forms_write_stream(s, &csv, collect, &failing), ACTIELIJST_EIO,
                "the write callback failed (returned 7)");
    CHECK(failing.calls == 1);
    free(c.data);
    free(failing.data);
    free(workbook.data);
}

static void test_write_errors(actielijst_store *s, const char *dir) {
    actielijst_form_options o = cr39_options(ACTIELIJST_FORM_CSV);
    collector c = {NULL, 0, 0, 0, 0};
    char path[256], missing[256];
    snprintf(path, sizeof path, "%s/fout.csv", dir);
    snprintf(missing, sizeof missing, "%s/no/such/dir/uitvraag.csv", dir);

    CHECK_FAILS(actielijst_forms_write_file(NULL, &o, path), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_forms_write_file(s, NULL, path), ACTIELIJST_EINVALID, "options");
    CHECK_FAILS(actielijst_forms_write_file(s, &o, NULL), ACTIELIJST_EINVALID, "path");
    CHECK_FAILS(actielijst_forms_write_file(s, &o, ""), ACTIELIJST_EINVALID, "path");
    CHECK_FAILS(actielijst_forms_write_stream(s, &o, NULL, NULL), ACTIELIJST_EINVALID, "write");
    CHECK_FAILS(actielijst_forms_write_file(s, &o, missing), ACTIELIJST_EIO, missing);

    o.version = 99;
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_EVERSION, "options->version");
    o = cr39_options(7);
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_EINVALID, "options->format");
    o = cr39_options(ACTIELIJST_FORM_CSV);
    o.meeting = NULL;
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_EINVALID, "options->meeting");
    o.meeting = "sg-2099-01";
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_ENOTFOUND, "sg-2099-01");
    CHECK(strcmp(actielijst_error_where(), "options->meeting") == 0); /* the core's `meeting`, as the C field */
    o = cr39_options(ACTIELIJST_FORM_CSV);
    o.language = "fr";
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_EINVALID, "options->language");
    CHECK(strcmp(actielijst_error_where(), "options->language") == 0);
    o = cr39_options(ACTIELIJST_FORM_CSV);
    o.as_of = "2023-02-30";
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_EINVALID, "as_of");
    o = cr39_options(ACTIELIJST_FORM_CSV);
    o.deadline = "2023-05-01"; /* after the meeting */
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_EINVALID, "deadline");
    CHECK(strcmp(actielijst_error_where(), "options->deadline") == 0);
    o = cr39_options(ACTIELIJST_FORM_CSV);
    o.region_count = 1;
    o.regions = NULL;
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_EINVALID, "options->regions");
    {
        const char *const unknown[1] = {"Atlantis"};
        o.regions = unknown;
        CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_ENOTFOUND, "Atlantis");
    }
    o.region_count = 2;
    o.regions = two_regions; /* a CSV file holds one region */
    CHECK_FAILS(actielijst_forms_write_file(s, &o, path), ACTIELIJST_EINVALID, "");
    CHECK_FAILS(actielijst_forms_write_stream(s, &o, collect, &c), ACTIELIJST_EINVALID, "");
    CHECK(c.calls == 0); /* checked before the first byte */
    {
        size_t n = 0;
        char *none = read_all(path, &n);
        CHECK(none == NULL); /* nothing was written */
        free(none);
    }
    o.format = ACTIELIJST_FORM_XLSX; /* a workbook holds many */
    CHECK_OK(actielijst_forms_write_file(s, &o, path));
    remove(path);
    free(c.data);
}

/* The library's CSV form for CR39, read into `t`. 0 on success. */
static int written_form(actielijst_store *s, const char *dir, csv_table *t) {
    actielijst_form_options o = cr39_options(ACTIELIJST_FORM_CSV);
    char path[256];
    char *data;
    size_t len = 0;
    int rc;
    snprintf(path, sizeof path, "%s/leeg.csv", dir);
    if (actielijst_forms_write_file(s, &o, path) != ACTIELIJST_OK) return -1;
    data = read_all(path, &len);
    if (!data) return -1;
    rc = csv_parse(data, len, t);
    free(data);
    return rc;
}

/* A workbook returned as it was written: read back, nothing new. */
static void test_process_workbook(actielijst_store *s, const char *dir) {
    actielijst_form_options w = cr39_options(ACTIELIJST_FORM_XLSX);
    actielijst_form_process_options o = ACTIELIJST_FORM_PROCESS_OPTIONS_INIT;
    actielijst_form_result *r = NULL;
    actielijst_form_summary sum;
    const char *const regions[2] = {"CR39", "CR37"};
    char path[256];
    snprintf(path, sizeof path, "%s/leeg.xlsx", dir);
    w.region_count = 2;
    w.regions = regions;
    CHECK_OK(actielijst_forms_write_file(s, &w, path));
    o.dry_run = 1;
    CHECK_OK(actielijst_form_process(s, path, &o, &r));
    sum = summary_of(r);
    CHECK(sum.ok == 1 && sum.stored == 0 && sum.format == ACTIELIJST_FORM_XLSX);
    CHECK(strcmp(sum.encoding, "") == 0 && strcmp(sum.meeting, MEETING) == 0);
    CHECK(sum.region_count == 2 && strcmp(sum.regions[0], "CR39") == 0 && strcmp(sum.regions[1], "CR37") == 0);
    CHECK(sum.rows > 0 && sum.unchanged == sum.rows);
    CHECK(sum.update_count == 0 && sum.change_count == 0 && sum.problem_count == 0);
    actielijst_form_result_free(r);
}

static void test_process(actielijst_store *s, const char *dir) {
    csv_table t;
    char path[256], action[256], area[64];
    actielijst_form_process_options o = ACTIELIJST_FORM_PROCESS_OPTIONS_INIT;
    actielijst_form_result *r = NULL;
    actielijst_form_summary sum;
    actielijst_status_rec upd;
    actielijst_change_rec ch;
    actielijst_form_problem_rec prob;
    actielijst_buf before = {NULL, 0};
    actielijst_view *v = NULL;
    actielijst_status_rec st;
    int had_state;

    CHECK(written_form(s, dir, &t) == 0);
    CHECK(t.count >= 5); /* the CSV form has data rows */
    if (t.count < 5) {
        csv_free(&t);
        return;
    }
    CHECK(t.sep == ';');
    CHECK(strcmp(csv_get(&t, 1, 1), "actielijst-uitvraag/1") == 0);
    CHECK(strcmp(csv_get(&t, 1, 2), MEETING) == 0);
    CHECK(strcmp(csv_get(&t, 1, 3), MEETING_DATE) == 0);
    CHECK(strcmp(csv_get(&t, 1, 4), "CR39") == 0);
    CHECK(strcmp(csv_get(&t, 4, 9), "Nieuwe stand") == 0);
    snprintf(action, sizeof action, "%s", csv_get(&t, 5, 1));
    snprintf(area, sizeof area, "%s", csv_get(&t, 5, 5));
    had_state = csv_get(&t, 5, 6)[0] != '\0';
    CHECK(action[0] != '\0' && area[0] != '\0');
    CHECK(csv_set(&t, 5, 9, "In uitvoering") == 0);
    CHECK(csv_set(&t, 5, 10, NEW_TEXT) == 0);
    CHECK(csv_set(&t, 5, 11, "Gemeente Maastricht") == 0);
    snprintf(path, sizeof path, "%s/ingevuld.csv", dir);
    CHECK(csv_write(&t, ';', path) == 0);

    /* A dry run: checked and reported, nothing stored. */
    before = export_all(s);
    o.dry_run = 1;
    CHECK_OK(actielijst_form_process(s, path, &o, &r));
    CHECK(r != NULL);
    sum = summary_of(r);
    CHECK(sum.ok == 1 && sum.stored == 0);
    CHECK(sum.format == ACTIELIJST_FORM_CSV);
    CHECK(sum.encoding && strcmp(sum.encoding, "UTF-8") == 0);
    CHECK(sum.meeting && strcmp(sum.meeting, MEETING) == 0);
    CHECK(sum.file && strcmp(sum.file, path) == 0);
    CHECK(sum.region_count == 1 && sum.regions && strcmp(sum.regions[0], "CR39") == 0);
    CHECK(sum.rows == t.count - 4);
    CHECK(sum.unchanged == sum.rows - 1);
    CHECK(sum.update_count == 1 && sum.change_count == 1 && sum.problem_count == 0);
    CHECK_OK(actielijst_form_result_update(r, 0, &upd));
    CHECK(strcmp(upd.action, action) == 0 && strcmp(upd.scope, area) == 0);
    CHECK(strcmp(upd.state, "in_progress") == 0 && upd.category == -1);
    CHECK(strcmp(upd.text, NEW_TEXT) == 0);
    CHECK(strcmp(upd.as_of, MEETING_DATE) == 0 && strcmp(upd.meeting, MEETING) == 0);
    CHECK(strcmp(upd.author, "Gemeente Maastricht") == 0);
    CHECK_OK(actielijst_form_result_change(r, 0, &ch));
    CHECK(ch.subject == ACTIELIJST_SUBJECT_STATUS);
    CHECK(ch.kind == (had_state ? ACTIELIJST_CHANGE_CHANGED : ACTIELIJST_CHANGE_ADDED));
    CHECK(strcmp(ch.key, action) == 0 && strcmp(ch.action, action) == 0 && strcmp(ch.region, area) == 0);
    CHECK(strcmp(ch.after_state, "in_progress") == 0 && strcmp(ch.after_text, NEW_TEXT) == 0);
    CHECK(strcmp(ch.after_date, MEETING_DATE) == 0);
    CHECK(had_state ? ch.before_state[0] != '\0' : strcmp(ch.before_state, "") == 0);
    CHECK(ch.closed == 0 && ch.decided == 0);
    CHECK_FAILS(actielijst_form_result_update(r, 1, &upd), ACTIELIJST_ENOTFOUND, "index");
    CHECK_FAILS(actielijst_form_result_change(r, 1, &ch), ACTIELIJST_ENOTFOUND, "index");
    CHECK_FAILS(actielijst_form_result_problem(r, 0, &prob), ACTIELIJST_ENOTFOUND, "index");
    CHECK_FAILS(actielijst_form_result_update(r, 0, NULL), ACTIELIJST_EINVALID, "rec");
    CHECK_FAILS(actielijst_form_result_summary(r, NULL), ACTIELIJST_EINVALID, "out");
    CHECK(unchanged(s, &before));
    actielijst_form_result_free(r);
    r = NULL;

    /* For real, with the meeting named. */
    o.dry_run = 0;
    o.meeting = MEETING;
    CHECK_OK(actielijst_form_process(s, path, &o, &r));
    sum = summary_of(r);
    CHECK(sum.ok == 1 && sum.stored == 1 && sum.update_count == 1 && sum.problem_count == 0);
    CHECK(!unchanged(s, &before));
    actielijst_form_result_free(r);
    actielijst_form_result_free(r); /* freeing twice is harmless */
    CHECK_FAILS(actielijst_form_result_summary(r, &sum), ACTIELIJST_EINVALID, "result");
    r = NULL;

    CHECK_OK(actielijst_store_view(s, MEETING_DATE, &v));
    CHECK_OK(actielijst_view_status(v, action, area, &st));
    CHECK(strcmp(st.state, "in_progress") == 0 && st.category == ACTIELIJST_CATEGORY_ACTIVE);
    CHECK(strcmp(st.text, NEW_TEXT) == 0 && strcmp(st.as_of, MEETING_DATE) == 0);
    CHECK(strcmp(st.meeting, MEETING) == 0);
    actielijst_view_free(v);

    /* The same file again: nothing new. */
    CHECK_OK(actielijst_form_process(s, path, NULL, &r));
    sum = summary_of(r);
    CHECK(sum.ok == 1 && sum.update_count == 0 && sum.unchanged == sum.rows);
    actielijst_form_result_free(r);
    r = NULL;

    actielijst_buf_dispose(&before);
    csv_free(&t);
}

static void test_problems(actielijst_store *s, const char *dir) {
    csv_table t;
    char path[256];
    actielijst_form_process_options o = ACTIELIJST_FORM_PROCESS_OPTIONS_INIT;
    actielijst_form_result *r = NULL;
    actielijst_form_summary sum;
    actielijst_form_problem_rec prob;
    actielijst_buf before = {NULL, 0};
    int rc;

    CHECK(written_form(s, dir, &t) == 0);
    CHECK(t.count >= 6); /* the CSV form has two data rows */
    if (t.count < 6) {
        csv_free(&t);
        return;
    }
    CHECK(csv_set(&t, 5, 9, "Bijna klaar misschien") == 0); /* no such state */
    CHECK(csv_set(&t, 6, 9, "Stagneert") == 0);
    CHECK(csv_set(&t, 6, 10, "Wacht op de provincie") == 0);
    snprintf(path, sizeof path, "%s/fout.csv", dir);
    CHECK(csv_write(&t, ';', path) == 0);

    before = export_all(s);
    rc = actielijst_form_process(s, path, NULL, &r);
    CHECK(rc == ACTIELIJST_EINVALID);
    CHECK(strstr(actielijst_error_message(), "problem") != NULL);
    CHECK(strstr(actielijst_error_message(), "nothing was stored") != NULL);
    CHECK(r != NULL); /* set all the same, to list the problems */
    if (r) {
        sum = summary_of(r);
        CHECK(sum.ok == 0 && sum.stored == 0 && sum.problem_count >= 1);
        CHECK_OK(actielijst_form_result_problem(r, 0, &prob));
        CHECK(strcmp(prob.sheet, "") == 0);
        CHECK(prob.row == 5 && prob.column == 9);
        CHECK(strlen(prob.message) > 0);
        CHECK(strstr(prob.message, "Bijna klaar misschien") != NULL);
        CHECK(strstr(prob.where, "row 5") != NULL && strstr(prob.where, "column I") != NULL);
        actielijst_form_result_free(r);
        r = NULL;
    }
    CHECK(unchanged(s, &before));

    /* Skipping the bad row stores the good one. */
    o.skip_bad_rows = 1;
    CHECK_OK(actielijst_form_process(s, path, &o, &r));
    if (r) {
        sum = summary_of(r);
        CHECK(sum.ok == 1 && sum.stored == 1 && sum.problem_count == 1 && sum.update_count == 1);
        CHECK_OK(actielijst_form_result_problem(r, 0, &prob));
        CHECK(prob.row == 5 && prob.column == 9);
        actielijst_form_result_free(r);
        r = NULL;
    }
    CHECK(!unchanged(s, &before));
    actielijst_buf_dispose(&before);
    csv_free(&t);
}

static void test_process_errors(actielijst_store *s, const char *dir) {
    actielijst_form_process_options o = ACTIELIJST_FORM_PROCESS_OPTIONS_INIT;
    actielijst_form_result *sentinel = (actielijst_form_result *)&o; /* never read: only compared */
    actielijst_form_result *r = sentinel;
    char missing[256], path[256];
    FILE *f;
    snprintf(missing, sizeof missing, "%s/bestaat-niet.csv", dir);
    snprintf(path, sizeof path, "%s/onzin.csv", dir);

    CHECK_FAILS(actielijst_form_process(NULL, missing, NULL, &r), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(actielijst_form_process(s, NULL, NULL, &r), ACTIELIJST_EINVALID, "path");
    CHECK_FAILS(actielijst_form_process(s, "", NULL, &r), ACTIELIJST_EINVALID, "path");
    CHECK_FAILS(actielijst_form_process(s, missing, NULL, NULL), ACTIELIJST_EINVALID, "out");
    o.version = 99;
    CHECK_FAILS(actielijst_form_process(s, missing, &o, &r), ACTIELIJST_EVERSION, "options->version");
    CHECK(r == sentinel);
    CHECK_FAILS(actielijst_form_process(s, missing, NULL, &r), ACTIELIJST_EIO, "bestaat-niet.csv");
    CHECK(r == sentinel); /* untouched */

    /* Not a form at all: a problem about the file, with no row or column. */
    f = fopen(path, "wb");
    if (f) {
        fputs("naam;adres\r\nJan;Markt 1\r\n", f);
        fclose(f);
    }
    r = NULL;
    CHECK(actielijst_form_process(s, path, NULL, &r) == ACTIELIJST_EINVALID);
    if (r) {
        actielijst_form_summary sum = summary_of(r);
        actielijst_form_problem_rec prob;
        CHECK(sum.ok == 0 && sum.stored == 0 && sum.problem_count >= 1);
        CHECK_OK(actielijst_form_result_problem(r, 0, &prob));
        CHECK(prob.row == 0 || prob.row == 1);
        actielijst_form_result_free(r);
    }

    CHECK_FAILS(actielijst_form_result_summary(NULL, NULL), ACTIELIJST_EINVALID, "result");
    actielijst_form_result_free(NULL);
}

int main(int argc, char **argv) {
    char dir[64];
    char *json = NULL;
    size_t len = 0;
    actielijst_store *s;
    int rc = setup(argc, argv, dir, &json, &len);
    if (rc != 0) return rc;
    s = open_with(dir, "forms.db", json, len);
    if (!s) {
        fprintf(stderr, "cannot set up the store: %s\n", actielijst_error_message());
        return 2;
    }
    CHECK_OK(put_meeting(s, MEETING, MEETING_DATE, "Stuurgroep april 2023"));

    test_options_init();
    test_write(s, dir);
    test_write_errors(s, dir);
    test_process_workbook(s, dir);
    test_process(s, dir);
    test_problems(s, dir);
    test_process_errors(s, dir);

    actielijst_store_free(s);
    remove_dir(dir);
    free(json);
    return report();
}
