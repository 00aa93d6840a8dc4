#include "support.hpp"

#include <SQLiteCpp/Database.h>

#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace actielijst;

constexpr int updates_per_writer = 50;

/// The definitions both writers use, with the list's own progress states (the default set).
Dataset definitions() {
    Dataset d;
    d.themes = {Theme("wonen", Label("Wonen"))};
    d.states = default_progress_states();
    d.regions = {Region("PV31", "Limburg", RegionKind::province),
                 Region("CR37", "Noord-Limburg", RegionKind::corop, "PV31", {"Noord"}),
                 Region("CR38", "Midden-Limburg", RegionKind::corop, "PV31", {"Midden"})};
    d.actions = {ActionPoint("gedeeld", "wonen", "Gedeelde actie", "Door twee processen bijgewerkt.", {}, {"CR37"})};
    return d;
}

std::string text_of(const std::string& writer, int i) { return writer + " #" + std::to_string(i); }

Date date_of(int i) { return Date::from_days(Date(2023, 1, 1).days() + i); }

/// Exit codes of a writer process.
enum WriterExit : int { ok = 0, not_added = 3, library_error = 4, other_error = 5, start_failed = 6 };

/// Runs in a child process: waits until the parent closes `start_fd`'s other end, then
/// records its updates one transaction at a time. Leaves with _exit: no doctest, no
/// static destructors, no atexit handlers of the parent run in the child.
[[noreturn]] void writer_process(const std::string& path, const std::string& name, int start_fd) {
    int code = WriterExit::ok;
    try {
        auto store = Store::open(path);
        char byte = 0;
        ssize_t got = 0;
        do got = read(start_fd, &byte, 1);
        while (got < 0 && errno == EINTR);
        if (got != 0) code = WriterExit::start_failed;
        for (int i = 0; code == WriterExit::ok && i < updates_per_writer; ++i)
            if (!store.record(StatusUpdate("gedeeld", "CR37", i % 2 ? "in_progress" : "stalled", text_of(name, i),
                                           date_of(i), name)))
                code = WriterExit::not_added;
    } catch (const Error& e) {
        std::fprintf(stderr, "writer %s: %s\n", name.c_str(), e.what());
        code = WriterExit::library_error;
    } catch (...) {
        code = WriterExit::other_error;
    }
    _exit(code);
}

/// Waits for `pid` and returns its exit status, or -1 when it did not exit normally.
int wait_for(pid_t pid) {
    int status = 0;
    pid_t r = 0;
    do r = waitpid(pid, &status, 0);
    while (r < 0 && errno == EINTR);
    if (r != pid || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("concurrency: two processes recording at once both succeed and every update is kept") {
    test::TempDir dir;
    const auto path = dir.file("gedeeld.db");
    { Store::open(path).merge(definitions()); }

    int start[2] = {-1, -1};
    REQUIRE(pipe(start) == 0);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);

    std::vector<pid_t> children;
    for (const char* name : {"A", "B"}) {
        const pid_t pid = fork();
        if (pid == 0) {
            close(start[1]);  // or the child's read would never see end of file
            writer_process(path, name, start[0]);
        }
        if (pid < 0) break;
        children.push_back(pid);
    }
    close(start[0]);
    close(start[1]);  // both writers start now
    std::vector<int> exits;
    for (const pid_t pid : children) exits.push_back(wait_for(pid));

    REQUIRE(children.size() == 2);
    CHECK(exits == std::vector<int>{WriterExit::ok, WriterExit::ok});

    auto store = Store::open(path);
    const auto history = store.history("gedeeld");
    CHECK(history.size() == 2 * updates_per_writer);
    std::set<std::string> texts;
    for (const auto& u : history) texts.insert(u.text());
    std::set<std::string> expected;
    for (const char* name : {"A", "B"})
        for (int i = 0; i < updates_per_writer; ++i) expected.insert(text_of(name, i));
    CHECK(texts == expected);
    // Oldest first, whatever the interleaving of the writers.
    for (std::size_t i = 1; i < history.size(); ++i) CHECK(history[i - 1].as_of() <= history[i].as_of());
    // The view sees the latest of them.
    const auto view = store.view(date_of(updates_per_writer - 1));
    REQUIRE(view.status("gedeeld", "CR37") != nullptr);
    CHECK(view.status("gedeeld", "CR37")->as_of() == date_of(updates_per_writer - 1));
}

TEST_CASE("concurrency: a view can be taken while another connection holds an open write transaction") {
    test::TempDir dir;
    const auto path = dir.file("lezer.db");
    OpenOptions options;
    options.busy_timeout_ms = 50;  // a reader that had to wait for the lock would fail, not hang
    auto store = Store::open(path, options);
    store.merge(definitions());
    REQUIRE(store.record(StatusUpdate("gedeeld", "CR37", "in_progress", "Vastgelegd.", Date(2023, 1, 1))));

    SQLite::Database writer(path, SQLite::OPEN_READWRITE);
    writer.exec("BEGIN IMMEDIATE");
    writer.exec("INSERT INTO meta(position, key, text_value) VALUES (100, 'pending', 'nog niet vastgelegd')");
    writer.exec("INSERT INTO status_updates(action_id, scope_id, state_id, text, as_of) "
                "SELECT a.id, r.id, s.id, 'Onbevestigd.', '2023-02-01' FROM actions a, regions r, states s "
                "WHERE a.key = 'gedeeld' AND r.code = 'CR37' AND s.key = 'done'");

    const auto has_pending = [](const View& v) {
        for (const auto& m : v.meta())
            if (m.key == "pending") return true;
        return false;
    };
    {
        const auto view = store.view(Date(2023, 12, 31));
        CHECK_FALSE(has_pending(view));
        REQUIRE(view.status("gedeeld", "CR37") != nullptr);
        CHECK(view.status("gedeeld", "CR37")->text() == "Vastgelegd.");
        CHECK(store.history("gedeeld").size() == 1);
        CHECK(store.dump().updates.size() == 1);
    }
    writer.exec("COMMIT");
    {
        const auto view = store.view(Date(2023, 12, 31));
        CHECK(has_pending(view));
        REQUIRE(view.status("gedeeld", "CR37") != nullptr);
        CHECK(view.status("gedeeld", "CR37")->text() == "Onbevestigd.");
        CHECK(store.history("gedeeld").size() == 2);
    }
}

TEST_CASE("concurrency: a store can be opened while another connection holds an open write transaction") {
    test::TempDir dir;
    const auto path = dir.file("openen.db");
    {
        auto store = Store::open(path);
        store.merge(definitions());
        REQUIRE(store.record(StatusUpdate("gedeeld", "CR37", "in_progress", "Vastgelegd.", Date(2023, 1, 1))));
    }
    SQLite::Database writer(path, SQLite::OPEN_READWRITE);
    writer.exec("BEGIN IMMEDIATE");
    writer.exec("INSERT INTO meta(position, key, text_value) VALUES (100, 'pending', 'nog niet vastgelegd')");
    OpenOptions options;
    options.busy_timeout_ms = 50;
    auto store = Store::open(path, options);
    const auto view = store.view(Date(2023, 12, 31));
    REQUIRE(view.status("gedeeld", "CR37") != nullptr);
    CHECK(view.status("gedeeld", "CR37")->text() == "Vastgelegd.");
    writer.exec("ROLLBACK");
}

namespace {

constexpr int contended_writers = 4;
constexpr int contended_updates = 150;

/// A writer of the contention test: records its updates one transaction at a time
/// on an action of its own, and writes the longest single call (in microseconds)
/// to `report_fd`. Leaves with _exit, as writer_process does.
[[noreturn]] void contended_writer(const std::string& path, int index, int start_fd, int report_fd) {
    int code = WriterExit::ok;
    long long longest = 0;
    try {
        auto store = Store::open(path);  // the default busy timeout, as a user would have it
        char byte = 0;
        ssize_t got = 0;
        do got = read(start_fd, &byte, 1);
        while (got < 0 && errno == EINTR);
        const std::string key = "actie-" + std::to_string(index);
        for (int i = 0; code == WriterExit::ok && i < contended_updates; ++i) {
            const auto started = std::chrono::steady_clock::now();
            if (!store.record(StatusUpdate(key, "CR37", i % 2 ? "in_progress" : "stalled", text_of(key, i), date_of(i))))
                code = WriterExit::not_added;
            const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
            longest = std::max<long long>(longest, took.count());
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "writer %d: %s\n", index, e.what());
        code = WriterExit::library_error;
    } catch (...) {
        code = WriterExit::other_error;
    }
    [[maybe_unused]] const auto written = write(report_fd, &longest, sizeof longest);
    _exit(code);
}

/// The reader of the contention test: takes whole views until `stop_fd` is closed.
[[noreturn]] void contended_reader(const std::string& path, int stop_fd) {
    int code = WriterExit::ok;
    try {
        OpenOptions options;
        options.read_only = true;
        auto store = Store::open(path, options);
        for (;;) {
            pollfd p{stop_fd, POLLIN, 0};
            if (poll(&p, 1, 0) > 0) break;  // end of file: the writers are done
            (void)store.view(Date(2024, 1, 1));
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "reader: %s\n", e.what());
        code = WriterExit::library_error;
    }
    _exit(code);
}

}  // namespace

TEST_CASE("concurrency: four writer processes and a reader, locks held for milliseconds: no call fails") {
    // SQLite's own busy handler sleeps up to 100 ms between tries; a writer asleep
    // while the others take turns in milliseconds could wait out the whole timeout.
    test::TempDir dir;
    const auto path = dir.file("druk.db");
    {
        auto d = definitions();
        for (int i = 0; i < contended_writers; ++i)
            d.actions.emplace_back("actie-" + std::to_string(i), "wonen", "Actie " + std::to_string(i), "Doel.",
                                   std::vector<Owner>{}, std::vector<std::string>{"CR37"});
        Store::open(path).merge(d);
    }
    int start[2] = {-1, -1}, report[2] = {-1, -1}, stop[2] = {-1, -1};
    REQUIRE(pipe(start) == 0);
    REQUIRE(pipe(report) == 0);
    REQUIRE(pipe(stop) == 0);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);

    std::vector<pid_t> writers;
    for (int i = 0; i < contended_writers; ++i) {
        const pid_t pid = fork();
        if (pid == 0) {
            close(start[1]);
            close(report[0]);
            close(stop[0]);
            close(stop[1]);
            contended_writer(path, i, start[0], report[1]);
        }
        if (pid < 0) break;
        writers.push_back(pid);
    }
    const pid_t reader = fork();
    if (reader == 0) {
        close(start[0]);
        close(start[1]);
        close(stop[1]);
        contended_reader(path, stop[0]);
    }
    close(start[0]);
    close(start[1]);
    close(report[1]);
    close(stop[0]);
    std::vector<int> exits;
    for (const pid_t pid : writers) exits.push_back(wait_for(pid));
    close(stop[1]);
    const int reader_exit = reader > 0 ? wait_for(reader) : -1;
    long long longest = 0, one = 0;
    while (read(report[0], &one, sizeof one) == static_cast<ssize_t>(sizeof one)) longest = std::max(longest, one);
    close(report[0]);

    REQUIRE(writers.size() == contended_writers);
    CHECK(exits == std::vector<int>(contended_writers, WriterExit::ok));
    CHECK(reader_exit == WriterExit::ok);
    MESSAGE("longest single record() under contention: " << longest / 1000 << " ms");
    const auto store = Store::open(path);
    for (int i = 0; i < contended_writers; ++i)
        CHECK(store.history("actie-" + std::to_string(i)).size() == contended_updates);
}

TEST_CASE("concurrency: a lock held past the busy timeout fails with Errc::busy, names the store and writes nothing") {
    test::TempDir dir;
    const auto path = dir.file("bezet.db");
    OpenOptions options;
    options.busy_timeout_ms = 200;
    auto store = Store::open(path, options);
    store.merge(definitions());

    SQLite::Database holder(path, SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    const auto started = std::chrono::steady_clock::now();
    const auto message = test::error_of(
        [&] { store.record(StatusUpdate("gedeeld", "CR37", "done", "Klaar.", Date(2023, 5, 1))); }, Errc::busy);
    const auto waited = std::chrono::steady_clock::now() - started;
    CHECK_MESSAGE(test::contains(message, "store \"" + path + "\" is locked by another connection"), message);
    CHECK_MESSAGE(test::contains(message, "the busy timeout is 200 ms"), message);
    CHECK_MESSAGE(test::contains(message, "nothing was written, so retrying is safe"), message);
    CHECK(waited >= std::chrono::milliseconds(200));  // it did wait, rather than fail at once
    holder.exec("ROLLBACK");
    CHECK(store.history("gedeeld").empty());
    // The retry the message promises is safe: it succeeds, once.
    CHECK(store.record(StatusUpdate("gedeeld", "CR37", "done", "Klaar.", Date(2023, 5, 1))));
    CHECK(store.history("gedeeld").size() == 1);
}
