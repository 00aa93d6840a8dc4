// Hostile input (docs/benchmarks.md, "Hostile input"): the `actielijst` command-line
// tool on documents and rules files made to cost memory, each run as its own process
// (fork, exec, wait4: wall time and the child's peak resident set).
//
//  - JSON: documents as long as `--zeros` zeros (9 million: about 18 MB) in the
//    shapes a fault campaign found expensive, imported into a fresh store. Each must be refused
//    with the error the limits give (docs/json-format.md, "Limits"); the program exits
//    1 when one is accepted or refused for something else. `--big` repeats some
//    shapes as long as that many zeros (50 million: about 100 MB), to show that time
//    grows linearly and memory does not grow.
//  - Rules: `check --json` on a store of `--rules-n` actions with 34 scopes each
//    (bench::rules_data), with 30 per-scope rules that fire everywhere, the same that
//    never fire (the floor: the View), the default rules, a rule whose message is
//    ~1 MB, and a 1 MiB rules file of 12,000 rules (docs/rules.md, "Limits").
//
// The driver writes the documents in chunks and builds the store in a forked child,
// so that it stays small: a child's ru_maxrss includes what it was forked from.
// No timing is asserted anywhere.
#include "args.hpp"
#include "generate.hpp"

#include <actielijst/store.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef BENCH_CLI_PATH
#define BENCH_CLI_PATH ""
#endif
#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "unknown"
#endif

namespace fs = std::filesystem;

namespace {

struct Options {
    std::size_t zeros = 9000000;
    std::size_t big = 50000000;
    std::size_t rules_n = 28500;
    std::size_t message_bytes = 1000000;
    std::size_t reps = 3;
    std::string dir, cli = BENCH_CLI_PATH;
    bool keep = false;
};

[[noreturn]] void usage(const std::string& problem) {
    std::cerr << "bench_hostile: " << problem << "\n"
              << "usage: bench_hostile [--zeros N] [--big N] [--rules-n N] [--message-bytes B] [--reps R] [--cli PATH]\n"
                 "                     [--dir DIR] [--keep]\n"
                 "  --big 0 skips the large documents, --rules-n 0 the rules, --message-bytes 0 the long message\n";
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(a + " needs a value");
            return argv[++i];
        };
        const auto number = [&] {
            const auto list = bench::parse_list(value());
            if (list.size() != 1) usage(a + " takes one number");
            return list[0];
        };
        if (a == "--zeros") o.zeros = number();
        else if (a == "--big") o.big = number();
        else if (a == "--rules-n") o.rules_n = number();
        else if (a == "--message-bytes") o.message_bytes = number();
        else if (a == "--reps") o.reps = std::max<std::size_t>(1, number());
        else if (a == "--cli") o.cli = value();
        else if (a == "--dir") o.dir = value();
        else if (a == "--keep") o.keep = true;
        else usage("unknown option " + a);
    }
    if (o.cli.empty()) usage("--cli is needed (the build has no actielijst target)");
    return o;
}

// ---- processes ------------------------------------------------------------------

struct Run {
    int exit_code = -1;
    double ms = 0;
    double rss_mib = 0;
};

/// Runs `argv` with stdout to `out` and stderr to `err`.
Run spawn(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::cout.flush();
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0 || dup2(o, STDOUT_FILENO) < 0 || dup2(e, STDERR_FILENO) < 0) _exit(126);
        close(o);
        close(e);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
    const auto t1 = std::chrono::steady_clock::now();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, std::chrono::duration<double, std::milli>(t1 - t0).count(),
            static_cast<double>(usage.ru_maxrss) / 1024.0};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void remove_store(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

/// The first line of a CLI's standard error, without "actielijst: " and the
/// "DOCUMENT: " of an import in front.
std::string first_error(const std::string& err_file, const std::string& document) {
    std::string text = read_file(err_file);
    text = text.substr(0, text.find('\n'));
    for (const std::string& prefix : {std::string("actielijst: "), document + ": "})
        if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
    return text;
}

/// Median of `v` (not empty).
double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// R runs of `argv`: the median time, the largest peak, the exit code and first error of the first.
struct Measured {
    int exit_code = -1;
    double ms = 0;
    double rss_mib = 0;
    std::string error;
    std::uintmax_t out_bytes = 0;
};

template <class Before>
Measured measure(const Options& o, const std::vector<std::string>& argv, const std::string& document, Before&& before) {
    const std::string out = (fs::path(o.dir) / "run.out").string();
    const std::string err = (fs::path(o.dir) / "run.err").string();
    Measured m;
    std::vector<double> times;
    for (std::size_t r = 0; r < o.reps; ++r) {
        before();
        const Run run = spawn(argv, out, err);
        if (r == 0) {
            m.exit_code = run.exit_code;
            m.error = first_error(err, document);
            m.out_bytes = fs::file_size(out);
        }
        times.push_back(run.ms);
        m.rss_mib = std::max(m.rss_mib, run.rss_mib);
    }
    m.ms = median(times);
    return m;
}

// ---- JSON -------------------------------------------------------------------------

struct Shape {
    std::string name;
    std::string head, item, tail;
    std::string error;  // the start of the error the import must give
    bool big = false;   // repeated with --big values
};

const std::string top = "{\"format\": \"actielijst\", \"format_version\": 1, ";

std::vector<Shape> shapes() {
    return {
        {"zeros in an entry's list", top + "\"actions\": [{\"key\": \"a\", \"scope\": [", "0", "]}]}",
         "actions[0].scope: more than 10000 elements in one array", true},
        {"zeros in nested arrays of an entry", top + "\"actions\": [[[[[[[[[[[[[[", "0", "]]]]]]]]]]]]]]}",
         "actions[0][0][0][0][0][0][0][0][0][0][0][0][0]: more than 10000 elements in one array", false},
        {"[[[[[[[[[[0]]]]]]]]]] in an entry's list", top + "\"actions\": [{\"key\": \"a\", \"scope\": [",
         "[[[[[[[[[[0]]]]]]]]]]", "]}]}", "actions[0].scope[0]: expected a string, got an array", false},
        {"empty objects in an entry's list", top + "\"actions\": [{\"key\": \"a\", \"owners\": [", "{}", "]}]}",
         "actions[0].owners: more than 10000 elements in one array", false},
        {"short strings in an entry's list", top + "\"actions\": [{\"key\": \"a\", \"scope\": [", "\"GM0000\"",
         "]}]}", "actions[0].", false},
        {"zeros in an unknown member", top + "\"junk\": [", "0", "]}", "document.junk: unknown member", true},
        {"zeros in meta", top + "\"meta\": {\"x\": [", "0", "]}}", "meta.x: expected a string or a boolean", true},
        {"zeros as `format`", "{\"format\": [", "0", "], \"format_version\": 1}",
         "document.format: expected a string, got an array", false},
        {"zeros as a top-level list", top + "\"actions\": [", "0", "]}", "actions[0]: expected an object, got a number",
         true},
        {"empty objects as a top-level list", top + "\"actions\": [", "{}", "]}", "actions[0].", false},
        {"zeros as the root", "[", "0", "]", "document: expected an object, got an array", false},
    };
}

/// Writes `head`, `n` copies of `item` separated by commas, then `tail`; the size.
std::uintmax_t write_document(const std::string& path, const Shape& s, std::size_t n) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << s.head;
    std::string chunk;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) chunk += ',';
        chunk += s.item;
        if (chunk.size() >= (std::size_t{1} << 16)) {
            out << chunk;
            chunk.clear();
        }
    }
    out << chunk << s.tail;
    out.close();
    if (!out) throw std::runtime_error(path + ": cannot write");
    return fs::file_size(path);
}

/// A document of one string of `bytes` bytes as an action's title.
std::uintmax_t write_long_string(const std::string& path, std::size_t bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << top << "\"actions\": [{\"key\": \"a\", \"title\": \"";
    const std::string chunk(std::size_t{1} << 16, 'x');
    for (std::size_t done = 0; done < bytes; done += chunk.size())
        out.write(chunk.data(), static_cast<std::streamsize>(std::min(chunk.size(), bytes - done)));
    out << "\"}]}";
    out.close();
    if (!out) throw std::runtime_error(path + ": cannot write");
    return fs::file_size(path);
}

bool json_part(const Options& o) {
    const std::string doc = (fs::path(o.dir) / "hostile.json").string();
    const std::string db = (fs::path(o.dir) / "import.db").string();
    const std::string null = (fs::path(o.dir) / "init.out").string();
    const auto fresh_store = [&] {
        remove_store(db);
        if (spawn({o.cli, "--db", db, "init"}, null, null).exit_code != 0)
            throw std::runtime_error("actielijst init failed");
    };
    bool ok = true;
    std::cout << "### Import of hostile documents (median of " << o.reps << " runs; peak = the largest)\n\n"
              << "| document | items | bytes | ms | peak RSS MiB | peak / bytes | error |\n"
              << "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n";
    const auto row = [&](const std::string& name, std::size_t values, std::uintmax_t bytes, const std::string& error) {
        std::cerr << "bench_hostile: " << name << " (" << bytes << " bytes)\n";
        const Measured m = measure(o, {o.cli, "--db", db, "import", doc}, doc, fresh_store);
        const bool refused = m.exit_code == 3 && m.error.rfind(error, 0) == 0;
        if (!refused) {
            std::cerr << "bench_hostile: " << name << ": expected exit 3 and an error starting with \"" << error
                      << "\", got exit " << m.exit_code << ": " << m.error << "\n";
            ok = false;
        }
        std::printf("| %s | %zu | %ju | %.0f | %.1f | %.2f | `%s` |\n", name.c_str(), values, bytes, m.ms, m.rss_mib,
                    m.rss_mib * 1024.0 * 1024.0 / static_cast<double>(bytes), m.error.substr(0, 90).c_str());
    };
    // As many items as make the document as long as `zeros` zeros (2 bytes each).
    const auto items = [](const Shape& s, std::size_t zeros) { return zeros * 2 / (s.item.size() + 1); };
    for (const auto& s : shapes()) row(s.name, items(s, o.zeros), write_document(doc, s, items(s, o.zeros)), s.error);
    row("one long string (a title)", 1, write_long_string(doc, o.zeros * 2), "actions[0].");
    if (o.big > 0)
        for (const auto& s : shapes())
            if (s.big) row(s.name, items(s, o.big), write_document(doc, s, items(s, o.big)), s.error);
    fs::remove(doc);
    remove_store(db);
    std::cout << "\n";
    return ok;
}

// ---- rules ------------------------------------------------------------------------

std::string one_rule(const std::string& key, const std::string& per, const std::string& when, const std::string& message) {
    return "rule " + key + "\n  severity info\n  per " + per + "\n  when " + when + "\n  message \"" + message + "\"\n";
}

std::string repeated_rules(std::size_t n, const std::string& per, const std::string& when, const std::string& message) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += one_rule("r" + std::to_string(i), per, when, message);
    return out;
}

bool rules_part(const Options& o) {
    const std::string db = (fs::path(o.dir) / "rules.db").string();
    remove_store(db);
    std::cerr << "bench_hostile: building a store of " << o.rules_n << " actions with 34 scopes each\n";
    std::cout.flush();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        int code = 1;
        try {
            auto store = actielijst::Store::open(db);
            store.merge(bench::rules_data(o.rules_n, 34).dataset);
            code = 0;
        } catch (const std::exception& e) {
            std::cerr << "bench_hostile: " << e.what() << "\n";
        }
        _exit(code);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("building the rules store failed");

    struct Case {
        std::string name, text, error;  // text empty: the default rules; error empty: must succeed
    };
    const std::string big_message(o.message_bytes, 'x');
    std::string file_of_1mib;
    for (std::size_t i = 0; file_of_1mib.size() < (std::size_t{1} << 20) - 200; ++i)
        file_of_1mib += one_rule("r" + std::to_string(i), "action", "true", "Actie {title} heeft aandacht nodig");
    std::vector<Case> cases{
        {"30 per-scope rules `when false` (the floor: the View)", repeated_rules(30, "scope", "false", "m"), ""},
        {"the default rules", "", ""},
        // 30 findings per (action, scope): past the limit of 2,000,000 from 1,961 actions on.
        {"30 per-scope rules `when true`", repeated_rules(30, "scope", "true", "m"),
         30 * 34 * o.rules_n > 2000000 ? "evaluation stopped at 2000000 findings (the limit)" : ""},
        {"a rules file of 1 MiB: " + std::to_string(file_of_1mib.size()) + " bytes of per-action rules `when true`",
         file_of_1mib, "more than 1000 rules in one file (the limit)"},
    };
    // Its text passes the limit of 512 MiB after ~540 findings: it costs 0.5 GiB to find out.
    if (o.message_bytes > 0)
        cases.push_back({"1 per-scope rule `when true` with a message of " + std::to_string(o.message_bytes) + " bytes",
                         repeated_rules(1, "scope", "true", big_message),
                         "evaluation stopped at 536870912 bytes of text"});
    bool ok = true;
    const std::string rules_file = (fs::path(o.dir) / "rules.rules").string();
    std::cout << "### `check --json` on " << o.rules_n << " actions with 34 scopes each (median of " << o.reps
              << " runs; peak = the largest)\n\n"
              << "| rules | exit | ms | peak RSS MiB | output bytes | error |\n"
              << "| --- | ---: | ---: | ---: | ---: | --- |\n";
    for (const auto& c : cases) {
        std::cerr << "bench_hostile: " << c.name << "\n";
        std::vector<std::string> argv{o.cli, "--db", db, "check", "--as-of", "2023-03-01", "--json"};
        if (!c.text.empty()) {
            std::ofstream(rules_file, std::ios::binary | std::ios::trunc) << c.text;
            argv.insert(argv.begin() + 4, {"--rules", "rules.rules"});
        }
        const auto cwd = fs::current_path();
        fs::current_path(o.dir);  // so that the error names rules.rules
        const Measured m = measure(o, argv, "", [] {});
        fs::current_path(cwd);
        const bool as_expected = c.error.empty() ? m.exit_code == 0 : m.exit_code == 3 && m.error.find(c.error) != std::string::npos;
        if (!as_expected) {
            std::cerr << "bench_hostile: " << c.name << ": expected "
                      << (c.error.empty() ? "exit 0" : "exit 3 and an error with \"" + c.error + "\"") << ", got exit "
                      << m.exit_code << ": " << m.error << "\n";
            ok = false;
        }
        std::printf("| %s | %d | %.0f | %.1f | %ju | %s |\n", c.name.c_str(), m.exit_code, m.ms, m.rss_mib,
                    m.out_bytes, m.error.empty() ? "" : ("`" + m.error.substr(0, 120) + "`").c_str());
    }
    fs::remove(rules_file);
    if (!o.keep) remove_store(db);
    std::cout << "\n";
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    Options o = parse_options(argc, argv);
    bool made_dir = false;
    try {
        if (o.dir.empty()) {
            o.dir = (fs::temp_directory_path() / ("actielijst-bench-hostile-" + std::to_string(getpid()))).string();
            made_dir = true;
        }
        fs::create_directories(o.dir);
        o.dir = fs::absolute(o.dir).string();
        o.cli = fs::absolute(o.cli).string();
        std::cout << "## Hostile input (bench_hostile, " << BENCH_BUILD_TYPE << ", cli " << o.cli << ")\n\n";
        bool ok = json_part(o);
        if (o.rules_n > 0) ok = rules_part(o) && ok;
        if (made_dir && !o.keep) fs::remove_all(o.dir);
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "bench_hostile: " << e.what() << "\n";
        return 1;
    }
}
