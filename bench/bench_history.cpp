// The cost of "the list as it stood on any date": Store::view for a past date
// against the store's latest date, on lists whose proposals and due dates carry 1 or
// 10 events each (docs/benchmarks.md, "History").
//
//   bench_history [--n 1000,10000,100000] [--reps 5] [--dir DIR]
//
// Each list: N actions in 4 themes and 3 regions, one state of affairs per action
// and region, one proposal per action (tabled, then H-1 decisions), and H due dates
// per action (a first one, then H-1 moves). Events are 30 days apart from 2020-01-01.
// "latest" is a date after every event; "past" the date of the middle event, where
// half of each history is visible. Figures: median wall time of --reps View builds
// (after one warm-up) and the growth of the peak resident set while one is built.
#include "memory.hpp"

#include <actielijst/store.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace actielijst;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::vector<std::size_t> sizes{1000, 10000, 100000};
    int reps = 5;
    fs::path dir = fs::temp_directory_path() / "actielijst-bench-history";
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
            o.sizes.clear();
            std::stringstream in(value());
            for (std::string part; std::getline(in, part, ',');) o.sizes.push_back(std::stoul(part));
        } else if (a == "--reps") {
            o.reps = std::stoi(value());
        } else if (a == "--dir") {
            o.dir = value();
        } else {
            throw std::runtime_error("unknown option " + a + " (see the top of bench/bench_history.cpp)");
        }
    }
    return o;
}

Date day(std::int64_t n) { return Date::from_days(Date(2020, 1, 1).days() + n); }

/// The list with `events` events per proposal and per due date.
Dataset generate(std::size_t n, int events) {
    Dataset d;
    d.states = default_progress_states();
    for (const char* t : {"wonen", "werken", "samenleven", "algemeen"}) d.themes.emplace_back(t, Label(t));
    d.regions.emplace_back("PV99", "Proefprovincie", RegionKind::province);
    for (int r = 0; r < 3; ++r)
        d.regions.emplace_back("CR9" + std::to_string(r), "Regio " + std::to_string(r), RegionKind::corop, "PV99");
    const char* states[] = {"not_started", "in_progress", "stalled", "done"};
    for (std::size_t i = 0; i < n; ++i) {
        const auto key = "a" + std::to_string(i);
        const Date last_due = day(400 + 30 * events);
        d.actions.emplace_back(key, d.themes[i % 4].key(), "Actie " + key, "Doel van actie " + key,
                               std::vector<Owner>{}, std::vector<std::string>{"CR90", "CR91", "CR92"}, last_due);
        for (int r = 0; r < 3; ++r)
            d.updates.emplace_back(key, "CR9" + std::to_string(r), states[(i + static_cast<std::size_t>(r)) % 4],
                                   "Stand van zaken van " + key, day(0));
        d.due_changes.push_back({key, std::nullopt, day(400 + 30), day(0)});
        for (int e = 1; e < events; ++e)
            d.due_changes.push_back({key, day(400 + 30 * e), day(400 + 30 * (e + 1)), day(30 * e)});
        const auto proposal = "P" + std::to_string(i);
        d.proposals.emplace_back(proposal, key, "Voorstel bij " + key, (events - 1) % 2 ? ProposalState::adopted
                                                                                       : ProposalState::open,
                                 ProposalKind::proposal, std::string(), std::nullopt, day(0));
        for (int e = 1; e < events; ++e)
            d.proposal_events.push_back(
                {proposal, e % 2 ? ProposalState::adopted : ProposalState::open, day(30 * e), std::string(), std::string()});
    }
    return d;
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

struct Figure {
    double ms = 0;
    long peak_kib = 0;
};

Figure measure(const Store& store, const Date& date, int reps) {
    (void)store.view(date);  // warm the page cache and the statement paths
    std::vector<double> times;
    for (int r = 0; r < reps; ++r) {
        const auto t = std::chrono::steady_clock::now();
        const auto v = store.view(date);
        times.push_back(ms_since(t));
    }
    std::sort(times.begin(), times.end());
    Figure f;
    f.ms = times[times.size() / 2];
    bench::memory::reset_peak();
    const long before = bench::memory::status_kib("VmHWM");
    {
        const auto v = store.view(date);
        f.peak_kib = bench::memory::status_kib("VmHWM") - before;
    }
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const auto options = parse_args(argc, argv);
        fs::create_directories(options.dir);
        std::printf("| actions | events | view(latest) ms | view(past) ms | past/latest | peak MiB latest | peak MiB past |\n");
        std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (const auto n : options.sizes) {
            for (const int events : {1, 10}) {
                const auto path = options.dir / ("history-" + std::to_string(n) + "-" + std::to_string(events) + ".db");
                fs::remove(path);
                fs::remove(path.string() + "-wal");
                fs::remove(path.string() + "-shm");
                {
                    auto store = Store::open(path.string());
                    store.merge(generate(n, events));
                }
                const auto store = Store::open(path.string());
                const Date latest = day(30 * 12);
                const Date past = day(30 * (events / 2));
                // The pictures are what they should be, before anything is timed.
                const auto check = store.view(past);
                if (check.actions().size() != n || check.proposals().size() != n || check.statuses().size() != 3 * n)
                    throw std::runtime_error("the past view does not hold every action, proposal and status");
                const auto latest_figure = measure(store, latest, options.reps);
                const auto past_figure = measure(store, past, options.reps);
                std::printf("| %zu | %d | %.1f | %.1f | %.2f | %.1f | %.1f |\n", n, events, latest_figure.ms,
                            past_figure.ms, past_figure.ms / latest_figure.ms, static_cast<double>(latest_figure.peak_kib) / 1024.0,
                            static_cast<double>(past_figure.peak_kib) / 1024.0);
                std::fflush(stdout);
                fs::remove(path);
                fs::remove(path.string() + "-wal");
                fs::remove(path.string() + "-shm");
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_history: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
