// Imports one JSON document into a fresh store, reading it as a stream as the CLI
// does: the child process whose peak RSS test_json_memory.cpp measures.
// Usage: json_import_child DOCUMENT STORE. Prints the error, if any, on standard
// output; exits 0 when imported, 3 when refused, 1 on anything else.
#include <actielijst/error.hpp>
#include <actielijst/store.hpp>

#include <cstdio>
#include <exception>
#include <fstream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: json_import_child DOCUMENT STORE\n");
        return 1;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "cannot read %s\n", argv[1]);
            return 1;
        }
        auto store = actielijst::Store::open(argv[2]);
        store.import_json(in);
        return 0;
    } catch (const actielijst::Error& e) {
        std::printf("%s\n", e.what());
        return 3;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
