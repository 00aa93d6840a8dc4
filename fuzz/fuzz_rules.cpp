// libFuzzer target for the rules language (docs/rules.md, docs/fuzzing.md).
//
// The first byte of an input picks what the rest is: 'F', a filter; anything else,
// a rules file. For every input:
//  1. RuleSet::parse (or Filter::parse) with the bundled Limburg data as the
//     vocabulary. Rejection is the normal outcome; the only exception allowed is
//     actielijst::Error, and a rejection must say where (line and column >= 1 and
//     no further than one past the text).
//  2. When it loads: evaluate on the Limburg view twice. Only Error may escape
//     (a well-typed rule can still fail at run time, e.g. on an unset value that is
//     misused); both runs must give the same result (evaluation is deterministic),
//     and findings must come out sorted by severity, alert first.
//     Filters: select() must return a subsequence of the actions in display order.
// Inputs are capped by -max_len; the parser's own limits (1 MiB, nesting 64) bound
// the work per input.
#include <actielijst/error.hpp>
#include <actielijst/rules.hpp>
#include <actielijst/store.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#ifndef ACTIELIJST_SOURCE_DIR
#error "ACTIELIJST_SOURCE_DIR must name the source tree (for the bundled data)"
#endif

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_rules: %s\n%s\n", what, detail.c_str());
    std::abort();
}

const actielijst::View& limburg() {
    static const actielijst::View view = [] {
        std::ifstream in(ACTIELIJST_SOURCE_DIR "/examples/data/limburg.json", std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (!in) fail("cannot read the bundled data", ACTIELIJST_SOURCE_DIR "/examples/data/limburg.json");
        auto store = actielijst::Store::open(":memory:");
        store.import_json(text.str());
        // Well after the data, so the date rules (stale, overdue, old figures) fire.
        return store.view(actielijst::Date(2024, 6, 1));
    }();
    return view;
}

void check_position(const actielijst::RuleError& e, std::string_view text) {
    std::size_t lines = 1;
    for (char c : text) lines += c == '\n';
    if (e.line() < 1 || static_cast<std::size_t>(e.line()) > lines || e.column() < 1 ||
        static_cast<std::size_t>(e.column()) > text.size() + 1)
        fail("a rejection points outside the text", e.what());
}

void rules(std::string_view text) {
    const auto& view = limburg();
    try {
        const auto set = actielijst::RuleSet::parse(text, "fuzz", &view);
        try {
            const auto a = set.evaluate(view);
            const auto b = set.evaluate(view);
            if (a.findings != b.findings || a.statuses != b.statuses) fail("evaluation is not deterministic", "");
            for (std::size_t i = 1; i < a.findings.size(); ++i)
                if (a.findings[i - 1].severity < a.findings[i].severity)
                    fail("findings are not sorted by severity", a.findings[i].rule);
            if (a.statuses.size() != view.actions().size()) fail("not one status per action", "");
            for (const auto& s : a.statuses)
                for (const auto index : s.findings)
                    if (index >= a.findings.size()) fail("a status points past the findings", s.action);
        } catch (const actielijst::Error&) {
        }
    } catch (const actielijst::RuleError& e) {
        check_position(e, text);
    } catch (const actielijst::Error&) {
    }
}

void filter(std::string_view text) {
    const auto& view = limburg();
    try {
        const auto f = actielijst::Filter::parse(text, "fuzz", &view);
        try {
            const auto selected = f.select(view);
            std::size_t next = 0;
            for (const auto* a : selected) {
                while (next < view.actions().size() && &view.actions()[next] != a) ++next;
                if (next == view.actions().size()) fail("select() is not in display order", f.text());
                if (!f.matches(view, a->key())) fail("select() and matches() disagree", a->key());
                ++next;
            }
        } catch (const actielijst::Error&) {
        }
    } catch (const actielijst::RuleError& e) {
        check_position(e, text);
    } catch (const actielijst::Error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    limburg();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] == 'F')
        filter(text);
    else
        rules(text);
    return 0;
}
