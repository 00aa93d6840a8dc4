/*
 * "The list as it stood on any date" through the C API: a three-meeting list
 * replayed meeting by meeting. The view of the store that holds everything, at
 * each meeting, must equal the view of a store that only received the documents up
 * to that meeting; then the meeting cycle (decisions, a proposal's history, the
 * store's meetings) and its bad input.
 *
 *   test_capi_history <directory with meeting-1.json .. meeting-3.json>
 */
#include "test_support.h"

#include <stdarg.h>
#include <stdlib.h>

static const char *const meeting_dates[] = {"2024-02-07", "2024-04-17", "2024-06-26"};
static const char *const between_dates[] = {"2024-02-27", "2024-05-07", "2024-07-16"};

static char fixtures[512];

/* A growing text: everything a view shows, one record per line. */
typedef struct {
    char *text;
    size_t len, cap;
} Text;

static void add(Text *t, const char *format, ...) {
    char line[4096];
    va_list args;
    int n;
    va_start(args, format);
    n = vsnprintf(line, sizeof line, format, args);
    va_end(args);
    if (n < 0) return;
    if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
    if (t->len + (size_t)n + 1 > t->cap) {
        size_t cap = (t->cap + (size_t)n + 1) * 2;
        char *grown = realloc(t->text, cap);
        if (!grown) return;
        t->text = grown;
        t->cap = cap;
    }
    memcpy(t->text + t->len, line, (size_t)n + 1);
    t->len += (size_t)n;
}

/* The picture a view gives, as text: meetings, actions, statuses, proposals and
   observations, field by field. */
static char *picture(actielijst_store *store, const char *as_of) {
    Text t = {NULL, 0, 0};
    actielijst_view *view = NULL;
    actielijst_meeting_iter *mi = NULL;
    actielijst_action_iter *ai = NULL;
    actielijst_status_iter *si = NULL;
    actielijst_proposal_iter *pi = NULL;
    actielijst_observation_iter *oi = NULL;
    actielijst_state_iter *sti = NULL;
    actielijst_meeting_rec m;
    actielijst_action_rec a;
    actielijst_status_rec s;
    actielijst_proposal_rec p;
    actielijst_observation_rec o;
    actielijst_state_rec st;
    uint32_t i;
    add(&t, "%s", "");
    if (actielijst_store_view(store, as_of, &view) != ACTIELIJST_OK) return t.text;
    if (actielijst_state_iter_new(view, &sti) == ACTIELIJST_OK)
        while (actielijst_state_iter_next(sti, &st) == ACTIELIJST_OK) add(&t, "state %s %d\n", st.key, (int)st.category);
    if (actielijst_meeting_iter_new(view, &mi) == ACTIELIJST_OK)
        while (actielijst_meeting_iter_next(mi, &m) == ACTIELIJST_OK) add(&t, "meeting %s %s %s\n", m.key, m.date, m.title);
    if (actielijst_action_iter_new(view, NULL, &ai) == ACTIELIJST_OK)
        while (actielijst_action_iter_next(ai, &a) == ACTIELIJST_OK) {
            add(&t, "action %s %s %s due=%s scope:", a.key, a.theme, a.title, a.due);
            for (i = 0; i < a.scope_count; ++i) add(&t, " %s", a.scope[i]);
            add(&t, " see:");
            for (i = 0; i < a.see_also_count; ++i) add(&t, " %s", a.see_also[i]);
            add(&t, "\n");
        }
    if (actielijst_status_iter_new(view, NULL, &si) == ACTIELIJST_OK)
        while (actielijst_status_iter_next(si, &s) == ACTIELIJST_OK)
            add(&t, "status %s %s %s %s %s %s\n", s.action, s.scope, s.state, s.as_of, s.meeting, s.text);
    if (actielijst_proposal_iter_new(view, &pi) == ACTIELIJST_OK)
        while (actielijst_proposal_iter_next(pi, &p) == ACTIELIJST_OK)
            add(&t, "proposal %s %s %d %d tabled-at=%s decided=%s\n", p.key, p.action, (int)p.state, (int)p.kind,
                p.meeting, p.decided);
    if (actielijst_observation_iter_new(view, NULL, &oi) == ACTIELIJST_OK)
        while (actielijst_observation_iter_next(oi, &o) == ACTIELIJST_OK)
            add(&t, "observation %s %s %s %s %d %g %d %lld %s\n", o.indicator, o.region, o.as_of, o.level,
                (int)o.has_value, o.value, (int)o.has_count, (long long)o.count, o.source);
    actielijst_state_iter_free(sti);
    actielijst_meeting_iter_free(mi);
    actielijst_action_iter_free(ai);
    actielijst_status_iter_free(si);
    actielijst_proposal_iter_free(pi);
    actielijst_observation_iter_free(oi);
    actielijst_view_free(view);
    return t.text;
}

/* A store in `dir` that imported the documents of meetings 1..last. */
static actielijst_store *store_up_to(const char *dir, int last) {
    char path[700];
    actielijst_store *store = NULL;
    int n;
    snprintf(path, sizeof path, "%s/tot-%d.db", dir, last);
    if (actielijst_store_open(path, NULL, &store) != ACTIELIJST_OK) return NULL;
    for (n = 1; n <= last; ++n) {
        char file[700];
        size_t len = 0;
        char *json;
        snprintf(file, sizeof file, "%s/meeting-%d.json", fixtures, n);
        json = read_all(file, &len);
        CHECK(json != NULL);
        if (json) CHECK_OK(actielijst_store_import_json(store, json, len));
        free(json);
    }
    return store;
}

static int has_line(const char *text, const char *line) { return text && strstr(text, line) != NULL; }

static void test_replay(const char *dir, actielijst_store *full) {
    int n;
    for (n = 1; n <= 3; ++n) {
        actielijst_store *partial = store_up_to(dir, n);
        const char *dates[2];
        int k;
        CHECK(partial != NULL);
        if (!partial) continue;
        dates[0] = meeting_dates[n - 1];
        dates[1] = between_dates[n - 1];
        for (k = 0; k < 2; ++k) {
            char *a = picture(full, dates[k]);
            char *b = picture(partial, dates[k]);
            CHECK(a && b && strcmp(a, b) == 0);
            if (a && b && strcmp(a, b) != 0)
                fprintf(stderr, "at %s, everything:\n%s\nonly up to meeting %d:\n%s\n", dates[k], a, n, b);
            CHECK(a && strlen(a) > 200);
            free(a);
            free(b);
        }
        actielijst_store_free(partial);
    }
}

static void test_pictures(actielijst_store *store) {
    char *m1 = picture(store, "2024-02-07");
    char *m2 = picture(store, "2024-04-17");
    char *m3 = picture(store, "2024-06-26");
    /* Meeting 1: V1 open, tabled at sg-1; V3 not yet tabled; the first due date. */
    CHECK(has_line(m1, "proposal V1 huisvesting 0 0 tabled-at=sg-1 decided=\n"));
    CHECK(!has_line(m1, "proposal V3"));
    CHECK(has_line(m1, "action huisvesting wonen Huisvesting due=2024-06-30"));
    CHECK(!has_line(m1, "action handhaving"));
    CHECK(has_line(m1, "observation huisvestingsbeleid GM0200 2024-02-07 geen"));
    CHECK(!has_line(m1, "meeting sg-2"));
    CHECK(!has_line(m1, "state stalled"));
    /* Meeting 2: V1 adopted, still tabled at sg-1; the deadline moved; the new action. */
    CHECK(has_line(m2, "proposal V1 huisvesting 1 0 tabled-at=sg-1 decided=2024-04-17\n"));
    CHECK(has_line(m2, "action huisvesting wonen Huisvesting due=2024-09-30"));
    CHECK(has_line(m2, "action handhaving"));
    CHECK(has_line(m2, "observation huisvestingsbeleid GM0200 2024-04-17 in_voorbereiding"));
    CHECK(!has_line(m2, "observation huisvestingsbeleid GM0200 2024-02-07"));
    /* Meeting 3: voorlichting is off the list; V2 withdrawn, V3 rejected. */
    CHECK(!has_line(m3, "action voorlichting"));
    CHECK(!has_line(m3, "status voorlichting"));
    CHECK(has_line(m3, "proposal V2 registratie 3 0 tabled-at=sg-1 decided=2024-06-26\n"));
    CHECK(has_line(m3, "proposal V3 handhaving 2 0 tabled-at=sg-2 decided=2024-06-26\n"));
    free(m1);
    free(m2);
    free(m3);
}

static void test_meeting_cycle(const char *dir) {
    actielijst_store *store = store_up_to(dir, 1);
    actielijst_decision_input in;
    actielijst_proposal_history_iter *hi = NULL;
    actielijst_proposal_event_rec e;
    actielijst_meeting_iter *mi = NULL;
    actielijst_meeting_rec m;
    actielijst_buf before;
    int32_t added = -1;
    int n = 0;
    CHECK(store != NULL);
    if (!store) return;
    CHECK_OK(put_meeting(store, "sg-2", "2024-04-17", "Stuurgroep april"));

    CHECK_OK(actielijst_decision_input_init(&in, ACTIELIJST_DECISION_INPUT_VERSION));
    in.proposal = "V2";
    in.state = ACTIELIJST_PROPOSAL_ADOPTED;
    in.meeting = "sg-2";
    in.text = "Loket komt er.";
    CHECK_OK(actielijst_store_record_decision(store, &in, &added));
    CHECK(added == 1);
    CHECK_OK(actielijst_store_record_decision(store, &in, &added));
    CHECK(added == 0);
    CHECK_OK(record_decision(store, "V1", ACTIELIJST_PROPOSAL_REJECTED, "2024-04-20", NULL));

    CHECK_OK(actielijst_proposal_history_iter_new(store, "V2", &hi));
    CHECK(actielijst_proposal_history_iter_next(hi, &e) == ACTIELIJST_OK);
    CHECK(strcmp(e.proposal, "V2") == 0 && e.state == ACTIELIJST_PROPOSAL_OPEN && strcmp(e.date, "2024-02-07") == 0 &&
          strcmp(e.meeting, "sg-1") == 0 && strcmp(e.text, "") == 0);
    CHECK(actielijst_proposal_history_iter_next(hi, &e) == ACTIELIJST_OK);
    CHECK(e.state == ACTIELIJST_PROPOSAL_ADOPTED && strcmp(e.date, "2024-04-17") == 0 &&
          strcmp(e.meeting, "sg-2") == 0 && strcmp(e.text, "Loket komt er.") == 0);
    CHECK(actielijst_proposal_history_iter_next(hi, &e) == ACTIELIJST_ITEROVER);
    CHECK_FAILS(actielijst_proposal_history_iter_next(hi, NULL), ACTIELIJST_EINVALID, "rec");
    CHECK_FAILS(actielijst_proposal_history_iter_next(NULL, &e), ACTIELIJST_EINVALID, "it");
    actielijst_proposal_history_iter_free(hi);
    actielijst_proposal_history_iter_free(NULL);

    CHECK_OK(actielijst_store_meeting_iter_new(store, &mi));
    while (actielijst_meeting_iter_next(mi, &m) == ACTIELIJST_OK) ++n;
    CHECK(n == 2);
    actielijst_meeting_iter_free(mi);

    /* Bad input: a clear error, and nothing stored. */
    before = export_all(store);
    in.proposal = "V9";
    CHECK_FAILS(actielijst_store_record_decision(store, &in, &added), ACTIELIJST_ENOTFOUND, "unknown proposal \"V9\"");
    in.proposal = "V2";
    in.meeting = NULL;
    in.date = "2024-01-01";
    CHECK_FAILS(actielijst_store_record_decision(store, &in, &added), ACTIELIJST_EINVALID, "before proposal V2 was tabled");
    in.date = NULL;
    CHECK_FAILS(actielijst_store_record_decision(store, &in, &added), ACTIELIJST_EINVALID, "a date or a meeting");
    in.meeting = "sg-9";
    CHECK_FAILS(actielijst_store_record_decision(store, &in, &added), ACTIELIJST_ENOTFOUND, "unknown meeting \"sg-9\"");
    in.meeting = "sg-2";
    in.state = 9;
    CHECK_FAILS(actielijst_store_record_decision(store, &in, &added), ACTIELIJST_EINVALID, "in->state");
    in.state = ACTIELIJST_PROPOSAL_ADOPTED;
    in.version = 99;
    CHECK_FAILS(actielijst_store_record_decision(store, &in, &added), ACTIELIJST_EVERSION, "in->version");
    in.version = ACTIELIJST_DECISION_INPUT_VERSION;
    CHECK_FAILS(actielijst_store_record_decision(store, NULL, &added), ACTIELIJST_EINVALID, "in");
    CHECK_FAILS(actielijst_store_record_decision(NULL, &in, &added), ACTIELIJST_EINVALID, "store");
    CHECK_FAILS(put_meeting(store, "sg-2", "2024-04-18", NULL), ACTIELIJST_EEXISTS,
                "already stored on 2024-04-17");
    CHECK_FAILS(actielijst_proposal_history_iter_new(store, "V9", &hi), ACTIELIJST_ENOTFOUND, "V9");
    CHECK_FAILS(actielijst_proposal_history_iter_new(store, NULL, &hi), ACTIELIJST_EINVALID, "proposal");
    CHECK_FAILS(actielijst_store_meeting_iter_new(NULL, &mi), ACTIELIJST_EINVALID, "store");
    CHECK(unchanged(store, &before));
    actielijst_buf_dispose(&before);
    actielijst_store_free(store);
}

int main(int argc, char **argv) {
    char dir[64];
    actielijst_store *full;
    if (argc != 2 || strlen(argv[1]) >= sizeof fixtures) {
        fprintf(stderr, "usage: test_capi_history <fixtures/history directory>\n");
        return 2;
    }
    strcpy(fixtures, argv[1]);
    if (make_temp_dir(dir) != 0) return 2;
    full = store_up_to(dir, 3);
    CHECK(full != NULL);
    if (full) {
        test_replay(dir, full);
        test_pictures(full);
        actielijst_store_free(full);
    }
    test_meeting_cycle(dir);
    remove_dir(dir);
    return report();
}
