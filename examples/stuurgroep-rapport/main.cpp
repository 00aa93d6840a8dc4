// stuurgroep-rapport: loads an action list into a store, runs the reporting rules
// and writes the steering-group report as Markdown.
//
//   stuurgroep-rapport --data examples/data/limburg.json --db limburg.db --out rapport.md
//                      [--rules my.rules] [--where 'theme = "wonen"'] [--as-of 2024-03-18]
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
    std::string data, db, out, as_of, rules_file, where;
    app.add_option("--data", data, "JSON action list to import first (re-importing is harmless)")->check(CLI::ExistingFile);
    app.add_option("--db", db, "SQLite store to read (created when missing)")->required();
    app.add_option("--out", out, "Markdown file to write")->required();
    app.add_option("--as-of", as_of, "Report date YYYY-MM-DD (default: the list's own as-of date)");
    app.add_option("--rules", rules_file, "Rules file (default: the rules shipped with the library)")
        ->check(CLI::ExistingFile);
    app.add_option("--where", where, "Only the action points this filter selects, e.g. 'theme = \"wonen\"'");
    CLI11_PARSE(app, argc, argv);

    try {
        auto store = actielijst::Store::open(db);
        if (!data.empty()) {
            const auto s = store.import_json(read_file(data));
            std::cout << "Imported " << data << ": " << s.definitions_added << " new definitions, " << s.updates_added
                      << " new states of affairs (" << s.updates_unchanged << " already stored).\n";
        }
        const auto view = store.view(report_date(as_of, store));
        const auto rules = rules_file.empty() ? actielijst::RuleSet::defaults(&view)
                                              : actielijst::RuleSet::load(rules_file, &view);
        const auto evaluation = rules.evaluate(view);
        std::vector<const actielijst::ActionPoint*> selected;
        if (where.empty())
            for (const auto& a : view.actions()) selected.push_back(&a);
        else
            selected = actielijst::Filter::parse(where, "--where", &view).select(view);
        rapport::Summary summary;
        const auto markdown = rapport::render_markdown(view, evaluation, selected, summary);
        std::ofstream file(out, std::ios::binary | std::ios::trunc);
        if (!file || !(file << markdown) || !file.flush())
            throw actielijst::Error(actielijst::Errc::io, "cannot write " + out);
        std::cout << "Report as of " << view.as_of().iso() << ": " << summary.themes << " themes, " << summary.actions
                  << " action points, " << summary.statuses << " states of affairs (" << summary.stalled
                  << " stalled), " << summary.open_proposals << " open proposals.\n"
                  << "Signals: " << summary.findings[2] << " alert, " << summary.findings[1] << " warning, "
                  << summary.findings[0] << " info. Status: " << summary.rag[3] << " red, " << summary.rag[2]
                  << " amber, " << summary.rag[1] << " green, " << summary.rag[0] << " grey.\n"
                  << "Store:  " << db << "\nReport: " << out << "\n";
        return 0;
    } catch (const actielijst::Error& e) {
        std::cerr << "stuurgroep-rapport: " << e.what() << "\n";
        return 3;
    }
}
