// Report benchmark (docs/benchmarks.md, "Report"):
//  1. whole process: examples/stuurgroep-rapport run by fork+exec on a prepared
//     Limburg store (open the store, build the View, evaluate the default rules,
//     render HTML and Markdown, write both); wall time and peak RSS (wait4's
//     ru_maxrss) per run;
//  2. in process, national scale (bench::rules_data with one scope per action): the
//     View, the default rules, build_report and render_html + render_markdown, timed
//     per part, with the peak RSS growth, next to the raw-SQLite View baseline
//     (bench/raw.*) on the same file;
//  3. memory against history length: the same report with 1 and with 10 status
//     updates per (action, scope) pair in the store;
//  4. what the overview costs: build_report + render_html + render_markdown with
//     every section against every section but the overview, alternating, at N actions.
// Usage: bench_report [--n 10000,100000] [--history-n 10000] [--overview-n 10000] [--reps R]
//                     [--dir DIR] [--rapport PATH --limburg PATH] [--process-reps R]
#include "args.hpp"
#include "generate.hpp"
#include "memory.hpp"
#include "raw.hpp"

#include <actielijst/report.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/store.hpp>
#include <actielijst/view.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "unknown"
#endif

namespace {

namespace fs = std::filesystem;
using namespace actielijst;

struct Options {
    std::vector<std::size_t> ns{10'000, 100'000};
    std::size_t history_n = 10'000;
    std::size_t overview_n = 10'000;
    int reps = 5;
    int process_reps = 21;
    std::string dir;
    std::string rapport;
    std::string limburg;
};


Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(std::string(a) + " needs a value");
            return argv[++i];
        };
        if (a == "--n") {
            const auto v = value();
            o.ns = v == "0" ? std::vector<std::size_t>{} : bench::parse_list(v);
        } else if (a == "--history-n")
            o.history_n = bench::parse_list(value()).at(0);
        else if (a == "--overview-n")
            o.overview_n = bench::parse_list(value()).at(0);
        else if (a == "--reps")
            o.reps = static_cast<int>(bench::parse_list(value()).at(0));
        else if (a == "--process-reps")
            o.process_reps = static_cast<int>(bench::parse_list(value()).at(0));
        else if (a == "--dir")
            o.dir = value();
        else if (a == "--rapport")
            o.rapport = value();
        else if (a == "--limburg")
            o.limburg = value();
        else if (a == "--help" || a == "-h") {
            std::puts(
                "bench_report [--n 10000,100000 | 0] [--history-n 10000 | 0] [--overview-n 10000 | 0] [--reps R]\n"
                "             [--dir DIR]\n"
                "             [--rapport PATH --limburg PATH] [--process-reps R]");
            std::exit(0);
        } else
            throw std::invalid_argument("unknown argument " + std::string(a));
    }
    if (o.reps < 1 || o.process_reps < 1) throw std::invalid_argument("--reps: at least 1");
    if (o.rapport.empty() != o.limburg.empty()) throw std::invalid_argument("--rapport needs --limburg and back");
    return o;
}

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

constexpr double kib_per_mib = 1024.0;

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

void remove_db(const fs::path& db) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
}

// ---- 1. the whole process ----------------------------------------------------------------

void whole_process(const Options& o, const fs::path& dir) {
    const auto db = dir / "limburg.db";
    remove_db(db);
    {
        std::ifstream in(o.limburg, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + o.limburg);
        const std::string json{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        Store::open(db.string()).import_json(json);
    }
    const auto html = (dir / "rapport.html").string(), md = (dir / "rapport.md").string();
    std::vector<std::string> args{o.rapport, "--db", db.string(), "--as-of", "2023-03-01",
                                  "--out", html, "--out", md};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<double> ms, rss_kib;
    for (int r = 0; r < o.process_reps + 1; ++r) {  // run 0 warms the page cache
        const auto t0 = std::chrono::steady_clock::now();
        const pid_t pid = fork();
        if (pid < 0) throw std::runtime_error("fork failed");
        if (pid == 0) {
            const int null = open("/dev/null", O_WRONLY);
            if (null >= 0) dup2(null, STDOUT_FILENO);
            execv(argv[0], argv.data());
            _exit(127);
        }
        int status = 0;
        rusage usage{};
        if (wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
        const double t = elapsed_ms(t0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            throw std::runtime_error("stuurgroep-rapport failed (status " + std::to_string(status) + ")");
        if (r == 0) continue;
        ms.push_back(t);
        rss_kib.push_back(static_cast<double>(usage.ru_maxrss));
    }
    std::printf("\n### Whole process: stuurgroep-rapport on the Limburg store (%d runs)\n\n", o.process_reps);
    std::printf("| median ms | min ms | max ms | median peak RSS MiB | max peak RSS MiB | HTML bytes | Markdown bytes |\n");
    std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    std::printf("| %.1f | %.1f | %.1f | %.1f | %.1f | %ju | %ju |\n", median(ms), *std::min_element(ms.begin(), ms.end()),
                *std::max_element(ms.begin(), ms.end()), median(rss_kib) / kib_per_mib,
                *std::max_element(rss_kib.begin(), rss_kib.end()) / kib_per_mib,
                static_cast<std::uintmax_t>(fs::file_size(html)), static_cast<std::uintmax_t>(fs::file_size(md)));
    std::fflush(stdout);
}

// ---- 2. and 3. in process -------------------------------------------------------------------

struct Run {
    double view_ms = 0, rules_ms = 0, build_ms = 0, render_ms = 0, total_ms = 0;
    double peak_mib = 0;
    std::size_t html_bytes = 0, md_bytes = 0, findings = 0;
};

/// One full report from the store: View, default rules, model, HTML + Markdown.
Run report_once(const Store& store, Date as_of) {
    Run run;
    const bool peak = bench::memory::reset_peak();
    const long before = bench::memory::status_kib("VmRSS");
    const auto t0 = std::chrono::steady_clock::now();
    {
        auto t = std::chrono::steady_clock::now();
        const View view = store.view(as_of);
        run.view_ms = elapsed_ms(t);
        t = std::chrono::steady_clock::now();
        const auto evaluation = RuleSet::defaults(&view).evaluate(view);
        run.rules_ms = elapsed_ms(t);
        t = std::chrono::steady_clock::now();
        const auto report = build_report(view, evaluation);
        run.build_ms = elapsed_ms(t);
        t = std::chrono::steady_clock::now();
        const auto html = render_html(report);
        const auto md = render_markdown(report);
        run.render_ms = elapsed_ms(t);
        run.total_ms = elapsed_ms(t0);
        run.peak_mib = peak ? static_cast<double>(bench::memory::status_kib("VmHWM") - before) / kib_per_mib : -1;
        run.html_bytes = html.size();
        run.md_bytes = md.size();
        run.findings = evaluation.findings.size();
    }
    return run;
}

struct Medians {
    double view, rules, build, render, total, peak;
    Run last;
};

Medians medians(const std::vector<Run>& runs) {
    std::vector<double> v, r, b, d, t, p;
    for (const auto& x : runs) {
        v.push_back(x.view_ms);
        r.push_back(x.rules_ms);
        b.push_back(x.build_ms);
        d.push_back(x.render_ms);
        t.push_back(x.total_ms);
        p.push_back(x.peak_mib);
    }
    return {median(v), median(r), median(b), median(d), median(t), median(p), runs.back()};
}

std::vector<Run> runs_of(const Store& store, Date as_of, int reps) {
    std::vector<Run> runs;
    for (int r = 0; r < reps; ++r) runs.push_back(report_once(store, as_of));
    return runs;
}

/// The store of rules_data(n, 1), plus `extra_updates` more updates per pair (bench::updates,
/// which lie at and after bench::first_day()).
Date prepare(const fs::path& db, std::size_t n, std::size_t extra_updates) {
    remove_db(db);
    auto data = bench::rules_data(n, 1);
    if (extra_updates) {
        auto more = bench::updates(n, 0, extra_updates);
        data.dataset.updates.insert(data.dataset.updates.end(), std::make_move_iterator(more.begin()),
                                    std::make_move_iterator(more.end()));
    }
    std::fprintf(stderr, "N = %zu: importing %zu status updates...\n", n, data.dataset.updates.size());
    Store::open(db.string()).merge(data.dataset);
    return data.as_of;
}

void national(const Options& o, const fs::path& dir) {
    if (o.ns.empty()) return;
    std::printf("\n### In process, national scale (median of %d; View at 2023-03-01)\n\n", o.reps);
    std::printf(
        "| N actions | raw-SQLite View ms | library View ms | rules ms | build_report ms | HTML+MD render ms | "
        "report total ms | report peak RSS growth MiB | raw View peak RSS growth MiB | findings | HTML MiB |\n");
    std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const auto n : o.ns) {
        const auto db = dir / ("report-" + std::to_string(n) + ".db");
        const Date as_of = prepare(db, n, 0);
        const auto store = Store::open(db.string());
        const auto m = medians(runs_of(store, as_of, o.reps));
        std::vector<double> raw_ms, raw_peak;
        for (int r = 0; r < o.reps; ++r) {
            bench::raw::Db raw_db(db.string());
            bench::memory::reset_peak();
            const long before = bench::memory::status_kib("VmRSS");
            const auto t0 = std::chrono::steady_clock::now();
            const auto v = bench::raw::view(raw_db, as_of.iso());
            raw_ms.push_back(elapsed_ms(t0));
            raw_peak.push_back(static_cast<double>(bench::memory::status_kib("VmHWM") - before) / kib_per_mib);
        }
        std::printf("| %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %zu | %.1f |\n", n,
                    median(raw_ms), m.view, m.rules, m.build, m.render, m.total, m.peak, median(raw_peak),
                    m.last.findings, static_cast<double>(m.last.html_bytes) / (1024.0 * 1024.0));
        std::fflush(stdout);
        remove_db(db);
    }
}

void history(const Options& o, const fs::path& dir) {
    if (o.history_n == 0) return;
    const auto n = o.history_n;
    std::printf("\n### Memory against history length, N = %zu (median of %d)\n\n", n, o.reps);
    std::printf("| updates per pair | status rows | report total ms | report peak RSS growth MiB |\n");
    std::printf("| ---: | ---: | ---: | ---: |\n");
    for (const std::size_t extra : {std::size_t{0}, std::size_t{9}}) {
        const auto db = dir / ("history-" + std::to_string(extra) + ".db");
        const Date as_of = prepare(db, n, extra);
        const auto store = Store::open(db.string());
        const auto m = medians(runs_of(store, as_of, o.reps));
        std::printf("| %zu | %zu | %.1f | %.1f |\n", extra + 1, n * (extra + 1), m.total, m.peak);
        std::fflush(stdout);
        remove_db(db);
    }
}

struct Timing {
    double build = 0, render = 0;
};

/// build_report, then both renderers, for the given sections; milliseconds each.
Timing render_ms(const View& view, const Evaluation& evaluation, const std::vector<std::string>& sections) {
    ReportOptions options;
    options.sections = sections;
    Timing t;
    auto start = std::chrono::steady_clock::now();
    const auto report = build_report(view, evaluation, options);
    t.build = elapsed_ms(start);
    start = std::chrono::steady_clock::now();
    const auto html = render_html(report);
    const auto md = render_markdown(report);
    t.render = elapsed_ms(start);
    return t;
}

void overview_cost(const Options& o, const fs::path& dir) {
    if (o.overview_n == 0) return;
    const auto n = o.overview_n;
    const auto db = dir / "overview.db";
    const Date as_of = prepare(db, n, 0);
    const auto store = Store::open(db.string());
    const View view = store.view(as_of);
    const auto evaluation = RuleSet::defaults(&view).evaluate(view);
    std::vector<std::string> without;
    for (const auto& s : report_sections())
        if (s != "overview") without.push_back(s);
    // Alternating, so both sides see the same machine; the first pair warms up.
    std::vector<double> with_build, with_render, without_build, without_render, ratios;
    for (int r = 0; r <= o.reps; ++r) {
        const auto a = render_ms(view, evaluation, {});
        const auto b = render_ms(view, evaluation, without);
        if (r == 0) continue;
        with_build.push_back(a.build);
        with_render.push_back(a.render);
        without_build.push_back(b.build);
        without_render.push_back(b.render);
        ratios.push_back((a.build + a.render) / (b.build + b.render));
    }
    std::printf("\n### What the overview costs, N = %zu (build_report + HTML + Markdown; median of %d pairs)\n\n", n,
                o.reps);
    std::printf("| sections | build_report ms | HTML+MD render ms |\n| --- | ---: | ---: |\n");
    std::printf("| all | %.1f | %.1f |\n| all but the overview | %.1f | %.1f |\n", median(with_build),
                median(with_render), median(without_build), median(without_render));
    std::printf("\nall / all but the overview, build + render (median of pairs): %.3f\n", median(ratios));
    std::fflush(stdout);
    remove_db(db);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const auto o = parse_args(argc, argv);
        const fs::path dir = o.dir.empty() ? fs::temp_directory_path() / ("bench-report-" + std::to_string(getpid()))
                                           : fs::path(o.dir);
        fs::create_directories(dir);
        std::printf("# Report benchmark (build %s; load average at start %s)\n", BENCH_BUILD_TYPE,
                    load_average().c_str());
        if (!o.rapport.empty()) whole_process(o, dir);
        national(o, dir);
        history(o, dir);
        overview_cost(o, dir);
        std::printf("\nload average at end %s\n", load_average().c_str());
        if (o.dir.empty()) fs::remove_all(dir);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_report: %s\n", e.what());
        return 1;
    }
}
