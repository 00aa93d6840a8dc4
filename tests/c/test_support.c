#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include "test_support.h"

#include <stdlib.h>
#include <unistd.h>

int failures = 0;
int checks = 0;

char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *data;
    long size;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc((size_t)size + 1);
    if (data && fread(data, 1, (size_t)size, f) != (size_t)size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    if (data) {
        data[size] = '\0';
        *len = (size_t)size;
    }
    return data;
}

int make_temp_dir(char *dir) {
    strcpy(dir, "/tmp/actielijst-capi-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

void remove_dir(const char *dir) {
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
}

actielijst_store *open_with(const char *dir, const char *name, const char *json, size_t len) {
    char path[4096];
    actielijst_store *s = NULL;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (actielijst_store_open(path, NULL, &s) != ACTIELIJST_OK) return NULL;
    if (json && actielijst_store_import_json(s, json, len) != ACTIELIJST_OK) {
        actielijst_store_free(s);
        return NULL;
    }
    return s;
}

actielijst_buf export_all(actielijst_store *store) {
    actielijst_export_options options = ACTIELIJST_EXPORT_OPTIONS_INIT;
    actielijst_buf buf = {NULL, 0};
    options.include_contacts = 1;
    CHECK(actielijst_store_export_json(store, &options, &buf) == ACTIELIJST_OK);
    return buf;
}

int unchanged(actielijst_store *store, const actielijst_buf *before) {
    actielijst_buf now = export_all(store);
    int same = now.data != NULL && before->data != NULL && now.size == before->size &&
               memcmp(now.data, before->data, now.size) == 0;
    actielijst_buf_dispose(&now);
    return same;
}

int put_meeting(actielijst_store *store, const char *key, const char *date, const char *title) {
    actielijst_meeting_input in = ACTIELIJST_MEETING_INPUT_INIT;
    in.key = key;
    in.date = date;
    in.title = title;
    return actielijst_store_put_meeting(store, &in);
}

int put_contact(actielijst_store *store, const char *municipality, const char *role, const char *name,
                const char *email) {
    actielijst_contact_input in = ACTIELIJST_CONTACT_INPUT_INIT;
    in.municipality = municipality;
    in.role = role;
    in.name = name;
    in.email = email;
    return actielijst_store_put_contact(store, &in);
}

int record_decision(actielijst_store *store, const char *proposal, int32_t state, const char *date,
                    const char *meeting) {
    actielijst_decision_input in = ACTIELIJST_DECISION_INPUT_INIT;
    in.proposal = proposal;
    in.state = state;
    in.date = date;
    in.meeting = meeting;
    return actielijst_store_record_decision(store, &in, NULL);
}

int report(void) {
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}

int setup(int argc, char **argv, char *dir, char **json, size_t *len) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s <limburg.json>\n", argv[0]);
        return 2;
    }
    *json = read_all(argv[1], len);
    if (!*json || make_temp_dir(dir) != 0) {
        fprintf(stderr, "cannot read %s or make a temporary directory\n", argv[1]);
        return 2;
    }
    return 0;
}

int collect(void *ctx, const char *data, size_t len) {
    collector *c = (collector *)ctx;
    char *grown;
    ++c->calls;
    if (len == 0 || data == NULL) ++c->empty_calls;
    if (c->fail_at && c->calls >= c->fail_at) return COLLECT_FAILURE;
    grown = (char *)realloc(c->data, c->size + len + 1);
    if (!grown) return 1;
    c->data = grown;
    memcpy(c->data + c->size, data, len);
    c->size += len;
    c->data[c->size] = '\0';
    return 0;
}

void collector_free(collector *c) {
    free(c->data);
    memset(c, 0, sizeof *c);
}
