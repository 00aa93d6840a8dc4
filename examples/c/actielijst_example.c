/*
 * actielijst from C: a complete little program another team can copy.
 *
 *   actielijst-c-example <store.db> <list.json>
 *
 * Opens (or creates) the store, imports the JSON list, prints the current status
 * per region of every stalled action, and records one update. Every call's result
 * is checked; on failure the library's message says what went wrong and where.
 */
#include <actielijst.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints the last error of the library for `what` and returns `rc`. */
static int report_error(const char *what, int rc) {
    fprintf(stderr, "%s failed: %s (%s)\n", what, actielijst_error_message(), actielijst_error_name(rc));
    return rc;
}

/* Reads a whole file into memory; the caller frees it. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    long size;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        data = malloc((size_t)size + 1);
        if (data && fread(data, 1, (size_t)size, f) == (size_t)size) {
            data[size] = '\0';
            *len = (size_t)size;
        } else {
            free(data);
            data = NULL;
        }
    }
    fclose(f);
    return data;
}

/* Prints the current status per region of one action. */
static int print_action(actielijst_view *view, const char *key) {
    actielijst_action_rec action;
    actielijst_region_rec region;
    actielijst_status_iter *it = NULL;
    actielijst_status_rec st;
    int rc = actielijst_view_action(view, key, &action);
    if (rc != ACTIELIJST_OK) return report_error("actielijst_view_action", rc);
    printf("%s: %s\n", action.key, action.title);
    rc = actielijst_status_iter_new(view, key, &it);
    if (rc != ACTIELIJST_OK) return report_error("actielijst_status_iter_new", rc);
    while ((rc = actielijst_status_iter_next(it, &st)) == ACTIELIJST_OK) {
        rc = actielijst_view_region(view, st.scope, &region);
        if (rc != ACTIELIJST_OK) break;
        printf("  %-16s %-14s since %s%s\n", region.name, st.state, st.as_of,
               st.category == ACTIELIJST_CATEGORY_BLOCKED ? "  <- stalled" : "");
    }
    actielijst_status_iter_free(it);
    if (rc != ACTIELIJST_ITEROVER) return report_error("reading the statuses", rc);
    return ACTIELIJST_OK;
}

/* Prints, for every action that is stalled somewhere, its status in every region. */
static int list_stalled(actielijst_view *view) {
    actielijst_action_iter *actions = NULL;
    actielijst_action_rec action;
    actielijst_status_iter *it = NULL;
    actielijst_status_rec st;
    int rc, stalled = 0, blocked;

    rc = actielijst_action_iter_new(view, NULL, &actions);
    if (rc != ACTIELIJST_OK) return report_error("actielijst_action_iter_new", rc);
    printf("Stalled actions as of %s:\n", actielijst_view_as_of(view));
    while ((rc = actielijst_action_iter_next(actions, &action)) == ACTIELIJST_OK) {
        rc = actielijst_status_iter_new(view, action.key, &it);
        if (rc != ACTIELIJST_OK) break;
        blocked = 0;
        while (actielijst_status_iter_next(it, &st) == ACTIELIJST_OK)
            if (st.category == ACTIELIJST_CATEGORY_BLOCKED) blocked = 1;
        actielijst_status_iter_free(it);
        if (!blocked) continue;
        ++stalled;
        rc = print_action(view, action.key);
        if (rc != ACTIELIJST_OK) break;
    }
    actielijst_action_iter_free(actions);
    if (rc != ACTIELIJST_ITEROVER) return report_error("listing the actions", rc);
    printf("%d stalled actions\n", stalled);
    return ACTIELIJST_OK;
}

int main(int argc, char **argv) {
    actielijst_store *store = NULL;
    actielijst_view *view = NULL;
    actielijst_update_input update;
    actielijst_status_rec now;
    char *json;
    size_t len = 0;
    int32_t added = 0;
    int rc, status = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: %s <store.db> <list.json>\n", argv[0]);
        return 2;
    }
    printf("actielijst %s\n", actielijst_version_string());

    json = read_file(argv[2], &len);
    if (!json) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        return 1;
    }

    rc = actielijst_store_open(argv[1], NULL, &store);
    if (rc != ACTIELIJST_OK) {
        report_error("actielijst_store_open", rc);
        free(json);
        return 1;
    }
    rc = actielijst_store_import_json(store, json, len);
    free(json);
    if (rc != ACTIELIJST_OK) {
        report_error("actielijst_store_import_json", rc);
        goto done;
    }

    rc = actielijst_store_view(store, "2023-03-01", &view);
    if (rc != ACTIELIJST_OK) {
        report_error("actielijst_store_view", rc);
        goto done;
    }
    if (list_stalled(view) != ACTIELIJST_OK) goto done;
    actielijst_view_free(view);
    view = NULL;

    /* Record a new state of affairs. Input structs start with a version: always
       initialise them with the _INIT macro (or actielijst_update_input_init). */
    rc = actielijst_update_input_init(&update, ACTIELIJST_UPDATE_INPUT_VERSION);
    if (rc != ACTIELIJST_OK) {
        report_error("actielijst_update_input_init", rc);
        goto done;
    }
    update.action = "wonen-registratie";
    update.scope = "Regio Zuid"; /* a code, name or alias */
    update.state = "in_progress";
    update.text = "Registratie is weer opgepakt met de gemeenten.";
    update.as_of = "2023-06-01";
    update.author = "Secretariaat";
    rc = actielijst_store_record_update(store, &update, &added);
    if (rc != ACTIELIJST_OK) {
        report_error("actielijst_store_record_update", rc);
        goto done;
    }
    printf("recorded: %s\n", added ? "new update" : "already stored");

    /* A mistake is reported, not crashed on, and nothing is stored. */
    update.state = "klaar";
    rc = actielijst_store_record_update(store, &update, NULL);
    if (rc != ACTIELIJST_OK) printf("refused as expected: %s (%s)\n", actielijst_error_message(), actielijst_error_name(rc));

    rc = actielijst_store_view(store, "2023-06-30", &view);
    if (rc != ACTIELIJST_OK) {
        report_error("actielijst_store_view", rc);
        goto done;
    }
    rc = actielijst_view_status(view, "wonen-registratie", "CR39", &now);
    if (rc != ACTIELIJST_OK) {
        report_error("actielijst_view_status", rc);
        goto done;
    }
    printf("wonen-registratie in CR39 on %s: %s\n", actielijst_view_as_of(view), now.state);
    status = 0;

done:
    actielijst_view_free(view);
    actielijst_store_free(store);
    return status;
}
