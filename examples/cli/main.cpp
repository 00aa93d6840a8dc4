// actielijst: the command-line tool over the C++ API. Commands and exit codes are
// documented in docs/cli.md.
//
//   actielijst --db limburg.db init
//   actielijst --db limburg.db import examples/data/limburg.json
//   actielijst --db limburg.db check --fail-on alert
#include "cli.hpp"

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"Steering-group action lists: a SQLite store, states of affairs, proposals, monitoring and the "
                 "reporting rules.\nThe meeting cycle: meeting add, then status/propose/decide --meeting KEY, "
                 "proposal history KEY, list/report --as-of DATE.\n"
                 "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage, 3 data error.",
                 "actielijst"};
    app.require_subcommand(1, 1);
    app.fallthrough();  // global options may also follow the command
    app.set_version_flag("--version", std::string(actielijst::version_string()));
    cli::Context ctx;
    app.add_option("--db", ctx.db, "SQLite store (default: $ACTIELIJST_DB)")->envname("ACTIELIJST_DB");
    cli::add_store_commands(app, ctx);
    cli::add_record_commands(app, ctx);
    cli::add_check_command(app, ctx);
    cli::add_report_command(app, ctx);
    cli::add_snapshot_commands(app, ctx);
    cli::add_meeting_commands(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 says "A subcommand is required" for a misspelt command; name it instead.
        if (app.get_subcommands().empty() && !app.remaining().empty() && app.remaining().front().rfind('-', 0) != 0) {
            std::cerr << "actielijst: unknown command \"" << app.remaining().front()
                      << "\"\nRun with --help for the list of commands.\n";
            return cli::exit_usage;
        }
        // CLI11 prints help (exit 0) or the error; every parse error is a usage error.
        return app.exit(e) == 0 ? cli::exit_ok : cli::exit_usage;
    }
    try {
        return ctx.run();
    } catch (const cli::UsageError& e) {
        std::cerr << "actielijst: " << e.what() << "\nRun with --help for more information.\n";
        return cli::exit_usage;
    } catch (const actielijst::Error& e) {
        std::cerr << "actielijst: " << e.what() << "\n";
        return cli::exit_data;
    } catch (const std::exception& e) {
        std::cerr << "actielijst: " << e.what() << "\n";
        return cli::exit_data;
    }
}
