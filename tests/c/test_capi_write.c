/*
 * The write side of the C API and the reads straight from the store: record_update,
 * put_proposal, record_decision, put_observation, put_meeting, put_contact, history,
 * contacts and region lookup. Every failed write must leave the store exactly as it was.
 *
 *   test_capi_write <path to limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

static actielijst_update_input update(const char *action, const char *scope, const char *state, const char *as_of) {
    actielijst_update_input in = ACTIELIJST_UPDATE_INPUT_INIT;
    in.action = action;
    in.scope = scope;
    in.state = state;
    in.text = "Stand van zaken besproken.";
    in.as_of = as_of;
    return in;
}

static int count_history(actielijst_store *s, const char *action, const char *scope) {
    actielijst_status_iter *it = NULL;
    actielijst_status_rec r;
    int n = 0;
    if (actielijst_status_history_iter_new(s, action, scope, &it) != ACTIELIJST_OK) return -1;
    while (actielijst_status_iter_next(it, &r) == ACTIELIJST_OK) ++n;
    actielijst_status_iter_free(it);
    return n;
}

static void test_inits(void) {
    actielijst_update_input u;
    actielijst_proposal_input p;
    actielijst_observation_input o;
    actielijst_meeting_input m;
    actielijst_contact_input c;
    actielijst_export_options e;
    memset(&u, 0x11, sizeof u);
    CHECK_OK(actielijst_update_input_init(&u, ACTIELIJST_UPDATE_INPUT_VERSION));
    CHECK(u.version == ACTIELIJST_UPDATE_INPUT_VERSION && u.action == NULL && u.meeting == NULL);
    CHECK_FAILS(actielijst_update_input_init(NULL, ACTIELIJST_UPDATE_INPUT_VERSION), ACTIELIJST_EINVALID, "in is NULL");
    CHECK_FAILS(actielijst_update_input_init(&u, 2), ACTIELIJST_EVERSION, "version");
    CHECK_FAILS(actielijst_update_input_init(&u, 0), ACTIELIJST_EVERSION, "version");

    memset(&p, 0x11, sizeof p);
    CHECK_OK(actielijst_proposal_input_init(&p, ACTIELIJST_PROPOSAL_INPUT_VERSION));
    CHECK(p.version == ACTIELIJST_PROPOSAL_INPUT_VERSION && p.key == NULL);
    CHECK(p.state == ACTIELIJST_PROPOSAL_OPEN && p.kind == ACTIELIJST_KIND_PROPOSAL && p.decided == NULL);
    CHECK_FAILS(actielijst_proposal_input_init(NULL, ACTIELIJST_PROPOSAL_INPUT_VERSION), ACTIELIJST_EINVALID,
                "in is NULL");
    CHECK_FAILS(actielijst_proposal_input_init(&p, 99), ACTIELIJST_EVERSION, "version");

    memset(&o, 0x11, sizeof o);
    CHECK_OK(actielijst_observation_input_init(&o, ACTIELIJST_OBSERVATION_INPUT_VERSION));
    CHECK(o.version == ACTIELIJST_OBSERVATION_INPUT_VERSION && o.indicator == NULL && o.has_value == 0);
    CHECK(o.value == 0.0 && o.has_count == 0 && o.count == 0 && o.at_least == 0 && o.note == NULL);
    CHECK_FAILS(actielijst_observation_input_init(NULL, ACTIELIJST_OBSERVATION_INPUT_VERSION), ACTIELIJST_EINVALID,
                "in is NULL");
    CHECK_FAILS(actielijst_observation_input_init(&o, 2), ACTIELIJST_EVERSION, "version");

    memset(&m, 0x11, sizeof m);
    CHECK_OK(actielijst_meeting_input_init(&m, ACTIELIJST_MEETING_INPUT_VERSION));
    CHECK(m.version == ACTIELIJST_MEETING_INPUT_VERSION && m.key == NULL && m.date == NULL && m.title == NULL);
    CHECK_FAILS(actielijst_meeting_input_init(NULL, ACTIELIJST_MEETING_INPUT_VERSION), ACTIELIJST_EINVALID,
                "in is NULL");
    CHECK_FAILS(actielijst_meeting_input_init(&m, 2), ACTIELIJST_EVERSION, "version");

    memset(&c, 0x11, sizeof c);
    CHECK_OK(actielijst_contact_input_init(&c, ACTIELIJST_CONTACT_INPUT_VERSION));
    CHECK(c.version == ACTIELIJST_CONTACT_INPUT_VERSION && c.municipality == NULL && c.role == NULL &&
          c.name == NULL && c.email == NULL);
    CHECK_FAILS(actielijst_contact_input_init(NULL, ACTIELIJST_CONTACT_INPUT_VERSION), ACTIELIJST_EINVALID,
                "in is NULL");
    CHECK_FAILS(actielijst_contact_input_init(&c, 2), ACTIELIJST_EVERSION, "version");

    memset(&e, 0x11, sizeof e);
    CHECK_OK(actielijst_export_options_init(&e, ACTIELIJST_EXPORT_OPTIONS_VERSION));
    CHECK(e.version == ACTIELIJST_EXPORT_OPTIONS_VERSION && e.include_contacts == 0);
    CHECK_FAILS(actielijst_export_options_init(NULL, ACTIELIJST_EXPORT_OPTIONS_VERSION), ACTIELIJST_EINVALID,
                "opts is NULL");
    CHECK_FAILS(actielijst_export_options_init(&e, 2), ACTIELIJST_EVERSION, "version");
}

static void test_record(actielijst_store *s) {
    actielijst_update_input in = update("wonen-registratie", "CR37", "done", "2023-06-01");
    actielijst_buf before;
    actielijst_view *v = NULL;
    actielijst_status_rec r;
    actielijst_status_iter *it = NULL;
    int32_t added = -1;
    char *huge;

    CHECK(count_history(s, "wonen-registratie", "CR37") == 1);
    in.author = "Regio Noord";
    CHECK_OK(actielijst_store_record_update(s, &in, &added));
    CHECK(added == 1);
    CHECK_OK(actielijst_store_record_update(s, &in, &added));
    CHECK(added == 0); /* identical: skipped */
    in.as_of = "2023-04-15";
    in.state = "almost_done";
    in.scope = "Regio Noord"; /* an alias */
    in.author = NULL;
    CHECK_OK(actielijst_store_record_update(s, &in, NULL));
    CHECK(count_history(s, "wonen-registratie", "CR37") == 3);

    /* History: oldest first, whatever the order of recording. */
    CHECK_OK(actielijst_status_history_iter_new(s, "wonen-registratie", "CR37", &it));
    CHECK(actielijst_status_iter_next(it, &r) == ACTIELIJST_OK);
    CHECK(strcmp(r.as_of, "2023-03-01") == 0 && strcmp(r.state, "in_progress") == 0 && r.category == -1);
    CHECK(actielijst_status_iter_next(it, &r) == ACTIELIJST_OK);
    CHECK(strcmp(r.as_of, "2023-04-15") == 0 && strcmp(r.state, "almost_done") == 0 && strcmp(r.author, "") == 0);
    CHECK(strcmp(r.scope, "CR37") == 0);
    CHECK(actielijst_status_iter_next(it, &r) == ACTIELIJST_OK);
    CHECK(strcmp(r.as_of, "2023-06-01") == 0 && strcmp(r.state, "done") == 0 && strcmp(r.author, "Regio Noord") == 0);
    CHECK(actielijst_status_iter_next(it, &r) == ACTIELIJST_ITEROVER);
    CHECK(actielijst_status_iter_next(it, &r) == ACTIELIJST_ITEROVER);
    actielijst_status_iter_free(it);
    CHECK(count_history(s, "wonen-registratie", NULL) == 5);
    CHECK(count_history(s, "wonen-registratie", "") == 5);
    CHECK(count_history(s, "wonen-registratie", "noord") == 3); /* alias, any case */
    CHECK(count_history(s, "wonen-registratie", "PV31") == 0);

    /* The view follows the date. */
    CHECK_OK(actielijst_store_view(s, "2023-05-01", &v));
    CHECK_OK(actielijst_view_status(v, "wonen-registratie", "CR37", &r));
    CHECK(strcmp(r.state, "almost_done") == 0 && r.category == ACTIELIJST_CATEGORY_ACTIVE);
    actielijst_view_free(v);

    /* Failures: each leaves the store as it was and *added untouched. */
    before = export_all(s);
    added = 42;
    in = update("wonen-registratie", "CR37", "done", "2023-07-01");
    CHECK_FAILS(actielijst_store_record_update(NULL, &in, &added), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(actielijst_store_record_update(s, NULL, &added), ACTIELIJST_EINVALID, "in is NULL");
    in.version = 2;
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EVERSION, "in->version");
    in.version = 0;
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EVERSION, "in->version");
    in = update(NULL, "CR37", "done", "2023-07-01");
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "actielijst_store_record_update: in->action is NULL");
    in = update("wonen-registratie", NULL, "done", "2023-07-01");
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->scope is NULL");
    in = update("wonen-registratie", "CR37", NULL, "2023-07-01");
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->state is NULL");
    in = update("wonen-registratie", "CR37", "done", NULL);
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->as_of is NULL");
    in = update("wonen-registratie", "CR37", "done", "2023-07-01");
    in.text = NULL;
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->text is NULL");
    in.text = "caf\xe9"; /* Latin-1, not UTF-8 */
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->text is not valid UTF-8");
    in.text = "ok";
    in.author = "\xc3";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->author is not valid UTF-8");
    in.author = NULL;
    in.meeting = "\xf8\x88\x80\x80\x80";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->meeting is not valid UTF-8");
    in.meeting = NULL;
    huge = malloc((1u << 20) + 2);
    if (huge) {
        memset(huge, 'x', (1u << 20) + 1);
        huge[(1u << 20) + 1] = '\0';
        in.text = huge;
        CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->text is longer than 1 MiB");
        huge[1u << 20] = '\0'; /* exactly 1 MiB is accepted by the argument check */
        in.text = "ok";
        free(huge);
    }
    in.as_of = "2023-13-01";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "in->as_of");
    in.as_of = "2023-07-01";
    in.state = "klaar";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "state: unknown state \"klaar\"");
    CHECK(strstr(actielijst_error_message(), "updates[0].") == NULL);
    in.state = "done";
    in.action = "geen-actie";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "geen-actie");
    in.action = "wonen-registratie";
    in.scope = "Atlantis";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "Atlantis");
    in.scope = "CR37";
    in.meeting = "M99";
    CHECK_FAILS(actielijst_store_record_update(s, &in, &added), ACTIELIJST_EINVALID, "M99");
    CHECK(added == 42);
    CHECK(unchanged(s, &before));
    actielijst_buf_dispose(&before);

    /* History errors. */
    it = (actielijst_status_iter *)&it;
    CHECK_FAILS(actielijst_status_history_iter_new(s, "geen-actie", NULL, &it), ACTIELIJST_ENOTFOUND, "geen-actie");
    CHECK_FAILS(actielijst_status_history_iter_new(s, "wonen-registratie", "Atlantis", &it), ACTIELIJST_ENOTFOUND, "Atlantis");
    CHECK_FAILS(actielijst_status_history_iter_new(NULL, "wonen-registratie", NULL, &it), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(actielijst_status_history_iter_new(s, NULL, NULL, &it), ACTIELIJST_EINVALID, "action is NULL");
    CHECK_FAILS(actielijst_status_history_iter_new(s, "wonen-registratie", NULL, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_status_history_iter_new(s, "wonen\xff", NULL, &it), ACTIELIJST_EINVALID, "action is not valid UTF-8");
    CHECK_FAILS(actielijst_status_history_iter_new(s, "wonen-registratie", "\xff", &it), ACTIELIJST_EINVALID,
                "scope is not valid UTF-8");
    CHECK(it == (actielijst_status_iter *)&it);
}

/* The meeting input's refusals that put_meeting() cannot reach: it always passes a
 * good struct. */
static void check_meeting_input(actielijst_store *s) {
    actielijst_meeting_input in = ACTIELIJST_MEETING_INPUT_INIT;
    CHECK_FAILS(actielijst_store_put_meeting(s, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.key = "M1";
    in.date = "2023-01-01";
    in.version = 2;
    CHECK_FAILS(actielijst_store_put_meeting(s, &in), ACTIELIJST_EVERSION, "in->version");
}

/* As check_meeting_input, for contacts. */
static void check_contact_input(actielijst_store *s) {
    actielijst_contact_input in = ACTIELIJST_CONTACT_INPUT_INIT;
    CHECK_FAILS(actielijst_store_put_contact(s, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.municipality = "GM0983";
    in.role = "r";
    in.name = "n";
    in.version = 2;
    CHECK_FAILS(actielijst_store_put_contact(s, &in), ACTIELIJST_EVERSION, "in->version");
}

/* Export options of an unknown version are refused, and nothing is written. */
static void check_export_options(actielijst_store *s) {
    actielijst_export_options options = ACTIELIJST_EXPORT_OPTIONS_INIT;
    actielijst_buf out = {NULL, 0};
    options.version = 2;
    CHECK_FAILS(actielijst_store_export_json(s, &options, &out), ACTIELIJST_EVERSION, "options->version");
    options.version = 0;
    CHECK_FAILS(actielijst_store_export_json(s, &options, &out), ACTIELIJST_EVERSION, "options->version");
    CHECK(out.data == NULL);
}

static void test_meetings_and_proposals(actielijst_store *s) {
    actielijst_proposal_input in = ACTIELIJST_PROPOSAL_INPUT_INIT;
    actielijst_buf before;
    actielijst_view *v = NULL;
    actielijst_meeting_iter *mi = NULL;
    actielijst_meeting_rec m;
    actielijst_proposal_iter *pi = NULL;
    actielijst_proposal_rec p;
    actielijst_status_rec st;
    actielijst_update_input u;
    int found = 0;

    CHECK_OK(put_meeting(s, "SG-2023-04", "2023-04-12", "Stuurgroep april"));
    CHECK_OK(put_meeting(s, "SG-2023-06", "2023-06-14", NULL));
    CHECK_OK(put_meeting(s, "SG-2023-06", "2023-06-14", "Stuurgroep juni")); /* update */

    in.key = "P4";
    in.action = "werken-aanpak-excessen";
    in.text = "Voorstel: excessen agenderen in de stuurgroep.";
    in.meeting = "SG-2023-04";
    CHECK_OK(actielijst_store_put_proposal(s, &in));
    in.text = "Voorstel: excessen agenderen in de stuurgroep van juni.";
    in.meeting = "SG-2023-06";
    CHECK_OK(actielijst_store_put_proposal(s, &in)); /* replaces P4 */

    CHECK_OK(record_decision(s, "P2", ACTIELIJST_PROPOSAL_ADOPTED, "2023-04-12", "SG-2023-04"));
    CHECK_OK(record_decision(s, "P3", ACTIELIJST_PROPOSAL_WITHDRAWN, "2023-05-01", NULL));
    CHECK_OK(record_decision(s, "P4", ACTIELIJST_PROPOSAL_REJECTED, "", "SG-2023-06")); /* on its date */

    u = update("werken-aanpak-excessen", "CR37", "in_progress", "2023-06-14");
    u.meeting = "SG-2023-06";
    CHECK_OK(actielijst_store_record_update(s, &u, NULL));

    CHECK_OK(actielijst_store_view(s, "2023-12-31", &v));
    CHECK_OK(actielijst_meeting_iter_new(v, &mi));
    CHECK(actielijst_meeting_iter_next(mi, &m) == ACTIELIJST_OK);
    CHECK(strcmp(m.key, "SG-2023-04") == 0 && strcmp(m.date, "2023-04-12") == 0 && strcmp(m.title, "Stuurgroep april") == 0);
    CHECK(actielijst_meeting_iter_next(mi, &m) == ACTIELIJST_OK);
    CHECK(strcmp(m.key, "SG-2023-06") == 0 && strcmp(m.title, "Stuurgroep juni") == 0);
    CHECK(actielijst_meeting_iter_next(mi, &m) == ACTIELIJST_ITEROVER);
    actielijst_meeting_iter_free(mi);
    CHECK_OK(actielijst_proposal_iter_new(v, &pi));
    while (actielijst_proposal_iter_next(pi, &p) == ACTIELIJST_OK) {
        if (strcmp(p.key, "P2") == 0) {
            ++found;
            CHECK(p.state == ACTIELIJST_PROPOSAL_ADOPTED && strcmp(p.decided, "2023-04-12") == 0);
            CHECK(strcmp(p.meeting, "") == 0); /* tabled without a meeting; the decision keeps that */
        } else if (strcmp(p.key, "P3") == 0) {
            ++found;
            CHECK(p.state == ACTIELIJST_PROPOSAL_WITHDRAWN && strcmp(p.decided, "2023-05-01") == 0);
        } else if (strcmp(p.key, "P4") == 0) {
            ++found;
            CHECK(p.state == ACTIELIJST_PROPOSAL_REJECTED && strcmp(p.decided, "2023-06-14") == 0);
            CHECK(strcmp(p.meeting, "SG-2023-06") == 0);
            CHECK(strstr(p.text, "juni") != NULL);
            CHECK(strcmp(p.action, "werken-aanpak-excessen") == 0);
        }
    }
    CHECK(found == 3);
    actielijst_proposal_iter_free(pi);
    CHECK_OK(actielijst_view_status(v, "werken-aanpak-excessen", "CR37", &st));
    CHECK(strcmp(st.meeting, "SG-2023-06") == 0);
    actielijst_view_free(v);

    /* Failures leave the store unchanged. */
    before = export_all(s);
    CHECK_FAILS(put_meeting(NULL, "M1", "2023-01-01", NULL), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(put_meeting(s, NULL, "2023-01-01", NULL), ACTIELIJST_EINVALID, "in->key is NULL");
    CHECK_FAILS(put_meeting(s, "M1", NULL, NULL), ACTIELIJST_EINVALID, "in->date is NULL");
    CHECK_FAILS(put_meeting(s, "M1", "gisteren", NULL), ACTIELIJST_EINVALID, "in->date");
    CHECK_FAILS(put_meeting(s, "M1", "2023-01-01", "\xe0\x80\x80"), ACTIELIJST_EINVALID,
                "title is not valid UTF-8");
    CHECK_FAILS(put_meeting(s, "M 1", "2023-01-01", NULL), ACTIELIJST_EINVALID, "key");
    CHECK(strstr(actielijst_error_message(), "meetings[0].") == NULL);
    check_meeting_input(s);

    in = (actielijst_proposal_input)ACTIELIJST_PROPOSAL_INPUT_INIT;
    in.key = "P5";
    in.action = "werken-aanpak-excessen";
    in.text = "Een voorstel.";
    CHECK_FAILS(actielijst_store_put_proposal(NULL, &in), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(actielijst_store_put_proposal(s, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.version = 7;
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EVERSION, "in->version");
    in.version = ACTIELIJST_PROPOSAL_INPUT_VERSION;
    in.key = NULL;
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "in->key is NULL");
    in.key = "P5";
    in.action = NULL;
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "in->action is NULL");
    in.action = "werken-aanpak-excessen";
    in.text = NULL;
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "in->text is NULL");
    in.text = "\x80";
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "in->text is not valid UTF-8");
    in.text = "Een voorstel.";
    in.state = 4;
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "in->state");
    in.state = -1;
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "in->state");
    in.state = ACTIELIJST_PROPOSAL_OPEN;
    in.kind = 2;
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "in->kind");
    in.kind = ACTIELIJST_KIND_CONSENSUS;
    in.decided = "2023-05-05";
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "decided");
    CHECK(strstr(actielijst_error_message(), "proposals[0].") == NULL);
    in.decided = "2023-05-32";
    in.state = ACTIELIJST_PROPOSAL_ADOPTED;
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "in->decided");
    in.decided = NULL;
    in.action = "geen-actie";
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "geen-actie");
    CHECK(strstr(actielijst_error_message(), "proposals[0].") == NULL);
    in.action = "werken-aanpak-excessen";
    in.meeting = "SG-1999";
    CHECK_FAILS(actielijst_store_put_proposal(s, &in), ACTIELIJST_EINVALID, "SG-1999");

    CHECK_FAILS(record_decision(NULL, "P2", 1, NULL, NULL), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(record_decision(s, NULL, 1, NULL, NULL), ACTIELIJST_EINVALID, "in->proposal is NULL");
    CHECK_FAILS(record_decision(s, "P9", 1, NULL, NULL), ACTIELIJST_ENOTFOUND, "P9");
    CHECK_FAILS(record_decision(s, "P2", 1, NULL, "SG-1999"), ACTIELIJST_ENOTFOUND, "SG-1999");
    CHECK_FAILS(record_decision(s, "P2", 9, NULL, NULL), ACTIELIJST_EINVALID, "in->state");
    CHECK_FAILS(record_decision(s, "P2", ACTIELIJST_PROPOSAL_REJECTED, "2023-01-01", NULL), ACTIELIJST_EINVALID,
                "before proposal P2 was tabled (2023-03-01)");
    CHECK_FAILS(record_decision(s, "P2", ACTIELIJST_PROPOSAL_REJECTED, NULL, NULL), ACTIELIJST_EINVALID,
                "a decision needs a date or a meeting");
    CHECK_FAILS(record_decision(s, "P2", 1, "01-05-2023", NULL), ACTIELIJST_EINVALID, "in->date");
    CHECK_FAILS(record_decision(s, "P\xff", 1, NULL, NULL), ACTIELIJST_EINVALID, "in->proposal is not valid UTF-8");
    CHECK_FAILS(record_decision(s, "P2", 1, NULL, "\xff"), ACTIELIJST_EINVALID, "in->meeting is not valid UTF-8");
    CHECK(unchanged(s, &before));
    actielijst_buf_dispose(&before);
}

static void test_put_observation(actielijst_store *s) {
    actielijst_observation_input in = ACTIELIJST_OBSERVATION_INPUT_INIT;
    actielijst_buf before;
    actielijst_view *v = NULL;
    actielijst_rollup_rec u;
    actielijst_observation_iter *it = NULL;
    actielijst_observation_rec o;
    int found = 0;

    in.indicator = "short_stay_policy";
    in.region = "Venlo"; /* a name */
    in.as_of = "2023-09-01";
    in.level = "adopted";
    in.source = "Gemeenteraad Venlo";
    CHECK_OK(actielijst_store_put_observation(s, &in));
    in.region = "GM1507";
    CHECK_OK(actielijst_store_put_observation(s, &in));
    in = (actielijst_observation_input)ACTIELIJST_OBSERVATION_INPUT_INIT;
    in.indicator = "international_workers_count";
    in.region = "PV31";
    in.as_of = "2023-01-01";
    in.has_value = 1;
    in.value = 12000;
    CHECK_OK(actielijst_store_put_observation(s, &in));
    in.value = 12500; /* the same (indicator, region, level, date): replaced */
    CHECK_OK(actielijst_store_put_observation(s, &in));

    CHECK_OK(actielijst_store_view(s, "2023-12-31", &v));
    CHECK_OK(actielijst_view_rollup(v, "short_stay_policy", "CR37", "adopted", &u));
    CHECK(u.municipalities == 8 && u.known_at_or_above == 2 && u.reported == 4);
    CHECK_OK(actielijst_observation_iter_new(v, "international_workers_count", &it));
    while (actielijst_observation_iter_next(it, &o) == ACTIELIJST_OK) {
        ++found;
        CHECK(o.has_value == 1 && o.value == 12500.0 && strcmp(o.as_of, "2023-01-01") == 0);
    }
    CHECK(found == 1);
    actielijst_observation_iter_free(it);
    actielijst_view_free(v);

    before = export_all(s);
    in = (actielijst_observation_input)ACTIELIJST_OBSERVATION_INPUT_INIT;
    in.indicator = "short_stay_policy";
    in.region = "GM0889";
    in.as_of = "2023-09-01";
    in.level = "adopted";
    CHECK_FAILS(actielijst_store_put_observation(NULL, &in), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(actielijst_store_put_observation(s, NULL), ACTIELIJST_EINVALID, "in is NULL");
    in.version = 3;
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EVERSION, "in->version");
    in.version = ACTIELIJST_OBSERVATION_INPUT_VERSION;
    in.indicator = NULL;
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "in->indicator is NULL");
    in.indicator = "short_stay_policy";
    in.region = NULL;
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "in->region is NULL");
    in.region = "GM0889";
    in.as_of = NULL;
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "in->as_of is NULL");
    in.as_of = "2023-09-01";
    in.note = "\xed\xbf\xbf";
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "in->note is not valid UTF-8");
    in.note = NULL;
    in.source = "\xc1\xbf";
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "in->source is not valid UTF-8");
    in.source = NULL;
    in.level = "perfect";
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "level");
    CHECK(strstr(actielijst_error_message(), "observations[0].") == NULL);
    in.level = NULL;
    in.note = "zonder niveau";
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "level is required");
    in.note = NULL;
    in.level = "adopted";
    in.has_value = 1;
    in.value = 3;
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "value");
    in.has_value = 0;
    in.indicator = "temperature";
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "temperature");
    in.indicator = "short_stay_policy";
    in.region = "Atlantis";
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "Atlantis");
    in.region = "CR37";
    in.has_count = 1;
    in.count = 9; /* CR37 has 8 municipalities */
    CHECK_FAILS(actielijst_store_put_observation(s, &in), ACTIELIJST_EINVALID, "count");
    CHECK(unchanged(s, &before));
    actielijst_buf_dispose(&before);
}

static void test_contacts(actielijst_store *s) {
    actielijst_contact_iter *it = NULL;
    actielijst_contact_rec c;
    actielijst_export_options options = ACTIELIJST_EXPORT_OPTIONS_INIT;
    actielijst_buf before, plain = {NULL, 0};
    int n = 0;

    CHECK_OK(actielijst_contact_iter_new(s, &it));
    CHECK(actielijst_contact_iter_next(it, &c) == ACTIELIJST_ITEROVER);
    actielijst_contact_iter_free(it);

    CHECK_OK(put_contact(s, "GM0983", "beleidsadviseur", "Anna de Vries", "anna@venlo.example"));
    CHECK_OK(put_contact(s, "Venray", "wethouder", "Bram Peeters", NULL));
    CHECK_OK(put_contact(s, "GM0983", "beleidsadviseur", "Anna de Vries", "a.devries@venlo.example"));

    CHECK_OK(actielijst_contact_iter_new(s, &it));
    CHECK_FAILS(actielijst_contact_iter_next(it, NULL), ACTIELIJST_EINVALID, "rec is NULL");
    CHECK_FAILS(actielijst_contact_iter_next(NULL, &c), ACTIELIJST_EINVALID, "it is NULL");
    while (actielijst_contact_iter_next(it, &c) == ACTIELIJST_OK) {
        ++n;
        if (strcmp(c.name, "Anna de Vries") == 0) {
            CHECK(strcmp(c.municipality, "GM0983") == 0 && strcmp(c.role, "beleidsadviseur") == 0);
            CHECK(strcmp(c.email, "a.devries@venlo.example") == 0);
        } else {
            CHECK(strcmp(c.municipality, "GM0984") == 0 && strcmp(c.email, "") == 0);
        }
    }
    CHECK(n == 2);
    CHECK(actielijst_contact_iter_next(it, &c) == ACTIELIJST_ITEROVER);
    actielijst_contact_iter_free(it);
    actielijst_contact_iter_free(NULL);

    /* Personal data only on request. */
    CHECK_OK(actielijst_store_export_json(s, NULL, &plain));
    CHECK(strstr(plain.data, "Anna de Vries") == NULL);
    actielijst_buf_dispose(&plain);
    options.include_contacts = 0;
    CHECK_OK(actielijst_store_export_json(s, &options, &plain));
    CHECK(strstr(plain.data, "Anna de Vries") == NULL);
    actielijst_buf_dispose(&plain);
    options.include_contacts = 1;
    CHECK_OK(actielijst_store_export_json(s, &options, &plain));
    CHECK(strstr(plain.data, "Anna de Vries") != NULL);
    actielijst_buf_dispose(&plain);
    check_export_options(s);

    before = export_all(s);
    CHECK_FAILS(put_contact(NULL, "GM0983", "r", "n", NULL), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(put_contact(s, NULL, "r", "n", NULL), ACTIELIJST_EINVALID, "in->municipality is NULL");
    CHECK_FAILS(put_contact(s, "GM0983", NULL, "n", NULL), ACTIELIJST_EINVALID, "in->role is NULL");
    CHECK_FAILS(put_contact(s, "GM0983", "r", NULL, NULL), ACTIELIJST_EINVALID, "in->name is NULL");
    CHECK_FAILS(put_contact(s, "GM0983", "r", "n\xff", NULL), ACTIELIJST_EINVALID,
                "name is not valid UTF-8");
    CHECK_FAILS(put_contact(s, "GM0983", "r", "n", "\xff"), ACTIELIJST_EINVALID,
                "email is not valid UTF-8");
    CHECK_FAILS(put_contact(s, "GM0983", "r", "n", "geen adres"), ACTIELIJST_EINVALID, "email");
    CHECK_FAILS(put_contact(s, "CR37", "r", "n", NULL), ACTIELIJST_EINVALID, "not a municipality");
    CHECK(strstr(actielijst_error_message(), "contacts[0].") == NULL);
    CHECK_FAILS(put_contact(s, "Atlantis", "r", "n", NULL), ACTIELIJST_EINVALID, "Atlantis");
    check_contact_input(s);
    it = (actielijst_contact_iter *)&it;
    CHECK_FAILS(actielijst_contact_iter_new(NULL, &it), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(actielijst_contact_iter_new(s, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK(it == (actielijst_contact_iter *)&it);
    CHECK(unchanged(s, &before));
    actielijst_buf_dispose(&before);
}

static void test_resolve_region(actielijst_store *s) {
    actielijst_buf out = {NULL, 0};
    CHECK_OK(actielijst_store_resolve_region(s, "regio noord", &out));
    CHECK(out.data != NULL && strcmp(out.data, "CR37") == 0 && out.size == 4);
    actielijst_buf_dispose(&out);
    CHECK_OK(actielijst_store_resolve_region(s, "GM0983", &out));
    CHECK(strcmp(out.data, "GM0983") == 0);
    actielijst_buf_dispose(&out);
    CHECK_OK(actielijst_store_resolve_region(s, "Bergen", &out));
    CHECK(strcmp(out.data, "GM0893") == 0);
    actielijst_buf_dispose(&out);
    CHECK_FAILS(actielijst_store_resolve_region(s, "Atlantis", &out), ACTIELIJST_ENOTFOUND, "Atlantis");
    CHECK(out.data == NULL);
    CHECK_FAILS(actielijst_store_resolve_region(NULL, "CR37", &out), ACTIELIJST_EINVALID, "store is NULL");
    CHECK_FAILS(actielijst_store_resolve_region(s, NULL, &out), ACTIELIJST_EINVALID, "code_or_alias is NULL");
    CHECK_FAILS(actielijst_store_resolve_region(s, "CR37", NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_store_resolve_region(s, "Noord\xff", &out), ACTIELIJST_EINVALID,
                "code_or_alias is not valid UTF-8");
    CHECK(out.data == NULL);
}

/* The keys of the store's states in display order, joined by spaces into `out`. */
static void state_keys(actielijst_store *s, char *out, size_t size) {
    actielijst_view *v = NULL;
    actielijst_state_iter *it = NULL;
    actielijst_state_rec r;
    out[0] = '\0';
    CHECK(actielijst_store_view(s, "2023-12-31", &v) == ACTIELIJST_OK);
    CHECK(actielijst_state_iter_new(v, &it) == ACTIELIJST_OK);
    actielijst_view_free(v);
    while (it && actielijst_state_iter_next(it, &r) == ACTIELIJST_OK) {
        if (out[0]) strncat(out, " ", size - strlen(out) - 1);
        strncat(out, r.key, size - strlen(out) - 1);
    }
    actielijst_state_iter_free(it);
}

/* A new store holds no states; actielijst_store_import_default_states adds the
 * default keys it lacks and leaves stored states alone. */
static void test_import_default_states(const char *dir, actielijst_store *limburg) {
    static const char doc[] =
        "{\"format\": \"actielijst\", \"format_version\": 1,"
        " \"themes\": [{\"key\": \"wonen\", \"label\": {\"nl\": \"Wonen\"}}],"
        " \"regions\": [{\"code\": \"PV20\", \"name\": \"Groningen\", \"kind\": \"province\"}],"
        " \"actions\": [{\"key\": \"a1\", \"theme\": \"wonen\", \"title\": \"T\", \"goal\": \"G\"}]}";
    actielijst_store *s = open_with(dir, "defaults.db", doc, sizeof doc - 1);
    actielijst_state_input own = ACTIELIJST_STATE_INPUT_INIT;
    actielijst_update_input in = update("a1", "PV20", "in_progress", "2023-03-01");
    actielijst_view *v = NULL;
    actielijst_state_iter *it = NULL;
    actielijst_state_rec r;
    actielijst_buf before = {NULL, 0};
    char keys[512];
    uint32_t added = 99;
    int found = 0;

    CHECK(s != NULL);
    if (!s) return;
    state_keys(s, keys, sizeof keys);
    CHECK(strcmp(keys, "") == 0);
    CHECK_FAILS(actielijst_store_record_update(s, &in, NULL), ACTIELIJST_EINVALID, "state: unknown state \"in_progress\"");

    /* The province's own "stalled" (another label) before the defaults arrive. */
    own.key = "stalled";
    own.category = ACTIELIJST_CATEGORY_BLOCKED;
    own.label_nl = "Loopt vast";
    CHECK_OK(actielijst_store_put_state(s, &own));

    CHECK_OK(actielijst_store_import_default_states(s, &added));
    CHECK(added == 7);
    state_keys(s, keys, sizeof keys);
    CHECK(strcmp(keys, "stalled not_started in_progress almost_done ongoing under_review done no_action_needed") == 0);
    CHECK(actielijst_store_view(s, "2023-12-31", &v) == ACTIELIJST_OK);
    CHECK(actielijst_state_iter_new(v, &it) == ACTIELIJST_OK);
    actielijst_view_free(v);
    while (it && actielijst_state_iter_next(it, &r) == ACTIELIJST_OK)
        if (strcmp(r.key, "stalled") == 0) {
            found = 1;
            CHECK(strcmp(r.label_nl, "Loopt vast") == 0 && strcmp(r.label_en, "") == 0);
        }
    actielijst_state_iter_free(it);
    CHECK(found);
    CHECK_OK(actielijst_store_record_update(s, &in, NULL));

    /* Idempotent; `added` may be NULL. */
    before = export_all(s);
    added = 99;
    CHECK_OK(actielijst_store_import_default_states(s, &added));
    CHECK(added == 0);
    CHECK_OK(actielijst_store_import_default_states(s, NULL));
    CHECK(unchanged(s, &before));
    actielijst_buf_dispose(&before);

    /* A list that brings all eight (Limburg) gets nothing more. */
    before = export_all(limburg);
    added = 99;
    CHECK_OK(actielijst_store_import_default_states(limburg, &added));
    CHECK(added == 0);
    CHECK(unchanged(limburg, &before));
    actielijst_buf_dispose(&before);

    added = 99;
    CHECK_FAILS(actielijst_store_import_default_states(NULL, &added), ACTIELIJST_EINVALID, "store is NULL");
    CHECK(added == 99);
    actielijst_store_free(s);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    test_inits();
    s = open_with(dir, "write.db", json, len);
    CHECK(s != NULL);
    if (s) {
        test_record(s);
        test_meetings_and_proposals(s);
        test_put_observation(s);
        test_contacts(s);
        test_resolve_region(s);
        test_import_default_states(dir, s);
        actielijst_store_free(s);
    }
    free(json);
    remove_dir(dir);
    return report();
}
