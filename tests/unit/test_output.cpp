// Outputs that stream to their sink: the export and the report written into an
// ostream give the bytes of the string forms; files are replaced atomically, and
// every write failure, standard output included, says why.
#include "support.hpp"

#include "util/atomic_file.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/output.hpp>
#include <actielijst/report.hpp>

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <locale>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace actielijst;

namespace {

/// The names in `dir`, sorted.
std::vector<std::string> names_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// Takes `room` bytes, then fails (returns EOF) without throwing.
class FullBuf : public std::streambuf {
public:
    explicit FullBuf(std::size_t room) : room_(room) {}
    std::size_t taken = 0;

protected:
    int_type overflow(int_type c) override {
        if (taken >= room_) return traits_type::eof();
        ++taken;
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        const auto take = std::min<std::size_t>(static_cast<std::size_t>(n), room_ - std::min(room_, taken));
        taken += take;
        return static_cast<std::streamsize>(take);
    }

private:
    std::size_t room_;
};

/// Numbers with a thousands separator, so a renderer that used the stream's locale would show it.
struct Grouping : std::numpunct<char> {
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
    char do_decimal_point() const override { return ','; }
};

/// A stream whose locale and flags a renderer must not follow.
void spoil(std::ostream& out) {
    out.imbue(std::locale(std::locale::classic(), new Grouping));
    out << std::hex << std::showbase << std::setprecision(2) << std::fixed;
}

Store store_with(const test::TempDir& dir, const std::string& name, const std::vector<std::string>& documents,
                 bool default_states = false) {
    auto store = Store::open(dir.file(name));
    if (default_states) store.install_default_states();
    for (const auto& d : documents) store.import_json(d);
    return store;
}

Report limburg_report(const View& view, const std::string& language, const View* before = nullptr) {
    const auto evaluation = RuleSet::defaults(&view).evaluate(view);
    std::optional<Changes> changes;
    if (before) changes = diff(*before, view);
    ReportOptions options;
    options.language = language;
    return build_report(view, evaluation, options, changes ? &*changes : nullptr);
}

}  // namespace

TEST_CASE("export_json: the streamed document is byte for byte the string, on Limburg and every fixture") {
    test::TempDir dir;
    struct List {
        std::string name;
        std::vector<std::string> documents;
        bool default_states;  // for a fixture that brings no states of its own
    };
    const std::vector<List> lists = {
        {"limburg", {test::limburg_json()}, false},
        {"json_full", {test::fixture("json_full.json")}, false},
        {"store-v2", {test::fixture("store-v2.source.json")}, true},
        {"history",
         {test::fixture("history/meeting-1.json"), test::fixture("history/meeting-2.json"),
          test::fixture("history/meeting-3.json")},
         false},
    };
    for (const auto& [name, documents, default_states] : lists) {
        CAPTURE(name);
        const auto store = store_with(dir, name + ".db", documents, default_states);
        for (const bool contacts : {false, true}) {
            CAPTURE(contacts);
            std::ostringstream plain, spoiled;
            spoil(spoiled);
            store.export_json(plain, contacts);
            store.export_json(spoiled, contacts);
            const auto text = store.export_json(contacts);
            CHECK(plain.str() == text);
            CHECK(spoiled.str() == text);
            CHECK(to_json(store.dump(contacts)) == text);
        }
    }
}

TEST_CASE("export_json: a dataset JSON cannot hold is refused before a byte is written") {
    Dataset d;
    DueChange change;
    change.action = "nope";
    d.due_changes.push_back(change);
    std::ostringstream out;
    CHECK_THROWS_AS(to_json(d, out), Error);
    CHECK(out.str().empty());
}

TEST_CASE("render: every format streamed is byte for byte the string, whatever the stream's locale and flags") {
    test::TempDir dir;
    const auto store = store_with(dir, "limburg.db", {test::limburg_json()});
    const auto view = store.view(Date{2023, 3, 1});
    const auto before = store.view(Date{2022, 6, 1});
    for (const std::string language : {"nl", "en"}) {
        const auto report = limburg_report(view, language, &before);
        for (const auto format : {ReportFormat::html, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json}) {
            CAPTURE(language);
            CAPTURE(to_string(format));
            std::ostringstream plain, spoiled;
            spoil(spoiled);
            render(report, format, plain);
            render(report, format, spoiled);
            const auto text = render(report, format);
            CHECK(plain.str() == text);
            CHECK(spoiled.str() == text);
        }
        std::ostringstream html, md, csv, json;
        render_html(report, html);
        render_markdown(report, md);
        render_csv(report, csv);
        render_json(report, json);
        CHECK(html.str() == render_html(report));
        CHECK(md.str() == render_markdown(report));
        CHECK(csv.str() == render_csv(report));
        CHECK(json.str() == render_json(report));
        CHECK(md.str().back() == '\n');
        CHECK(md.str().substr(md.str().size() - 2) != "\n\n");
    }
}

TEST_CASE("render: a stream that fails without throwing ends the rendering with Errc::io") {
    test::TempDir dir;
    const auto store = store_with(dir, "limburg.db", {test::limburg_json()});
    const auto view = store.view(Date{2023, 3, 1});
    const auto report = limburg_report(view, "nl");
    for (const auto format : {ReportFormat::html, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json}) {
        CAPTURE(to_string(format));
        FullBuf full(1000);
        std::ostream out(&full);
        const auto message = test::error_of([&] { render(report, format, out); }, Errc::io);
        CHECK(message.find("output stream") != std::string::npos);
        CHECK(full.taken == 1000);
    }
    FullBuf full(100);
    std::ostream out(&full);
    test::error_of([&] { store.export_json(out); }, Errc::io);
}

TEST_CASE("render: an exception the stream throws passes through") {
    test::TempDir dir;
    const auto store = store_with(dir, "limburg.db", {test::limburg_json()});
    const auto view = store.view(Date{2023, 3, 1});
    const auto report = limburg_report(view, "en");
    FullBuf full(5000);
    std::ostream out(&full);
    out.exceptions(std::ios::badbit);
    CHECK_THROWS_AS(render(report, ReportFormat::html, out), std::ios_base::failure);
    FullBuf full2(5000);
    std::ostream out2(&full2);
    out2.exceptions(std::ios::badbit);
    CHECK_THROWS_AS(store.export_json(out2), std::ios_base::failure);
}

TEST_CASE("write_file: writes a new file and replaces an old one whole, with nothing left beside it") {
    test::TempDir dir;
    const auto path = dir.file("out.txt");
    write_file(path, [](std::ostream& out) { out << "first version, rather long\n"; });
    CHECK(test::read_file(path) == "first version, rather long\n");
    write_file(path, [](std::ostream& out) { out << "second\n"; });
    CHECK(test::read_file(path) == "second\n");
    // More than the buffer holds, in many small writes and one large one.
    const std::string big(200000, 'x');
    write_file(path, [&](std::ostream& out) {
        for (int i = 0; i < 100000; ++i) out << (i % 10);
        out << big;
    });
    const auto text = test::read_file(path);
    CHECK(text.size() == 300000);
    CHECK(text.substr(0, 12) == "012345678901");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"out.txt"});
}

TEST_CASE("write_file: when the writer throws, the previous file stays and no temporary file is left") {
    test::TempDir dir;
    const auto path = dir.file("report.html");
    test::write_file(path, "the previous report\n");
    CHECK_THROWS_WITH_AS(write_file(path,
                                    [](std::ostream& out) {
                                        out << std::string(100000, 'y');
                                        throw Error(Errc::invalid, "stopped half-way");
                                    }),
                         "stopped half-way", Error);
    CHECK(test::read_file(path) == "the previous report\n");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"report.html"});
    // And when there was no previous file, there is none after.
    CHECK_THROWS_AS(write_file(dir.file("new.html"), [](std::ostream&) { throw std::runtime_error("no"); }),
                    std::runtime_error);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"report.html"});
}

TEST_CASE("write_file: a replaced file keeps its permissions, a new one follows the umask") {
    test::TempDir dir;
    const auto path = dir.file("kept.json");
    test::write_file(path, "{}");
    REQUIRE(::chmod(path.c_str(), 0640) == 0);
    write_file(path, [](std::ostream& out) { out << "[]"; });
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);

    const mode_t mask = ::umask(022);
    const auto fresh = dir.file("fresh.json");
    write_file(fresh, [](std::ostream& out) { out << "[]"; });
    ::umask(mask);
    REQUIRE(::stat(fresh.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0644);
}

TEST_CASE("write_file: failures name the path, what failed and the system's reason") {
    test::TempDir dir;
    const auto missing = dir.file("missing/out.json");
    CHECK(test::error_of([&] { write_file(missing, [](std::ostream& out) { out << "x"; }); }, Errc::io) ==
          missing + ": cannot create a temporary file in its directory: No such file or directory");
    std::filesystem::create_directory(dir.path() / "sub");
    const auto sub = dir.file("sub");
    bool called = false;
    CHECK(test::error_of([&] { write_file(sub, [&](std::ostream&) { called = true; }); }, Errc::io) ==
          sub + ": cannot replace it: Is a directory");
    CHECK_FALSE(called);  // refused before anything was written
    test::error_of([] { write_file("", [](std::ostream&) {}); }, Errc::invalid);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"sub"});
}

TEST_CASE("AtomicFile: destroyed without commit leaves nothing, and a second commit is an error") {
    test::TempDir dir;
    const auto path = dir.file("a.txt");
    {
        detail::AtomicFile out(path);
        out << "never committed";
        CHECK(names_in(dir.path()).size() == 1);  // the temporary file
        CHECK(names_in(dir.path())[0].rfind(".a.txt.", 0) == 0);
    }
    CHECK(names_in(dir.path()).empty());
    detail::AtomicFile out(path);
    out << "committed";
    out.commit();
    CHECK(test::read_file(path) == "committed");
    test::error_of([&] { out.commit(); }, Errc::io);
    CHECK(test::read_file(path) == "committed");
}

TEST_CASE("render_file: the report written atomically is the rendered text") {
    test::TempDir dir;
    const auto store = store_with(dir, "limburg.db", {test::limburg_json()});
    const auto view = store.view(Date{2023, 3, 1});
    const auto report = limburg_report(view, "nl");
    const auto path = dir.file("report.md");
    render_file(report, ReportFormat::markdown, path);
    CHECK(test::read_file(path) == render_markdown(report));
    CHECK(test::error_of([&] { render_file(report, ReportFormat::html, dir.file("no/report.html")); }, Errc::io)
              .find("No such file or directory") != std::string::npos);
}

TEST_CASE("write_stdout: writes through, and a full device is an error naming standard output and the reason") {
    std::cout.flush();
    const int saved = ::dup(STDOUT_FILENO);
    REQUIRE(saved >= 0);
    test::TempDir dir;
    const auto captured = dir.file("stdout.txt");
    const int file = ::open(captured.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(file >= 0);
    ::dup2(file, STDOUT_FILENO);
    std::string message;
    try {
        write_stdout([](std::ostream& out) { out << "hello " << 42 << "\n"; });
        const int full = ::open("/dev/full", O_WRONLY);
        if (full >= 0) {
            ::dup2(full, STDOUT_FILENO);
            ::close(full);
            try {
                write_stdout([](std::ostream& out) { out << std::string(100000, 'z'); });
            } catch (const Error& e) {
                message = e.what();
            }
        } else {
            message = "standard output: No space left on device";  // no /dev/full here
        }
    } catch (...) {
        ::dup2(saved, STDOUT_FILENO);
        throw;
    }
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    ::close(file);
    CHECK(test::read_file(captured) == "hello 42\n");
    CHECK(message == "standard output: No space left on device");
}
