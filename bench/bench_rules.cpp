// Rules benchmark: the default rule set evaluated by the rules interpreter
// (RuleSet::defaults(&view).evaluate(view)) against the same rules written as
// hand-coded C++ loops over the same View (hand_rules.cpp), on a national-scale
// action list with 34 scopes per action. Before timing, both must produce the same
// (rule, action, region) findings in the same order and the same RAG per action.
// See docs/benchmarks.md ("Rules"). Usage: bench_rules [--n 10000,100000] [--scopes 34]
//   [--reps R] [--dir DIR] [--keep] [--profile interpreter|hand]
#include "args.hpp"
#include "generate.hpp"
#include "hand_rules.hpp"
#include "memory.hpp"

#include <actielijst/rules.hpp>
#include <actielijst/store.hpp>
#include <actielijst/view.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "unknown"
#endif

namespace {

namespace fs = std::filesystem;
namespace hand = bench::hand;
using namespace actielijst;

struct Options {
    std::vector<std::size_t> ns{10'000, 100'000};
    std::size_t scopes = bench::scope_count;
    int reps = 0;  // 0: 7 for N <= 10,000, 5 above
    std::string dir;
    bool keep = false;
    std::string profile;  // interpreter | hand: one side only, for perf/callgrind
};


Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(std::string(a) + " needs a value");
            return argv[++i];
        };
        if (a == "--n")
            o.ns = bench::parse_list(value());
        else if (a == "--scopes")
            o.scopes = bench::parse_list(value()).at(0);
        else if (a == "--reps")
            o.reps = static_cast<int>(bench::parse_list(value()).at(0));
        else if (a == "--dir")
            o.dir = value();
        else if (a == "--keep")
            o.keep = true;
        else if (a == "--profile")
            o.profile = value();
        else if (a == "--help" || a == "-h") {
            std::puts(
                "bench_rules [--n 10000,100000] [--scopes 34] [--reps R] [--dir DIR] [--keep]\n"
                "bench_rules --profile interpreter|hand [--n N] [--reps R]\n"
                "  runs one side R times on N actions (for perf or valgrind), after the cross-check");
            std::exit(0);
        } else
            throw std::invalid_argument("unknown argument " + std::string(a));
    }
    if (!o.profile.empty() && o.profile != "interpreter" && o.profile != "hand")
        throw std::invalid_argument("unknown --profile side " + o.profile);
    if (o.scopes == 0 || o.scopes > bench::scope_count)
        throw std::invalid_argument("--scopes: 1 to " + std::to_string(bench::scope_count));
    if (o.ns.empty() || std::find(o.ns.begin(), o.ns.end(), 0) != o.ns.end())
        throw std::invalid_argument("--n: action counts of at least 1");
    return o;
}

// ---- measuring -------------------------------------------------------------------------

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Sample {
    double ms = 0;
    double peak_kib = 0;
};

bool peak_available = true;

/// Times `build`, keeping its result alive until the peak resident set is read; the
/// result is destroyed outside the measurement.
template <class F>
Sample measure(F&& build) {
    peak_available = bench::memory::reset_peak() && peak_available;
    const long before = bench::memory::status_kib("VmRSS");
    const auto t0 = std::chrono::steady_clock::now();
    auto result = build();
    Sample s;
    s.ms = elapsed_ms(t0);
    s.peak_kib = static_cast<double>(bench::memory::status_kib("VmHWM") - before);
    return s;
}

constexpr double mib = 1024.0 * 1024.0;

/// Bytes an Evaluation holds, counted from its contents (glibc chunk sizes).
std::size_t approx_bytes(const Evaluation& e) {
    using bench::memory::heap;
    using bench::memory::vec;
    std::size_t n = vec(e.findings) + vec(e.statuses);
    for (const auto& f : e.findings) {
        n += heap(f.rule) + heap(f.section) + heap(f.action) + heap(f.region) + heap(f.message) + vec(f.reasons);
        for (const auto& r : f.reasons) n += heap(r.expression) + heap(r.detail);
    }
    for (const auto& s : e.statuses) {
        n += heap(s.action) + vec(s.findings) + vec(s.reasons);
        for (const auto& r : s.reasons) n += heap(r.expression) + heap(r.detail);
    }
    return n;
}

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(line.find_first_not_of(' ', colon + 1));
        }
    return "unknown";
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// ---- the View --------------------------------------------------------------------------

fs::path db_path(const fs::path& dir, std::size_t n) { return dir / ("rules-" + std::to_string(n) + ".db"); }

void remove_db(const fs::path& db) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
}

struct Prepared {
    std::optional<View> view;
    double import_ms = 0, view_ms = 0;
    std::size_t updates = 0, proposals = 0, observations = 0, due_changes = 0, dangling = 0;
};

/// Generates the data, merges it into a fresh store in `dir`, takes the View at the
/// data's date, then adds what the store cannot hold by hand: due-date changes
/// (noted up to the View date) and dangling references.
Prepared prepare(std::size_t n, std::size_t scopes, const fs::path& dir) {
    Prepared p;
    auto data = bench::rules_data(n, scopes);
    p.updates = data.dataset.updates.size();
    p.proposals = data.dataset.proposals.size();
    const auto db = db_path(dir, n);
    remove_db(db);
    std::fprintf(stderr, "N = %zu: importing %zu status updates...\n", n, p.updates);
    auto store = Store::open(db.string());
    auto t0 = std::chrono::steady_clock::now();
    store.merge(data.dataset);
    p.import_ms = elapsed_ms(t0);
    data.dataset = {};
    std::fprintf(stderr, "N = %zu: building the View at %s...\n", n, data.as_of.iso().c_str());
    t0 = std::chrono::steady_clock::now();
    ViewData d;
    {
        const View stored = store.view(data.as_of);
        p.view_ms = elapsed_ms(t0);
        d.as_of = stored.as_of();
        d.meta = stored.meta();
        d.themes = stored.themes();
        d.regions = stored.regions();
        d.states = stored.states();
        d.meetings = stored.meetings();
        d.statuses = stored.statuses();
        d.proposals = stored.proposals();
        d.indicators = stored.indicators();
        d.observations = stored.observations();
        d.actions.reserve(stored.actions().size());
        for (const auto& a : stored.actions()) {
            const auto i = static_cast<std::size_t>(std::stoull(a.key().substr(1))) - 1;
            if (data.dangling_refs.at(i).empty()) {
                d.actions.push_back(a);
                continue;
            }
            auto refs = a.see_also();
            refs.insert(refs.end(), data.dangling_refs[i].begin(), data.dangling_refs[i].end());
            p.dangling += data.dangling_refs[i].size();
            d.actions.emplace_back(a.key(), a.theme(), a.title(), a.goal(), a.owners(), a.scope(), a.due(),
                                   std::move(refs));
        }
    }
    // The View holds the changes noted up to its date, in action (display) order.
    std::map<std::string, std::vector<DueChange>, std::less<>> changes;
    for (auto& c : data.due_changes)
        if (c.noted <= d.as_of) changes[c.action].push_back(std::move(c));
    for (const auto& a : d.actions)
        if (const auto it = changes.find(a.key()); it != changes.end())
            for (auto& c : it->second) d.due_changes.push_back(std::move(c));
    p.due_changes = d.due_changes.size();
    p.observations = d.observations.size();
    p.view.emplace(std::move(d));
    return p;
}

// ---- the cross-check -------------------------------------------------------------------

using Triple = std::tuple<std::string, std::string, std::string>;  // rule, action, region

std::string show(const Triple& t) {
    return std::get<0>(t) + " (" + std::get<1>(t) + ", " + std::get<2>(t) + ")";
}

std::vector<Triple> triples(const Evaluation& e) {
    std::vector<Triple> out;
    out.reserve(e.findings.size());
    for (const auto& f : e.findings) out.emplace_back(f.rule, f.action, f.region);
    return out;
}

/// Compares the interpreter's evaluation with the hand-coded one. Returns false, after
/// printing the differences to stderr, when the findings (as a set of triples, or
/// their order) or the RAG statuses differ. Messages are compared for information.
bool cross_check(const Evaluation& interp, const Evaluation& hand) {
    bool ok = true;
    const auto ti = triples(interp), th = triples(hand);
    auto si = ti, sh = th;
    std::sort(si.begin(), si.end());
    std::sort(sh.begin(), sh.end());
    if (si != sh) {
        ok = false;
        std::vector<Triple> only_i, only_h;
        std::set_difference(si.begin(), si.end(), sh.begin(), sh.end(), std::back_inserter(only_i));
        std::set_difference(sh.begin(), sh.end(), si.begin(), si.end(), std::back_inserter(only_h));
        std::map<std::string, std::pair<std::size_t, std::size_t>> per_rule;
        for (const auto& t : only_i) ++per_rule[std::get<0>(t)].first;
        for (const auto& t : only_h) ++per_rule[std::get<0>(t)].second;
        std::fprintf(stderr, "cross-check: the findings differ: %zu only from the interpreter, %zu only hand-coded\n",
                     only_i.size(), only_h.size());
        for (const auto& [rule, c] : per_rule)
            std::fprintf(stderr, "  rule %-26s interpreter only %zu, hand-coded only %zu\n", rule.c_str(), c.first,
                         c.second);
        for (std::size_t k = 0; k < only_i.size() && k < 15; ++k)
            std::fprintf(stderr, "  interpreter only: %s\n", show(only_i[k]).c_str());
        for (std::size_t k = 0; k < only_h.size() && k < 15; ++k)
            std::fprintf(stderr, "  hand-coded only:  %s\n", show(only_h[k]).c_str());
    } else if (ti != th) {
        ok = false;
        std::size_t k = 0;
        while (ti[k] == th[k]) ++k;
        std::fprintf(stderr, "cross-check: the same findings, in a different order; first difference at #%zu:\n", k);
        for (std::size_t j = k > 2 ? k - 2 : 0; j < std::min(ti.size(), k + 4); ++j)
            std::fprintf(stderr, "  #%zu interpreter %-60s hand-coded %s\n", j, show(ti[j]).c_str(),
                         show(th[j]).c_str());
    }
    if (interp.statuses.size() != hand.statuses.size()) {
        ok = false;
        std::fprintf(stderr, "cross-check: %zu statuses from the interpreter, %zu hand-coded\n",
                     interp.statuses.size(), hand.statuses.size());
    } else {
        std::size_t differ = 0;
        for (std::size_t k = 0; k < hand.statuses.size(); ++k) {
            const auto& a = interp.statuses[k];
            const auto& b = hand.statuses[k];
            if (a.action == b.action && a.rag == b.rag) continue;
            if (++differ <= 15)
                std::fprintf(stderr, "cross-check: status #%zu: interpreter %s %s, hand-coded %s %s\n", k,
                             a.action.c_str(), std::string(to_string(a.rag)).c_str(), b.action.c_str(),
                             std::string(to_string(b.rag)).c_str());
        }
        if (differ) {
            ok = false;
            std::fprintf(stderr, "cross-check: %zu of %zu RAG statuses differ\n", differ, hand.statuses.size());
        }
    }
    if (ok) {
        // Same findings in the same order: compare what they say (informational).
        std::size_t messages = 0, reason_counts = 0, status_lists = 0;
        for (std::size_t k = 0; k < hand.findings.size(); ++k) {
            const auto& a = interp.findings[k];
            const auto& b = hand.findings[k];
            if (a.message != b.message && ++messages <= 5)
                std::fprintf(stderr, "note: message of %s differs:\n  interpreter: %s\n  hand-coded:  %s\n",
                             show(ti[k]).c_str(), a.message.c_str(), b.message.c_str());
            reason_counts += a.reasons.size() != b.reasons.size();
            if (a.severity != b.severity || a.section != b.section || a.target != b.target) {
                ok = false;
                std::fprintf(stderr, "cross-check: severity, section or target of %s differs\n", show(ti[k]).c_str());
            }
        }
        for (std::size_t k = 0; k < hand.statuses.size(); ++k)
            status_lists += interp.statuses[k].findings != hand.statuses[k].findings;
        std::fprintf(stderr,
                     "cross-check: %zu findings and %zu RAG statuses agree; messages differ for %zu, reason counts "
                     "for %zu, the findings listed with a status for %zu\n",
                     hand.findings.size(), hand.statuses.size(), messages, reason_counts, status_lists);
    }
    return ok;
}

// ---- the run ---------------------------------------------------------------------------

struct Row {
    std::size_t n = 0;
    bench::hand::Targets targets;
    std::size_t statuses = 0, findings = 0;
    double interp_ms = 0, hand_ms = 0, parse_ms = 0;
    double interp_peak_mib = 0, hand_peak_mib = 0, interp_approx_mib = 0, hand_approx_mib = 0;
    std::vector<double> interp_all, hand_all;
    std::map<std::string, std::size_t> per_rule;
    std::map<Rag, std::size_t> rags;
    Prepared prep;
};

}  // namespace

int main(int argc, char** argv) try {
    const auto o = parse_args(argc, argv);
    const fs::path dir = o.dir.empty() ? fs::temp_directory_path() / ("actielijst-bench-rules-" + std::to_string(::getpid()))
                                       : fs::path(o.dir);
    const bool made_dir = fs::create_directories(dir);
    const auto load_before = load_average();
    std::vector<Row> rows;
    bool all_agree = true;
    for (const auto n : o.ns) {
        Row row;
        row.n = n;
        row.prep = prepare(n, o.scopes, dir);
        if (!o.keep) remove_db(db_path(dir, n));
        const View& view = *row.prep.view;
        row.targets = hand::targets(view);
        row.statuses = view.statuses().size();
        const int reps = o.reps > 0 ? o.reps : (n <= 10'000 ? 7 : 5);

        std::fprintf(stderr, "N = %zu: cross-checking...\n", n);
        {
            const auto interp = RuleSet::defaults(&view).evaluate(view);
            const auto by_hand = hand::evaluate_default_rules(view);
            if (!cross_check(interp, by_hand)) {
                std::fprintf(stderr,
                             "bench_rules: the interpreter and the hand-coded rules disagree on N = %zu (see above); "
                             "not timing\n",
                             n);
                all_agree = false;
                if (o.profile.empty()) continue;
            }
            row.findings = interp.findings.size();
            for (const auto& f : interp.findings) ++row.per_rule[f.rule];
            for (const auto& s : interp.statuses) ++row.rags[s.rag];
            row.interp_approx_mib = static_cast<double>(approx_bytes(interp)) / mib;
            row.hand_approx_mib = static_cast<double>(approx_bytes(by_hand)) / mib;
        }

        if (!o.profile.empty()) {
            for (int r = 0; r < reps; ++r) {
                const auto s = o.profile == "interpreter"
                                   ? measure([&] { return RuleSet::defaults(&view).evaluate(view); })
                                   : measure([&] { return hand::evaluate_default_rules(view); });
                std::printf("%s N=%zu rep %d: %.1f ms\n", o.profile.c_str(), n, r + 1, s.ms);
            }
            continue;
        }

        std::fprintf(stderr, "N = %zu: timing %d repetitions...\n", n, reps);
        std::vector<double> ip, hp, parse;
        for (int r = 0; r < reps; ++r) {
            // Loading alone (parse, type check, names checked against the View). The
            // first allocations after the previous repetition freed its Evaluation cost
            // tens of ms at N = 100,000 (the allocator, not the parser), so an untimed
            // load goes first.
            { const auto warm_up = RuleSet::defaults(&view); }
            const auto t0 = std::chrono::steady_clock::now();
            {
                const auto rules = RuleSet::defaults(&view);
                parse.push_back(elapsed_ms(t0));
            }
            // Alternate which side runs first.
            for (int side = 0; side < 2; ++side) {
                if ((side == 0) == (r % 2 == 0)) {
                    const auto s = measure([&] { return RuleSet::defaults(&view).evaluate(view); });
                    row.interp_all.push_back(s.ms);
                    ip.push_back(s.peak_kib);
                } else {
                    const auto s = measure([&] { return hand::evaluate_default_rules(view); });
                    row.hand_all.push_back(s.ms);
                    hp.push_back(s.peak_kib);
                }
            }
        }
        row.interp_ms = median(row.interp_all);
        row.hand_ms = median(row.hand_all);
        row.parse_ms = median(parse);
        row.interp_peak_mib = median(ip) / 1024.0;
        row.hand_peak_mib = median(hp) / 1024.0;
        std::fprintf(stderr, "N = %zu: interpreter %.1f ms, hand-coded %.1f ms (medians)\n", n, row.interp_ms,
                     row.hand_ms);
        row.prep.view.reset();
        rows.push_back(std::move(row));
    }
    if (std::error_code ec; made_dir && !o.keep) fs::remove(dir, ec);  // only when it is empty
    if (!o.profile.empty()) return all_agree ? 0 : 1;

    std::printf("## Rules: interpreter against hand-coded C++\n\n");
    std::printf("Machine: %s, %ld CPUs; build %s; load average %s before, %s after.\n\n", cpu_model().c_str(),
                sysconf(_SC_NPROCESSORS_ONLN), BENCH_BUILD_TYPE, load_before.c_str(), load_average().c_str());
    std::printf("### Data (View at 2023-03-01, %zu scopes per action)\n\n", o.scopes);
    std::printf("| N actions | status updates imported | import ms | View build ms | current statuses | (action, scope) pairs | "
                "proposals | observations | due-date changes | dangling refs | rule x target evaluations |\n");
    std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const auto& r : rows)
        std::printf("| %zu | %zu | %.0f | %.0f | %zu | %zu | %zu | %zu | %zu | %zu | %zu |\n", r.n, r.prep.updates,
                    r.prep.import_ms, r.prep.view_ms, r.statuses, r.targets.pairs, r.prep.proposals,
                    r.prep.observations, r.prep.due_changes, r.prep.dangling, r.targets.evaluations());
    std::printf("\n### Time (median of the repetitions; interpreter = `RuleSet::defaults(&view).evaluate(view)`)\n\n");
    std::printf("| N actions | reps | findings | interpreter ms | hand-coded ms | interpreter / hand-coded | interpreter "
                "evaluations/s | hand-coded evaluations/s | interpreter min–max ms | hand-coded min–max ms | loading "
                "alone ms |\n");
    std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |\n");
    for (const auto& r : rows) {
        const auto ev = static_cast<double>(r.targets.evaluations());
        const auto [imin, imax] = std::minmax_element(r.interp_all.begin(), r.interp_all.end());
        const auto [hmin, hmax] = std::minmax_element(r.hand_all.begin(), r.hand_all.end());
        std::printf("| %zu | %zu | %zu | %.1f | %.1f | %.2f | %s | %s | %.1f–%.1f | %.1f–%.1f | %.3f |\n", r.n,
                    r.interp_all.size(), r.findings, r.interp_ms, r.hand_ms, r.interp_ms / r.hand_ms,
                    fmt("%.3g", ev / (r.interp_ms / 1000.0)).c_str(), fmt("%.3g", ev / (r.hand_ms / 1000.0)).c_str(),
                    *imin, *imax, *hmin, *hmax, r.parse_ms);
    }
    std::printf("\n### Memory (MiB; peak RSS growth: VmHWM during the evaluation minus VmRSS before it, median; "
                "approx: bytes the Evaluation holds, counted from its contents)\n\n");
    std::printf("| N actions | findings | interpreter peak RSS growth | hand-coded peak RSS growth | Evaluation approx "
                "(interpreter) | Evaluation approx (hand-coded) |\n");
    std::printf("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const auto& r : rows)
        std::printf("| %zu | %zu | %.1f | %.1f | %.1f | %.1f |\n", r.n, r.findings, r.interp_peak_mib,
                    r.hand_peak_mib, r.interp_approx_mib, r.hand_approx_mib);
    if (!peak_available) std::printf("\n(peak RSS could not be reset on this kernel: the peak figures are upper bounds)\n");
    std::printf("\n### Findings per rule\n\n| rule |");
    for (const auto& r : rows) std::printf(" N = %zu |", r.n);
    std::printf("\n| --- |");
    for (std::size_t k = 0; k < rows.size(); ++k) std::printf(" ---: |");
    std::printf("\n");
    if (!rows.empty()) {
        const auto defaults = RuleSet::defaults();
        for (const auto& info : defaults.rules()) {
            std::printf("| %s |", info.key.c_str());
            for (const auto& r : rows) {
                const auto it = r.per_rule.find(info.key);
                std::printf(" %zu |", it == r.per_rule.end() ? std::size_t{0} : it->second);
            }
            std::printf("\n");
        }
        for (const Rag g : {Rag::red, Rag::amber, Rag::green, Rag::grey}) {
            std::printf("| RAG %s |", std::string(to_string(g)).c_str());
            for (const auto& r : rows) {
                const auto it = r.rags.find(g);
                std::printf(" %zu |", it == r.rags.end() ? std::size_t{0} : it->second);
            }
            std::printf("\n");
        }
    }
    return all_agree ? 0 : 1;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_rules: %s\n", e.what());
    return 1;
}
