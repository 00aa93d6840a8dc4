// A C++ program built against the *installed* C++ API with
// find_package(actielijst CONFIG REQUIRED COMPONENTS core) and actielijst::core:
// open a store, import an action list, look at it on a date, count.
//
//   consumer_core <scratch directory> <action list .json>
#include <actielijst.hpp>

#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " <scratch directory> <action list .json>\n";
        return 2;
    }
    try {
        std::cout << "actielijst " << actielijst::version_string() << " (C++ API)\n";
        const std::string path = std::string(argv[1]) + "/consumer-core.db";
        std::remove(path.c_str());

        std::ifstream in(argv[2], std::ios::binary);
        if (!in) {
            std::cerr << "cannot read " << argv[2] << "\n";
            return 1;
        }
        std::ostringstream text;
        text << in.rdbuf();

        auto store = actielijst::Store::open(path);
        const auto summary = store.import_json(text.str());
        const auto view = store.view(store.default_date());
        std::cout << "imported " << summary.definitions_added << " definitions, " << summary.updates_added
                  << " states of affairs; on " << view.as_of().iso() << ": " << view.actions().size()
                  << " action points\n";
        if (view.actions().empty()) {
            std::cerr << "the view holds no action points\n";
            return 1;
        }
        // A misspelt state gets the library's own suggestion.
        std::vector<std::string> states;
        for (const auto& s : view.states()) states.push_back(s.key());
        std::cout << "unknown state \"stald\": " << actielijst::did_you_mean(actielijst::suggest("stald", states))
                  << "\n";
        std::remove(path.c_str());
    } catch (const actielijst::Error& e) {
        std::cerr << "actielijst: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    std::cout << "C++ consumer (C++ API, actielijst::core): open, import, view OK\n";
    return 0;
}
