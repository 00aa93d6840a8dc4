// A C++ program built against the *installed* actielijst with
// find_package(actielijst CONFIG REQUIRED) and actielijst::actielijst.
// Same round trip as consumer.c: open, import, export.
//
//   consumer_cpp <scratch directory>
#include <actielijst.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace {

struct StoreFree {
    void operator()(actielijst_store *s) const noexcept { actielijst_store_free(s); }
};

int fail(const char *what, int rc) {
    std::fprintf(stderr, "%s: %s: %s\n", what, actielijst_error_name(rc), actielijst_error_message());
    return 1;
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <scratch directory>\n", argv[0]);
        return 2;
    }
    std::printf("actielijst %s (header %s)\n", actielijst_version_string(), ACTIELIJST_VERSION_STRING);
    if (std::string_view(actielijst_version_string()) != ACTIELIJST_VERSION_STRING) {
        std::fprintf(stderr, "the loaded library is not the installed version\n");
        return 1;
    }
    const std::string path = std::string(argv[1]) + "/consumer-cpp.db";
    std::remove(path.c_str());

    actielijst_store *raw = nullptr;
    if (int rc = actielijst_store_open(path.c_str(), NULL, &raw); rc != ACTIELIJST_OK) return fail("store_open", rc);
    std::unique_ptr<actielijst_store, StoreFree> store(raw);

    constexpr std::string_view document =
        R"({"format": "actielijst", "format_version": 1,)"
        R"( "themes": [{"key": "werken", "label": {"nl": "Werken"}}]})";
    if (int rc = actielijst_store_import_json(store.get(), document.data(), document.size()); rc != ACTIELIJST_OK)
        return fail("import_json", rc);

    actielijst_buf out{nullptr, 0};
    if (int rc = actielijst_store_export_json(store.get(), nullptr, &out); rc != ACTIELIJST_OK) return fail("export_json", rc);
    const std::string exported(out.data, out.size);
    actielijst_buf_dispose(&out);
    store.reset();
    std::remove(path.c_str());

    if (exported.find("\"werken\"") == std::string::npos) {
        std::fprintf(stderr, "the export lacks the imported theme:\n%s\n", exported.c_str());
        return 1;
    }
    std::printf("C++ consumer (find_package): open, import, export OK\n");
    return 0;
}
