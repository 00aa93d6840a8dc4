// The cost of one write against the size of the store (docs/benchmarks.md, "Writes"):
// what one CLI `status` process does — open the store, record one state of affairs —
// and one `meeting add` (open, add_meeting), on stores of N action points.
//
//   bench_write [--n 1000,10000,100000,1000000] [--updates 4] [--reps 21] [--dir DIR]
//               [--full-history]
//
// Each store: bench::definitions(N) plus bench::updates(N, 0, K), K = --updates per
// (action, scope) pair; at N >= 1,000,000 K is 1 (generation time) unless
// --full-history is given. A store is generated once into DIR and reused by later runs
// (its file name carries N and K); every timed write appends one new row to it. Each
// repetition opens the store afresh and writes once, to another action each time.
// Figures: median wall time of --reps repetitions after one warm-up, and the ratio of
// each median to the one of the smallest N. Each write is timed from open to close:
// closing the last connection checkpoints the write-ahead log into the file.
#include "args.hpp"
#include "generate.hpp"

#include <actielijst/store.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace actielijst;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::vector<std::size_t> sizes{1000, 10000, 100000, 1000000};
    std::size_t updates = 4;
    int reps = 21;
    bool full_history = false;
    fs::path dir = fs::temp_directory_path() / "actielijst-bench-write";
};

Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--n") {
            o.sizes = bench::parse_list(value());
        } else if (a == "--updates") {
            o.updates = bench::parse_list(value()).at(0);
        } else if (a == "--reps") {
            o.reps = std::stoi(value());
        } else if (a == "--dir") {
            o.dir = value();
        } else if (a == "--full-history") {
            o.full_history = true;
        } else {
            throw std::runtime_error("unknown option " + a + " (see the top of bench/bench_write.cpp)");
        }
    }
    if (o.sizes.empty() || o.reps < 1 || o.updates < 1) throw std::runtime_error("--n, --reps and --updates must be positive");
    return o;
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

std::string action_key(std::size_t i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "A%06zu", i + 1);  // as bench/generate.cpp names them
    return buf;
}

/// The store for N actions and K updates per pair, generated unless a previous run left it.
fs::path prepare(const Options& o, std::size_t n, std::size_t k) {
    const auto path = o.dir / ("write-" + std::to_string(n) + "-" + std::to_string(k) + ".db");
    const auto done = fs::path(path.string() + ".complete");
    if (fs::exists(path) && fs::exists(done)) return path;
    for (const auto& p : {path, fs::path(path.string() + "-wal"), fs::path(path.string() + "-shm"), done}) fs::remove(p);
    const auto t = std::chrono::steady_clock::now();
    {
        auto store = Store::open(path.string());
        store.merge(bench::definitions(n));
        for (std::size_t from = 0; from < k; ++from) {  // one update per pair at a time: less memory
            Dataset more;
            more.updates = bench::updates(n, from, from + 1);
            store.merge(more);
        }
    }
    std::fprintf(stderr, "generated %s in %.1f s\n", path.filename().c_str(), ms_since(t) / 1000);
    std::FILE* f = std::fopen(done.c_str(), "w");
    if (!f) throw std::runtime_error("cannot write " + done.string());
    std::fclose(f);
    return path;
}

struct Row {
    std::size_t n = 0, k = 0;
    double mib = 0, open_ms = 0, record_ms = 0, close_ms = 0, status_ms = 0, meeting_ms = 0, kept_open_ms = 0;
};

Row measure(const Options& o, std::size_t n) {
    Row row;
    row.n = n;
    row.k = n >= 1000000 && !o.full_history ? 1 : o.updates;
    const auto path = prepare(o, n, row.k).string();
    // Texts and meeting keys unique to this run, so that no write is an identical repeat.
    const auto run = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
    const auto& states = default_progress_states();
    std::vector<double> open_ms, record_ms, close_ms, status_ms, meeting_ms;
    for (int rep = -1; rep < o.reps; ++rep) {  // rep -1: warm-up, not counted
        const auto r = static_cast<std::size_t>(rep + 1);
        const auto key = action_key((r * 2654435761u + 12345u) % n);
        std::string scope;
        {
            const auto history = Store::open(path).history(key);
            if (history.empty()) throw std::runtime_error(key + " has no history");
            scope = history.front().scope();
        }
        const StatusUpdate update(key, scope, states[r % states.size()].key(), "Benchmark " + run + " #" + std::to_string(r),
                                  bench::after_all(), "bench");
        // Like one CLI process: open, write, close (closing the last connection
        // checkpoints the write-ahead log into the file). Nothing else holds the store.
        const auto t_open = std::chrono::steady_clock::now();
        std::optional<Store> store = Store::open(path);
        const auto t_record = std::chrono::steady_clock::now();
        if (!store->record(update)) throw std::runtime_error("record did not append " + key);
        const auto t_close = std::chrono::steady_clock::now();
        store.reset();
        const auto t_done = std::chrono::steady_clock::now();
        const auto t_meeting = std::chrono::steady_clock::now();
        Store::open(path).add_meeting(Meeting("BW-" + run + "-" + std::to_string(r), bench::after_all(), "Benchmark"));
        const double meeting = ms_since(t_meeting);
        if (rep < 0) continue;
        const auto ms = [](auto from, auto to) { return std::chrono::duration<double, std::milli>(to - from).count(); };
        open_ms.push_back(ms(t_open, t_record));
        record_ms.push_back(ms(t_record, t_close));
        close_ms.push_back(ms(t_close, t_done));
        status_ms.push_back(ms(t_open, t_done));
        meeting_ms.push_back(meeting);
    }
    // The write alone: records on one store kept open, so the write-ahead log exists
    // and no close checkpoints it — what a long-running caller (a service, the C API)
    // pays per state of affairs.
    std::vector<double> kept_ms;
    {
        auto store = Store::open(path);
        for (int rep = -1; rep < o.reps; ++rep) {
            const auto r = static_cast<std::size_t>(rep + 1);
            const auto key = action_key((r * 40503u + 777u) % n);
            const auto history = store.history(key);
            if (history.empty()) throw std::runtime_error(key + " has no history");
            const StatusUpdate update(key, history.front().scope(), states[r % states.size()].key(),
                                      "Benchmark kept open " + run + " #" + std::to_string(r), bench::after_all(), "bench");
            const auto t = std::chrono::steady_clock::now();
            if (!store.record(update)) throw std::runtime_error("record did not append " + key);
            if (rep >= 0) kept_ms.push_back(ms_since(t));
        }
    }
    row.kept_open_ms = median(kept_ms);
    row.mib = static_cast<double>(fs::file_size(path)) / (1024.0 * 1024.0);
    row.open_ms = median(open_ms);
    row.record_ms = median(record_ms);
    row.close_ms = median(close_ms);
    row.status_ms = median(status_ms);
    row.meeting_ms = median(meeting_ms);
    return row;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const auto options = parse_args(argc, argv);
        fs::create_directories(options.dir);
        std::vector<Row> rows;
        for (const auto n : options.sizes) {
            rows.push_back(measure(options, n));
            std::fprintf(stderr, "N=%zu: status %.2f ms\n", n, rows.back().status_ms);
        }
        const auto& base = rows.front();
        std::printf("Median of %d repetitions (after one warm-up), build type %s. Each repetition opens the store afresh.\n\n",
                    options.reps, BENCH_BUILD_TYPE);
        std::printf("| actions | updates per pair | store MiB | open ms | record ms | close ms | status ms | ratio | "
                    "meeting add ms | ratio | record, kept open ms | ratio |\n");
        std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (const auto& r : rows)
            std::printf("| %zu | %zu | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.3f | %.2f |\n", r.n, r.k,
                        r.mib, r.open_ms, r.record_ms, r.close_ms, r.status_ms, r.status_ms / base.status_ms,
                        r.meeting_ms, r.meeting_ms / base.meeting_ms, r.kept_open_ms, r.kept_open_ms / base.kept_open_ms);
        if (!options.full_history)
            for (const auto& r : rows)
                if (r.n >= 1000000) {
                    std::printf("\nStores of 1,000,000 actions or more are generated with 1 update per pair "
                                "(--full-history for %zu).\n", options.updates);
                    break;
                }
        std::printf("\nstatus: open + record + close, as one `status` process does; meeting add: open + add_meeting + "
                    "close; record, kept open: one record on a store opened once. ratio: the median against the one "
                    "for %zu actions.\n", base.n);
    } catch (const std::exception& e) {
        std::cerr << "bench_write: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
