// C API overhead benchmark: the same read work through the C++ API (actielijst_core,
// linked statically) and through the C API (the shared library `actielijst`, whose
// copy of the core is hidden behind its version script). See docs/benchmarks.md,
// "C API and Python overhead".
//
// Usage: bench_capi [--n 100000] [--updates 3] [--reps 5] [--db FILE] [--c-figures FILE]
//   --db FILE: the store to read; generated when missing (and then kept), reused when
//              present (bench_python.py reads the same file). Without --db a temporary
//              file is generated and removed afterwards.
//   --c-figures FILE: also write the medians as `key value` lines for bench_python.py.
#include "generate.hpp"

#include <actielijst.h>
#include <actielijst/store.hpp>
#include <actielijst/view.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "unknown"
#endif

namespace {

namespace fs = std::filesystem;
using actielijst::Store;
using actielijst::View;

struct Options {
    std::size_t n = 100'000;
    std::size_t updates = 3;
    int reps = 5;
    std::string db;
    std::string figures;
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
        else if (a == "--updates")
            o.updates = number(a, value());
        else if (a == "--reps")
            o.reps = static_cast<int>(number(a, value()));
        else if (a == "--db")
            o.db = value();
        else if (a == "--c-figures")
            o.figures = value();
        else if (a == "--help" || a == "-h") {
            std::puts("bench_capi [--n 100000] [--updates 3] [--reps 5] [--db FILE] [--c-figures FILE]");
            std::exit(0);
        } else
            throw std::invalid_argument("unknown argument " + a);
    }
    if (o.n == 0 || o.updates == 0 || o.reps == 0) throw std::invalid_argument("--n, --updates and --reps must be > 0");
    if (o.updates > bench::meeting_count)
        throw std::invalid_argument("--updates: at most " + std::to_string(bench::meeting_count));
    return o;
}

// ---- measuring -------------------------------------------------------------------

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void require(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error("benchmark self-check failed: " + what);
}

void check(int rc, const char* what) {
    if (rc != ACTIELIJST_OK)
        throw std::runtime_error(std::string(what) + ": " + actielijst_error_name(rc) + ": " +
                                 actielijst_error_message());
}

/// What a reader does with one status. Both sides run the same code on the same
/// `const char*` texts (the C++ side through c_str()), so a difference between them is
/// the API's, not the consumer's:
///   Touch::strlen — the length of every text (what a C caller must do to use one);
///   Touch::first  — only the first byte of every text (the bare cost of the calls).
/// The date goes into `sink` (C++: Date::day(), C: the day digits of as_of); the C
/// record's category, which the C++ StatusUpdate does not carry, is read into `extra`.
enum class Touch { strlen, first };

struct Digest {
    std::uint64_t sum = 0;
    std::uint64_t sink = 0;
    std::uint64_t extra = 0;  // not compared
    bool operator==(const Digest& o) const { return sum == o.sum && sink == o.sink; }
};

template <Touch T>
inline std::uint64_t touch(const char* s) {
    if constexpr (T == Touch::strlen)
        return std::strlen(s);
    else
        return static_cast<unsigned char>(s[0]);
}

template <Touch T>
inline void consume(Digest& d, const actielijst::StatusUpdate& s) {
    d.sum += touch<T>(s.action().c_str()) + touch<T>(s.scope().c_str()) + touch<T>(s.state().c_str()) +
             touch<T>(s.text().c_str()) + touch<T>(s.author().c_str()) + touch<T>(s.meeting().c_str());
    d.sink += static_cast<std::uint64_t>(s.as_of().day());
}

template <Touch T>
inline void consume(Digest& d, const actielijst_status_rec& r) {
    d.sum += touch<T>(r.action) + touch<T>(r.scope) + touch<T>(r.state) + touch<T>(r.text) + touch<T>(r.author) +
             touch<T>(r.meeting);
    d.sink += static_cast<std::uint64_t>((r.as_of[8] - '0') * 10 + (r.as_of[9] - '0'));
    d.extra += static_cast<std::uint64_t>(r.category);
}

/// The idiomatic C++ reader: size() instead of strlen (diagnostic row).
inline void consume_sizes(Digest& d, const actielijst::StatusUpdate& s) {
    d.sum += s.action().size() + s.scope().size() + s.state().size() + s.text().size() + s.author().size() +
             s.meeting().size();
    d.sink += static_cast<std::uint64_t>(s.as_of().day());
}

// ---- the store file ----------------------------------------------------------------

void remove_db(const fs::path& p) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix);
}

void progress(const std::string& text) { std::fprintf(stderr, "bench_capi: %s\n", text.c_str()); }

/// The (action, scope) keys of the view's statuses in a fixed pseudo-random order
/// (Fisher-Yates with splitmix64), so lookups do not walk the maps in key order.
std::vector<std::pair<std::string, std::string>> shuffled_keys(const View& view) {
    std::vector<std::pair<std::string, std::string>> keys;
    keys.reserve(view.statuses().size());
    for (const auto& s : view.statuses()) keys.emplace_back(s.action(), s.scope());
    std::uint64_t state = bench::default_seed;
    const auto next = [&state] {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    };
    for (std::size_t i = keys.size(); i > 1; --i) std::swap(keys[i - 1], keys[static_cast<std::size_t>(next() % i)]);
    return keys;
}

struct Row {
    std::string what;
    std::string key;  // for --c-figures
    double cpp_ms, c_ms;
};

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

int run(const Options& o) {
    fs::path db = o.db;
    const bool temporary = db.empty();
    if (temporary)
        db = fs::temp_directory_path() / ("actielijst-bench-capi-" + std::to_string(::getpid()) + ".db");

    if (!fs::exists(db)) {
        progress("generating " + std::to_string(o.n) + " actions x " + std::to_string(o.updates) + " updates into " +
                 db.string());
        const auto t0 = Clock::now();
        Store::open(db.string()).merge(bench::generate(o.n, o.updates));
        progress("written in " + fmt("%.0f", ms_since(t0)) + " ms");
    } else {
        progress("reusing " + db.string());
    }

    const auto as_of = bench::after_all();
    const std::string as_of_iso = as_of.iso();

    // Both sides keep one connection open, as bench_store does.
    auto store = Store::open(db.string(), {5000, true});
    actielijst_store* cstore = nullptr;
    {
        actielijst_store_options opts = ACTIELIJST_STORE_OPTIONS_INIT;
        opts.must_exist = 1;
        check(actielijst_store_open(db.string().c_str(), &opts, &cstore), "actielijst_store_open");
    }

    // Untimed warm-up of both, and the fixed inputs of the timed parts.
    std::optional<View> view = store.view(as_of);
    actielijst_view* cview = nullptr;
    check(actielijst_store_view(cstore, as_of_iso.c_str(), &cview), "actielijst_store_view");
    require(view->actions().size() == o.n,
            db.string() + " holds " + std::to_string(view->actions().size()) + " actions, not --n " +
                std::to_string(o.n) + " (remove it or pass the matching --n)");
    const std::size_t pairs = view->statuses().size();
    const auto keys = shuffled_keys(*view);

    // The timed parts. Each returns its time; the digests are checked between sides.
    const auto cpp_iterate = [&]<Touch T>(Digest& d) {
        const auto t0 = Clock::now();
        for (const auto& s : view->statuses()) consume<T>(d, s);
        return ms_since(t0);
    };
    const auto c_iterate = [&]<Touch T>(Digest& d) {
        std::size_t seen = 0;
        const auto t0 = Clock::now();
        actielijst_status_iter* it = nullptr;
        check(actielijst_status_iter_new(cview, nullptr, &it), "actielijst_status_iter_new");
        actielijst_status_rec rec;
        int rc;
        while ((rc = actielijst_status_iter_next(it, &rec)) == ACTIELIJST_OK) {
            consume<T>(d, rec);
            ++seen;
        }
        actielijst_status_iter_free(it);
        const double ms = ms_since(t0);
        require(rc == ACTIELIJST_ITEROVER, "actielijst_status_iter_next ended with " + std::to_string(rc));
        require(seen == pairs, "C iteration saw " + std::to_string(seen) + " statuses");
        return ms;
    };
    // The batch call: one C call per 256 records instead of one per record.
    const auto c_iterate_batch = [&]<Touch T>(Digest& d) {
        std::size_t seen = 0;
        const auto t0 = Clock::now();
        actielijst_status_iter* it = nullptr;
        check(actielijst_status_iter_new(cview, nullptr, &it), "actielijst_status_iter_new");
        actielijst_status_rec recs[256];
        std::size_t count = 0;
        int rc;
        while ((rc = actielijst_status_iter_next_batch(it, recs, 256, &count)) == ACTIELIJST_OK) {
            for (std::size_t i = 0; i < count; ++i) consume<T>(d, recs[i]);
            seen += count;
        }
        actielijst_status_iter_free(it);
        const double ms = ms_since(t0);
        require(rc == ACTIELIJST_ITEROVER, "actielijst_status_iter_next_batch ended with " + std::to_string(rc));
        require(seen == pairs, "C batch iteration saw " + std::to_string(seen) + " statuses");
        return ms;
    };
    const auto cpp_lookup = [&](Digest& d) {
        const auto t0 = Clock::now();
        for (const auto& [a, sc] : keys) {
            const auto* s = view->status(a, sc);
            if (!s) throw std::runtime_error("View::status: no status for " + a + " " + sc);
            consume<Touch::strlen>(d, *s);
        }
        return ms_since(t0);
    };
    const auto c_lookup = [&](Digest& d) {
        actielijst_status_rec rec;
        const auto t0 = Clock::now();
        for (const auto& [a, sc] : keys) {
            check(actielijst_view_status(cview, a.c_str(), sc.c_str(), &rec), "actielijst_view_status");
            consume<Touch::strlen>(d, rec);
        }
        return ms_since(t0);
    };

    struct Series {
        std::vector<double> cpp, c;
    };
    Series build, iter, iter_first, iter_batch, look;
    std::vector<double> iter_sizes, iter_new_free;
    /// Runs both sides, alternating which goes first, and checks they read the same.
    const auto both = [](int rep, Series& series, auto&& cpp_side, auto&& c_side, const char* what) {
        Digest dc, dcc;
        if (rep % 2 == 0) {
            series.cpp.push_back(cpp_side(dcc));
            series.c.push_back(c_side(dc));
        } else {
            series.c.push_back(c_side(dc));
            series.cpp.push_back(cpp_side(dcc));
        }
        require(dc == dcc, std::string(what) + ": the C side read different statuses than the C++ side");
        return dc;
    };

    for (int rep = 0; rep < o.reps; ++rep) {
        // 1. View build (the previous view is destroyed outside the measurement).
        view.reset();
        actielijst_view_free(cview);
        cview = nullptr;
        both(
            rep, build,
            [&](Digest&) {
                const auto t0 = Clock::now();
                view.emplace(store.view(as_of));
                return ms_since(t0);
            },
            [&](Digest&) {
                const auto t0 = Clock::now();
                check(actielijst_store_view(cstore, as_of_iso.c_str(), &cview), "actielijst_store_view");
                return ms_since(t0);
            },
            "view");

        // 2. Iterating over every current status: the same consumer work on both sides,
        //    then only the calls (first byte of every text).
        const Digest all = both(
            rep, iter, [&](Digest& d) { return cpp_iterate.template operator()<Touch::strlen>(d); },
            [&](Digest& d) { return c_iterate.template operator()<Touch::strlen>(d); }, "iterate");
        both(
            rep, iter_first, [&](Digest& d) { return cpp_iterate.template operator()<Touch::first>(d); },
            [&](Digest& d) { return c_iterate.template operator()<Touch::first>(d); }, "iterate (first byte)");
        both(
            rep, iter_batch, [&](Digest& d) { return cpp_iterate.template operator()<Touch::strlen>(d); },
            [&](Digest& d) { return c_iterate_batch.template operator()<Touch::strlen>(d); }, "iterate (batch)");
        {
            Digest d;
            const auto t0 = Clock::now();
            for (const auto& s : view->statuses()) consume_sizes(d, s);
            iter_sizes.push_back(ms_since(t0));
            require(d == all, "size() and strlen() disagree");
        }
        {  // The C iterator's set-up alone: actielijst_status_iter_new + _free, no _next.
            const auto t0 = Clock::now();
            actielijst_status_iter* it = nullptr;
            check(actielijst_status_iter_new(cview, nullptr, &it), "actielijst_status_iter_new");
            actielijst_status_iter_free(it);
            iter_new_free.push_back(ms_since(t0));
        }

        // 3. One point lookup per (action, scope) pair, in shuffled order.
        const Digest looked = both(rep, look, cpp_lookup, c_lookup, "lookup");
        require(looked == all, "lookups read different statuses than iteration");

        progress("rep " + std::to_string(rep + 1) + "/" + std::to_string(o.reps) + ": view C++ " +
                 fmt("%.1f", build.cpp.back()) + " / C " + fmt("%.1f", build.c.back()) + " ms, iterate " +
                 fmt("%.2f", iter.cpp.back()) + " / " + fmt("%.2f", iter.c.back()) + " ms, lookups " +
                 fmt("%.2f", look.cpp.back()) + " / " + fmt("%.2f", look.c.back()) + " ms");
    }

    actielijst_view_free(cview);
    actielijst_store_free(cstore);
    view.reset();
    if (temporary) remove_db(db);

    const std::vector<Row> rows{
        {"View build (`Store::view` / `actielijst_store_view`)", "view_build", median(build.cpp), median(build.c)},
        {"iterate all statuses, strlen of every text", "iterate", median(iter.cpp), median(iter.c)},
        {"iterate all statuses, first byte of every text (calls only)", "iterate_calls", median(iter_first.cpp),
         median(iter_first.c)},
        {"iterate all statuses in batches of 256 (`actielijst_status_iter_next_batch`), strlen of every text",
         "iterate_batch", median(iter_batch.cpp), median(iter_batch.c)},
        {"one point lookup per pair (`View::status` / `actielijst_view_status`)", "lookup", median(look.cpp),
         median(look.c)},
    };
    const double per = static_cast<double>(pairs);
    std::printf("## C API against C++ API (N = %zu actions, %zu updates per pair, %zu current statuses)\n\n", o.n,
                o.updates, pairs);
    std::printf("Build type %s, median of %d repetitions, View at %s.\n\n", BENCH_BUILD_TYPE, o.reps,
                as_of_iso.c_str());
    std::printf("| operation | C++ ms | C ms | C / C++ | C over C++ | C++ ns/item | C ns/item |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const auto& r : rows)
        std::printf("| %s | %.2f | %.2f | %.2f | %+.0f %% | %.0f | %.0f |\n", r.what.c_str(), r.cpp_ms, r.c_ms,
                    r.c_ms / r.cpp_ms, (r.c_ms / r.cpp_ms - 1) * 100, r.cpp_ms * 1e6 / per, r.c_ms * 1e6 / per);
    std::printf("\nThe idiomatic C++ loop (size() instead of strlen): %.2f ms. Of the C iteration, "
                "actielijst_status_iter_new + _free alone: %.2f ms.\n",
                median(iter_sizes), median(iter_new_free));
    std::printf("C view build minus C++ view build: %.1f ms (the C records the C view builds).\n",
                median(build.c) - median(build.cpp));

    if (!o.figures.empty()) {
        std::ofstream out(o.figures);
        out << "n " << o.n << "\npairs " << pairs << "\nreps " << o.reps << "\n";
        for (const auto& r : rows) out << "cpp_" << r.key << "_ms " << r.cpp_ms << "\nc_" << r.key << "_ms " << r.c_ms << "\n";
        if (!out) throw std::runtime_error("cannot write " + o.figures);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse_args(argc, argv));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_capi: %s\n", e.what());
        return 1;
    }
}
