// render_html: one self-contained, script-free document with inline CSS (screen and
// A4 print) and inline SVG charts. The markup is XHTML-compatible so a strict XML
// parser can check it; every data text goes through esc().
#include <actielijst/report.hpp>

#include "report/escape.hpp"
#include "report/i18n.hpp"
#include "report/stream.hpp"

#include <algorithm>
#include <ostream>
#include <string_view>
#include <unordered_set>

namespace actielijst {
namespace {

using report::esc;
using report::esc_lines;
using report::tr;

constexpr const char* css = R"(
:root{--ink:#1d2733;--muted:#5b6675;--line:#d5dbe3;--bg:#f6f8fa;--accent:#1f5f99}
*{box-sizing:border-box}
body{font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);line-height:1.45;margin:0 auto;max-width:60rem;padding:2rem 1.5rem;font-size:15px}
h1{font-size:1.8rem;margin:0 0 .3rem;color:var(--accent)}
h2{font-size:1.35rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.1rem;margin:1.6rem 0 .4rem}
h4{font-size:1rem;margin:1rem 0 .3rem}
.meta{color:var(--muted);margin:.2rem 0}
.note{font-size:.85rem;color:var(--muted);border-left:3px solid var(--line);padding-left:.6rem}
nav ol{columns:2;padding-left:1.2rem}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:var(--bg)}
td.date{white-space:nowrap}
table.scopes{table-layout:fixed}
table.scopes thead th:nth-child(1){width:9rem}
table.scopes thead th:nth-child(2){width:7.5rem}
table.scopes thead th:nth-child(3){width:6.5rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.2rem 0}
figure{margin:1rem 0}
figcaption{font-weight:600;margin-bottom:.3rem}
svg{max-width:100%;height:auto}
.action{border:1px solid var(--line);border-radius:6px;padding:.2rem 1rem .6rem;margin:1rem 0;break-inside:avoid-page}
.action h3{margin-top:.8rem}
.key{font-family:ui-monospace,Consolas,monospace;font-size:.8rem;color:var(--muted);font-weight:normal}
.goal{margin:.2rem 0 .3rem}
.facts{margin:.2rem 0 .4rem;font-size:.9rem}
.facts span{display:inline-block;margin-right:1.2rem}
.facts b{color:var(--muted);font-weight:600}
h1,h2,h3,h4,p,li,td,th,figcaption{overflow-wrap:anywhere}
table.overview{font-size:.85rem;table-layout:fixed}
table.overview thead th:first-child{width:32%}
table.overview tr.theme th{background:var(--accent);color:#fff;font-weight:600}
table.overview td{padding:.2rem .35rem}
td.out{background:repeating-linear-gradient(135deg,#fff 0 4px,#f1f3f5 4px 6px)}
td.cat-todo{background:#eceff3;border-left:4px solid #9aa6b2}
td.cat-active{background:#dfeaf6;border-left:4px solid #3d7fc1}
td.cat-blocked{background:#f8dedb;border-left:4px solid #b03a2e}
td.cat-partial{background:#e4f1e8;border-left:4px solid #7fb996}
td.cat-done{background:#d3ebdc;border-left:4px solid #2e7d4f}
td.cat-dropped{background:#efefec;border-left:4px solid #6b7480}
td.cat-none{background:#fff;border-left:4px dashed #c4ccd5}
details{display:inline;font-size:.8rem}
summary{display:inline;cursor:pointer;color:var(--accent)}
details[open]{display:block}
.legend i.unknown{background:repeating-linear-gradient(45deg,#f3f5f7 0 2px,#c4ccd5 2px 4px)}
.rag{display:inline-block;border-radius:3px;padding:0 .45rem;color:#fff;font-size:.8rem;font-weight:600;vertical-align:middle}
.rag-red{background:#b03a2e}.rag-amber{background:#c77c0e}.rag-green{background:#2e7d4f}.rag-grey{background:#7d8793}
.sev-alert{border-left:4px solid #b03a2e}.sev-warning{border-left:4px solid #c77c0e}.sev-info{border-left:4px solid #7d8793}
.signals li.finding{padding-left:.6rem;margin:.4rem 0;list-style:none}
.signals ul{padding-left:0}
.signals ul.reasons{padding-left:1.2rem;font-size:.85rem;color:var(--muted)}
.signals ul.reasons li{list-style:disc}
code{font-family:ui-monospace,Consolas,monospace;font-size:.85em;background:var(--bg);padding:0 .2rem}
.rule{color:var(--muted);font-size:.85rem}
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}
.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle;border:1px solid #0002}
footer{margin-top:3rem;color:var(--muted);font-size:.8rem}
@page{size:A4;margin:12mm 12mm 14mm}
@media print{
html{font-size:11.5px}
body{max-width:none;padding:0;font-size:9pt;line-height:1.3}
nav,details{display:none}
h1{font-size:16pt}
h2{font-size:12.5pt;margin-top:1.2rem}
h3{font-size:10.5pt;margin:.5rem 0 .2rem}
.action{padding:.1rem .6rem .3rem;margin:.5rem 0;border-radius:3px}
table{margin:.3rem 0 .5rem;font-size:8.5pt}
th,td{padding:.15rem .3rem}
table.overview{font-size:8pt}
#overview{break-before:page}
tr,li{break-inside:avoid-page;page-break-inside:avoid}
td.cell,td.out,.rag,.legend i,svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2{break-after:avoid-page;page-break-after:avoid}
h3,h4{break-after:avoid-page;page-break-after:avoid}
table,figure,.action{break-inside:avoid-page;page-break-inside:avoid}
a{color:inherit;text-decoration:none}
}
)";

const char* category_colour(std::string_view c) {
    if (c == "todo") return "#b8c2cc";
    if (c == "active") return "#3d7fc1";
    if (c == "blocked") return "#b03a2e";
    if (c == "partial") return "#7fb996";
    if (c == "done") return "#2e7d4f";
    if (c == "dropped") return "#6b7480";
    return "#e3e7ec";
}

std::string date(const Report& r, const std::optional<Date>& d) { return d ? report::long_date(r.language, *d) : ""; }

/// Stacked horizontal bars: action points per theme by state category.
void state_chart(std::ostream& out, const Report& r) {
    const auto& s = r.summary;
    std::size_t most = 1;
    for (const auto& row : s.themes) {
        std::size_t n = 0;
        for (auto c : row.counts) n += c;
        most = std::max(most, n);
    }
    const int label_w = 160, bar_w = 440, row_h = 30, w = label_w + bar_w + 50;
    const int h = static_cast<int>(s.themes.size()) * row_h + 10;
    out << "<figure><figcaption>" << esc(tr(r.language, "chart_states")) << "</figcaption>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << w << "\" height=\"" << h
        << "\" viewBox=\"0 0 " << w << " " << h << "\"><title>" << esc(tr(r.language, "chart_states")) << "</title>\n";
    int y = 5;
    for (const auto& row : s.themes) {
        out << "<text x=\"0\" y=\"" << y + 19 << "\" font-size=\"13\" fill=\"#1d2733\">" << esc(row.label) << "</text>\n";
        double x = label_w;
        std::size_t total = 0;
        for (std::size_t i = 0; i < row.counts.size(); ++i) {
            total += row.counts[i];
            if (!row.counts[i]) continue;
            const double bw = static_cast<double>(bar_w) * static_cast<double>(row.counts[i]) / static_cast<double>(most);
            out << "<rect x=\"" << x << "\" y=\"" << y + 4 << "\" width=\"" << bw << "\" height=\"20\" fill=\""
                << category_colour(s.categories[i]) << "\"><title>" << esc(s.category_labels[i]) << ": " << row.counts[i]
                << "</title></rect>\n";
            if (bw >= 14)
                out << "<text x=\"" << x + bw / 2 << "\" y=\"" << y + 18 << "\" font-size=\"11\" text-anchor=\"middle\" fill=\""
                    << (s.categories[i] == "todo" || s.categories[i] == "none" || s.categories[i] == "partial" ? "#1d2733"
                                                                                                  : "#ffffff")
                << "\">"
                    << row.counts[i] << "</text>\n";
            x += bw;
        }
        out << "<text x=\"" << x + 6 << "\" y=\"" << y + 19 << "\" font-size=\"12\" fill=\"#5b6675\">" << total
            << "</text>\n";
        y += row_h;
    }
    out << "</svg>\n<p class=\"legend\">";
    for (std::size_t i = 0; i < s.categories.size(); ++i)
        out << "<span><i style=\"background:" << category_colour(s.categories[i]) << "\"></i>" << esc(s.category_labels[i])
            << "</span>";
    out << "</p></figure>\n";
}

/// Colour of a level of an ordinal indicator: the highest darkest, the lowest palest.
std::string level_colour(std::size_t rank_from_top, std::size_t levels) {
    static constexpr const char* blues[] = {"#1f5f99", "#4f86bd", "#86acd4", "#b9cfe6", "#dbe6f2"};
    if (levels <= 1) return blues[0];
    const std::size_t i = rank_from_top * 4 / (levels - 1);
    return blues[i > 4 ? 4 : i];
}

/// Per region and ordinal indicator: a bar of all its municipalities, stacked by the
/// level each is at, with those no figure places shown as unknown (hatched), and
/// the counts in words beneath.
void coverage_chart(std::ostream& out, const Report& r) {
    if (r.coverage.empty()) return;
    const auto& L = r.language;
    const int label_w = 200, bar_w = 420, row_h = 46, w = label_w + bar_w + 20;
    const int h = static_cast<int>(r.coverage.size()) * row_h + 10;
    out << "<figure><figcaption>" << esc(tr(L, "chart_coverage")) << "</figcaption>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << w << "\" height=\"" << h
        << "\" viewBox=\"0 0 " << w << " " << h << "\"><title>" << esc(tr(L, "chart_coverage")) << "</title>\n"
        << "<defs><pattern id=\"coverage-unknown\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
           "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f3f5f7\"/>"
           "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c4ccd5\" stroke-width=\"2\"/></pattern></defs>\n";
    int y = 5;
    for (const auto& c : r.coverage) {
        const double n = static_cast<double>(c.rollup.municipalities);
        out << "<text x=\"0\" y=\"" << y + 14 << "\" font-size=\"12\" fill=\"#1d2733\">" << esc(c.region_name)
            << "</text>\n<text x=\"0\" y=\"" << y + 28 << "\" font-size=\"10\" fill=\"#5b6675\">"
            << esc(c.indicator_label) << "</text>\n";
        double x = label_w;
        for (std::size_t i = 0; i < c.levels.size(); ++i) {
            const auto& level = c.levels[i];
            if (!level.count) continue;
            const double bw = bar_w * static_cast<double>(level.count) / n;
            const auto colour = level_colour(i, c.levels.size());
            out << "<rect x=\"" << x << "\" y=\"" << y + 2 << "\" width=\"" << bw << "\" height=\"20\" fill=\""
                << colour << "\"><title>" << esc(level.level_label) << ": " << level.count << "</title></rect>\n";
            if (bw >= 14)
                out << "<text x=\"" << x + bw / 2 << "\" y=\"" << y + 16 << "\" font-size=\"11\" text-anchor=\"middle\" fill=\""
                    << (i * 2 < c.levels.size() ? "#ffffff" : "#1d2733") << "\">" << level.count << "</text>\n";
            x += bw;
        }
        if (c.unknown) {
            const double bw = bar_w * static_cast<double>(c.unknown) / n;
            out << "<rect x=\"" << x << "\" y=\"" << y + 2 << "\" width=\"" << bw
                << "\" height=\"20\" fill=\"url(#coverage-unknown)\" stroke=\"#c4ccd5\"><title>" << esc(tr(L, "w_none")) << ": "
                << c.unknown << "</title></rect>\n";
            if (bw >= 14)
                out << "<text x=\"" << x + bw / 2 << "\" y=\"" << y + 16
                    << "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6675\">" << c.unknown << "</text>\n";
        }
        out << "<text x=\"" << label_w << "\" y=\"" << y + 36 << "\" font-size=\"10\" fill=\"#5b6675\">"
            << esc(c.words) << "</text>\n";
        y += row_h;
    }
    out << "</svg>\n<p class=\"legend\">";
    // The legend names the levels of the first indicator charted, highest first.
    const auto& first = r.coverage.front();
    for (std::size_t i = 0; i < first.levels.size(); ++i)
        out << "<span><i style=\"background:" << level_colour(i, first.levels.size()) << "\"></i>"
            << esc(first.levels[i].level_label) << "</span>";
    out << "<span><i class=\"unknown\"></i>" << esc(tr(L, "w_none")) << "</span></p></figure>\n";
}

void summary(std::ostream& out, const Report& r) {
    const auto& s = r.summary;
    const auto& L = r.language;
    out << "<section id=\"summary\">\n<h2>" << esc(tr(L, "summary")) << "</h2>\n<p>"
        << esc(report::fill(tr(L, "count_line"), {std::to_string(s.actions), std::to_string(s.statuses),
                                                  std::to_string(s.open_proposals)}))
        << "<br/>"
        << esc(report::fill(tr(L, "rag_counts"), {std::to_string(s.rag[3]), std::to_string(s.rag[2]),
                                                  std::to_string(s.rag[1]), std::to_string(s.rag[0])}))
        << "<br/>"
        << esc(report::fill(tr(L, "signal_counts"), {std::to_string(s.findings[2]), std::to_string(s.findings[1]),
                                                     std::to_string(s.findings[0])}))
        << "</p>\n<table>\n<thead><tr><th scope=\"col\">" << esc(tr(L, "theme")) << "</th>";
    for (const auto& c : s.category_labels) out << "<th scope=\"col\" class=\"num\">" << esc(c) << "</th>";
    out << "<th scope=\"col\" class=\"num\">" << esc(tr(L, "total")) << "</th></tr></thead>\n<tbody>\n";
    std::vector<std::size_t> totals(s.categories.size(), 0);
    for (const auto& row : s.themes) {
        out << "<tr><th scope=\"row\">" << esc(row.label) << "</th>";
        std::size_t t = 0;
        for (std::size_t i = 0; i < row.counts.size(); ++i) {
            out << "<td class=\"num\">" << row.counts[i] << "</td>";
            t += row.counts[i];
            totals[i] += row.counts[i];
        }
        out << "<td class=\"num\">" << t << "</td></tr>\n";
    }
    out << "</tbody>\n<tfoot><tr><th scope=\"row\">" << esc(tr(L, "total")) << "</th>";
    for (auto t : totals) out << "<td class=\"num\">" << t << "</td>";
    out << "<td class=\"num\">" << s.actions << "</td></tr></tfoot>\n</table>\n";
    state_chart(out, r);
    coverage_chart(out, r);
    out << "</section>\n";
}

/// The overview: one row per action point, grouped by theme, one column per region,
/// each cell the state there in words and colour, then the action's status.
void overview(std::ostream& out, const Report& r) {
    const auto& L = r.language;
    out << "<section id=\"overview\">\n<h2>" << esc(tr(L, "overview")) << "</h2>\n";
    std::size_t n = 0;
    for (const auto& t : r.themes) n += t.actions.size();
    if (!n) {
        out << "<p>" << esc(tr(L, "no_actions")) << "</p>\n</section>\n";
        return;
    }
    out << "<p class=\"note\">" << esc(tr(L, "overview_intro")) << "</p>\n<table class=\"overview\">\n<thead><tr><th scope=\"col\">"
        << esc(tr(L, "action")) << "</th>";
    for (const auto& c : r.columns) out << "<th scope=\"col\">" << esc(c.region_name) << "</th>";
    out << "<th scope=\"col\">" << esc(tr(L, "status")) << "</th></tr></thead>\n";
    const auto span = r.columns.size() + 2;
    for (const auto& t : r.themes) {
        if (t.actions.empty()) continue;
        out << "<tbody>\n<tr class=\"theme\"><th scope=\"rowgroup\" colspan=\"" << span << "\">" << esc(t.label)
            << "</th></tr>\n";
        for (const auto& a : t.actions) {
            out << "<tr><th scope=\"row\"><a href=\"#a-" << esc(a.key) << "\">" << esc(a.title) << "</a>";
            if (a.reference != a.title) out << " <span class=\"key\">" << esc(a.key) << "</span>";
            out << "</th>";
            for (std::size_t i = 0; i < a.cells.size();) {
                const auto& c = a.cells[i];
                if (!c.in_scope && c.label.empty()) {
                    // Outside the action (the intro says what an empty cell means): a run of
                    // such cells is one, so a sparse row of a long list stays small.
                    std::size_t run = 1;
                    while (i + run < a.cells.size() && !a.cells[i + run].in_scope && a.cells[i + run].label.empty()) ++run;
                    out << "<td class=\"out\"";
                    if (run > 1) out << " colspan=\"" << run << "\"";
                    out << "></td>";
                    i += run;
                    continue;
                }
                out << "<td class=\"cell cat-" << esc(c.category.empty() ? "none" : c.category) << "\">"
                    << esc(c.label.empty() ? tr(L, "none") : c.label) << "</td>";
                ++i;
            }
            out << "<td><span class=\"rag rag-" << esc(a.rag) << "\">" << esc(a.rag_label) << "</span></td></tr>\n";
        }
        out << "</tbody>\n";
    }
    out << "</table>\n</section>\n";
}

void proposal_item(std::ostream& out, const Report& r, const ReportProposal& p, bool with_action) {
    out << "<li><strong>" << esc(p.kind_label) << " " << esc(p.key) << "</strong> (" << esc(p.state_label);
    if (p.decided) out << ", " << esc(date(r, p.decided));
    out << ")";
    if (with_action)
        out << " — <a href=\"#a-" << esc(p.action) << "\">" << esc(p.action_title) << "</a>";
    out << ": " << esc_lines(p.text) << "</li>\n";
}

void decisions(std::ostream& out, const Report& r) {
    out << "<section id=\"decisions\">\n<h2>" << esc(tr(r.language, "decisions")) << "</h2>\n";
    if (r.decisions.empty()) {
        out << "<p>" << esc(tr(r.language, "no_decisions")) << "</p>\n";
    } else {
        out << "<ul>\n";
        for (const auto& p : r.decisions) proposal_item(out, r, p, true);
        out << "</ul>\n";
    }
    out << "</section>\n";
}

void signals(std::ostream& out, const Report& r) {
    const auto& L = r.language;
    out << "<section id=\"signals\" class=\"signals\">\n<h2>" << esc(tr(L, "signals")) << "</h2>\n";
    if (r.signals.empty()) out << "<p>" << esc(tr(L, "no_signals")) << "</p>\n";
    std::string current;
    for (const auto& f : r.signals) {
        if (f.severity != current) {
            if (!current.empty()) out << "</ul>\n";
            current = f.severity;
            out << "<h3>" << esc(f.severity_label) << "</h3>\n<ul>\n";
        }
        out << "<li class=\"finding sev-" << esc(f.severity) << "\"><p>" << esc(f.message) << " <span class=\"rule\">("
            << esc(tr(L, "rule")) << " <code>" << esc(f.rule) << "</code>";
        if (!f.action.empty()) out << "; <a href=\"#a-" << esc(f.action) << "\">" << esc(f.action_title) << "</a>";
        if (!f.region.empty()) out << "; " << esc(f.region_name);
        out << ")</span></p>";
        if (!f.reasons.empty()) {
            // The reasons in words; the rule's own expression stays one click away.
            out << "\n<ul class=\"reasons\">";
            for (std::size_t i = 0; i < f.reasons.size(); ++i) {
                const auto& reason = f.reasons[i];
                const std::string words = i < f.reason_words.size() ? f.reason_words[i] : std::string();
                out << "<li>";
                if (!words.empty())
                    out << esc(words) << " <details><summary>" << esc(tr(L, "explain")) << "</summary><code>"
                        << esc(reason.expression) << "</code>: " << esc(reason.detail) << "</details>";
                else
                    out << "<code>" << esc(reason.expression) << "</code>: " << esc(reason.detail);
                out << "</li>";
            }
            out << "</ul>";
        }
        out << "</li>\n";
    }
    if (!current.empty()) out << "</ul>\n";
    out << "</section>\n";
}

void changes(std::ostream& out, const Report& r) {
    const auto& L = r.language;
    out << "<section id=\"changes\">\n<h2>" << esc(tr(L, "changes")) << "</h2>\n";
    if (!r.changes_from) {
        out << "<p>" << esc(tr(L, "no_comparison")) << "</p>\n";
    } else if (r.changes.empty()) {
        out << "<p>" << esc(report::fill(tr(L, "no_changes"), {date(r, r.changes_from)})) << "</p>\n";
    } else {
        out << "<p>" << esc(report::fill(tr(L, "changes_since"), {date(r, r.changes_from), r.as_of_text})) << "</p>\n"
            << "<table>\n<thead><tr><th scope=\"col\">" << esc(tr(L, "what")) << "</th><th scope=\"col\">"
            << esc(tr(L, "kind")) << "</th><th scope=\"col\">" << esc(tr(L, "region")) << "</th><th scope=\"col\">"
            << esc(tr(L, "before")) << "</th><th scope=\"col\">" << esc(tr(L, "after")) << "</th></tr></thead>\n<tbody>\n";
        for (const auto& c : r.changes)
            out << "<tr><td><strong>" << esc(c.subject) << "</strong><br/><span class=\"rule\">"
                << esc(tr(L, "c_" + c.what)) << "</span></td><td>" << esc(c.kind_label) << "</td><td>"
                << esc(c.region_name) << "</td><td>" << esc_lines(c.before) << "</td><td>" << esc_lines(c.after)
                << "</td></tr>\n";
        out << "</tbody>\n</table>\n";
    }
    out << "</section>\n";
}

/// The keys of the actions that have a card in the report.
using Cards = std::unordered_set<std::string_view>;

void action(std::ostream& out, const Report& r, const ReportAction& a, const Cards& cards) {
    const auto& L = r.language;
    out << "<article class=\"action\" id=\"a-" << esc(a.key) << "\">\n<h3>" << esc(a.title) << " <span class=\"rag rag-"
        << esc(a.rag) << "\">" << esc(a.rag_label) << "</span> <span class=\"key\">" << esc(a.key) << "</span></h3>\n"
        << "<p class=\"goal\">" << esc_lines(a.goal) << "</p>\n<p class=\"facts\"><span><b>" << esc(tr(L, "state"))
        << ":</b> " << esc(a.overall) << "</span>";
    if (!a.rag_rules.empty()) {
        out << " <span><b>" << esc(tr(L, "status")) << ":</b> " << esc(a.rag_label) << " (";
        for (std::size_t i = 0; i < a.rag_rules.size(); ++i) out << (i ? ", " : "") << "<code>" << esc(a.rag_rules[i]) << "</code>";
        out << ")</span>";
    }
    if (a.due) {
        out << " <span><b>" << esc(tr(L, "due")) << ":</b> " << esc(date(r, a.due));
        if (a.due_moves) out << " (" << esc(report::fill(tr(L, "due_moved"), {std::to_string(a.due_moves)})) << ")";
        out << "</span>";
    }
    if (!a.leads.empty() || !a.supports.empty()) {
        out << " <span><b>" << esc(tr(L, "owners")) << ":</b> ";
        bool first = true;
        for (const auto& n : a.leads) {
            out << (first ? "" : ", ") << esc(n) << " (" << esc(tr(L, "lead")) << ")";
            first = false;
        }
        for (const auto& n : a.supports) {
            out << (first ? "" : ", ") << esc(n) << " (" << esc(tr(L, "support")) << ")";
            first = false;
        }
        out << "</span>";
    }
    out << "</p>\n";
    out << "<table class=\"scopes\">\n<thead><tr><th scope=\"col\">" << esc(tr(L, "region")) << "</th><th scope=\"col\">"
        << esc(tr(L, "state")) << "</th><th scope=\"col\">" << esc(tr(L, "date")) << "</th><th scope=\"col\">"
        << esc(tr(L, "text")) << "</th></tr></thead>\n<tbody>\n";
    for (const auto& s : a.scopes) {
        out << "<tr><th scope=\"row\">" << esc(s.region_name);
        if (!s.parent_name.empty()) out << "<br/><span class=\"rule\">" << esc(s.parent_name) << "</span>";
        out << "</th>";
        if (s.state.empty())
            out << "<td colspan=\"3\"><em>" << esc(tr(L, "no_status")) << "</em></td>";
        else
            out << "<td>" << esc(s.state_label) << "</td><td class=\"date\">" << esc(date(r, s.as_of)) << "</td><td>" << esc_lines(s.text)
                << "</td>";
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
    if (!a.rollups.empty()) {
        out << "<h4>" << esc(tr(L, "rollups")) << "</h4>\n<ul>\n";
        for (const auto& ru : a.rollups)
            out << "<li>" << esc(ru.indicator_label) << ", " << esc(ru.region_name) << ": " << esc(ru.words) << "</li>\n";
        out << "</ul>\n";
    }
    if (!a.proposals.empty()) {
        out << "<h4>" << esc(tr(L, "proposals")) << "</h4>\n<ul>\n";
        for (const auto& p : a.proposals) proposal_item(out, r, p, false);
        out << "</ul>\n";
    }
    if (!a.see_also.empty()) {
        out << "<p><strong>" << esc(tr(L, "see_also")) << ":</strong> ";
        for (std::size_t i = 0; i < a.see_also.size(); ++i) {
            const auto& ref = a.see_also[i];
            const auto& name = ref.title.empty() ? ref.action : ref.title;
            // A link only to a card the report holds: a selection (a filter, a scoped
            // View) may name an action it leaves out.
            if (cards.count(ref.action))
                out << (i ? ", " : "") << "<a href=\"#a-" << esc(ref.action) << "\">" << esc(name) << "</a>";
            else
                out << (i ? ", " : "") << esc(name);
        }
        out << "</p>\n";
    }
    out << "</article>\n";
}

void actions(std::ostream& out, const Report& r) {
    // Each theme is a level-2 heading of its own, so the section has none when it has themes.
    out << "<section id=\"actions\">\n";
    Cards cards;
    for (const auto& t : r.themes)
        for (const auto& a : t.actions) cards.insert(a.key);
    std::size_t n = 0;
    for (const auto& t : r.themes) {
        if (t.actions.empty()) continue;
        out << "<section class=\"theme\" id=\"t-" << esc(t.key) << "\">\n<h2>" << esc(t.label) << "</h2>\n";
        for (const auto& a : t.actions) action(out, r, a, cards);
        out << "</section>\n";
        n += t.actions.size();
    }
    if (!n) out << "<h2>" << esc(tr(r.language, "actions")) << "</h2>\n<p>" << esc(tr(r.language, "no_actions")) << "</p>\n";
    out << "</section>\n";
}

void monitoring(std::ostream& out, const Report& r) {
    const auto& L = r.language;
    out << "<section id=\"monitoring\">\n<h2>" << esc(tr(L, "monitoring")) << "</h2>\n";
    if (r.monitoring.empty()) {
        out << "<p>" << esc(tr(L, "no_monitoring")) << "</p>\n";
    } else {
        out << "<table>\n<thead><tr><th scope=\"col\">" << esc(tr(L, "indicator")) << "</th><th scope=\"col\">"
            << esc(tr(L, "region")) << "</th><th scope=\"col\">" << esc(tr(L, "value")) << "</th><th scope=\"col\">"
            << esc(tr(L, "date")) << "</th><th scope=\"col\" class=\"num\">" << esc(tr(L, "age"))
            << "</th><th scope=\"col\">" << esc(tr(L, "note")) << "</th></tr></thead>\n<tbody>\n";
        for (const auto& o : r.monitoring) {
            out << "<tr><td>" << esc(o.indicator_label) << "</td><td>" << esc(o.region_name) << "</td><td>" << esc(o.value)
                << "</td><td class=\"date\">" << esc(report::long_date(L, o.as_of)) << "</td><td class=\"num date\">"
                << esc(report::fill(tr(L, "age_days"), {report::integer(L, o.age_days)})) << "</td><td>" << esc_lines(o.note);
            if (!o.source.empty()) out << "<br/><span class=\"rule\">" << esc(tr(L, "source")) << ": " << esc(o.source) << "</span>";
            out << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    if (!r.contacts.empty()) {
        out << "<h3>" << esc(tr(L, "contacts")) << "</h3>\n<table>\n<thead><tr><th scope=\"col\">"
            << esc(tr(L, "municipality")) << "</th><th scope=\"col\">" << esc(tr(L, "role")) << "</th><th scope=\"col\">"
            << esc(tr(L, "name")) << "</th><th scope=\"col\">" << esc(tr(L, "email")) << "</th></tr></thead>\n<tbody>\n";
        for (const auto& c : r.contacts)
            out << "<tr><td>" << esc(c.municipality_name) << "</td><td>" << esc(c.role) << "</td><td>" << esc(c.name)
                << "</td><td>" << esc(c.email) << "</td></tr>\n";
        out << "</tbody>\n</table>\n";
    }
    out << "</section>\n";
}

bool has(const Report& r, std::string_view s) {
    for (const auto& x : r.sections)
        if (x == s) return true;
    return false;
}

}  // namespace

void render_html(const Report& r, std::ostream& target) {
    const auto& L = r.language;
    report::Output out(target);
    out << "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" << esc(L) << "\" xml:lang=\"" << esc(L)
        << "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n"
        << "<title>" << esc(r.title) << " — " << esc(r.as_of_text) << "</title>\n<style>" << css << "</style>\n</head>\n<body>\n"
        << "<header>\n<h1>" << esc(r.title) << "</h1>\n<p class=\"meta\">"
        << esc(report::fill(tr(L, "as_of"), {r.as_of_text}));
    if (!r.meeting.empty())
        out << " · " << esc(tr(L, "meeting")) << ": " << esc(r.meeting_title.empty() ? r.meeting : r.meeting_title) << " ("
            << esc(date(r, r.meeting_date)) << ")";
    if (!r.filter.empty()) out << " · " << esc(tr(L, "filter")) << ": <code>" << esc(r.filter) << "</code>";
    out << "</p>\n";
    if (!r.as_of_note.empty()) out << "<p class=\"note\">" << esc_lines(r.as_of_note) << "</p>\n";
    out << "</header>\n<nav>\n<h2>" << esc(tr(L, "contents")) << "</h2>\n<ol>\n";
    for (const auto& s : r.sections) out << "<li><a href=\"#" << s << "\">" << esc(tr(L, s)) << "</a></li>\n";
    out << "</ol>\n</nav>\n<main>\n";
    if (has(r, "summary")) summary(out, r);
    if (has(r, "overview")) overview(out, r);
    if (has(r, "decisions")) decisions(out, r);
    if (has(r, "signals")) signals(out, r);
    if (has(r, "changes")) changes(out, r);
    if (has(r, "actions")) actions(out, r);
    if (has(r, "monitoring")) monitoring(out, r);
    out << "</main>\n<footer><p>" << esc(tr(L, "footer")) << "</p></footer>\n</body>\n</html>\n";
    out.finish();
}

std::string render_html(const Report& r) {
    return report::collect([&](std::ostream& out) { render_html(r, out); });
}

}  // namespace actielijst
