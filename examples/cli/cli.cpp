#include "cli.hpp"

#include <chrono>
#include <fstream>
#include <iterator>
#include <limits>
#include <variant>

namespace cli {

CLI::Validator iso_date() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            try {
                (void)actielijst::Date::parse(text);
                return {};
            } catch (const actielijst::Error&) {
                return "expected a date YYYY-MM-DD, got \"" + text + "\"";
            }
        },
        "DATE");
}

CLI::Validator milliseconds() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
            const auto start = text.find_first_not_of('0');
            const auto significant = start == std::string::npos ? std::string("0") : text.substr(start);
            const auto max = std::to_string(std::numeric_limits<int>::max());
            if (digits && (significant.size() < max.size() || (significant.size() == max.size() && significant <= max)))
                return {};
            return "expected a whole number of milliseconds from 0 to " + max + ", got \"" + text + "\"";
        },
        "");
}

const std::string& db_path(const Context& ctx) {
    if (ctx.db.empty()) throw UsageError("no store given: pass --db PATH or set ACTIELIJST_DB");
    return ctx.db;
}

actielijst::Store open_store(const Context& ctx, Access access) {
    actielijst::OpenOptions options;
    options.busy_timeout_ms = ctx.busy_timeout_ms;
    options.must_exist = access != Access::create;
    options.read_only = access == Access::read;
    return actielijst::Store::open(db_path(ctx), options);
}

actielijst::Date view_date(const std::string& option, const actielijst::Store& store) {
    return option.empty() ? store.default_date() : actielijst::Date::parse(option, "--as-of");
}

actielijst::Date date_or_today(const std::string& option, std::string_view field) {
    return option.empty() ? actielijst::Date::today() : actielijst::Date::parse(option, field);
}

actielijst::Date meeting_date(const actielijst::Store& store, const std::string& key, std::string_view field) {
    for (const auto& m : store.meetings())
        if (m.key() == key) return m.date();
    throw actielijst::Error(actielijst::Errc::not_found,
                            std::string(field) + ": unknown meeting \"" + key + "\" (add it with: meeting add)");
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw actielijst::Error(actielijst::Errc::io, path + ": cannot read the file");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw actielijst::Error(actielijst::Errc::io, path + ": read error");
    return text;
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (path.empty() || path == "-")
        actielijst::write_stdout(write);
    else
        actielijst::write_file(path, write);
}

void write_output(const std::string& path, const std::string& text) {
    write_output(path, [&](std::ostream& out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}

}  // namespace cli
