// render_csv: one row per action × scope for spreadsheets. RFC 4180 quoting with
// CRLF line ends; a cell a spreadsheet would read as a formula (also one whose
// formula character follows white space, which spreadsheets trim) gets a leading
// apostrophe.
#include <actielijst/report.hpp>

#include "report/escape.hpp"
#include "report/i18n.hpp"
#include "report/stream.hpp"

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace actielijst {
namespace {

using report::tr;

std::string cell(std::string_view text) { return report::csv_cell(text); }

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

/// The overview as a table: one row per action point, one column per region.
void overview_csv(const Report& r, std::string& out) {
    const bool en = r.language == "en";
    std::vector<std::string> header = {en ? "theme" : "thema", en ? "action" : "actiepunt", en ? "title" : "titel"};
    for (const auto& c : r.columns) header.push_back(c.region_name);
    header.push_back("status");
    header.push_back(en ? "overall state" : "stand actiepunt");
    const auto write = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cell(cells[i]);
        out += "\r\n";
    };
    write(header);
    for (const auto& t : r.themes)
        for (const auto& a : t.actions) {
            std::vector<std::string> cells = {t.label, a.key, a.title};
            for (const auto& c : a.cells) cells.push_back(c.label);
            cells.push_back(a.rag_label);
            cells.push_back(a.overall);
            write(cells);
        }
}

}  // namespace

void render_csv(const Report& r, std::ostream& target) {
    const auto& L = r.language;
    const bool en = L == "en";
    // One table a file: the overview when it is asked for without the action points.
    const auto has = [&](std::string_view s) { return std::find(r.sections.begin(), r.sections.end(), s) != r.sections.end(); };
    if (has("overview") && !has("actions")) {
        std::string out;
        overview_csv(r, out);
        report::write_checked(target, out);
        return;
    }
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
                row(out, {t.label, a.key, a.title, a.goal, join(a.leads), join(a.supports), a.overall, a.rag_label,
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
