// Test tool: imports JSON documents into a fresh store and writes the export.
//   export_roundtrip <store.db> <out.json> <in.json>...
#include <actielijst.hpp>

#include <fstream>
#include <iostream>
#include <iterator>

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: export_roundtrip <store.db> <out.json> <in.json>...\n";
        return 2;
    }
    try {
        auto store = actielijst::Store::open(argv[1]);
        for (int i = 3; i < argc; ++i) {
            std::ifstream in(argv[i], std::ios::binary);
            if (!in) throw actielijst::Error(actielijst::Errc::io, std::string("cannot read ") + argv[i]);
            store.import_json(std::string(std::istreambuf_iterator<char>(in), {}));
        }
        std::ofstream(argv[2], std::ios::binary) << store.export_json(true);
        return 0;
    } catch (const actielijst::Error& e) {
        std::cerr << "export_roundtrip: " << e.what() << "\n";
        return 1;
    }
}
