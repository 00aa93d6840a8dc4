/*
 * The read side of the C API on the Limburg list: views, lookups, rollups and every
 * view iterator, their argument checks, and freeing handles in any order.
 *
 *   test_capi_view <path to limburg.json>
 */
#include "test_support.h"

#include <stdlib.h>

/* Every view iterator: NULL arguments, a foreign handle, ITEROVER at the end and
   after (with *rec untouched), and the number of records. */
#define CHECK_ITER(noun, new_iter, view, expected)                                                           \
    do {                                                                                           \
        actielijst_##noun##_iter *it_ = NULL;                                                      \
        actielijst_##noun##_iter *sentinel_ = (actielijst_##noun##_iter *)&it_;                    \
        actielijst_##noun##_iter *untouched_ = sentinel_;                                          \
        actielijst_##noun##_rec rec_;                                                              \
        int n_ = 0, rc_;                                                                           \
        CHECK_FAILS(new_iter(NULL, &untouched_), ACTIELIJST_EINVALID, "view is NULL"); \
        CHECK(untouched_ == sentinel_);                                                            \
        CHECK_FAILS(new_iter((view), NULL), ACTIELIJST_EINVALID, "out is NULL"); \
        CHECK_OK(new_iter((view), &it_));                                      \
        CHECK(it_ != NULL);                                                                        \
        CHECK_FAILS(actielijst_##noun##_iter_next(it_, NULL), ACTIELIJST_EINVALID, "rec is NULL"); \
        CHECK_FAILS(actielijst_##noun##_iter_next(NULL, &rec_), ACTIELIJST_EINVALID, "it is NULL"); \
        while ((rc_ = actielijst_##noun##_iter_next(it_, &rec_)) == ACTIELIJST_OK) ++n_;           \
        CHECK(rc_ == ACTIELIJST_ITEROVER);                                                         \
        CHECK(strcmp(actielijst_error_message(), "") == 0);                                        \
        CHECK(n_ == (expected));                                                                   \
        memset(&rec_, 0xAB, sizeof rec_);                                                          \
        CHECK(actielijst_##noun##_iter_next(it_, &rec_) == ACTIELIJST_ITEROVER);                   \
        {                                                                                          \
            unsigned char pattern_[sizeof rec_];                                                   \
            memset(pattern_, 0xAB, sizeof pattern_);                                               \
            CHECK(memcmp(&rec_, pattern_, sizeof rec_) == 0);                                      \
        }                                                                                          \
        actielijst_##noun##_iter_free(it_);                                                        \
        actielijst_##noun##_iter_free(NULL);                                                       \
    } while (0)

/* The filtered iterators, unfiltered, with the signature of the others. */
static int all_actions(actielijst_view *v, actielijst_action_iter **out) { return actielijst_action_iter_new(v, NULL, out); }
static int all_statuss(actielijst_view *v, actielijst_status_iter **out) { return actielijst_status_iter_new(v, "", out); }
static int all_observations(actielijst_view *v, actielijst_observation_iter **out) {
    return actielijst_observation_iter_new(v, NULL, out);
}

static void test_iterators(actielijst_view *v) {
    CHECK_ITER(theme, actielijst_theme_iter_new, v, 4);
    CHECK_ITER(region, actielijst_region_iter_new, v, 35);
    CHECK_ITER(state, actielijst_state_iter_new, v, 8);
    CHECK_ITER(meeting, actielijst_meeting_iter_new, v, 0);
    CHECK_ITER(proposal, actielijst_proposal_iter_new, v, 3);
    CHECK_ITER(indicator, actielijst_indicator_iter_new, v, 2);
}

static void test_themes_regions_states(actielijst_view *v) {
    actielijst_theme_iter *ti = NULL;
    actielijst_theme_rec t;
    actielijst_region_iter *ri = NULL;
    actielijst_region_rec r;
    actielijst_state_iter *si = NULL;
    actielijst_state_rec s;
    char seen[64][16];
    int n = 0, parents_first = 1, i, found;

    CHECK_OK(actielijst_theme_iter_new(v, &ti));
    CHECK(actielijst_theme_iter_next(ti, &t) == ACTIELIJST_OK);
    CHECK(strcmp(t.key, "wonen") == 0);
    CHECK(strlen(t.label_nl) > 0);
    actielijst_theme_iter_free(ti);

    CHECK_OK(actielijst_region_iter_new(v, &ri));
    while (actielijst_region_iter_next(ri, &r) == ACTIELIJST_OK && n < 64) {
        if (n == 0) {
            CHECK(strcmp(r.code, "PV31") == 0);
            CHECK(r.kind == ACTIELIJST_REGION_PROVINCE);
            CHECK(strcmp(r.parent, "") == 0);
        }
        if (strcmp(r.code, "CR37") == 0) {
            CHECK(r.kind == ACTIELIJST_REGION_COROP);
            CHECK(strcmp(r.name, "Noord-Limburg") == 0);
            CHECK(r.alias_count == 2);
            CHECK(r.aliases != NULL && strcmp(r.aliases[0], "Noord") == 0 && strcmp(r.aliases[1], "Regio Noord") == 0);
        }
        if (strcmp(r.code, "GM0983") == 0) {
            CHECK(r.kind == ACTIELIJST_REGION_MUNICIPALITY);
            CHECK(r.alias_count == 0 && r.aliases != NULL);
        }
        if (r.parent[0] != '\0') {
            found = 0;
            for (i = 0; i < n; ++i)
                if (strcmp(seen[i], r.parent) == 0) found = 1;
            if (!found) parents_first = 0;
        }
        strncpy(seen[n], r.code, sizeof seen[n] - 1);
        seen[n][sizeof seen[n] - 1] = '\0';
        ++n;
    }
    CHECK(n == 35);
    CHECK(parents_first);
    actielijst_region_iter_free(ri);

    CHECK_OK(actielijst_state_iter_new(v, &si));
    found = 0;
    while (actielijst_state_iter_next(si, &s) == ACTIELIJST_OK) {
        if (strcmp(s.key, "stalled") == 0) {
            found = 1;
            CHECK(s.category == ACTIELIJST_CATEGORY_BLOCKED);
            CHECK(strcmp(s.label_nl, "Stagneert") == 0);
            CHECK(strcmp(s.label_en, "Stalled") == 0);
        }
    }
    CHECK(found);
    actielijst_state_iter_free(si);
}

static int count_actions(actielijst_view *v, const char *theme) {
    actielijst_action_iter *it = NULL;
    actielijst_action_rec a;
    int n = 0;
    if (actielijst_action_iter_new(v, theme, &it) != ACTIELIJST_OK) return -1;
    while (actielijst_action_iter_next(it, &a) == ACTIELIJST_OK) ++n;
    CHECK(actielijst_action_iter_next(it, &a) == ACTIELIJST_ITEROVER);
    actielijst_action_iter_free(it);
    return n;
}

static int count_statuses(actielijst_view *v, const char *action) {
    actielijst_status_iter *it = NULL;
    actielijst_status_rec s;
    int n = 0;
    if (actielijst_status_iter_new(v, action, &it) != ACTIELIJST_OK) return -1;
    while (actielijst_status_iter_next(it, &s) == ACTIELIJST_OK) {
        CHECK(s.category >= ACTIELIJST_CATEGORY_TODO && s.category <= ACTIELIJST_CATEGORY_DROPPED);
        CHECK(strcmp(s.as_of, "2023-03-01") == 0);
        ++n;
    }
    CHECK(actielijst_status_iter_next(it, &s) == ACTIELIJST_ITEROVER);
    actielijst_status_iter_free(it);
    return n;
}

static int count_observations(actielijst_view *v, const char *indicator) {
    actielijst_observation_iter *it = NULL;
    actielijst_observation_rec o;
    int n = 0;
    if (actielijst_observation_iter_new(v, indicator, &it) != ACTIELIJST_OK) return -1;
    while (actielijst_observation_iter_next(it, &o) == ACTIELIJST_OK) ++n;
    CHECK(actielijst_observation_iter_next(it, &o) == ACTIELIJST_ITEROVER);
    actielijst_observation_iter_free(it);
    return n;
}

static void test_actions_statuses(actielijst_view *v) {
    actielijst_action_iter *ai = (actielijst_action_iter *)&ai, *sentinel = ai;
    actielijst_status_iter *si = (actielijst_status_iter *)&si, *ssentinel = si;
    actielijst_observation_iter *oi = (actielijst_observation_iter *)&oi, *osentinel = oi;
    actielijst_action_rec a;

    CHECK(count_actions(v, NULL) == 19);
    CHECK(count_actions(v, "") == 19);
    CHECK(count_actions(v, "wonen") == 6);
    CHECK(count_actions(v, "algemeen") == 5);
    CHECK_FAILS(actielijst_action_iter_new(v, "sport", &ai), ACTIELIJST_ENOTFOUND, "theme");
    CHECK(ai == sentinel);
    CHECK_FAILS(actielijst_action_iter_new(v, "\xff", &ai), ACTIELIJST_EINVALID, "theme is not valid UTF-8");
    CHECK_ITER(action, all_actions, v, 19);

    CHECK(count_statuses(v, NULL) == 26);
    CHECK(count_statuses(v, "wonen-lokaal-beleid") == 4);
    CHECK_FAILS(actielijst_status_iter_new(v, "geen-actie", &si), ACTIELIJST_ENOTFOUND, "action");
    CHECK(si == ssentinel);
    CHECK_FAILS(actielijst_status_iter_new(v, "\xc3\x28", &si), ACTIELIJST_EINVALID, "action is not valid UTF-8");
    CHECK_ITER(status, all_statuss, v, 26);

    CHECK(count_observations(v, NULL) == 13);
    CHECK(count_observations(v, "short_stay_policy") == 12);
    CHECK(count_observations(v, "international_workers_count") == 1);
    CHECK_FAILS(actielijst_observation_iter_new(v, "temperature", &oi), ACTIELIJST_ENOTFOUND, "indicator");
    CHECK(oi == osentinel);
    CHECK_FAILS(actielijst_observation_iter_new(v, "\xed\xa0\x80", &oi), ACTIELIJST_EINVALID,
                "indicator is not valid UTF-8");
    CHECK_ITER(observation, all_observations, v, 13);

    /* One action in full. */
    CHECK_OK(actielijst_view_action(v, "wonen-regionaal-beleid", &a));
    CHECK(strcmp(a.key, "wonen-regionaal-beleid") == 0);
    CHECK(strcmp(a.theme, "wonen") == 0);
    CHECK(strcmp(a.title, "Huisvesting") == 0);
    CHECK(strcmp(a.due, "") == 0);
    CHECK(a.owner_count == 0 && a.owners != NULL);
    CHECK(a.scope_count == 3 && strcmp(a.scope[0], "CR37") == 0 && strcmp(a.scope[2], "CR39") == 0);
    CHECK(a.see_also_count == 2 && strcmp(a.see_also[0], "samenleven-participatie-taal") == 0);
    CHECK_OK(actielijst_view_action(v, "wonen-lokaal-beleid", &a));
    CHECK(a.owner_count == 2);
    CHECK(strcmp(a.owners[0].name, "Gemeenten") == 0 && a.owners[0].role == ACTIELIJST_OWNER_LEAD);
    CHECK(strcmp(a.owners[1].name, "Kennisambassadeur") == 0 && a.owners[1].role == ACTIELIJST_OWNER_SUPPORT);
}

static void test_proposals_indicators(actielijst_view *v) {
    actielijst_proposal_iter *pi = NULL;
    actielijst_proposal_rec p;
    actielijst_indicator_iter *ii = NULL;
    actielijst_indicator_rec ind;
    actielijst_observation_iter *oi = NULL;
    actielijst_observation_rec o;
    int n = 0, counted = 0, lower_bounds = 0;

    CHECK_OK(actielijst_proposal_iter_new(v, &pi));
    CHECK(actielijst_proposal_iter_next(pi, &p) == ACTIELIJST_OK);
    CHECK(strcmp(p.key, "P1") == 0);
    CHECK(strcmp(p.action, "wonen-regionaal-beleid") == 0);
    CHECK(p.state == ACTIELIJST_PROPOSAL_ADOPTED && p.kind == ACTIELIJST_KIND_CONSENSUS);
    /* No meeting named; the consensus is known (adopted) from the list's date. */
    CHECK(strcmp(p.meeting, "") == 0 && strcmp(p.decided, "2023-03-01") == 0);
    CHECK(actielijst_proposal_iter_next(pi, &p) == ACTIELIJST_OK);
    CHECK(strcmp(p.key, "P2") == 0 && p.state == ACTIELIJST_PROPOSAL_OPEN && p.kind == ACTIELIJST_KIND_PROPOSAL);
    CHECK(actielijst_proposal_iter_next(pi, &p) == ACTIELIJST_OK);
    CHECK(strcmp(p.key, "P3") == 0 && strcmp(p.action, "samenleven-beeldvorming") == 0);
    CHECK(actielijst_proposal_iter_next(pi, &p) == ACTIELIJST_ITEROVER);
    actielijst_proposal_iter_free(pi);

    CHECK_OK(actielijst_indicator_iter_new(v, &ii));
    CHECK(actielijst_indicator_iter_next(ii, &ind) == ACTIELIJST_OK);
    CHECK(strcmp(ind.key, "short_stay_policy") == 0);
    CHECK(ind.kind == ACTIELIJST_INDICATOR_ORDINAL);
    CHECK(ind.level_count == 3);
    CHECK(strcmp(ind.levels[0].key, "none") == 0 && strcmp(ind.levels[2].key, "adopted") == 0);
    CHECK(strcmp(ind.levels[1].label_en, "In preparation") == 0);
    CHECK(strcmp(ind.unit, "") == 0);
    CHECK(actielijst_indicator_iter_next(ii, &ind) == ACTIELIJST_OK);
    CHECK(strcmp(ind.key, "international_workers_count") == 0);
    CHECK(ind.kind == ACTIELIJST_INDICATOR_COUNT && ind.level_count == 0 && ind.levels != NULL);
    CHECK(strcmp(ind.unit, "personen") == 0);
    CHECK(actielijst_indicator_iter_next(ii, &ind) == ACTIELIJST_ITEROVER);
    actielijst_indicator_iter_free(ii);

    CHECK_OK(actielijst_observation_iter_new(v, "", &oi));
    while (actielijst_observation_iter_next(oi, &o) == ACTIELIJST_OK) {
        ++n;
        if (o.has_count) {
            ++counted;
            CHECK(strcmp(o.region, "CR37") == 0 || strcmp(o.region, "CR38") == 0);
        }
        if (o.at_least) ++lower_bounds;
        if (strcmp(o.indicator, "international_workers_count") == 0) {
            CHECK(o.has_value == 0 && o.has_count == 0);
            CHECK(strcmp(o.level, "") == 0);
            CHECK(strcmp(o.as_of, "2020-12-31") == 0);
            CHECK(strlen(o.note) > 0);
        }
    }
    CHECK(n == 13 && counted == 3 && lower_bounds == 9);
    actielijst_observation_iter_free(oi);
}

static void test_lookups(actielijst_view *v) {
    actielijst_action_rec a;
    actielijst_region_rec r;
    actielijst_status_rec s;
    actielijst_rollup_rec u;
    char *huge;

    memset(&a, 0x5A, sizeof a);
    CHECK_FAILS(actielijst_view_action(v, "geen-actie", &a), ACTIELIJST_ENOTFOUND, "geen-actie");
    CHECK(((unsigned char *)&a)[0] == 0x5A); /* untouched */
    CHECK_FAILS(actielijst_view_action(NULL, "x", &a), ACTIELIJST_EINVALID, "view is NULL");
    CHECK_FAILS(actielijst_view_action(v, NULL, &a), ACTIELIJST_EINVALID, "key is NULL");
    CHECK_FAILS(actielijst_view_action(v, "wonen-registratie", NULL), ACTIELIJST_EINVALID, "rec is NULL");
    CHECK_FAILS(actielijst_view_action(v, "\xc0\xaf", &a), ACTIELIJST_EINVALID, "key is not valid UTF-8");
    huge = malloc((1u << 20) + 2);
    if (huge) {
        memset(huge, 'a', (1u << 20) + 1);
        huge[(1u << 20) + 1] = '\0';
        CHECK_FAILS(actielijst_view_action(v, huge, &a), ACTIELIJST_EINVALID, "key is longer than 1 MiB");
        free(huge);
    }

    CHECK_OK(actielijst_view_region(v, "CR37", &r));
    CHECK(strcmp(r.name, "Noord-Limburg") == 0 && strcmp(r.parent, "PV31") == 0 && r.alias_count == 2);
    CHECK_OK(actielijst_view_region(v, "GM0983", &r));
    CHECK(strcmp(r.name, "Venlo") == 0 && strcmp(r.parent, "CR37") == 0);
    CHECK_FAILS(actielijst_view_region(v, "Noord", &r), ACTIELIJST_ENOTFOUND, "Noord"); /* codes only */
    CHECK_FAILS(actielijst_view_region(v, "GM9999", &r), ACTIELIJST_ENOTFOUND, "GM9999");
    CHECK_FAILS(actielijst_view_region(NULL, "CR37", &r), ACTIELIJST_EINVALID, "view is NULL");
    CHECK_FAILS(actielijst_view_region(v, NULL, &r), ACTIELIJST_EINVALID, "code is NULL");
    CHECK_FAILS(actielijst_view_region(v, "CR37", NULL), ACTIELIJST_EINVALID, "rec is NULL");
    CHECK_FAILS(actielijst_view_region(v, "\xf5\x80\x80\x80", &r), ACTIELIJST_EINVALID, "code is not valid UTF-8");

    CHECK_OK(actielijst_view_status(v, "wonen-registratie", "CR37", &s));
    CHECK(strcmp(s.action, "wonen-registratie") == 0 && strcmp(s.scope, "CR37") == 0);
    CHECK(strcmp(s.state, "in_progress") == 0 && s.category == ACTIELIJST_CATEGORY_ACTIVE);
    CHECK(strcmp(s.as_of, "2023-03-01") == 0);
    CHECK(strcmp(s.author, "Stuurgroep Internationale Werknemers") == 0 && strcmp(s.meeting, "") == 0);
    CHECK(strlen(s.text) > 0);
    CHECK_OK(actielijst_view_status(v, "wonen-registratie", "CR39", &s));
    CHECK(strcmp(s.state, "stalled") == 0 && s.category == ACTIELIJST_CATEGORY_BLOCKED);
    CHECK_FAILS(actielijst_view_status(v, "wonen-registratie", "PV31", &s), ACTIELIJST_ENOTFOUND, "no status");
    CHECK_FAILS(actielijst_view_status(v, "geen-actie", "CR37", &s), ACTIELIJST_ENOTFOUND, "geen-actie");
    CHECK_FAILS(actielijst_view_status(v, "wonen-registratie", "CR99", &s), ACTIELIJST_ENOTFOUND, "CR99");
    CHECK_FAILS(actielijst_view_status(NULL, "a", "CR37", &s), ACTIELIJST_EINVALID, "view is NULL");
    CHECK_FAILS(actielijst_view_status(v, NULL, "CR37", &s), ACTIELIJST_EINVALID, "action is NULL");
    CHECK_FAILS(actielijst_view_status(v, "wonen-registratie", NULL, &s), ACTIELIJST_EINVALID, "scope is NULL");
    CHECK_FAILS(actielijst_view_status(v, "wonen-registratie", "CR37", NULL), ACTIELIJST_EINVALID, "rec is NULL");
    CHECK_FAILS(actielijst_view_status(v, "wonen-registratie", "CR\xff", &s), ACTIELIJST_EINVALID,
                "scope is not valid UTF-8");

    /* "4 van de 8 gemeenten" in Noord-Limburg. */
    CHECK_OK(actielijst_view_rollup(v, "short_stay_policy", "CR37", "adopted", &u));
    CHECK(u.municipalities == 8);
    CHECK(u.has_reported == 1 && u.reported == 4);
    CHECK(strcmp(u.reported_as_of, "2023-03-01") == 0);
    CHECK(u.known_at_or_above == 0);
    CHECK_OK(actielijst_view_rollup(v, "short_stay_policy", "CR37", "in_preparation", &u));
    CHECK(u.municipalities == 8 && u.known_at_or_above == 5 && u.known == 5);
    CHECK(u.has_reported == 1 && u.reported == 5);
    CHECK_OK(actielijst_view_rollup(v, "short_stay_policy", "CR39", "adopted", &u));
    CHECK(u.has_reported == 0 && strcmp(u.reported_as_of, "") == 0);
    CHECK_FAILS(actielijst_view_rollup(v, "international_workers_count", "CR37", "adopted", &u), ACTIELIJST_EINVALID,
                "not ordinal");
    CHECK_FAILS(actielijst_view_rollup(v, "temperature", "CR37", "adopted", &u), ACTIELIJST_ENOTFOUND, "indicator");
    CHECK_FAILS(actielijst_view_rollup(v, "short_stay_policy", "CR99", "adopted", &u), ACTIELIJST_ENOTFOUND, "region");
    CHECK_FAILS(actielijst_view_rollup(v, "short_stay_policy", "CR37", "perfect", &u), ACTIELIJST_ENOTFOUND, "level");
    CHECK_FAILS(actielijst_view_rollup(NULL, "short_stay_policy", "CR37", "adopted", &u), ACTIELIJST_EINVALID,
                "view is NULL");
    CHECK_FAILS(actielijst_view_rollup(v, NULL, "CR37", "adopted", &u), ACTIELIJST_EINVALID, "indicator is NULL");
    CHECK_FAILS(actielijst_view_rollup(v, "short_stay_policy", NULL, "adopted", &u), ACTIELIJST_EINVALID,
                "region is NULL");
    CHECK_FAILS(actielijst_view_rollup(v, "short_stay_policy", "CR37", NULL, &u), ACTIELIJST_EINVALID,
                "level is NULL");
    CHECK_FAILS(actielijst_view_rollup(v, "short_stay_policy", "CR37", "adopted", NULL), ACTIELIJST_EINVALID,
                "rec is NULL");
    CHECK_FAILS(actielijst_view_rollup(v, "short_stay_policy", "CR37", "\xe2\x82", &u), ACTIELIJST_EINVALID,
                "level is not valid UTF-8");
}

static void test_store_view_errors(actielijst_store *s) {
    actielijst_view *v = (actielijst_view *)&v, *sentinel = v;
    actielijst_view *early = NULL;
    CHECK_FAILS(actielijst_store_view(NULL, "2023-03-01", &v), ACTIELIJST_EINVALID, "store is NULL");
    /* NULL as_of is not an error: the store's default date (test_capi_dates.c). */
    CHECK_OK(actielijst_store_view(s, NULL, &v));
    CHECK(v != sentinel && strcmp(actielijst_view_as_of(v), "2023-03-01") == 0);
    actielijst_view_free(v);
    v = sentinel;
    CHECK_FAILS(actielijst_store_view(s, "2023-03-01", NULL), ACTIELIJST_EINVALID, "out is NULL");
    CHECK_FAILS(actielijst_store_view(s, "1 maart 2023", &v), ACTIELIJST_EINVALID, "as_of");
    CHECK_FAILS(actielijst_store_view(s, "2023-02-30", &v), ACTIELIJST_EINVALID, "as_of");
    CHECK_FAILS(actielijst_store_view(s, "2023-03-0\xff", &v), ACTIELIJST_EINVALID, "as_of is not valid UTF-8");
    CHECK(v == sentinel);
    CHECK(actielijst_view_as_of(NULL) == NULL);

    /* Before the list's date nothing is current yet. */
    CHECK_OK(actielijst_store_view(s, "2020-01-01", &early));
    CHECK(strcmp(actielijst_view_as_of(early), "2020-01-01") == 0);
    CHECK(count_statuses(early, NULL) == 0);
    CHECK(count_actions(early, NULL) == 19);
    actielijst_view_free(early);
    actielijst_view_free(NULL);
}

/* Handles freed in any order: the store before its view, the view before its
   iterators; the records stay readable until the iterator goes. */
static void test_free_order(const char *dir, const char *json, size_t len) {
    actielijst_store *s = open_with(dir, "order.db", json, len);
    actielijst_view *v = NULL;
    actielijst_region_iter *ri = NULL;
    actielijst_action_iter *ai = NULL;
    actielijst_region_rec r;
    actielijst_action_rec a;
    actielijst_rollup_rec u;
    int n = 0;

    CHECK(s != NULL);
    if (!s) return;
    CHECK_OK(actielijst_store_view(s, "2023-03-01", &v));
    actielijst_store_free(s); /* the view is a copy: it does not need the store */
    CHECK_OK(actielijst_view_rollup(v, "short_stay_policy", "CR37", "adopted", &u));
    CHECK(u.municipalities == 8 && u.reported == 4);
    CHECK_OK(actielijst_region_iter_new(v, &ri));
    CHECK_OK(actielijst_action_iter_new(v, "werken", &ai));
    CHECK(actielijst_region_iter_next(ri, &r) == ACTIELIJST_OK);
    actielijst_view_free(v); /* the iterators keep what they iterate */
    CHECK(strcmp(r.code, "PV31") == 0 && r.alias_count == 2 && strcmp(r.aliases[1], "Provincie") == 0);
    while (actielijst_region_iter_next(ri, &r) == ACTIELIJST_OK) ++n;
    CHECK(n == 34);
    CHECK(strcmp(r.code, "GM0986") == 0);
    n = 0;
    while (actielijst_action_iter_next(ai, &a) == ACTIELIJST_OK) {
        CHECK(strcmp(a.theme, "werken") == 0);
        ++n;
    }
    CHECK(n == 2);
    actielijst_region_iter_free(ri);
    actielijst_action_iter_free(ai);
}

/* A pointer to something that is not a handle of that type is refused. */
static void test_foreign_handles(actielijst_store *s, actielijst_view *v) {
    double garbage[64];
    actielijst_theme_iter *ti = NULL;
    actielijst_theme_rec t;
    actielijst_action_rec a;
    memset(garbage, 0, sizeof garbage);
    CHECK_FAILS(actielijst_view_action((actielijst_view *)garbage, "x", &a), ACTIELIJST_EINVALID,
                "not a valid actielijst_view handle");
    CHECK_FAILS(actielijst_view_action((actielijst_view *)s, "x", &a), ACTIELIJST_EINVALID,
                "not a valid actielijst_view handle");
    CHECK(actielijst_view_as_of((const actielijst_view *)garbage) == NULL);
    CHECK_FAILS(actielijst_theme_iter_next((actielijst_theme_iter *)garbage, &t), ACTIELIJST_EINVALID,
                "not a valid actielijst_theme_iter handle");
    CHECK_OK(actielijst_theme_iter_new(v, &ti));
    CHECK_FAILS(actielijst_region_iter_next((actielijst_region_iter *)ti, (actielijst_region_rec *)&t),
                ACTIELIJST_EINVALID, "not a valid actielijst_region_iter handle");
    CHECK_FAILS(actielijst_store_view((actielijst_store *)v, "2023-03-01", NULL), ACTIELIJST_EINVALID,
                "not a valid actielijst_store handle");
    /* Freeing something that is not a handle of that type does nothing. */
    actielijst_view_free((actielijst_view *)garbage);
    actielijst_region_iter_free((actielijst_region_iter *)ti);
    CHECK(actielijst_theme_iter_next(ti, &t) == ACTIELIJST_OK);
    actielijst_theme_iter_free(ti);
}

/* The batch call returns the same records as one _next per record, in chunks. */
static void test_status_batch(actielijst_view *v) {
    actielijst_status_iter *one = NULL, *many = NULL;
    actielijst_status_rec single, recs[10];
    size_t count = 99, total = 0, i;
    int rc;
    CHECK_OK(actielijst_status_iter_new(v, NULL, &one));
    CHECK_OK(actielijst_status_iter_new(v, NULL, &many));
    CHECK_FAILS(actielijst_status_iter_next_batch(many, recs, 0, &count), ACTIELIJST_EINVALID, "capacity");
    CHECK_FAILS(actielijst_status_iter_next_batch(many, NULL, 10, &count), ACTIELIJST_EINVALID, "recs is NULL");
    CHECK_FAILS(actielijst_status_iter_next_batch(many, recs, 10, NULL), ACTIELIJST_EINVALID, "count is NULL");
    CHECK_FAILS(actielijst_status_iter_next_batch(NULL, recs, 10, &count), ACTIELIJST_EINVALID, "it is NULL");
    while ((rc = actielijst_status_iter_next_batch(many, recs, 10, &count)) == ACTIELIJST_OK) {
        CHECK(count >= 1 && count <= 10);
        for (i = 0; i < count; ++i) {
            CHECK(actielijst_status_iter_next(one, &single) == ACTIELIJST_OK);
            CHECK(strcmp(single.action, recs[i].action) == 0 && strcmp(single.scope, recs[i].scope) == 0);
        }
        total += count;
    }
    CHECK(rc == ACTIELIJST_ITEROVER);
    CHECK(count == 0);
    CHECK(total == 26);
    CHECK(actielijst_status_iter_next(one, &single) == ACTIELIJST_ITEROVER);
    CHECK(actielijst_status_iter_next_batch(many, recs, 10, &count) == ACTIELIJST_ITEROVER);
    actielijst_status_iter_free(one);
    actielijst_status_iter_free(many);
}

int main(int argc, char **argv) {
    char dir[64];
    size_t len = 0;
    char *json;
    actielijst_store *s;
    actielijst_view *v = NULL;

    if (setup(argc, argv, dir, &json, &len) != 0) return 2;
    s = open_with(dir, "view.db", json, len);
    CHECK(s != NULL);
    if (s) {
        CHECK_OK(actielijst_store_view(s, "2023-03-01", &v));
        CHECK(v != NULL);
        if (v) {
            CHECK(strcmp(actielijst_view_as_of(v), "2023-03-01") == 0);
            test_iterators(v);
            test_themes_regions_states(v);
            test_actions_statuses(v);
            test_proposals_indicators(v);
            test_lookups(v);
            test_status_batch(v);
            test_foreign_handles(s, v);
            actielijst_view_free(v);
        }
        test_store_view_errors(s);
        actielijst_store_free(s);
    }
    test_free_order(dir, json, len);

    free(json);
    remove_dir(dir);
    return report();
}
