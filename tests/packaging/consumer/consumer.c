/*
 * A C99 program built against the *installed* actielijst with pkg-config:
 *   cc -std=c99 consumer.c $(pkg-config --cflags --libs actielijst)
 * It opens a store in a fresh directory, imports a small document, exports it
 * again and checks that the export carries what was imported.
 *
 *   consumer <scratch directory>
 */
#include <actielijst.h>

#include <stdio.h>
#include <string.h>

static const char document[] =
    "{\"format\": \"actielijst\", \"format_version\": 1,"
    " \"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\", \"en\": \"Housing\"}}]}";

int main(int argc, char **argv) {
    char path[4096];
    actielijst_store *store = NULL;
    actielijst_buf out = {NULL, 0};
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s <scratch directory>\n", argv[0]);
        return 2;
    }
    printf("actielijst %s (header %s)\n", actielijst_version_string(), ACTIELIJST_VERSION_STRING);
    if (strcmp(actielijst_version_string(), ACTIELIJST_VERSION_STRING) != 0) {
        fprintf(stderr, "the loaded library is not the installed version\n");
        return 1;
    }
    if ((size_t)snprintf(path, sizeof path, "%s/consumer-c.db", argv[1]) >= sizeof path) return 2;
    remove(path);

    rc = actielijst_store_open(path, NULL, &store);
    if (rc != ACTIELIJST_OK) {
        fprintf(stderr, "store_open: %s: %s\n", actielijst_error_name(rc), actielijst_error_message());
        return 1;
    }
    rc = actielijst_store_import_json(store, document, sizeof document - 1);
    if (rc == ACTIELIJST_OK) rc = actielijst_store_export_json(store, NULL, &out);
    if (rc != ACTIELIJST_OK) {
        fprintf(stderr, "import/export: %s: %s\n", actielijst_error_name(rc), actielijst_error_message());
        actielijst_store_free(store);
        return 1;
    }
    rc = (out.data != NULL && strstr(out.data, "\"wonen\"") != NULL && strlen(out.data) == out.size) ? 0 : 1;
    if (rc != 0) fprintf(stderr, "the export lacks the imported theme:\n%s\n", out.data ? out.data : "(null)");
    actielijst_buf_dispose(&out);
    actielijst_store_free(store);
    remove(path);
    if (rc == 0) printf("C consumer (pkg-config): open, import, export OK\n");
    return rc;
}
