// Handle check micro benchmark: what checking a C handle costs on the hot paths. Every
// C call looks its handle up first, and an iterator does so once per record, so the
// per-record cost of actielijst_status_iter_next is the figure that matters.
//
// Usage: bench_handles [--n 100000] [--passes 10] [--reps 5] [--threads 2]
//   --n        action points in the generated store (one current status each)
//   --passes   full iterations over the view's statuses per repetition (the default
//              10 x 100,000 makes 1,000,000 actielijst_status_iter_next calls)
//   --reps     repetitions; every figure is the median
//   --threads  threads for the concurrent row (each with its own iterators over one
//              shared view: lookups from several threads at once)
//
// Every row gives wall time and the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID)
// per call; on a machine shared with other work the CPU time is the steadier figure.
//
// Measured, all through the shared library:
//   - actielijst_status_iter_next, one call per record (first byte of every text);
//   - actielijst_view_as_of, which does nothing but the handle lookup;
//   - actielijst_status_iter_new + actielijst_status_iter_free (creating and freeing
//     a handle, over the whole view, so no records are copied);
//   - the iter_next row again with --threads threads at once.
#include "generate.hpp"

#include <actielijst.h>
#include <actielijst/store.hpp>

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "unknown"
#endif

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
    std::size_t n = 100'000;
    std::size_t passes = 10;
    std::size_t reps = 5;
    std::size_t threads = 2;
};

std::size_t number(const std::string& flag, const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        throw std::invalid_argument(flag + ": not a number: " + text);
    return static_cast<std::size_t>(std::stoull(text));
}

Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        if (a == "--n")
            o.n = number(a, value());
        else if (a == "--passes")
            o.passes = number(a, value());
        else if (a == "--reps")
            o.reps = number(a, value());
        else if (a == "--threads")
            o.threads = number(a, value());
        else if (a == "--help" || a == "-h") {
            std::puts("bench_handles [--n 100000] [--passes 10] [--reps 5] [--threads 2]");
            std::exit(0);
        } else
            throw std::invalid_argument("unknown argument " + a);
    }
    if (o.n == 0 || o.passes == 0 || o.reps == 0 || o.threads == 0)
        throw std::invalid_argument("--n, --passes, --reps and --threads must be > 0");
    return o;
}

/// The calling thread's CPU time in ns.
double cpu_ns() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

/// Wall and CPU time of one timed part, per call.
struct Timer {
    Clock::time_point wall0 = Clock::now();
    double cpu0 = cpu_ns();
    /// {wall ns, CPU ns} per call for `calls` calls.
    std::pair<double, double> per(std::size_t calls) const {
        const double wall = std::chrono::duration<double, std::nano>(Clock::now() - wall0).count();
        const double cpu = cpu_ns() - cpu0;
        return {wall / static_cast<double>(calls), cpu / static_cast<double>(calls)};
    }
};

struct Series {
    std::vector<double> wall, cpu;
    void add(std::pair<double, double> v) {
        wall.push_back(v.first);
        cpu.push_back(v.second);
    }
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void check(int rc, const char* what) {
    if (rc != ACTIELIJST_OK)
        throw std::runtime_error(std::string(what) + ": " + actielijst_error_name(rc) + ": " +
                                 actielijst_error_message());
}

/// `passes` full iterations over the view's statuses; returns the records seen and
/// adds the first byte of every text to `sum` (so the calls cannot be left out).
std::size_t iterate(actielijst_view* view, std::size_t passes, std::uint64_t& sum) {
    std::size_t seen = 0;
    for (std::size_t p = 0; p < passes; ++p) {
        actielijst_status_iter* it = nullptr;
        check(actielijst_status_iter_new(view, nullptr, &it), "actielijst_status_iter_new");
        actielijst_status_rec rec;
        int rc;
        while ((rc = actielijst_status_iter_next(it, &rec)) == ACTIELIJST_OK) {
            sum += static_cast<unsigned char>(rec.action[0]) + static_cast<unsigned char>(rec.state[0]);
            ++seen;
        }
        actielijst_status_iter_free(it);
        if (rc != ACTIELIJST_ITEROVER) check(rc, "actielijst_status_iter_next");
    }
    return seen;
}

int run(const Options& o) {
    const fs::path db = fs::temp_directory_path() / ("actielijst-bench-handles-" + std::to_string(::getpid()) + ".db");
    std::fprintf(stderr, "bench_handles: generating %zu actions into %s\n", o.n, db.string().c_str());
    actielijst::Store::open(db.string()).merge(bench::generate(o.n, 1));

    actielijst_store* store = nullptr;
    check(actielijst_store_open(db.string().c_str(), NULL, &store), "actielijst_store_open");
    actielijst_view* view = nullptr;
    check(actielijst_store_view(store, bench::after_all().iso().c_str(), &view), "actielijst_store_view");

    std::uint64_t sum = 0;
    const std::size_t per_pass = iterate(view, 1, sum);  // warm-up, and the record count
    if (per_pass == 0) throw std::runtime_error("the view has no statuses");
    const std::size_t calls = per_pass * o.passes;

    Series next, as_of, new_free, threaded;
    for (std::size_t rep = 0; rep < o.reps; ++rep) {
        {
            const Timer t;
            const std::size_t seen = iterate(view, o.passes, sum);
            next.add(t.per(seen));
        }
        {
            const Timer t;
            for (std::size_t i = 0; i < calls; ++i) sum += static_cast<unsigned char>(actielijst_view_as_of(view)[0]);
            as_of.add(t.per(calls));
        }
        {
            const std::size_t count = calls / 10;
            const Timer t;
            for (std::size_t i = 0; i < count; ++i) {
                actielijst_status_iter* it = nullptr;
                check(actielijst_status_iter_new(view, nullptr, &it), "actielijst_status_iter_new");
                actielijst_status_iter_free(it);
            }
            new_free.add(t.per(count));
        }
        {
            // Each thread times itself; the row is the mean over the threads.
            std::vector<std::uint64_t> sums(o.threads, 0);
            std::vector<std::pair<double, double>> per(o.threads);
            std::vector<std::exception_ptr> errors(o.threads);
            std::vector<std::thread> pool;
            for (std::size_t t = 0; t < o.threads; ++t)
                pool.emplace_back([&, t] {
                    try {
                        const Timer timer;
                        per[t] = timer.per(iterate(view, o.passes, sums[t]));
                    } catch (...) {
                        errors[t] = std::current_exception();
                    }
                });
            for (auto& th : pool) th.join();
            for (const auto& e : errors)
                if (e) std::rethrow_exception(e);
            for (const auto s : sums) sum += s;
            std::pair<double, double> mean{0, 0};
            for (const auto& [w, c] : per) {
                mean.first += w / static_cast<double>(o.threads);
                mean.second += c / static_cast<double>(o.threads);
            }
            threaded.add(mean);
        }
        std::fprintf(stderr, "bench_handles: rep %zu/%zu: iter_next %.2f ns/record wall, %.2f CPU\n", rep + 1,
                     o.reps, next.wall.back(), next.cpu.back());
    }

    actielijst_view_free(view);
    actielijst_store_free(store);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);

    std::printf("## Handle checks (%zu statuses per pass, %zu passes, %zu threads)\n\n", per_pass, o.passes,
                o.threads);
    std::printf("Build type %s, median of %zu repetitions.\n\n", BENCH_BUILD_TYPE, o.reps);
    const auto row = [](const std::string& what, const Series& s) {
        std::printf("| %s | %.2f | %.2f |\n", what.c_str(), median(s.wall), median(s.cpu));
    };
    std::printf("| operation | wall ns per call | CPU ns per call |\n| --- | ---: | ---: |\n");
    row("`actielijst_status_iter_next`, one call per record", next);
    row("`actielijst_view_as_of` (the handle lookup alone)", as_of);
    row("`actielijst_status_iter_new` + `_free` (a handle created and freed)", new_free);
    row("`actielijst_status_iter_next` on " + std::to_string(o.threads) + " threads at once (per thread)", threaded);
    std::printf("\n(checksum %llu)\n", static_cast<unsigned long long>(sum));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse_args(argc, argv));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_handles: %s\n", e.what());
        return 1;
    }
}
