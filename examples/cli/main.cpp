// actielijst: the command-line tool over the C++ API. Commands and exit codes are
// documented in docs/cli.md.
//
//   actielijst --db limburg.db init
//   actielijst --db limburg.db import examples/data/limburg.json
//   actielijst --db limburg.db check --fail-on alert
#include "cli.hpp"

#include <actielijst/suggest.hpp>  // the library's own "did you mean", not a second one

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

/// The exit code `rc`, unless standard output cannot be written: every command
/// writes through a checked stream already, but whatever still sits in std::cout or
/// stdio's buffer is flushed and checked here too, so that no output is lost in
/// silence (a full disk, a closed descriptor). A failure is a data error, whatever
/// the command returned. (A failure to write standard error cannot be reported.)
int finish(int rc) {
    errno = 0;
    std::cout.flush();
    int error = errno;
    bool failed = !std::cout.good();
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        failed = true;
        if (error == 0) error = errno;
    }
    if (!failed) return rc;
    std::cerr << "actielijst: standard output: " << (error != 0 ? std::strerror(error) : "write error") << "\n";
    return cli::exit_data;
}

/// The command (`app`) or command group (`snapshot`) whose subcommand was misspelt,
/// and the word: it has subcommands, none was chosen, and a word that is no option is
/// left over (CLI11 leaves a group's unknown word with the program).
std::pair<const CLI::App*, std::string> misspelt_in(const CLI::App& app, const CLI::App& top) {
    const auto chosen = app.get_subcommands();
    if (chosen.size() == 1 && !chosen.front()->get_subcommands({}).empty()) return misspelt_in(*chosen.front(), top);
    if (!chosen.empty() || app.get_subcommands({}).empty()) return {nullptr, {}};
    for (const auto* from : {&app, &top})
        if (!from->remaining().empty())
            return from->remaining().front().rfind('-', 0) != 0 ? std::pair{&app, from->remaining().front()}
                                                                 : std::pair<const CLI::App*, std::string>{};
    return {nullptr, {}};
}

/// `; did you mean "list"?` for the subcommands of `group` near `word`, written
/// after `prefix` (the group's name), or nothing.
std::string command_hint(const CLI::App& group, const std::string& word, const std::string& prefix) {
    std::vector<std::string> names;
    for (const auto* sub : group.get_subcommands({})) names.push_back(sub->get_name());
    auto near = actielijst::suggest(word, names);
    for (auto& n : near) n = prefix + n;
    return near.empty() ? std::string() : "; " + actielijst::did_you_mean(near);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Steering-group action lists: a SQLite store, states of affairs, proposals, monitoring and the "
                 "reporting rules.\nThe meeting cycle: meeting add, then status/propose/decide --meeting KEY, "
                 "proposal history KEY, list/report --as-of DATE.\n"
                 "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage, 3 data error (also when standard "
                 "output cannot be written).",
                 "actielijst"};
    app.require_subcommand(1, 1);
    app.fallthrough();  // global options may also follow the command
    app.set_version_flag("--version", std::string(actielijst::version_string()));
    cli::Context ctx;
    app.add_option("--db", ctx.db, "SQLite store (default: $ACTIELIJST_DB)")->envname("ACTIELIJST_DB");
    app.add_option("--language", ctx.language,
                   "Language of what people read: the list's labels and region names, the rules' messages and reasons, "
                   "reports and forms: "
                   "nl (default) or en; --json output keeps keys and codes (default: $ACTIELIJST_LANGUAGE, else nl)")
        ->envname("ACTIELIJST_LANGUAGE")
        ->check(cli::language_choice());
    app.add_option("--busy-timeout", ctx.busy_timeout_ms,
                   "How long to wait, in milliseconds, while another program writes to the store before giving up "
                   "(default: $ACTIELIJST_BUSY_TIMEOUT, else 5000)")
        ->envname("ACTIELIJST_BUSY_TIMEOUT")
        ->type_name("MS")
        ->check(cli::milliseconds());
    cli::add_store_commands(app, ctx);
    cli::add_record_commands(app, ctx);
    cli::add_check_command(app, ctx);
    cli::add_report_command(app, ctx);
    cli::add_snapshot_commands(app, ctx);
    cli::add_meeting_commands(app, ctx);
    cli::add_form_commands(app, ctx);
    cli::add_fields_command(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 says "A subcommand is required" for a misspelt command; name it, and
        // the commands it may have meant, instead.
        if (const auto [group, word] = misspelt_in(app, app); group) {
            const std::string prefix = group == &app ? "" : group->get_name() + " ";
            std::cerr << "actielijst: unknown command \"" << prefix << word << "\"" << command_hint(*group, word, prefix)
                      << "\nRun with " << prefix << "--help for the list of commands.\n";
            return finish(cli::exit_usage);
        }
        // CLI11 writes help and the version (exit 0) into `out`, errors to stderr;
        // every parse error is a usage error. The help goes out checked, like any output.
        std::ostringstream out;
        if (app.exit(e, out, std::cerr) != 0) return finish(cli::exit_usage);
        try {
            cli::write_output("", out.str());
        } catch (const actielijst::Error& error) {
            std::cerr << "actielijst: " << error.what() << "\n";
            return cli::exit_data;
        }
        return finish(cli::exit_ok);
    }
    int rc = cli::exit_data;
    try {
        rc = ctx.run();
    } catch (const cli::UsageError& e) {
        std::cerr << "actielijst: " << e.what() << "\nRun with --help for more information.\n";
        rc = cli::exit_usage;
    } catch (const actielijst::Error& e) {
        std::cerr << "actielijst: " << e.what() << "\n";
        rc = cli::exit_data;
    } catch (const std::exception& e) {
        std::cerr << "actielijst: " << e.what() << "\n";
        rc = cli::exit_data;
    }
    return finish(rc);
}
