// Store benchmark: library import and View build against a raw-SQLite baseline on the
// same generated rows, plus View cost and memory as history grows.
// See docs/benchmarks.md. Usage: bench_store [--n 10000,100000] [--history 1,3,10,30]
//   [--history-n 10000] [--reps R] [--dir DIR] [--keep]
#include "args.hpp"
#include "generate.hpp"
#include "memory.hpp"
#include "raw.hpp"

#include <actielijst/store.hpp>
#include <actielijst/view.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "unknown"
#endif

namespace {

namespace fs = std::filesystem;
using actielijst::Date;
using actielijst::Store;
using actielijst::View;

struct Options {
    std::vector<std::size_t> ns{10'000, 100'000};
    std::size_t updates_per_pair = 3;
    std::vector<std::size_t> history{1, 3, 10, 30};
    std::size_t history_n = 10'000;
    int reps = 0;  // 0: 5 for N <= 10,000, 3 above
    std::string dir;
    bool keep = false;
    std::string profile;  // one operation only, for perf/callgrind
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
        else if (a == "--history")
            o.history = bench::parse_list(value());
        else if (a == "--history-n")
            o.history_n = bench::parse_list(value()).at(0);
        else if (a == "--updates")
            o.updates_per_pair = bench::parse_list(value()).at(0);
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
                "bench_store [--n 10000,100000] [--updates 3] [--history 1,3,10,30] [--history-n 10000 (0: skip)]\n"
                "            [--reps R] [--dir DIR] [--keep]\n"
                "bench_store --profile library-import|raw-import|library-view|raw-view [--n N] [--reps R]\n"
                "  runs one operation R times on N actions (for perf or valgrind), printing only its times");
            std::exit(0);
        } else
            throw std::invalid_argument("unknown argument " + std::string(a));
    }
    if (!o.profile.empty() && o.profile != "library-import" && o.profile != "raw-import" &&
        o.profile != "library-view" && o.profile != "raw-view")
        throw std::invalid_argument("unknown --profile operation " + o.profile);
    if (o.updates_per_pair == 0) throw std::invalid_argument("--updates must be at least 1");
    if (!std::is_sorted(o.history.begin(), o.history.end()) || (!o.history.empty() && o.history.front() == 0))
        throw std::invalid_argument("--history must be increasing and start at 1 or more");
    if (!o.history.empty() && o.history.back() > bench::meeting_count)
        throw std::invalid_argument("--history: at most " + std::to_string(bench::meeting_count) + " updates per pair");
    return o;
}

// ---- measuring -------------------------------------------------------------------

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// One timed run with its peak resident-set growth (KiB above the resident set at the start).
struct Sample {
    double ms = 0;
    double peak_kib = 0;
};

struct Samples {
    std::vector<double> ms, peak;
    void add(const Sample& s) {
        ms.push_back(s.ms);
        peak.push_back(s.peak_kib);
    }
    double median_ms() const { return median(ms); }
    double median_peak_mib() const { return median(peak) / 1024.0; }
};

bool peak_available = true;

/// Times `build` (which constructs and returns a result), keeping the result alive
/// until the peak is read, then destroying it outside the measurement.
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

void remove_db(const fs::path& p) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix);
}

std::uintmax_t db_bytes(const fs::path& p) {
    std::uintmax_t n = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ec;
        const auto s = fs::file_size(p.string() + suffix, ec);
        if (!ec) n += s;
    }
    return n;
}

// ---- comparing what both sides produced -------------------------------------------

void require(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error("benchmark self-check failed: " + what);
}

bool same_dataset(const actielijst::Dataset& a, const actielijst::Dataset& b) {
    return a.meta == b.meta && a.themes == b.themes && a.regions == b.regions && a.states == b.states &&
           a.meetings == b.meetings && a.actions == b.actions && a.updates == b.updates && a.proposals == b.proposals &&
           a.indicators == b.indicators && a.observations == b.observations && a.contacts == b.contacts;
}

void check_same_view(const View& lib, const bench::raw::View& raw) {
    require(lib.statuses().size() == raw.statuses.size(), "number of current statuses differs");
    require(lib.actions().size() == raw.actions.size(), "number of actions differs");
    require(lib.regions().size() == raw.regions.size() && lib.states().size() == raw.states.size() &&
                lib.themes().size() == raw.themes.size() && lib.meetings().size() == raw.meetings.size(),
            "number of definitions differs");
    for (std::size_t i = 0; i < raw.statuses.size(); ++i) {
        const auto& l = lib.statuses()[i];
        const auto& r = raw.statuses[i];
        require(l.action() == r.action && l.scope() == r.scope && l.state() == r.state && l.text() == r.text &&
                    l.as_of().iso() == r.as_of && l.author() == r.author && l.meeting() == r.meeting,
                "status " + std::to_string(i) + " differs");
    }
    for (std::size_t i = 0; i < raw.actions.size(); ++i) {
        const auto& l = lib.actions()[i];
        const auto& r = raw.actions[i];
        require(l.key() == r.key && l.theme() == r.theme && l.title() == r.title && l.goal() == r.goal &&
                    l.scope() == r.scope && l.see_also() == r.see_also && l.owners().size() == r.owners.size() &&
                    (l.due() ? l.due()->iso() : std::string()) == r.due,
                "action " + std::to_string(i) + " differs");
    }
}

/// Approximate bytes a library View holds: its vectors and strings plus its lookup maps.
std::size_t approx_bytes(const View& v) {
    using bench::memory::chunk;
    using bench::memory::heap;
    using bench::memory::vec;
    constexpr std::size_t tree_node = 32;  // red-black tree node header
    const std::size_t key_node = chunk(tree_node + sizeof(std::pair<const std::string, std::size_t>));
    const std::size_t pair_node =
        chunk(tree_node + sizeof(std::pair<const std::pair<std::string, std::string>, std::size_t>));
    std::size_t n = sizeof(View) + vec(v.meta()) + vec(v.themes()) + vec(v.regions()) + vec(v.states()) +
                    vec(v.meetings()) + vec(v.actions()) + vec(v.statuses()) + vec(v.proposals()) +
                    vec(v.indicators()) + vec(v.observations());
    for (const auto& m : v.meta())
        n += heap(m.key) + (std::holds_alternative<std::string>(m.value) ? heap(std::get<std::string>(m.value)) : 0);
    for (const auto& t : v.themes()) n += heap(t.key()) + heap(t.label().nl()) + heap(t.label().en()) + key_node + heap(t.key());
    for (const auto& s : v.states()) n += heap(s.key()) + heap(s.label().nl()) + heap(s.label().en()) + key_node + heap(s.key());
    for (const auto& r : v.regions()) {
        n += heap(r.code()) + heap(r.name()) + heap(r.parent()) + vec(r.aliases()) + key_node + heap(r.code());
        for (const auto& a : r.aliases()) n += heap(a);
    }
    for (const auto& m : v.meetings()) n += heap(m.key()) + heap(m.title());
    for (const auto& a : v.actions()) {
        n += heap(a.key()) + heap(a.theme()) + heap(a.title()) + heap(a.goal()) + vec(a.owners()) + vec(a.scope()) +
             vec(a.see_also()) + key_node + heap(a.key());
        for (const auto& o : a.owners()) n += heap(o.name());
        for (const auto& s : a.scope()) n += heap(s);
        for (const auto& s : a.see_also()) n += heap(s);
    }
    for (const auto& s : v.statuses())
        n += heap(s.action()) + heap(s.scope()) + heap(s.state()) + heap(s.text()) + heap(s.author()) +
             heap(s.meeting()) + pair_node + heap(s.action()) + heap(s.scope());
    return n;
}

// ---- machine ------------------------------------------------------------------------

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

// ---- results ------------------------------------------------------------------------

struct Row {
    std::string operation;
    std::size_t n;
    std::size_t rows;  // status update rows involved
    double library_ms;
    double baseline_ms;
};

struct MemoryRow {
    std::string operation;
    std::size_t n;
    double library_peak_mib, baseline_peak_mib, library_approx_mib, baseline_approx_mib;
};

struct HistoryRow {
    std::size_t per_pair, rows;
    double db_mib, merge_ms, library_ms, baseline_ms, library_peak_mib, baseline_peak_mib, library_approx_mib;
};

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string ratio(double lib, double base) { return base > 0 ? fmt("%.2f", lib / base) : "-"; }

constexpr double mib = 1024.0 * 1024.0;
double in_mib(std::size_t bytes) { return static_cast<double>(bytes) / mib; }

class Bench {
public:
    explicit Bench(Options o) : o_(std::move(o)) {}

    void run() {
        dir_ = o_.dir.empty() ? fs::temp_directory_path() / ("actielijst-bench-" + std::to_string(::getpid()))
                              : fs::path(o_.dir);
        fs::create_directories(dir_);
        std::printf("# actielijst store benchmark\n\n");
        std::printf("- machine: %u logical CPUs, %s\n", std::thread::hardware_concurrency(), cpu_model().c_str());
        std::printf("- build: %s, SQLite %s, compiler %s\n", BENCH_BUILD_TYPE, sqlite3_libversion(), __VERSION__);
        std::printf("- database files in %s\n\n", dir_.string().c_str());
        std::fflush(stdout);
        if (!o_.profile.empty()) {
            run_profile();
            if (!o_.keep) fs::remove_all(dir_);
            return;
        }
        for (const auto n : o_.ns) run_n(n);
        if (o_.history_n > 0 && !o_.history.empty()) run_history();
        report();
        if (!o_.keep) fs::remove_all(dir_);
    }

private:
    int reps_for(std::size_t n) const { return o_.reps > 0 ? o_.reps : (n <= 10'000 ? 5 : 3); }

    void progress(const std::string& what) {
        std::fprintf(stderr, "  %s\n", what.c_str());
        std::fflush(stderr);
    }

    void run_n(std::size_t n) {
        const int reps = reps_for(n);
        const auto t0 = std::chrono::steady_clock::now();
        const auto data = bench::generate(n, o_.updates_per_pair);
        progress("N=" + std::to_string(n) + ": generated " + std::to_string(data.updates.size()) + " updates in " +
                 fmt("%.0f", elapsed_ms(t0)) + " ms");
        const fs::path lib_path = dir_ / ("library-" + std::to_string(n) + ".db");
        const fs::path raw_path = dir_ / ("raw-" + std::to_string(n) + ".db");

        // a + b: import into fresh files. Store::open (schema, no states) is not timed.
        std::vector<double> lib_ms, raw_ms;
        for (int rep = 0; rep < reps; ++rep) {
            remove_db(lib_path);
            remove_db(raw_path);
            auto store = Store::open(lib_path.string());
            { auto schema_only = Store::open(raw_path.string()); }
            bench::raw::Db raw(raw_path.string());
            const auto run_library = [&] {
                const auto t = std::chrono::steady_clock::now();
                const auto summary = store.merge(data);
                lib_ms.push_back(elapsed_ms(t));
                require(summary.updates_added == data.updates.size(), "library import added fewer updates");
            };
            const auto run_raw = [&] {
                const auto t = std::chrono::steady_clock::now();
                bench::raw::import(raw, data);
                raw_ms.push_back(elapsed_ms(t));
            };
            if (rep % 2 == 0) {
                run_library();
                run_raw();
            } else {
                run_raw();
                run_library();
            }
        }
        rows_.push_back({"import (merge)", n, data.updates.size(), median(lib_ms), median(raw_ms)});
        progress("import done: library " + fmt("%.1f", median(lib_ms)) + " ms, baseline " + fmt("%.1f", median(raw_ms)) +
                 " ms");
        require(same_dataset(Store::open(lib_path.string()).dump(true), Store::open(raw_path.string()).dump(true)),
                "the baseline import stored different rows than the library");

        // c + d: View builds on the library's file.
        const auto store = Store::open(lib_path.string(), {5000, true});
        bench::raw::Db raw(lib_path.string());
        const std::vector<std::pair<std::string, Date>> dates{{"view, date after all updates", bench::after_all()},
                                                               {"view, date in the middle", bench::middle(o_.updates_per_pair)}};
        for (const auto& [label, date] : dates) {
            const auto iso = date.iso();
            {  // warm-up and equality check, not timed
                const auto lib = store.view(date);
                const auto base = bench::raw::view(raw, iso);
                check_same_view(lib, base);
                memory_.push_back({label, n, 0, 0, in_mib(approx_bytes(lib)), in_mib(bench::raw::approx_bytes(base))});
                status_rows_ = lib.statuses().size();
                ctor_input_ = actielijst::ViewData{lib.as_of(),   lib.meta(),       lib.themes(),  lib.regions(),
                                                   lib.states(),  lib.meetings(),   lib.actions(), lib.statuses(),
                                                   lib.proposals(), lib.indicators(), lib.observations(),
                                                   lib.due_changes(), lib.due_moves(), lib.selection(),
                                                   lib.referenced()};
            }
            Samples lib, base, sql, ctor;
            for (int rep = 0; rep < reps; ++rep) {
                const auto run_library = [&] { lib.add(measure([&] { return store.view(date); })); };
                const auto run_raw = [&] { base.add(measure([&] { return bench::raw::view(raw, iso); })); };
                if (rep % 2 == 0) {
                    run_library();
                    run_raw();
                } else {
                    run_raw();
                    run_library();
                }
                sql.add(measure([&] { return bench::raw::statuses_library_sql(raw, iso); }));
                auto input = ctor_input_;  // copied outside the measurement
                ctor.add(measure([&] { return View(std::move(input)); }));
            }
            rows_.push_back({label, n, status_rows_, lib.median_ms(), base.median_ms()});
            auto& m = memory_.back();
            m.library_peak_mib = lib.median_peak_mib();
            m.baseline_peak_mib = base.median_peak_mib();
            diagnostics_.push_back({"library status SQL alone, via C API (" + label.substr(6) + ")", n, status_rows_,
                                    sql.median_ms(), base.median_ms()});
            diagnostics_.push_back({"View(ViewData) constructor alone (" + label.substr(6) + ")", n,
                                    status_rows_, ctor.median_ms(), base.median_ms()});
            progress(label + ": library " + fmt("%.1f", lib.median_ms()) + " ms, baseline " +
                     fmt("%.1f", base.median_ms()) + " ms");
        }
        ctor_input_ = {};
    }

    /// One operation, repeated, with as little else in the process as possible.
    void run_profile() {
        const auto n = o_.ns.front();
        const int reps = reps_for(n);
        const auto data = bench::generate(n, o_.updates_per_pair);
        const fs::path path = dir_ / ("profile-" + std::to_string(n) + ".db");
        const bool import = o_.profile == "library-import" || o_.profile == "raw-import";
        if (!import) {
            remove_db(path);
            Store::open(path.string()).merge(data);
        }
        const auto date = bench::after_all();
        const auto iso = date.iso();
        for (int rep = 0; rep < reps; ++rep) {
            double ms = 0;
            if (o_.profile == "library-import") {
                remove_db(path);
                auto store = Store::open(path.string());
                const auto t = std::chrono::steady_clock::now();
                store.merge(data);
                ms = elapsed_ms(t);
            } else if (o_.profile == "raw-import") {
                remove_db(path);
                { auto schema_only = Store::open(path.string()); }
                bench::raw::Db raw(path.string());
                const auto t = std::chrono::steady_clock::now();
                bench::raw::import(raw, data);
                ms = elapsed_ms(t);
            } else if (o_.profile == "library-view") {
                const auto store = Store::open(path.string());
                ms = measure([&] { return store.view(date); }).ms;
            } else {
                bench::raw::Db raw(path.string());
                ms = measure([&] { return bench::raw::view(raw, iso); }).ms;
            }
            std::printf("%s N=%zu: %.1f ms\n", o_.profile.c_str(), n, ms);
        }
    }

    void run_history() {
        const auto n = o_.history_n;
        const int reps = reps_for(n);
        const fs::path path = dir_ / ("history-" + std::to_string(n) + ".db");
        remove_db(path);
        auto store = Store::open(path.string());
        store.merge(bench::definitions(n));
        bench::raw::Db raw(path.string());
        const auto date = bench::after_all();
        const auto iso = date.iso();
        std::size_t have = 0, rows = 0;
        for (const auto per_pair : o_.history) {
            actielijst::Dataset more;
            more.updates = bench::updates(n, have, per_pair);
            const auto t0 = std::chrono::steady_clock::now();
            const auto summary = store.merge(more);
            const double merge_ms = elapsed_ms(t0);
            require(summary.updates_added == more.updates.size(), "history merge added fewer updates");
            rows += more.updates.size();
            have = per_pair;
            raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            double approx = 0;
            {
                const auto lib = store.view(date);
                const auto base = bench::raw::view(raw, iso);
                check_same_view(lib, base);
                approx = in_mib(approx_bytes(lib));
            }
            Samples lib, base;
            for (int rep = 0; rep < reps; ++rep) {
                lib.add(measure([&] { return store.view(date); }));
                base.add(measure([&] { return bench::raw::view(raw, iso); }));
            }
            history_.push_back({per_pair, rows, static_cast<double>(db_bytes(path)) / mib, merge_ms, lib.median_ms(),
                                base.median_ms(), lib.median_peak_mib(), base.median_peak_mib(), approx});
            progress("history " + std::to_string(per_pair) + "x: library view " + fmt("%.1f", lib.median_ms()) + " ms");
        }
    }

    void report() const {
        std::printf("## Library against raw SQLite (median of %s repetitions)\n\n",
                    o_.reps > 0 ? std::to_string(o_.reps).c_str() : "5 (N <= 10,000) or 3");
        std::printf("| operation | N actions | status rows | library ms | baseline ms | library/baseline |\n");
        std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (const auto& r : rows_)
            std::printf("| %s | %zu | %zu | %.1f | %.1f | %s |\n", r.operation.c_str(), r.n, r.rows, r.library_ms,
                        r.baseline_ms, ratio(r.library_ms, r.baseline_ms).c_str());
        std::printf("\nDiagnostics (library parts, against the whole baseline View build):\n\n");
        std::printf("| part | N actions | status rows | part ms | baseline View ms | part/baseline |\n");
        std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (const auto& r : diagnostics_)
            std::printf("| %s | %zu | %zu | %.1f | %.1f | %s |\n", r.operation.c_str(), r.n, r.rows, r.library_ms,
                        r.baseline_ms, ratio(r.library_ms, r.baseline_ms).c_str());
        std::printf("\n## Memory while building a View (MiB)\n\n");
        std::printf("Peak RSS growth: VmHWM during the build minus VmRSS before it (median); approx: bytes the\n"
                    "result holds, counted from its contents.%s\n\n",
                    peak_available ? "" : " PEAK RESET UNAVAILABLE: peak figures are not meaningful.");
        std::printf("| view | N actions | library peak RSS growth | baseline peak RSS growth | library View approx | baseline approx |\n");
        std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (const auto& m : memory_)
            std::printf("| %s | %zu | %.1f | %.1f | %.1f | %.1f |\n", m.operation.c_str(), m.n, m.library_peak_mib,
                        m.baseline_peak_mib, m.library_approx_mib, m.baseline_approx_mib);
        if (!history_.empty()) {
            std::printf("\n## History growth, N = %zu actions, View at %s (median of %d)\n\n", o_.history_n,
                        bench::after_all().iso().c_str(), reps_for(o_.history_n));
            std::printf("| updates per pair | status rows | DB MiB | merge of the added rows ms | library View ms | "
                        "baseline View ms | library/baseline | library peak RSS growth MiB | baseline peak RSS growth MiB | "
                        "library View approx MiB |\n");
            std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (const auto& h : history_)
                std::printf("| %zu | %zu | %.1f | %.1f | %.1f | %.1f | %s | %.1f | %.1f | %.1f |\n", h.per_pair, h.rows,
                            h.db_mib, h.merge_ms, h.library_ms, h.baseline_ms, ratio(h.library_ms, h.baseline_ms).c_str(),
                            h.library_peak_mib, h.baseline_peak_mib, h.library_approx_mib);
        }
        std::printf("\n## Targets\n\n");
        for (const auto& r : rows_) {
            const double q = r.baseline_ms > 0 ? r.library_ms / r.baseline_ms : 0;
            std::printf("- %s, N=%zu: ratio %.2f %s 2.0: %s\n", r.operation.c_str(), r.n, q, q <= 2.0 ? "<=" : ">",
                        q <= 2.0 ? "met" : "MISSED");
        }
        if (history_.size() >= 2) {
            const auto& a = history_.front();
            const auto& b = history_.back();
            std::printf("- View over history %zux -> %zux: time x%.2f, library peak RSS growth %.1f -> %.1f MiB, "
                        "View approx %.1f -> %.1f MiB\n",
                        a.per_pair, b.per_pair, a.library_ms > 0 ? b.library_ms / a.library_ms : 0, a.library_peak_mib,
                        b.library_peak_mib, a.library_approx_mib, b.library_approx_mib);
        }
    }

    Options o_;
    fs::path dir_;
    std::vector<Row> rows_, diagnostics_;
    std::vector<MemoryRow> memory_;
    std::vector<HistoryRow> history_;
    std::size_t status_rows_ = 0;
    actielijst::ViewData ctor_input_;
};

}  // namespace

int main(int argc, char** argv) {
    try {
        Bench(parse_args(argc, argv)).run();
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_store: %s\n", e.what());
        return 1;
    }
}
