// Hostile documents: every one gets a clear, bounded error and nothing else.
#include "support.hpp"

using namespace actielijst;

namespace {

std::string doc(const std::string& body) {
    return "{\"format\": \"actielijst\", \"format_version\": 1, " + body + "}";
}

std::string parse_error(const std::string& json) {
    return test::error_of([&] { (void)parse_json(json); });
}

bool valid_utf8(const std::string& s) {
    // Decoding with the library's own rule would be circular; count continuation bytes instead.
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

}  // namespace

TEST_CASE("errors: a number out of range is invalid input, not an internal error") {
    const auto msg = parse_error(doc("\"meta\": {\"x\": 1e400}"));
    CHECK(msg.find("not valid JSON") == 0);
    CHECK(msg.find("overflow") != std::string::npos);
}

TEST_CASE("errors: a whole number beyond 2^53 is refused rather than rounded") {
    const auto msg = parse_error(doc("\"observations\": [{\"indicator\": \"n\", \"region\": \"PV31\", \"as_of\": "
                                     "\"2024-01-01\", \"value\": 9007199254740993}]"));
    CHECK(msg.find("observations[0].value: whole number too large") == 0);
}

TEST_CASE("errors: an object with more than 256 members is refused while parsing") {
    std::string meta;
    for (int i = 0; i < 300; ++i) meta += (i ? ",\"k" : "\"k") + std::to_string(i) + "\": \"v\"";
    const auto msg = parse_error(doc("\"meta\": {" + meta + "}"));
    CHECK(msg.find("meta: more than 256 members in one object") == 0);
}

TEST_CASE("errors: messages stay short and valid UTF-8 whatever the input") {
    const std::string huge(1 << 20, 'x');
    const auto unknown = parse_error(doc("\"" + huge + "\": 1"));
    CHECK(unknown.size() < 400);
    const auto unterminated = parse_error("{\"format\": \"" + huge);
    CHECK(unterminated.size() < 400);
    std::string accents;
    for (int i = 0; i < 100; ++i) accents += "\xC3\xA9";  // é
    const auto kind = parse_error(doc("\"regions\": [{\"code\": \"PV31\", \"name\": \"L\", \"kind\": \"a" + accents + "\"}]"));
    CHECK(kind.find("regions[0].kind: expected one of") == 0);
    CHECK(valid_utf8(kind));
    const auto nul_key = parse_error(doc("\"themes\": [{\"\\u0000evil\": 1}]"));
    CHECK(nul_key.find("themes[0].\"\\x00evil\": unknown member") == 0);
}
