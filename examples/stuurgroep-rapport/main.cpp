// stuurgroep-rapport: loads an action list into a store and writes the
// steering-group report as Markdown.
//
//   stuurgroep-rapport --data examples/data/limburg.json --db limburg.db --out rapport.md
#include "markdown.hpp"

#include <actielijst.hpp>

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <iterator>

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw actielijst::Error(actielijst::Errc::io, "cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The date the report is "as of": the option, else the list's own meta "as_of".
actielijst::Date report_date(const std::string& option, const actielijst::Store& store) {
    if (!option.empty()) return actielijst::Date::parse(option, "--as-of");
    for (const auto& m : store.dump().meta)
        if (m.key == "as_of")
            if (const auto* text = std::get_if<std::string>(&m.value)) return actielijst::Date::parse(*text, "meta.as_of");
    throw actielijst::Error(actielijst::Errc::invalid, "--as-of: the list states no as-of date; give one");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes the steering-group report of an action list as Markdown."};
    std::string data, db, out, as_of;
    app.add_option("--data", data, "JSON action list to import first (re-importing is harmless)")->check(CLI::ExistingFile);
    app.add_option("--db", db, "SQLite store to read (created when missing)")->required();
    app.add_option("--out", out, "Markdown file to write")->required();
    app.add_option("--as-of", as_of, "Report date YYYY-MM-DD (default: the list's own as-of date)");
    CLI11_PARSE(app, argc, argv);

    try {
        auto store = actielijst::Store::open(db);
        if (!data.empty()) {
            const auto s = store.import_json(read_file(data));
            std::cout << "Imported " << data << ": " << s.definitions_added << " new definitions, " << s.updates_added
                      << " new states of affairs (" << s.updates_unchanged << " already stored).\n";
        }
        const auto view = store.view(report_date(as_of, store));
        rapport::Summary summary;
        const auto markdown = rapport::render_markdown(view, summary);
        std::ofstream file(out, std::ios::binary | std::ios::trunc);
        if (!file || !(file << markdown) || !file.flush())
            throw actielijst::Error(actielijst::Errc::io, "cannot write " + out);
        std::cout << "Report as of " << view.as_of().iso() << ": " << summary.themes << " themes, " << summary.actions
                  << " action points, " << summary.statuses << " states of affairs (" << summary.stalled
                  << " stalled), " << summary.open_proposals << " open proposals.\n"
                  << "Store:  " << db << "\nReport: " << out << "\n";
        return 0;
    } catch (const actielijst::Error& e) {
        std::cerr << "stuurgroep-rapport: " << e.what() << "\n";
        return 3;
    }
}
