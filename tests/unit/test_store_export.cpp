// The export streams the store row by row into the same canonical document that
// to_json writes for a dump: byte for byte, on real lists and with history.
#include "support.hpp"

#include <actielijst/json.hpp>

#include <sstream>
#include <streambuf>

using namespace actielijst;

namespace {

std::string streamed(const Store& store, bool contacts) {
    std::ostringstream out;
    store.export_json(out, contacts);
    return out.str();
}

/// A stream buffer that takes `limit` bytes and then fails, as a full disk does.
class FullAfter : public std::streambuf {
public:
    explicit FullAfter(std::size_t limit) : limit_(limit) {}
    std::size_t taken = 0;

protected:
    std::streamsize xsputn(const char*, std::streamsize n) override {
        if (taken + static_cast<std::size_t>(n) > limit_) return 0;
        taken += static_cast<std::size_t>(n);
        return n;
    }
    int_type overflow(int_type c) override { return xsputn(nullptr, 1) == 1 ? c : traits_type::eof(); }

private:
    std::size_t limit_;
};

}  // namespace

TEST_CASE("the streamed export equals the document of the dump") {
    test::TempDir dir;
    SUBCASE("the Limburg list, with and without contacts") {
        auto store = Store::open(dir.file("limburg.db"));
        store.import_json(test::limburg_json());
        store.import_json(R"({"format": "actielijst", "format_version": 1, "contacts": [
            {"municipality": "GM0935", "role": "beleid", "name": "A. Jansen", "email": "a@example.org"}]})");
        for (const bool contacts : {false, true}) {
            const auto text = streamed(store, contacts);
            CHECK(text == to_json(store.dump(contacts)));
            CHECK(text == store.export_json(contacts));
            CHECK((text.find("A. Jansen") != std::string::npos) == contacts);
        }
    }
    SUBCASE("a list with three meetings of history: decisions, due dates, periods") {
        auto store = Store::open(dir.file("history.db"));
        for (int n = 1; n <= 3; ++n) store.import_json(test::fixture("history/meeting-" + std::to_string(n) + ".json"));
        const auto text = streamed(store, false);
        CHECK(text == to_json(store.dump()));
        // And it reads back into the same store.
        auto copy = Store::open(dir.file("copy.db"));
        copy.import_json(text);
        CHECK(streamed(copy, false) == text);
    }
    SUBCASE("an empty store") {
        auto store = Store::open(dir.file("empty.db"));
        CHECK(streamed(store, true) == to_json(store.dump(true)));
    }
}

TEST_CASE("an export into a stream that fails part-way is an io error") {
    test::TempDir dir;
    auto store = Store::open(dir.file("limburg.db"));
    store.import_json(test::limburg_json());
    FullAfter full(20000);
    std::ostream out(&full);
    const auto message = test::error_of([&] { store.export_json(out); }, Errc::io);
    CHECK(message.find("cannot write") != std::string::npos);
    CHECK(full.taken <= 20000);
    // The store is as it was, and its read transaction is closed: it takes a write.
    CHECK(store.record(StatusUpdate("wonen-registratie", "CR39", "done", "Afgerond.", Date(2023, 4, 1))));
}
