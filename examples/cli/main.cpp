// actielijst: the command-line tool over the C++ API. Commands and exit codes are
// documented in docs/cli.md.
//
//   actielijst --db limburg.db init
//   actielijst --db limburg.db import examples/data/limburg.json
//   actielijst --db limburg.db check --fail-on alert
#include "cli.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

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

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 says "A subcommand is required" for a misspelt command; name it instead.
        if (app.get_subcommands().empty() && !app.remaining().empty() && app.remaining().front().rfind('-', 0) != 0) {
            std::cerr << "actielijst: unknown command \"" << app.remaining().front()
                      << "\"\nRun with --help for the list of commands.\n";
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
