// actielijst CLI — what every command shares: the parsed global options, the
// action a subcommand selected, and the helpers that open the store and pick dates.
#pragma once

#include <actielijst.hpp>

#include "labels.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>

namespace cli {

/// Global options and the command to run once parsing succeeded.
struct Context {
    std::string db;               ///< --db or ACTIELIJST_DB
    int busy_timeout_ms = 5000;   ///< --busy-timeout or ACTIELIJST_BUSY_TIMEOUT
    std::string language = "nl";  ///< --language or ACTIELIJST_LANGUAGE: "nl" or "en"
    std::function<int()> run;     ///< set by the selected subcommand's callback
};

/// A mistake in how the program was called that CLI11 cannot see (exit code 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Exit codes (docs/cli.md).
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_data = 3;

/// Registers a subcommand whose callback makes `run` the program's action. The
/// options live in a shared struct the lambda keeps alive.
template <class Options, class Run>
CLI::App* add_command(CLI::App& app, Context& ctx, const std::string& name, const std::string& description,
                      std::shared_ptr<Options> options, Run run) {
    auto* sub = app.add_subcommand(name, description);
    sub->callback([&ctx, options, run] { ctx.run = [&ctx, options, run] { return run(ctx, *options); }; });
    return sub;
}

/// A CLI11 validator for ISO dates, so a malformed date is a usage error.
CLI::Validator iso_date();
/// A CLI11 validator for a whole number of milliseconds, 0 or more (fits an int).
CLI::Validator milliseconds();

/// What a command does with the store.
enum class Access {
    read,    ///< only reads: opened read-only, so it never writes the file (docs/cli.md)
    write,   ///< appends or changes: the store must exist
    create,  ///< init: creates a new store
};

/// Opens the store named by --db for `access`, waiting up to --busy-timeout for
/// another connection's write lock. For read and write the store must exist (only
/// `init` creates one).
actielijst::Store open_store(const Context& ctx, Access access);
/// The path of --db, or a UsageError when none was given.
const std::string& db_path(const Context& ctx);

/// The date a view is taken at: `option` when given, else the store's default
/// date (the latest date anything was recorded; Store::default_date()).
actielijst::Date view_date(const std::string& option, const actielijst::Store& store);
/// `option` parsed, or today when empty.
actielijst::Date date_or_today(const std::string& option, std::string_view field);
/// The date of the stored meeting `key`; Error(Errc::not_found) naming `field` when
/// the store has no such meeting.
actielijst::Date meeting_date(const actielijst::Store& store, const std::string& key, std::string_view field);

/// Whole file; Error(Errc::io) naming the path when it cannot be read.
std::string read_file(const std::string& path);
/// Streams what `write` writes to `path`, or to stdout when it is empty or "-". A
/// file is replaced atomically: after a failure the previous file is as it was.
/// Error(Errc::io) naming the path (or standard output) and the reason on failure.
void write_output(const std::string& path, const std::function<void(std::ostream&)>& write);
/// write_output of a text already at hand.
void write_output(const std::string& path, const std::string& text);

void add_store_commands(CLI::App& app, Context& ctx);   // init import export regions list
void add_record_commands(CLI::App& app, Context& ctx);  // status history propose decide observe
void add_check_command(CLI::App& app, Context& ctx);    // check
void add_report_command(CLI::App& app, Context& ctx);   // report
void add_snapshot_commands(CLI::App& app, Context& ctx);  // snapshot save|info|diff
void add_meeting_commands(CLI::App& app, Context& ctx);   // meeting add|list, proposal history
void add_form_commands(CLI::App& app, Context& ctx);      // uitvraag verwerk
void add_fields_command(CLI::App& app, Context& ctx);     // fields

}  // namespace cli
