// Structure-aware libFuzzer target for Store::merge, record, decide, export and view
// (docs/fuzzing.md, "Structure-aware target: fuzz_merge").
//
// The input bytes are not a document: FuzzedDataProvider turns them into a sequence of
// 1-8 operations on ONE in-memory store. Most operations are merges of a Dataset built
// with the C++ model API from small closed vocabularies (region codes PV1, PV2, CR1-CR3,
// GM1-GM6; names and aliases that collide with each other and with codes; themes t1-t3;
// actions a1-a6; proposals P1, P2; indicators i1, i2; a handful of dates), so that
// references often resolve, sometimes collide and sometimes dangle. Some operations are
// Store::record or Store::decide with random arguments. A model constructor that throws
// actielijst::Error just drops that entry (that is input validation, not a finding).
//
// Every operation may succeed or throw actielijst::Error; anything else aborts. After
// every operation, successful or not, the invariants are checked and a failure aborts
// with a message naming the invariant:
//   1. export_json(true) succeeds, and view(d) succeeds for four dates d (before, among and
//      after the vocabulary's dates);
//   2. importing that export into a fresh in-memory store succeeds and exports to the
//      same bytes;
//   3. a failed operation changed nothing (the export before and after are identical);
//   4. every View status is the latest update with as_of <= d of its (action, scope)
//      according to Store::history, and every (action, scope) with such an update has
//      a status in the View.
// FUZZ_MERGE_VERBOSE=1 prints the decoded operations and their outcome (for triage).
#include <actielijst/dataset.hpp>
#include <actielijst/error.hpp>
#include <actielijst/store.hpp>
#include <actielijst/view.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace actielijst;

const bool verbose = [] {
    const char* v = std::getenv("FUZZ_MERGE_VERBOSE");
    return v != nullptr && *v != '\0' && *v != '0';
}();

#define LOG(...)                                         \
    do {                                                 \
        if (verbose) std::fprintf(stderr, __VA_ARGS__);  \
    } while (0)

[[noreturn]] void die(const std::string& invariant, const std::string& what) {
    std::fprintf(stderr, "fuzz_merge: INVARIANT FAILED: %s: %s\n", invariant.c_str(), what.c_str());
    std::fflush(stderr);
    std::abort();
}

[[noreturn]] void die_mismatch(const std::string& invariant, const std::string& a, const std::string& b) {
    std::size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    const std::size_t from = at > 200 ? at - 200 : 0;
    std::fprintf(stderr,
                 "fuzz_merge: INVARIANT FAILED: %s: documents differ at byte %zu (sizes %zu, %zu)\n"
                 "--- first:\n%.*s\n--- second:\n%.*s\n",
                 invariant.c_str(), at, a.size(), b.size(),
                 static_cast<int>(std::min<std::size_t>(a.size() - from, 500)), a.data() + from,
                 static_cast<int>(std::min<std::size_t>(b.size() - from, 500)), b.data() + from);
    std::fflush(stderr);
    std::abort();
}

// ---- vocabularies --------------------------------------------------------------------

const std::vector<std::string> region_codes{"PV1", "PV2", "CR1", "CR2", "CR3", "GM1",
                                            "GM2", "GM3", "GM4", "GM5", "GM6"};
// Names, aliases and references: case variants, names shared between regions, and
// the codes of other regions (in several cases), plus a dangling one.
const std::vector<std::string> region_names{"Noord", "noord", "NOORD", "Bergen", "bergen", "Zuid",
                                            "Regio Noord", "PV1", "cr1", "Cr2", "gm3", "GM4",
                                            "Limburg", "Midden", "X9"};
std::vector<std::string> region_refs() {
    std::vector<std::string> r = region_codes;
    r.insert(r.end(), region_names.begin(), region_names.end());
    return r;
}
const std::vector<std::string> all_region_refs = region_refs();

const std::vector<std::string> theme_keys{"t1", "t2", "t3"};
const std::vector<std::string> bad_theme_keys{"t9"};  // dangles
const std::vector<std::string> default_states{"not_started", "in_progress", "almost_done",   "ongoing",
                                              "under_review", "stalled",    "done",          "no_action_needed"};
const std::vector<std::string> state_refs{"not_started", "in_progress", "almost_done", "ongoing", "under_review",
                                          "stalled",     "done",        "no_action_needed", "s1"};
const std::vector<std::string> bad_state_refs{"s9"};
const std::vector<std::string> action_keys{"a1", "a2", "a3", "a4", "a5", "a6"};
const std::vector<std::string> bad_action_keys{"a9"};  // dangles
const std::vector<std::string> proposal_keys{"P1", "P2"};
const std::vector<std::string> bad_proposal_keys{"P9"};
const std::vector<std::string> meeting_keys{"M1", "M2"};
const std::vector<std::string> bad_meeting_keys{"M9"};
const std::vector<std::string> indicator_keys{"i1", "i2"};
const std::vector<std::string> bad_indicator_keys{"i9"};
const std::vector<std::string> level_keys{"lo", "mid", "hi", "top"};
const std::vector<std::string> texts{"x", "y", "Noord", "stand \xc3\xa9\xc3\xa9n", "x "};
const std::vector<std::string> meta_keys{"title", "as_of", "inferred"};
const std::vector<std::string> emails{"", "a@b.nl", "c@d.org"};
const std::vector<std::array<int, 3>> date_parts{{2023, 1, 1},  {2023, 3, 1},  {2023, 6, 15}, {2024, 1, 1},
                                                 {2024, 2, 29}, {1, 1, 1},     {9999, 12, 31}, {2023, 3, 2}};
const std::vector<double> values{0.0, 1.5, -3.0, 1e300, 42.0, -0.0};

std::vector<Date> all_dates() {
    std::vector<Date> d;
    for (const auto& p : date_parts) d.emplace_back(p[0], p[1], p[2]);
    return d;
}
const std::vector<Date> dates = all_dates();
// The dates the views are checked at: before everything, two in the middle (one with
// several updates on it), after everything.
const std::vector<Date> view_dates{Date(1, 1, 1), Date(2023, 3, 1), Date(2023, 6, 15), Date(9999, 12, 31)};

// ---- decoding ------------------------------------------------------------------------

template <class T>
const T& pick(FuzzedDataProvider& in, const std::vector<T>& from) {
    return from[in.ConsumeIntegralInRange<std::size_t>(0, from.size() - 1)];
}
/// A reference: usually from `good`, one time in eight from `bad` (dangling or odd).
const std::string& pick_ref(FuzzedDataProvider& in, const std::vector<std::string>& good,
                            const std::vector<std::string>& bad) {
    return in.ConsumeIntegralInRange<int>(0, 7) == 0 ? pick(in, bad) : pick(in, good);
}
const std::vector<std::string> provinces{"PV1", "PV2"};
const std::vector<std::string> corops{"CR1", "CR2", "CR3"};
const std::vector<std::string> municipalities{"GM1", "GM2", "GM3", "GM4", "GM5", "GM6"};
/// A region reference: usually a code, sometimes a name, alias or dangling reference.
const std::string& pick_region(FuzzedDataProvider& in) { return pick_ref(in, region_codes, region_names); }
Date pick_date(FuzzedDataProvider& in) { return pick(in, dates); }
std::optional<Date> maybe_date(FuzzedDataProvider& in) {
    if (in.ConsumeBool()) return std::nullopt;
    return pick_date(in);
}
std::size_t count(FuzzedDataProvider& in, std::size_t max) { return in.ConsumeIntegralInRange<std::size_t>(0, max); }

/// Runs a constructor; on actielijst::Error (input validation) the entry is skipped.
template <class F>
void add(const char* what, F&& make) {
    try {
        make();
    } catch (const Error& e) {
        LOG("    skip %s: %s\n", what, e.what());
    }
}

Label pick_label(FuzzedDataProvider& in) { return Label(pick(in, texts), in.ConsumeBool() ? "" : pick(in, texts)); }

Dataset decode_dataset(FuzzedDataProvider& in) {
    Dataset d;
    for (std::size_t n = count(in, 1); n-- > 0;) {
        if (in.ConsumeBool())
            d.meta.push_back({pick(in, meta_keys), pick(in, texts)});
        else
            d.meta.push_back({pick(in, meta_keys), in.ConsumeBool()});
    }
    for (std::size_t n = count(in, 3); n-- > 0;)
        add("theme", [&] { d.themes.emplace_back(pick(in, theme_keys), pick_label(in)); });
    for (std::size_t n = count(in, 8); n-- > 0;)
        add("region", [&] {
            std::string code = pick(in, region_codes);
            std::string name = pick(in, region_names);
            // Usually the kind its code suggests and a parent of the right kind; one time
            // in eight any kind and any parent reference (wrong kinds, kind changes).
            auto kind = code[0] == 'P' ? RegionKind::province : code[0] == 'C' ? RegionKind::corop : RegionKind::municipality;
            std::string parent;
            if (in.ConsumeIntegralInRange<int>(0, 7) == 0) {
                kind = static_cast<RegionKind>(in.ConsumeIntegralInRange<int>(0, 2));
                if (in.ConsumeBool()) parent = pick(in, all_region_refs);
            } else if (kind == RegionKind::corop) {
                parent = pick(in, provinces);
            } else if (kind == RegionKind::municipality) {
                parent = pick(in, corops);
            }
            std::vector<std::string> aliases;
            for (std::size_t k = count(in, 2); k-- > 0;) aliases.push_back(pick(in, region_names));
            d.regions.emplace_back(std::move(code), std::move(name), kind, std::move(parent), std::move(aliases));
        });
    for (std::size_t n = count(in, 2); n-- > 0;)
        add("state", [&] {
            std::string key = in.ConsumeIntegralInRange<int>(0, 3) == 0 ? pick(in, default_states) : "s1";
            d.states.emplace_back(std::move(key), static_cast<StateCategory>(in.ConsumeIntegralInRange<int>(0, 4)),
                                  pick_label(in));
        });
    for (std::size_t n = count(in, 2); n-- > 0;)
        add("meeting", [&] { d.meetings.emplace_back(pick(in, meeting_keys), pick_date(in), pick(in, texts)); });
    for (std::size_t n = count(in, 4); n-- > 0;)
        add("action", [&] {
            std::string key = pick(in, action_keys);
            std::string theme = pick_ref(in, theme_keys, bad_theme_keys);
            std::vector<Owner> owners;
            for (std::size_t k = count(in, 2); k-- > 0;)
                owners.emplace_back(pick(in, texts), static_cast<OwnerRole>(in.ConsumeIntegralInRange<int>(0, 1)));
            std::vector<std::string> scope;
            for (std::size_t k = count(in, 3); k-- > 0;) scope.push_back(pick_region(in));
            std::optional<Date> due = maybe_date(in);
            std::vector<std::string> see_also;
            for (std::size_t k = count(in, 2); k-- > 0;) see_also.push_back(pick_ref(in, action_keys, bad_action_keys));
            d.actions.emplace_back(std::move(key), std::move(theme), pick(in, texts), pick(in, texts),
                                   std::move(owners), std::move(scope), due, std::move(see_also));
        });
    for (std::size_t n = count(in, 4); n-- > 0;)
        add("update", [&] {
            std::string action = pick_ref(in, action_keys, bad_action_keys);
            std::string scope = pick_region(in);
            std::string state = pick_ref(in, state_refs, bad_state_refs);
            std::string text = pick(in, texts);
            const Date as_of = pick_date(in);
            std::string author = in.ConsumeBool() ? std::string() : pick(in, texts);
            std::string meeting = in.ConsumeBool() ? std::string() : pick_ref(in, meeting_keys, bad_meeting_keys);
            d.updates.emplace_back(std::move(action), std::move(scope), std::move(state), std::move(text), as_of,
                                   std::move(author), std::move(meeting));
        });
    for (std::size_t n = count(in, 2); n-- > 0;)
        add("proposal", [&] {
            std::string key = pick(in, proposal_keys);
            std::string action = pick_ref(in, action_keys, bad_action_keys);
            std::string text = pick(in, texts);
            const auto state = static_cast<ProposalState>(in.ConsumeIntegralInRange<int>(0, 3));
            const auto kind = static_cast<ProposalKind>(in.ConsumeIntegralInRange<int>(0, 1));
            std::string meeting = in.ConsumeBool() ? std::string() : pick_ref(in, meeting_keys, bad_meeting_keys);
            d.proposals.emplace_back(std::move(key), std::move(action), std::move(text), state, kind,
                                     std::move(meeting), maybe_date(in));
        });
    for (std::size_t n = count(in, 2); n-- > 0;)
        add("indicator", [&] {
            std::string key = pick(in, indicator_keys);
            // i1 is meant to be ordinal lo/mid/hi and i2 a count, but kinds and levels change.
            int kind = key == "i1" ? 0 : 1;
            if (in.ConsumeIntegralInRange<int>(0, 3) == 0) kind = in.ConsumeIntegralInRange<int>(0, 2);
            std::vector<Level> levels;
            if (kind == 0) {
                switch (in.ConsumeIntegralInRange<int>(0, 3)) {
                    case 0: levels = {Level("lo", Label("laag")), Level("mid", Label("midden")), Level("hi", Label("hoog"))}; break;
                    case 1: levels = {Level("lo", Label("laag")), Level("hi", Label("hoog"))}; break;
                    case 2: levels = {Level("hi", Label("hoog")), Level("mid", Label("midden")), Level("lo", Label("laag"))}; break;
                    default:
                        for (std::size_t k = count(in, 4); k-- > 0;) levels.emplace_back(pick(in, level_keys), pick_label(in));
                }
            }
            std::string unit = in.ConsumeIntegralInRange<int>(0, 3) == 0 ? "personen" : "";
            d.indicators.emplace_back(std::move(key), pick_label(in), static_cast<IndicatorKind>(kind),
                                      std::move(levels), std::move(unit));
        });
    for (std::size_t n = count(in, 3); n-- > 0;)
        add("observation", [&] {
            std::string indicator = pick_ref(in, indicator_keys, bad_indicator_keys);
            std::string region = pick_region(in);
            const Date as_of = pick_date(in);
            ObservationValue v;
            // Mostly well-shaped for the indicator's intended kind; sometimes anything.
            const bool any = in.ConsumeIntegralInRange<int>(0, 7) == 0;
            const bool ordinal = any ? in.ConsumeBool() : indicator == "i1";
            if (ordinal) {
                v.level = pick(in, level_keys);
                if (in.ConsumeIntegralInRange<int>(0, 2) == 0) v.count = in.ConsumeIntegralInRange<std::int64_t>(-1, 8);
                else v.at_least = in.ConsumeIntegralInRange<int>(0, 2) == 0;
            } else if (in.ConsumeIntegralInRange<int>(0, 3) != 0) {
                v.value = pick(in, values);
            }
            if (any) {
                if (in.ConsumeBool()) v.value = pick(in, values);
                if (in.ConsumeBool()) v.count = in.ConsumeIntegralInRange<std::int64_t>(-1, 8);
                if (in.ConsumeBool()) v.at_least = true;
            }
            std::string source = in.ConsumeBool() ? std::string() : pick(in, texts);
            std::string note = in.ConsumeBool() ? std::string() : pick(in, texts);
            d.observations.emplace_back(std::move(indicator), std::move(region), as_of, std::move(v),
                                        std::move(source), std::move(note));
        });
    for (std::size_t n = count(in, 2); n-- > 0;)
        add("contact", [&] {
            std::string municipality = pick_ref(in, municipalities, all_region_refs);
            d.contacts.emplace_back(std::move(municipality), pick(in, texts), pick(in, texts), pick(in, emails));
        });
    return d;
}

// ---- invariants ----------------------------------------------------------------------

// With the default progress states (the vocabulary's state_refs): a new store holds none.
Store fresh_store() {
    try {
        auto store = Store::open(":memory:");
        store.install_default_states();
        return store;
    } catch (const std::exception& e) {
        die("Store::open(\":memory:\") with the default states", e.what());  // the environment, not an input
    }
}

std::string describe(const StatusUpdate& u) {
    return u.action() + "/" + u.scope() + " " + u.state() + " \"" + u.text() + "\" " + u.as_of().iso() + " author=\"" +
           u.author() + "\" meeting=\"" + u.meeting() + "\"";
}

/// Invariant 4 for one date: the View's statuses against Store::history.
void check_view(const Store& store, const View& view, const Date& d, const std::vector<std::string>& actions) {
    const std::string inv = "4 (view " + d.iso() + " vs history)";
    std::set<std::pair<std::string, std::string>> expected_pairs;
    for (const auto& action : actions) {
        std::vector<StatusUpdate> hist;
        try {
            hist = store.history(action);
        } catch (const std::exception& e) {
            die(inv, "history(" + action + ") threw: " + e.what());
        }
        // Oldest first: the last one at or before d per scope is the current one.
        std::map<std::string, const StatusUpdate*> latest;
        for (std::size_t i = 0; i < hist.size(); ++i) {
            if (i > 0 && hist[i].as_of() < hist[i - 1].as_of())
                die(inv, "history(" + action + ") not oldest first: " + describe(hist[i - 1]) + " before " +
                             describe(hist[i]));
            if (hist[i].as_of() <= d) latest[hist[i].scope()] = &hist[i];
        }
        for (const auto& [scope, upd] : latest) {
            expected_pairs.emplace(action, scope);
            const StatusUpdate* got = view.status(action, scope);
            if (got == nullptr) die(inv, "no status for " + action + "/" + scope + ", expected " + describe(*upd));
            if (!(*got == *upd)) die(inv, "status is " + describe(*got) + ", expected " + describe(*upd));
        }
    }
    for (const auto& s : view.statuses()) {
        if (s.as_of() > d) die(inv, "status dated after the view: " + describe(s));
        if (!expected_pairs.count({s.action(), s.scope()}))
            die(inv, "status without a matching update in history: " + describe(s));
    }
}

/// Invariants 1, 2 and 4. Returns the export. The round trip (2) is skipped when the
/// export equals `verified`, an export whose round trip was already checked (importing
/// the same bytes into a fresh store is deterministic) — most failed steps.
std::string check_store(const Store& store, const std::string& verified) {
    std::string a;
    Dataset dump;
    try {
        a = store.export_json(true);
        dump = store.dump(true);
    } catch (const std::exception& e) {
        die("1 (export_json(true) / dump(true) of the store)", e.what());
    }
    std::vector<std::string> actions;
    for (const auto& act : dump.actions) actions.push_back(act.key());
    for (const auto& d : view_dates) {
        std::optional<View> v;
        try {
            v.emplace(store.view(d));
        } catch (const std::exception& e) {
            die("1 (view " + d.iso() + ")", e.what());
        }
        check_view(store, *v, d, actions);
    }
    if (a == verified) return a;
    Store second = fresh_store();
    std::string b;
    try {
        second.import_json(a);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "--- export:\n%s\n", a.c_str());
        die("2 (import of the export into a fresh store)", e.what());
    }
    try {
        b = second.export_json(true);
    } catch (const std::exception& e) {
        die("2 (export of the re-imported store)", e.what());
    }
    if (a != b) die_mismatch("2 (round trip: export vs export of a fresh store that imported it)", a, b);
    return a;
}

void print_dataset(const Dataset& d) {
    if (!verbose) return;
    for (const auto& t : d.themes) LOG("    theme %s\n", t.key().c_str());
    for (const auto& r : d.regions) {
        std::string al;
        for (const auto& a : r.aliases()) al += " \"" + a + "\"";
        LOG("    region %s name=\"%s\" kind=%s parent=\"%s\" aliases=[%s ]\n", r.code().c_str(), r.name().c_str(),
            std::string(to_string(r.kind())).c_str(), r.parent().c_str(), al.c_str());
    }
    for (const auto& s : d.states) LOG("    state %s category=%d\n", s.key().c_str(), static_cast<int>(s.category()));
    for (const auto& m : d.meetings) LOG("    meeting %s %s\n", m.key().c_str(), m.date().iso().c_str());
    for (const auto& a : d.actions) {
        std::string sc, sa;
        for (const auto& s : a.scope()) sc += " " + s;
        for (const auto& s : a.see_also()) sa += " " + s;
        LOG("    action %s theme=%s scope=[%s ] see_also=[%s ] due=%s\n", a.key().c_str(), a.theme().c_str(),
            sc.c_str(), sa.c_str(), a.due() ? a.due()->iso().c_str() : "-");
    }
    for (const auto& u : d.updates) LOG("    update %s\n", describe(u).c_str());
    for (const auto& p : d.proposals)
        LOG("    proposal %s action=%s state=%s kind=%s meeting=\"%s\" decided=%s\n", p.key().c_str(),
            p.action().c_str(), std::string(to_string(p.state())).c_str(), std::string(to_string(p.kind())).c_str(),
            p.meeting().c_str(), p.decided() ? p.decided()->iso().c_str() : "-");
    for (const auto& i : d.indicators) {
        std::string lv;
        for (const auto& l : i.levels()) lv += " " + l.key();
        LOG("    indicator %s kind=%s levels=[%s ] unit=\"%s\"\n", i.key().c_str(),
            std::string(to_string(i.kind())).c_str(), lv.c_str(), i.unit().c_str());
    }
    for (const auto& o : d.observations) {
        const auto& v = o.value();
        LOG("    observation %s region=%s %s level=\"%s\" value=%s count=%s at_least=%d note=\"%s\"\n",
            o.indicator().c_str(), o.region().c_str(), o.as_of().iso().c_str(), v.level.c_str(),
            v.value ? std::to_string(*v.value).c_str() : "-", v.count ? std::to_string(*v.count).c_str() : "-",
            v.at_least ? 1 : 0, o.note().c_str());
    }
    for (const auto& c : d.contacts) LOG("    contact %s role=\"%s\"\n", c.municipality().c_str(), c.role().c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    Store store = fresh_store();
    std::string before = check_store(store, {});

    const int steps = in.ConsumeIntegralInRange<int>(1, 8);
    for (int step = 0; step < steps; ++step) {
        const int op = in.ConsumeIntegralInRange<int>(0, 7);  // 0-5 merge, 6 record, 7 decide
        std::string what;
        bool ok = true;
        try {
            if (op <= 5) {
                const Dataset d = decode_dataset(in);
                what = "merge";
                LOG("step %d: merge\n", step);
                print_dataset(d);
                store.merge(d);
            } else if (op == 6) {
                what = "record";
                std::optional<StatusUpdate> u;
                add("record's update", [&] {
                    std::string action = pick_ref(in, action_keys, bad_action_keys);
                    std::string scope = pick_region(in);
                    std::string state = pick_ref(in, state_refs, bad_state_refs);
                    std::string text = pick(in, texts);
                    const Date as_of = pick_date(in);
                    std::string author = in.ConsumeBool() ? std::string() : pick(in, texts);
                    std::string meeting = in.ConsumeBool() ? std::string() : pick_ref(in, meeting_keys, bad_meeting_keys);
                    u.emplace(std::move(action), std::move(scope), std::move(state), std::move(text), as_of,
                              std::move(author), std::move(meeting));
                });
                if (!u) continue;
                LOG("step %d: record %s\n", step, describe(*u).c_str());
                store.record(*u);
            } else {
                what = "decide";
                std::string proposal = pick_ref(in, proposal_keys, bad_proposal_keys);
                const auto state = static_cast<ProposalState>(in.ConsumeIntegralInRange<int>(0, 3));
                const std::optional<Date> decided = maybe_date(in);
                std::string meeting = in.ConsumeBool() ? std::string() : pick_ref(in, meeting_keys, bad_meeting_keys);
                LOG("step %d: decide %s state=%s decided=%s meeting=\"%s\"\n", step, proposal.c_str(),
                    std::string(to_string(state)).c_str(), decided ? decided->iso().c_str() : "-", meeting.c_str());
                store.decide(proposal, state, decided, meeting);
            }
            LOG("  -> ok\n");
        } catch (const Error& e) {
            ok = false;
            LOG("  -> Error: %s\n", e.what());
        } catch (const std::exception& e) {
            die("only actielijst::Error may escape Store::" + what, e.what());
        } catch (...) {
            die("only actielijst::Error may escape Store::" + what, "(not a std::exception)");
        }
        const std::string after = check_store(store, before);
        if (!ok && after != before)
            die_mismatch("3 (a failed " + what + " changed nothing: export before vs after)", before, after);
        before = after;
    }
    return 0;
}
