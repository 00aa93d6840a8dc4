// The limits of a JSON import (docs/json-format.md, "Limits"): an entry past one is
// refused while it is read, with an error that names the place; what the format
// cannot use is not held; the error order stays that of a check of the whole tree;
// and nothing of a refused document is stored.
#include "support.hpp"

#include <sstream>
#include <string>

using namespace actielijst;

namespace {

std::string doc(const std::string& body) {
    return "{\"format\": \"actielijst\", \"format_version\": 1, " + body + "}";
}

/// `n` copies of `item`, comma-separated.
std::string repeat(const std::string& item, std::size_t n) {
    std::string out;
    out.reserve(n * (item.size() + 1));
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ',';
        out += item;
    }
    return out;
}

/// `n` distinct region codes in quotes: "R0","R1",...
std::string codes(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? ",\"R" : "\"R") + std::to_string(i) + "\"";
    return out;
}

std::string action(const std::string& key, const std::string& extra = "") {
    return "{\"key\": \"" + key + "\", \"theme\": \"wonen\", \"title\": \"T\", \"goal\": \"G\"" +
           (extra.empty() ? "" : ", " + extra) + "}";
}

/// The error of parse_json, from the string and from a stream: the two must agree.
std::string parse_error(const std::string& json) {
    const std::string from_text = test::error_of([&] { (void)parse_json(json); });
    std::istringstream in(json);
    const std::string from_stream = test::error_of([&] { (void)parse_json(in); });
    CHECK(from_text == from_stream);
    return from_text;
}

}  // namespace

TEST_CASE("json limits: an array inside an entry holds at most 10000 elements") {
    const auto at_limit = parse_json(doc("\"actions\": [" + action("a", "\"scope\": [" + codes(10000) + "]") + "]"));
    CHECK(at_limit.actions.at(0).scope().size() == 10000);

    CHECK(parse_error(doc("\"actions\": [" + action("a") + ", " +
                          action("b", "\"scope\": [" + repeat("\"GM1\"", 10001) + "]") + "]")) ==
          "actions[1].scope: more than 10000 elements in one array (the limit)");
    // Whatever the elements are, and in any list.
    CHECK(parse_error(doc("\"regions\": [{\"code\": \"PV31\", \"aliases\": [" + repeat("0", 20000) + "]}]")) ==
          "regions[0].aliases: more than 10000 elements in one array (the limit)");
    CHECK(parse_error(doc("\"actions\": [" + action("a", "\"owners\": [" + repeat("{}", 10001) + "]") + "]")) ==
          "actions[0].owners: more than 10000 elements in one array (the limit)");
}

TEST_CASE("json limits: an entry holds at most 100000 values, at any depth") {
    // 10 arrays of 10,000 numbers: every array within its limit, the entry past its own.
    const std::string block = "[" + repeat("0", 10000) + "]";
    CHECK(parse_error(doc("\"actions\": [" + action("a", "\"x\": [" + repeat(block, 10) + "]") + "]")) ==
          "actions[0]: more than 100000 values in one entry (the limit)");
    // Nested arrays up to the depth limit count too.
    const std::string deep = "[[[[[[[[[[0]]]]]]]]]]";
    CHECK(parse_error(doc("\"updates\": [[" + repeat(deep, 9999) + "]]")) ==
          "updates[0]: more than 100000 values in one entry (the limit)");
    // An entry just within both limits is read (and refused for what it is).
    CHECK(parse_error(doc("\"actions\": [" + action("a", "\"x\": [" + repeat(block, 9) + "]") + "]")) ==
          "actions[0].x: unknown member (a typo?)");
}

TEST_CASE("json limits: an entry past a limit is reported in the order of a whole-tree check") {
    const std::string big_scope = "\"scope\": [" + repeat("\"GM1\"", 10001) + "]";
    // An earlier list's error comes first, wherever it stands in the text.
    CHECK(parse_error(doc("\"actions\": [" + action("a", big_scope) + "], \"themes\": [{\"key\": \"\"}]"))
              .rfind("themes[0].", 0) == 0);
    // An earlier entry's error in the same list comes first.
    CHECK_STARTS(parse_error(doc("\"actions\": [{\"key\": \"a\"}, " + action("b", big_scope) + "]")),
                 "actions[0].");
    // The limit comes before the entry's other errors (it is not built to find them).
    CHECK(parse_error(doc("\"actions\": [{\"bogus\": 1, " + big_scope + "}]")) ==
          "actions[0].scope: more than 10000 elements in one array (the limit)");
    // A later list's error does not.
    CHECK(parse_error(doc("\"actions\": [" + action("a", big_scope) + "], \"updates\": [1]")) ==
          "actions[0].scope: more than 10000 elements in one array (the limit)");
    // Syntax anywhere comes first: the rest of a refused entry is still read.
    CHECK(parse_error(doc("\"actions\": [" + action("a", big_scope + ", \"x\": [1 2]") + "]")).rfind("not valid JSON", 0) ==
          0);
    CHECK(parse_error(doc("\"actions\": [" + action("a", big_scope) + "], \"updates\": [}")).rfind("not valid JSON", 0) ==
          0);
    // So do duplicate members inside the rest of a refused entry.
    CHECK(parse_error(doc("\"actions\": [" + action("a", big_scope + ", \"x\": {\"k\": 1, \"k\": 2}") + "]")) ==
          "actions[0].x.k: duplicate member \"k\" in one object");
}

TEST_CASE("json limits: members the format cannot use are held as their type only") {
    // Past both limits of an entry, were it held.
    const std::string zeros = "[" + repeat("0", 120000) + "]";
    CHECK(parse_error(doc("\"junk\": " + zeros)) == "document.junk: unknown member (a typo?)");
    CHECK(parse_error(doc("\"junk\": {\"a\": " + zeros + "}")) == "document.junk: unknown member (a typo?)");
    CHECK(parse_error(doc("\"meta\": {\"title\": \"T\", \"x\": " + zeros + "}")) ==
          "meta.x: expected a string or a boolean, got an array");
    CHECK(parse_error(doc("\"meta\": " + zeros)) == "meta: expected an object, got an array");
    CHECK(parse_error("{\"format\": " + zeros + ", \"format_version\": 1}") ==
          "document.format: expected a string, got an array");
    CHECK(parse_error(doc("\"actions\": {\"a\": " + zeros + "}")) == "actions: expected an array, got an object");
    CHECK(parse_error(zeros) == "document: expected an object, got an array");
    // Scalars of meta are still read whole.
    const auto d = parse_json(doc("\"meta\": {\"title\": \"Actielijst\", \"inferred\": true}"));
    REQUIRE(d.meta.size() == 2);
    CHECK(d.meta[0].key == "title");
}

TEST_CASE("json limits: a long list of small entries is no entry past a limit") {
    // 30,000 entries, each small: a list itself has no length limit.
    std::string updates;
    const std::string one = "{\"action\": \"a\", \"scope\": \"PV31\", \"state\": \"done\", \"text\": \"t\", "
                            "\"as_of\": \"2023-01-01\"}";
    const auto d = parse_json(doc("\"updates\": [" + repeat(one, 30000) + "]"));
    CHECK(d.updates.size() == 30000);
}

TEST_CASE("json limits: nothing of a refused document is stored") {
    test::TempDir dir;
    auto store = Store::open(dir.file("s.db"));
    store.import_json(test::limburg_json());
    const std::string before = to_json(store.dump(true));
    const std::string refused =
        doc("\"themes\": [{\"key\": \"nieuw\", \"label\": {\"nl\": \"Nieuw\"}}], \"actions\": [" +
            action("nieuw1", "\"scope\": [" + repeat("\"GM0983\"", 10001) + "]") + "]");
    CHECK(test::error_of([&] { store.import_json(refused); }) ==
          "actions[0].scope: more than 10000 elements in one array (the limit)");
    std::istringstream in(refused);
    CHECK(test::error_of([&] { store.import_json(in); }) ==
          "actions[0].scope: more than 10000 elements in one array (the limit)");
    CHECK(to_json(store.dump(true)) == before);
}
