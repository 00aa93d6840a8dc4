// The cost of the store's default date (docs/benchmarks.md, "Default date"):
// Store::latest_date(), which every picture without --as-of asks first, against the
// same maxima read without the date indexes of schema version 6 (a scan of each
// table), on generated lists of N action points with U states of affairs each.
//
//   bench_dates [--n 1000,10000,100000] [--updates 3] [--reps 21] [--dir DIR]
//
// Figures: median wall time of --reps calls after one warm-up, in microseconds.
#include "args.hpp"
#include "generate.hpp"

#include <actielijst/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

using namespace actielijst;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::vector<std::size_t> sizes{1000, 10000, 100000};
    std::size_t updates = 3;
    int reps = 21;
    fs::path dir = fs::temp_directory_path() / "actielijst-bench-dates";
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
            o.updates = std::stoul(value());
        } else if (a == "--reps") {
            o.reps = std::stoi(value());
        } else if (a == "--dir") {
            o.dir = value();
        } else {
            throw std::runtime_error("unknown option " + a + " (see the top of bench/bench_dates.cpp)");
        }
    }
    return o;
}

/// Median microseconds of `reps` calls of `f`, after one warm-up call.
double median_us(int reps, const std::function<void()>& f) {
    f();
    std::vector<double> times;
    for (int r = 0; r < reps; ++r) {
        const auto t = std::chrono::steady_clock::now();
        f();
        times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// The query Store::latest_date() runs, with every table read NOT INDEXED: what the
// same answer costs without schema version 6.
constexpr const char* scanned =
    "SELECT max(d) FROM ("
    "SELECT max(as_of) AS d FROM status_updates NOT INDEXED "
    "UNION ALL SELECT max(as_of) FROM observations NOT INDEXED "
    "UNION ALL SELECT max(tabled) FROM proposals NOT INDEXED "
    "UNION ALL SELECT max(date) FROM proposal_events NOT INDEXED "
    "UNION ALL SELECT max(date) FROM meetings NOT INDEXED "
    "UNION ALL SELECT max(noted) FROM due_changes NOT INDEXED "
    "UNION ALL SELECT max(since) FROM actions NOT INDEXED WHERE since IS NOT NULL "
    "UNION ALL SELECT max(until) FROM actions NOT INDEXED WHERE until IS NOT NULL)";

}  // namespace

int main(int argc, char** argv) {
    try {
        const auto o = parse_args(argc, argv);
        fs::create_directories(o.dir);
        std::printf("%10s %10s %14s %14s %8s %12s\n", "actions", "updates", "latest_date us", "scanned us", "ratio",
                    "import ms");
        for (const auto n : o.sizes) {
            const auto path = (o.dir / ("dates-" + std::to_string(n) + ".db")).string();
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
            const auto data = bench::generate(n, o.updates);
            auto store = Store::open(path);
            const auto t = std::chrono::steady_clock::now();
            store.merge(data);
            const double import_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
            std::string indexed_answer, scanned_answer;
            const double indexed = median_us(o.reps, [&] { indexed_answer = store.latest_date().value().iso(); });
            SQLite::Database raw(path, SQLite::OPEN_READONLY);
            SQLite::Statement q(raw, scanned);
            const double scan = median_us(o.reps, [&] {
                q.reset();
                q.executeStep();
                scanned_answer = q.getColumn(0).getString();
            });
            if (indexed_answer != scanned_answer)
                throw std::runtime_error("latest_date() says " + indexed_answer + ", the scan " + scanned_answer);
            std::printf("%10zu %10zu %14.1f %14.1f %7.0fx %12.0f\n", n, data.updates.size(), indexed, scan,
                        scan / indexed, import_ms);
            std::fflush(stdout);
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_dates: " << e.what() << "\n";
        return 1;
    }
}
