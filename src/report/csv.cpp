// render_csv: one row per action × scope for spreadsheets. RFC 4180 quoting with
// CRLF line ends; a cell a spreadsheet would read as a formula gets a leading
// apostrophe.
#include <actielijst/report.hpp>

#include "report/i18n.hpp"
#include "report/stream.hpp"

#include <ostream>
#include <string>

namespace actielijst {
namespace {

using report::tr;

std::string cell(std::string_view text) {
    std::string value;
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) value = "'";
    value += text;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void row(std::string& out, std::initializer_list<std::string_view> cells) {
    bool first = true;
    for (auto c : cells) {
        if (!first) out += ',';
        out += cell(c);
        first = false;
    }
    out += "\r\n";
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
    return out;
}

}  // namespace

void render_csv(const Report& r, std::ostream& target) {
    const auto& L = r.language;
    const bool en = L == "en";
    // Rows are gathered in a block and passed on whenever it grows past 16 KiB.
    constexpr std::size_t block = 16384;
    std::string out;
    row(out, {en ? "theme" : "thema", en ? "action" : "actiepunt", en ? "title" : "titel", en ? "goal" : "doel",
              en ? "lead" : "trekker", en ? "support" : "ondersteunend", en ? "overall state" : "stand actiepunt",
              "status", en ? "due" : "gereed", en ? "region code" : "regiocode", en ? "region" : "regio",
              en ? "state" : "stand", en ? "state date" : "datum stand", en ? "state of affairs" : "stand van zaken",
              en ? "open proposals" : "open voorstellen"});
    for (const auto& t : r.themes)
        for (const auto& a : t.actions) {
            std::size_t open = 0;
            for (const auto& p : a.proposals) open += p.state == "open";
            const auto due = a.due ? a.due->iso() : std::string();
            const auto write = [&](const ReportScope* s) {
                const auto date = s && s->as_of ? s->as_of->iso() : std::string();
                row(out, {t.label, a.key, a.title, a.goal, join(a.leads), join(a.supports), a.category_label, a.rag_label,
                          due, s ? s->region : "", s ? s->region_name : "", s ? s->state_label : "", date,
                          s ? s->text : "", std::to_string(open)});
            };
            if (a.scopes.empty()) write(nullptr);
            for (const auto& s : a.scopes) write(&s);
            if (out.size() >= block) {
                report::write_checked(target, out);
                out.clear();
            }
        }
    report::write_checked(target, out);
}

std::string render_csv(const Report& r) {
    return report::collect([&](std::ostream& out) { render_csv(r, out); });
}

}  // namespace actielijst
