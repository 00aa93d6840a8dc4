#include "support.hpp"

#include <SQLiteCpp/Database.h>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
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
