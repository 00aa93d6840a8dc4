/*
 * Reporting rules and filters through the C API: loading from text, file and the
 * defaults, the place and message of a load failure, argument checks of every
 * function, evaluating on the Limburg list as of 2023-03-01, and iterators that
 * outlive the handles they came from.
 *
 *   test_capi_rules <path to limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

#define LOAD(text, vocab, out) actielijst_rules_load((text), strlen(text), NULL, (vocab), (out))

/* Whether actielijst_error_position() is (line, column): {0, 0} when the last
 * call succeeded or failed without a place in a text. */
static int position_is(int32_t line, int32_t column) {
    actielijst_text_position p = actielijst_error_position();
    return p.line == line && p.column == column;
}

/* Fails a load with a place, so that a later check of {0, 0} shows the position
 * was cleared rather than never set. */
static void leave_a_position(void) {
    actielijst_rules *rules = NULL;
    CHECK(LOAD("rule x\n  severity info\n  when )\n", NULL, &rules) == ACTIELIJST_EINVALID);
    CHECK(position_is(3, 8));
    CHECK(rules == NULL);
}

static const char *const small_rules =
    "# two rules\n"
    "rule stalled\n"
    "    severity alert\n"
    "    per scope\n"
    "    when state_category = \"blocked\"\n"
    "    message \"{title}: stagneert in {region_name}\"\n"
    "\n"
    "rule open_proposal\n"
    "    severity warning\n"
    "    section decisions\n"
    "    when open_proposals > 0\n"
    "    message \"{title}: {open_proposals} voorstel(len)\"\n";

static int count_rules(actielijst_rules *rules) {
    actielijst_rule_iter *it = NULL;
    actielijst_rule_rec r;
    int n = 0;
    if (actielijst_rule_iter_new(rules, &it) != ACTIELIJST_OK) return -1;
    while (actielijst_rule_iter_next(it, &r) == ACTIELIJST_OK) ++n;
    actielijst_rule_iter_free(it);
    return n;
}

/* Occurrences of "\nrule " in `text`, plus one when it starts with "rule ". */
static int rules_in_text(const char *text) {
    int n = strncmp(text, "rule ", 5) == 0 ? 1 : 0;
    const char *p = text;
    while ((p = strstr(p, "\nrule ")) != NULL) {
        ++n;
        ++p;
    }
    return n;
}

static void test_load_text(actielijst_view *v) {
    actielijst_rules *rules = NULL;
    actielijst_rule_iter *it = NULL;
    actielijst_rule_rec r;

    leave_a_position();
    CHECK_OK(LOAD(small_rules, NULL, &rules));
    CHECK(rules != NULL);
    CHECK(position_is(0, 0)); /* cleared on success */
    CHECK_OK(actielijst_rule_iter_new(rules, &it));
    CHECK(actielijst_rule_iter_next(it, &r) == ACTIELIJST_OK);
    CHECK(strcmp(r.key, "stalled") == 0);
    CHECK(r.severity == ACTIELIJST_SEVERITY_ALERT);
    CHECK(r.target == ACTIELIJST_TARGET_SCOPE);
    CHECK(strcmp(r.section, "signals") == 0);
    CHECK(strstr(r.condition, "state_category") != NULL);
    CHECK(strcmp(r.message, "{title}: stagneert in {region_name}") == 0);
    CHECK(r.line == 2);
    CHECK(actielijst_rule_iter_next(it, &r) == ACTIELIJST_OK);
    CHECK(strcmp(r.key, "open_proposal") == 0);
    CHECK(r.severity == ACTIELIJST_SEVERITY_WARNING && r.target == ACTIELIJST_TARGET_ACTION);
    CHECK(strcmp(r.section, "decisions") == 0);
    CHECK(strcmp(r.condition, "open_proposals > 0") == 0);
    CHECK(r.line == 8);
    memset(&r, 0xAB, sizeof r);
    CHECK(actielijst_rule_iter_next(it, &r) == ACTIELIJST_ITEROVER);
    CHECK(((unsigned char *)&r)[0] == 0xAB); /* untouched */
    CHECK(actielijst_rule_iter_next(it, &r) == ACTIELIJST_ITEROVER);
    actielijst_rule_iter_free(it);
    actielijst_rules_free(rules);
    rules = NULL;

    /* With the Limburg view as vocabulary. */
    CHECK_OK(LOAD(small_rules, v, &rules));
    CHECK(count_rules(rules) == 2);
    actielijst_rules_free(rules);
    rules = NULL;

    /* The length counts, not a NUL: only the first rule of a longer buffer. */
    {
        const char *second = strstr(small_rules, "rule open_proposal");
        CHECK_OK(actielijst_rules_load(small_rules, (size_t)(second - small_rules), "eerste", v, &rules));
        CHECK(count_rules(rules) == 1);
        actielijst_rules_free(rules);
        rules = NULL;
    }
    /* An empty text is an empty rule set; NULL is fine with length 0. */
    CHECK_OK(actielijst_rules_load("", 0, NULL, NULL, &rules));
    CHECK(count_rules(rules) == 0);
    actielijst_rules_free(rules);
    rules = NULL;
    CHECK_OK(actielijst_rules_load(NULL, 0, NULL, NULL, &rules));
    CHECK(count_rules(rules) == 0);
    actielijst_rules_free(rules);
    actielijst_rules_free(NULL);
}

static void test_load_failures(actielijst_view *v) {
    actielijst_rules *rules = (actielijst_rules *)&rules, *sentinel = rules;
    static const char syntax[] =
        "rule x\n"
        "    severity alert\n"
        "    when (open_proposals > ) and all_closed\n"
        "    message \"m\"\n";
    static const char types[] =
        "rule x\n"
        "    severity info\n"
        "    when last_update = \"2023\"\n"
        "    message \"m\"\n";
    static const char severity[] = "rule x\n  severity urgent\n  when all_closed\n  message \"m\"\n";
    static const char unknown_state[] =
        "rule x\n"
        "    severity info\n"
        "    per scope\n"
        "    when state = \"klaar\"\n"
        "    message \"m\"\n";
    static const char nul[] = "rule x\n  severity info\0\n  when all_closed\n  message \"m\"\n";

    /* A syntax error: its place, and a message with the origin, place and a caret line. */
    CHECK_FAILS(actielijst_rules_load(syntax, strlen(syntax), NULL, v, &rules), ACTIELIJST_EINVALID,
                "rules:3:28: syntax error");
    CHECK(position_is(3, 28));
    CHECK(strstr(actielijst_error_message(), "^") != NULL);
    CHECK(rules == sentinel);
    CHECK_FAILS(actielijst_rules_load(syntax, strlen(syntax), "mijn.rules", v, &rules), ACTIELIJST_EINVALID,
                "mijn.rules:3:28:");
    CHECK(position_is(3, 28)); /* the origin names the text; the place is the same */
    CHECK_FAILS(actielijst_rules_load(syntax, strlen(syntax), "", v, &rules), ACTIELIJST_EINVALID,
                "rules:3:28:");
    CHECK(position_is(3, 28));
    CHECK(rules == sentinel);

    /* A type error and an unknown severity. */
    CHECK_FAILS(LOAD(types, v, &rules), ACTIELIJST_EINVALID, "rules:3:");
    CHECK(actielijst_error_position().line == 3 && actielijst_error_position().column > 0);
    CHECK_FAILS(LOAD(severity, NULL, &rules), ACTIELIJST_EINVALID, "rules:2:12:");
    CHECK(strstr(actielijst_error_message(), "urgent") != NULL);
    CHECK(position_is(2, 12));
    CHECK(rules == sentinel);

    /* A state the vocabulary lacks is ENOTFOUND, with its place. Without a
       vocabulary it loads, and evaluating on the view fails instead. */
    CHECK_FAILS(LOAD(unknown_state, v, &rules), ACTIELIJST_ENOTFOUND, "klaar");
    CHECK(strstr(actielijst_error_message(), "rules:4:18:") != NULL);
    CHECK(position_is(4, 18));
    CHECK(rules == sentinel);
    {
        actielijst_rules *loose = NULL;
        actielijst_evaluation *e = (actielijst_evaluation *)&e, *esentinel = e;
        CHECK_OK(LOAD(unknown_state, NULL, &loose));
        CHECK(position_is(0, 0));
        CHECK_FAILS(actielijst_rules_evaluate(loose, v, &e), ACTIELIJST_ENOTFOUND, "klaar");
        CHECK(e == esentinel);
        actielijst_rules_free(loose);
    }

    /* Argument checks: before any parsing, with the position {0, 0}. */
    leave_a_position();
    CHECK_FAILS(actielijst_rules_load(nul, sizeof nul - 1, NULL, v, &rules), ACTIELIJST_EINVALID,
                "text contains a NUL byte");
    CHECK(position_is(0, 0));
    CHECK_FAILS(actielijst_rules_load(NULL, 3, NULL, v, &rules), ACTIELIJST_EINVALID, "text is NULL");
    CHECK_FAILS(LOAD(small_rules, v, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_rules_load(small_rules, strlen(small_rules), "\xff", v, &rules),
                ACTIELIJST_EINVALID, "origin is not valid UTF-8");
    leave_a_position();
    CHECK_FAILS(LOAD(small_rules, (actielijst_view *)&sentinel, &rules), ACTIELIJST_EINVALID,
                "not a valid actielijst_view handle");
    CHECK(position_is(0, 0));
    CHECK_FAILS(LOAD("rule x\n  severity info\n  when all_closed\n  message \"caf\xe9\"\n", NULL, &rules),
                ACTIELIJST_EINVALID, "UTF-8");
    CHECK(rules == sentinel);
    {
        /* More than 1 MiB. */
        size_t big = (1u << 20) + 1;
        char *huge = malloc(big);
        if (huge) {
            memset(huge, ' ', big);
            CHECK_FAILS(actielijst_rules_load(huge, big, NULL, NULL, &rules), ACTIELIJST_EINVALID, "1 MiB");
            free(huge);
        }
    }
    CHECK(rules == sentinel);
}

static void test_load_file_and_default(const char *dir, actielijst_view *v) {
    char path[4200];
    FILE *f;
    actielijst_rules *rules = NULL, *again = NULL;
    actielijst_rules *sentinel = (actielijst_rules *)&path, *untouched = sentinel;
    actielijst_rule_iter *a = NULL, *b = NULL;
    actielijst_rule_rec ra, rb;
    const char *text = actielijst_rules_default_text();
    int n, ok;

    snprintf(path, sizeof path, "%s/eigen.rules", dir);
    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(small_rules, f);
        fputs("rule kapot\n  severity info\n  when )\n", f);
        fclose(f);
    }
    /* The file names itself in the message. */
    CHECK_FAILS(actielijst_rules_load_file(path, v, &untouched), ACTIELIJST_EINVALID, "eigen.rules:15:8:");
    CHECK(position_is(15, 8));
    CHECK(untouched == sentinel);
    f = fopen(path, "wb");
    if (f) {
        fputs(small_rules, f);
        fclose(f);
    }
    CHECK_OK(actielijst_rules_load_file(path, v, &rules));
    CHECK(position_is(0, 0));
    CHECK(count_rules(rules) == 2);
    actielijst_rules_free(rules);
    rules = NULL;

    snprintf(path, sizeof path, "%s/bestaat-niet.rules", dir);
    leave_a_position();
    CHECK_FAILS(actielijst_rules_load_file(path, v, &untouched), ACTIELIJST_EIO, "bestaat-niet.rules");
    CHECK(position_is(0, 0));
    CHECK_FAILS(actielijst_rules_load_file(dir, v, &untouched), ACTIELIJST_EIO, "");
    CHECK_FAILS(actielijst_rules_load_file(NULL, v, &untouched), ACTIELIJST_EINVALID, "path is NULL");
    CHECK_FAILS(actielijst_rules_load_file("\xc3", v, &untouched), ACTIELIJST_EINVALID,
                "path is not valid UTF-8");
    CHECK_FAILS(actielijst_rules_load_file(path, (actielijst_view *)&sentinel, &untouched), ACTIELIJST_EINVALID,
                "not a valid actielijst_view handle");
    CHECK_FAILS(actielijst_rules_load_file(path, v, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK(untouched == sentinel);

    /* The defaults: the same rules as their text, loaded on any store. */
    CHECK(text != NULL && strstr(text, "rule stalled") != NULL);
    CHECK(actielijst_rules_default_text() == text);
    n = rules_in_text(text);
    CHECK(n >= 10);
    leave_a_position();
    CHECK_OK(actielijst_rules_load_default(v, &rules));
    CHECK(position_is(0, 0));
    CHECK_OK(actielijst_rules_load_default(NULL, &again));
    CHECK(count_rules(rules) == n);
    actielijst_rules_free(again);
    again = NULL;
    CHECK_OK(actielijst_rules_load(text, strlen(text), "default.rules", v, &again));
    CHECK_OK(actielijst_rule_iter_new(rules, &a));
    CHECK_OK(actielijst_rule_iter_new(again, &b));
    ok = 1;
    while (actielijst_rule_iter_next(a, &ra) == ACTIELIJST_OK) {
        if (actielijst_rule_iter_next(b, &rb) != ACTIELIJST_OK || strcmp(ra.key, rb.key) != 0 ||
            strcmp(ra.condition, rb.condition) != 0 || ra.line != rb.line || ra.severity != rb.severity)
            ok = 0;
    }
    CHECK(ok);
    CHECK(actielijst_rule_iter_next(b, &rb) == ACTIELIJST_ITEROVER);
    actielijst_rule_iter_free(a);
    actielijst_rule_iter_free(b);
    actielijst_rules_free(again);
    actielijst_rules_free(rules);
    CHECK_FAILS(actielijst_rules_load_default(v, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_rules_load_default((actielijst_view *)&sentinel, &untouched), ACTIELIJST_EINVALID,
                "not a valid actielijst_view handle");
    CHECK(untouched == sentinel);

    /* Rule iterator arguments; a failure of a call that reads no text has no position. */
    leave_a_position();
    CHECK_FAILS(actielijst_rule_iter_new(NULL, &a), ACTIELIJST_EINVALID, "rules is NULL");
    CHECK(position_is(0, 0));
    CHECK_FAILS(actielijst_rule_iter_new((actielijst_rules *)v, &a), ACTIELIJST_EINVALID,
                "not a valid actielijst_rules handle");
    CHECK_OK(actielijst_rules_load_default(NULL, &rules));
    CHECK_FAILS(actielijst_rule_iter_new(rules, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_OK(actielijst_rule_iter_new(rules, &a));
    CHECK_FAILS(actielijst_rule_iter_next(a, NULL), ACTIELIJST_EINVALID, "rec is NULL");
    CHECK_FAILS(actielijst_rule_iter_next(NULL, &ra), ACTIELIJST_EINVALID, "it is NULL");
    CHECK_FAILS(actielijst_rule_iter_next((actielijst_rule_iter *)rules, &ra), ACTIELIJST_EINVALID,
                "not a valid actielijst_rule_iter handle");
    /* The iterator outlives its rule set. */
    actielijst_rules_free(rules);
    CHECK(actielijst_rule_iter_next(a, &ra) == ACTIELIJST_OK);
    CHECK(strcmp(ra.key, "stalled") == 0 && ra.line > 0);
    actielijst_rule_iter_free(a);
    actielijst_rule_iter_free(NULL);
}

/* The finding of `rule` about (action, region), or -1. */
static long find(actielijst_evaluation *e, const char *rule, const char *action, const char *region) {
    size_t n = 0, i;
    actielijst_finding_rec f;
    if (actielijst_evaluation_counts(e, &n, NULL) != ACTIELIJST_OK) return -1;
    for (i = 0; i < n; ++i) {
        if (actielijst_evaluation_finding(e, i, &f) != ACTIELIJST_OK) return -1;
        if (strcmp(f.rule, rule) == 0 && strcmp(f.action, action) == 0 && strcmp(f.region, region) == 0)
            return (long)i;
    }
    return -1;
}

static void test_evaluate(actielijst_view *v) {
    actielijst_rules *rules = NULL;
    actielijst_evaluation *e = NULL, *sentinel = (actielijst_evaluation *)&rules, *untouched = sentinel;
    actielijst_finding_iter *fi = NULL;
    actielijst_action_status_iter *si = NULL;
    actielijst_action_iter *ai = NULL;
    actielijst_finding_rec f, g;
    actielijst_action_status_rec s;
    actielijst_action_rec a;
    size_t findings = 0, actions = 0, n = 0, i;
    long stalled, p2, p3;
    int last_severity = ACTIELIJST_SEVERITY_ALERT, sorted = 1, rc;

    CHECK_OK(actielijst_rules_load_default(v, &rules));
    CHECK_FAILS(actielijst_rules_evaluate(NULL, v, &untouched), ACTIELIJST_EINVALID, "rules is NULL");
    CHECK_FAILS(actielijst_rules_evaluate(rules, NULL, &untouched), ACTIELIJST_EINVALID, "view is NULL");
    CHECK_FAILS(actielijst_rules_evaluate(rules, v, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_rules_evaluate((actielijst_rules *)v, v, &untouched), ACTIELIJST_EINVALID,
                "not a valid actielijst_rules handle");
    CHECK_FAILS(actielijst_rules_evaluate(rules, (actielijst_view *)rules, &untouched), ACTIELIJST_EINVALID,
                "not a valid actielijst_view handle");
    CHECK(untouched == sentinel);
    CHECK_OK(actielijst_rules_evaluate(rules, v, &e));
    CHECK(e != NULL);

    CHECK_OK(actielijst_evaluation_counts(e, &findings, &actions));
    CHECK(actions == 19);
    CHECK(findings >= 6);
    CHECK_OK(actielijst_evaluation_counts(e, NULL, NULL));
    CHECK_FAILS(actielijst_evaluation_counts(NULL, &findings, &actions), ACTIELIJST_EINVALID, "evaluation is NULL");
    CHECK_FAILS(actielijst_evaluation_counts((actielijst_evaluation *)rules, &findings, NULL), ACTIELIJST_EINVALID,
                "not a valid actielijst_evaluation handle");

    /* algemeen-in-gesprek stalls in the province: an alert, per scope, with reasons. */
    stalled = find(e, "stalled", "algemeen-in-gesprek", "PV31");
    CHECK(stalled >= 0);
    CHECK_OK(actielijst_evaluation_finding(e, (size_t)stalled, &f));
    CHECK(f.severity == ACTIELIJST_SEVERITY_ALERT && f.target == ACTIELIJST_TARGET_SCOPE);
    CHECK(strcmp(f.section, "signals") == 0);
    CHECK(strstr(f.message, "stagneert") != NULL);
    CHECK(f.reason_count >= 1 && f.reasons != NULL);
    if (f.reason_count >= 1) {
        CHECK(strstr(f.reasons[0].expression, "state_category") != NULL);
        CHECK(strstr(f.reasons[0].detail, "blocked") != NULL);
    }
    CHECK(find(e, "stalled", "wonen-registratie", "CR39") >= 0);
    CHECK(find(e, "stalled", "wonen-registratie", "CR38") >= 0);
    CHECK(find(e, "stalled", "wonen-registratie", "CR37") < 0);

    /* The open proposals P2 and P3 ask for decisions. */
    p2 = find(e, "decision_needed", "wonen-regionaal-beleid", "");
    p3 = find(e, "decision_needed", "samenleven-beeldvorming", "");
    CHECK(p2 >= 0 && p3 >= 0);
    CHECK_OK(actielijst_evaluation_finding(e, (size_t)p2, &f));
    CHECK(strcmp(f.section, "decisions") == 0 && f.severity == ACTIELIJST_SEVERITY_WARNING);
    CHECK(f.target == ACTIELIJST_TARGET_ACTION && strcmp(f.region, "") == 0);
    CHECK(find(e, "decision_needed", "wonen-lokaal-beleid", "") < 0);

    /* By index: out of range, NULL arguments, *rec untouched on failure. */
    memset(&g, 0x5A, sizeof g);
    CHECK_FAILS(actielijst_evaluation_finding(e, findings, &g), ACTIELIJST_ENOTFOUND, "index");
    CHECK_FAILS(actielijst_evaluation_finding(e, (size_t)-1, &g), ACTIELIJST_ENOTFOUND, "index");
    CHECK(((unsigned char *)&g)[0] == 0x5A);
    CHECK_FAILS(actielijst_evaluation_finding(NULL, 0, &g), ACTIELIJST_EINVALID, "evaluation is NULL");
    CHECK_FAILS(actielijst_evaluation_finding(e, 0, NULL), ACTIELIJST_EINVALID, "rec is NULL");

    /* The iterator yields the same findings in the same order, alerts first. */
    CHECK_FAILS(actielijst_finding_iter_new(NULL, &fi), ACTIELIJST_EINVALID, "evaluation is NULL");
    CHECK_FAILS(actielijst_finding_iter_new(e, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_OK(actielijst_finding_iter_new(e, &fi));
    CHECK_FAILS(actielijst_finding_iter_next(fi, NULL), ACTIELIJST_EINVALID, "rec is NULL");
    CHECK_FAILS(actielijst_finding_iter_next(NULL, &f), ACTIELIJST_EINVALID, "it is NULL");
    CHECK_FAILS(actielijst_finding_iter_next((actielijst_finding_iter *)e, &f), ACTIELIJST_EINVALID,
                "not a valid actielijst_finding_iter handle");
    while ((rc = actielijst_finding_iter_next(fi, &f)) == ACTIELIJST_OK) {
        CHECK_OK(actielijst_evaluation_finding(e, n, &g));
        CHECK(strcmp(f.rule, g.rule) == 0 && strcmp(f.action, g.action) == 0 && strcmp(f.region, g.region) == 0);
        if (f.severity > last_severity) sorted = 0;
        last_severity = f.severity;
        CHECK(f.reasons != NULL);
        for (i = 0; i < f.reason_count; ++i) CHECK(strlen(f.reasons[i].expression) > 0);
        CHECK(f.target != ACTIELIJST_TARGET_REGION || strcmp(f.action, "") == 0);
        ++n;
    }
    CHECK(rc == ACTIELIJST_ITEROVER && n == findings && sorted);
    CHECK(actielijst_finding_iter_next(fi, &f) == ACTIELIJST_ITEROVER);
    actielijst_finding_iter_free(fi);
    actielijst_finding_iter_free(NULL);

    /* Statuses: one per action in display order. */
    CHECK_OK(actielijst_action_status_iter_new(e, &si));
    CHECK_OK(actielijst_action_iter_new(v, NULL, &ai));
    n = 0;
    while (actielijst_action_status_iter_next(si, &s) == ACTIELIJST_OK) {
        CHECK(actielijst_action_iter_next(ai, &a) == ACTIELIJST_OK);
        CHECK(strcmp(s.action, a.key) == 0);
        CHECK(s.rag >= ACTIELIJST_RAG_GREY && s.rag <= ACTIELIJST_RAG_RED);
        CHECK(s.findings != NULL && s.reasons != NULL);
        CHECK(s.finding_count == 0 || s.rag == ACTIELIJST_RAG_RED || s.rag == ACTIELIJST_RAG_AMBER);
        CHECK(s.reason_count == 0 || s.rag == ACTIELIJST_RAG_GREY);
        for (i = 0; i < s.finding_count; ++i) {
            CHECK(s.findings[i] < findings);
            CHECK_OK(actielijst_evaluation_finding(e, s.findings[i], &f));
            CHECK(strcmp(f.action, s.action) == 0);
        }
        ++n;
    }
    CHECK(n == 19);
    CHECK(actielijst_action_iter_next(ai, &a) == ACTIELIJST_ITEROVER);
    actielijst_action_iter_free(ai);
    CHECK_FAILS(actielijst_action_status_iter_new(NULL, &si), ACTIELIJST_EINVALID, "evaluation is NULL");
    CHECK_FAILS(actielijst_action_status_iter_new(e, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_action_status_iter_next(si, NULL), ACTIELIJST_EINVALID, "rec is NULL");
    CHECK_FAILS(actielijst_action_status_iter_next(NULL, &s), ACTIELIJST_EINVALID, "it is NULL");
    actielijst_action_status_iter_free(si);
    actielijst_action_status_iter_free(NULL);

    /* RAG: red for the stalled conversation (decided by its alert), amber for an
       open proposal, grey for a closed action (with the reasons of the grey rule). */
    CHECK_OK(actielijst_evaluation_status(e, "algemeen-in-gesprek", &s));
    CHECK(strcmp(s.action, "algemeen-in-gesprek") == 0);
    CHECK(s.rag == ACTIELIJST_RAG_RED);
    CHECK(s.finding_count >= 1);
    for (i = 0; i < s.finding_count; ++i) {
        CHECK_OK(actielijst_evaluation_finding(e, s.findings[i], &f));
        CHECK(f.severity == ACTIELIJST_SEVERITY_ALERT);
    }
    CHECK(s.finding_count >= 1 && s.findings[0] == (uint32_t)stalled);
    CHECK(s.reason_count == 0);
    CHECK_OK(actielijst_evaluation_status(e, "samenleven-beeldvorming", &s));
    CHECK(s.rag == ACTIELIJST_RAG_AMBER);
    CHECK(s.finding_count >= 1);
    CHECK_OK(actielijst_evaluation_status(e, "wonen-omgevingsverordening", &s));
    CHECK(s.rag == ACTIELIJST_RAG_GREY && s.finding_count == 0 && s.reason_count >= 1);
    CHECK(s.reason_count >= 1 && strstr(s.reasons[0].expression, "all_closed") != NULL);
    CHECK_OK(actielijst_evaluation_status(e, "algemeen-monitoring", &s));
    CHECK(s.rag == ACTIELIJST_RAG_GREEN && s.finding_count == 0 && s.reason_count == 0);
    memset(&s, 0x5A, sizeof s);
    CHECK_FAILS(actielijst_evaluation_status(e, "geen-actie", &s), ACTIELIJST_ENOTFOUND, "geen-actie");
    CHECK(((unsigned char *)&s)[0] == 0x5A);
    CHECK_FAILS(actielijst_evaluation_status(NULL, "algemeen-in-gesprek", &s), ACTIELIJST_EINVALID,
                "evaluation is NULL");
    CHECK_FAILS(actielijst_evaluation_status(e, NULL, &s), ACTIELIJST_EINVALID, "action is NULL");
    CHECK_FAILS(actielijst_evaluation_status(e, "algemeen-in-gesprek", NULL), ACTIELIJST_EINVALID, "rec is NULL");
    CHECK_FAILS(actielijst_evaluation_status(e, "\xed\xa0\x80", &s), ACTIELIJST_EINVALID,
                "action is not valid UTF-8");

    actielijst_evaluation_free(e);
    actielijst_evaluation_free(NULL);
    actielijst_evaluation_free((actielijst_evaluation *)rules); /* not an evaluation: ignored */
    actielijst_rules_free(rules);
}

/* The evaluation's iterators outlive the evaluation, its rules and its view. */
static void test_lifetimes(actielijst_store *store) {
    actielijst_view *v = NULL;
    actielijst_rules *rules = NULL;
    actielijst_evaluation *e = NULL;
    actielijst_finding_iter *fi = NULL;
    actielijst_action_status_iter *si = NULL;
    actielijst_finding_rec f;
    actielijst_action_status_rec s;
    int n = 0, red = 0;

    CHECK_OK(actielijst_store_view(store, "2023-03-01", &v));
    CHECK_OK(LOAD(small_rules, v, &rules));
    CHECK_OK(actielijst_rules_evaluate(rules, v, &e));
    CHECK_OK(actielijst_finding_iter_new(e, &fi));
    CHECK_OK(actielijst_action_status_iter_new(e, &si));
    CHECK(actielijst_finding_iter_next(fi, &f) == ACTIELIJST_OK);
    actielijst_rules_free(rules);
    actielijst_view_free(v);
    actielijst_evaluation_free(e);
    /* The record read before the frees stays valid until the next _next. */
    CHECK(strcmp(f.rule, "stalled") == 0 && f.reason_count >= 1 && strlen(f.reasons[0].detail) > 0);
    ++n;
    while (actielijst_finding_iter_next(fi, &f) == ACTIELIJST_OK) {
        CHECK(strlen(f.message) > 0);
        ++n;
    }
    CHECK(n == 6); /* 4 stalled scopes, 2 open proposals */
    while (actielijst_action_status_iter_next(si, &s) == ACTIELIJST_OK)
        if (s.rag == ACTIELIJST_RAG_RED) ++red;
    CHECK(red == 3);
    actielijst_finding_iter_free(fi);
    actielijst_action_status_iter_free(si);
}

static int count_selected(actielijst_filter *filter, actielijst_view *v, const char *first) {
    actielijst_action_iter *it = NULL;
    actielijst_action_rec a;
    int n = 0;
    if (actielijst_filter_select(filter, v, &it) != ACTIELIJST_OK) return -1;
    while (actielijst_action_iter_next(it, &a) == ACTIELIJST_OK) {
        if (n == 0 && first) CHECK(strcmp(a.key, first) == 0);
        ++n;
    }
    actielijst_action_iter_free(it);
    return n;
}

static void test_filters(actielijst_store *store, actielijst_view *v) {
    actielijst_filter *filter = NULL, *sentinel = (actielijst_filter *)&filter, *untouched = sentinel;
    actielijst_filter *loose = NULL;
    actielijst_action_iter *it = (actielijst_action_iter *)&loose, *isentinel = it;
    actielijst_action_rec a;
    int32_t match = 7;

    leave_a_position();
    CHECK_OK(actielijst_filter_new("theme = \"wonen\"", v, &filter));
    CHECK(position_is(0, 0));
    CHECK(count_selected(filter, v, "wonen-regionaal-beleid") == 6);
    CHECK_OK(actielijst_filter_matches(filter, v, "wonen-registratie", &match));
    CHECK(match == 1);
    CHECK_OK(actielijst_filter_matches(filter, v, "algemeen-in-gesprek", &match));
    CHECK(match == 0);
    actielijst_filter_free(filter);
    filter = NULL;

    CHECK_OK(actielijst_filter_new("\"stalled\" in states", NULL, &filter));
    CHECK(count_selected(filter, v, "wonen-lokaal-beleid") == 3);
    /* Records as the action iterator's: the full action, owners and scope included. */
    CHECK_OK(actielijst_filter_select(filter, v, &it));
    CHECK(actielijst_action_iter_next(it, &a) == ACTIELIJST_OK);
    CHECK(strcmp(a.theme, "wonen") == 0 && a.owner_count == 2 && strcmp(a.owners[1].name, "Kennisambassadeur") == 0);
    CHECK(a.scope_count == 3 && strcmp(a.scope[2], "CR39") == 0);
    actielijst_action_iter_free(it);
    it = isentinel;
    actielijst_filter_free(filter);
    filter = NULL;

    /* Nothing selected: an iterator that is over at once. */
    CHECK_OK(actielijst_filter_new("open_proposals > 5", v, &loose));
    CHECK(count_selected(loose, v, NULL) == 0);
    actielijst_filter_free(loose);
    loose = NULL;

    /* Load failures: place, message, code. */
    CHECK_FAILS(actielijst_filter_new("theme = )", v, &untouched), ACTIELIJST_EINVALID, "filter:1:9:");
    CHECK(position_is(1, 9));
    CHECK_FAILS(actielijst_filter_new("open_proposals > \"twee\"", v, &untouched), ACTIELIJST_EINVALID,
                "filter:1:");
    CHECK(actielijst_error_position().line == 1 && actielijst_error_position().column > 0);
    CHECK_FAILS(actielijst_filter_new("state_category = \"blocked\"", v, &untouched), ACTIELIJST_EINVALID,
                "state_category");
    CHECK_FAILS(actielijst_filter_new("open_proposals", v, &untouched), ACTIELIJST_EINVALID, "filter:1:");
    CHECK_FAILS(actielijst_filter_new("theme = \"sport\"", v, &untouched), ACTIELIJST_ENOTFOUND, "sport");
    CHECK(position_is(1, 9));
    CHECK(untouched == sentinel);
    /* Without a vocabulary the unknown theme loads; the view refuses it. */
    CHECK_OK(actielijst_filter_new("theme = \"sport\"", NULL, &loose));
    CHECK_FAILS(actielijst_filter_matches(loose, v, "wonen-registratie", &match), ACTIELIJST_ENOTFOUND, "sport");
    CHECK_FAILS(actielijst_filter_select(loose, v, &it), ACTIELIJST_ENOTFOUND, "sport");
    CHECK(it == isentinel);
    actielijst_filter_free(loose);

    /* Argument checks. */
    leave_a_position();
    CHECK_FAILS(actielijst_filter_new(NULL, v, &untouched), ACTIELIJST_EINVALID, "text is NULL");
    CHECK(position_is(0, 0));
    CHECK_FAILS(actielijst_filter_new("theme = \"w\xc3\"", v, &untouched), ACTIELIJST_EINVALID,
                "text is not valid UTF-8");
    CHECK_FAILS(actielijst_filter_new("all_closed", v, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_filter_new("all_closed", (actielijst_view *)store, &untouched),
                ACTIELIJST_EINVALID, "not a valid actielijst_view handle");
    CHECK(untouched == sentinel);

    CHECK_OK(actielijst_filter_new("all_closed", v, &filter));
    match = 7;
    CHECK_FAILS(actielijst_filter_matches(NULL, v, "wonen-registratie", &match), ACTIELIJST_EINVALID,
                "filter is NULL");
    CHECK_FAILS(actielijst_filter_matches(filter, NULL, "wonen-registratie", &match), ACTIELIJST_EINVALID,
                "view is NULL");
    CHECK_FAILS(actielijst_filter_matches(filter, v, NULL, &match), ACTIELIJST_EINVALID, "action is NULL");
    CHECK_FAILS(actielijst_filter_matches(filter, v, "wonen-registratie", NULL), ACTIELIJST_EINVALID,
                "match is NULL");
    CHECK_FAILS(actielijst_filter_matches(filter, v, "\xff", &match), ACTIELIJST_EINVALID,
                "action is not valid UTF-8");
    CHECK_FAILS(actielijst_filter_matches(filter, v, "geen-actie", &match), ACTIELIJST_ENOTFOUND, "geen-actie");
    CHECK_FAILS(actielijst_filter_matches((actielijst_filter *)v, v, "wonen-registratie", &match),
                ACTIELIJST_EINVALID, "not a valid actielijst_filter handle");
    CHECK(match == 7);
    CHECK_FAILS(actielijst_filter_select(NULL, v, &it), ACTIELIJST_EINVALID, "filter is NULL");
    CHECK_FAILS(actielijst_filter_select(filter, NULL, &it), ACTIELIJST_EINVALID, "view is NULL");
    CHECK_FAILS(actielijst_filter_select(filter, v, NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK(it == isentinel);
    CHECK_OK(actielijst_filter_matches(filter, v, "wonen-omgevingsverordening", &match));
    CHECK(match == 1);
    CHECK(count_selected(filter, v, "wonen-omgevingsverordening") == 5);
    actielijst_filter_free(filter);
    actielijst_filter_free(NULL);
    actielijst_filter_free((actielijst_filter *)v); /* not a filter: ignored */

    /* The selection outlives the filter and the view. */
    {
        actielijst_view *own = NULL;
        int n = 0;
        CHECK_OK(actielijst_store_view(store, "2023-03-01", &own));
        CHECK_OK(actielijst_filter_new("theme = \"werken\"", own, &filter));
        CHECK_OK(actielijst_filter_select(filter, own, &it));
        actielijst_filter_free(filter);
        actielijst_view_free(own);
        while (actielijst_action_iter_next(it, &a) == ACTIELIJST_OK) {
            CHECK(strcmp(a.theme, "werken") == 0 && strlen(a.title) > 0);
            ++n;
        }
        CHECK(n == 2);
        actielijst_action_iter_free(it);
    }
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;
    actielijst_view *v = NULL;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    s = open_with(dir, "rules.db", json, len);
    CHECK(s != NULL);
    if (s) {
        CHECK_OK(actielijst_store_view(s, "2023-03-01", &v));
        if (v) {
            test_load_text(v);
            test_load_failures(v);
            test_load_file_and_default(dir, v);
            test_evaluate(v);
            test_lifetimes(s);
            test_filters(s, v);
            actielijst_view_free(v);
        }
        actielijst_store_free(s);
    }
    free(json);
    remove_dir(dir);
    return report();
}
