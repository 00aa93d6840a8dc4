// The decision list's renderers: HTML (self-contained, script-free, XHTML syntax,
// A4 print), Markdown, CSV (RFC 4180, formula-safe) and JSON. Every data text is
// escaped for its format; the layout follows the report's (html.cpp and friends).
#include <actielijst/decision_list.hpp>

#include "report/decision_list_text.hpp"
#include "report/escape.hpp"
#include "report/i18n.hpp"
#include "report/stream.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>

namespace actielijst {
namespace {

using report::esc;
using report::esc_lines;
using report::md;

std::string tr(const DecisionList& l, std::string_view key) { return std::string(decision_list::text(l.language, key)); }

std::string date_text(const DecisionList& l, const std::optional<Date>& d) {
    return d ? report::long_date(l.language, *d) : std::string();
}

std::string join(const std::vector<std::string>& names, std::string_view separator = ", ") {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : std::string(separator)) + n;
    return out;
}

std::string owners(const DecisionList& l, const DecisionListAction& a) {
    std::string out;
    for (const auto& n : a.leads) out += (out.empty() ? "" : ", ") + n + " (" + tr(l, "lead") + ")";
    for (const auto& n : a.supports) out += (out.empty() ? "" : ", ") + n + " (" + tr(l, "support") + ")";
    return out;
}

std::string meeting_name(const DecisionList& l, const DecisionListProposal& p) {
    if (p.meeting.empty()) return {};
    if (p.at_meeting) return tr(l, "at_meeting");
    return p.meeting_title.empty() ? p.meeting : p.meeting_title;
}

/// "aangenomen, 12 april 2023, in deze vergadering"
std::string proposal_detail(const DecisionList& l, const DecisionListProposal& p) {
    std::string out = p.state_label;
    if (p.date) out += ", " + date_text(l, p.date);
    const auto m = meeting_name(l, p);
    if (!m.empty()) out += ", " + m;
    return out;
}

std::string moved_text(const DecisionList& l, const DecisionListDeadline& d) {
    return d.moves ? report::fill(tr(l, "moved_times"), {std::to_string(d.moves)}) : std::string();
}

/// "nieuwe deadline" when there was none, else "verschoven" or "2 keer verschoven".
std::string deadline_kind(const DecisionList& l, const DecisionListDeadline& d) {
    if (!d.from) return tr(l, "new_deadline");
    return d.moves ? moved_text(l, d) : tr(l, "moved");
}

std::string due_text(const DecisionList& l, const std::optional<Date>& d) {
    return d ? report::long_date(l.language, *d) : tr(l, "no_due");
}

std::string meeting_line(const DecisionList& l) {
    return (l.meeting_title.empty() ? l.meeting : l.meeting_title) + " (" + l.meeting_date_text + ")";
}

std::string previous_line(const DecisionList& l) {
    if (l.previous_meeting.empty()) return {};
    return (l.previous_meeting_title.empty() ? l.previous_meeting : l.previous_meeting_title) + " (" +
           date_text(l, l.previous_meeting_date) + ")";
}

/// The open item's detail: the proposal text, the due date, or the stalled scopes.
std::string item_text(const DecisionList& l, const DecisionListOpenItem& i) {
    if (i.due) return report::fill(tr(l, "due_on"), {report::long_date(l.language, *i.due)});
    return i.text;
}

const char* const sections[] = {"decisions", "tabled", "actions_added", "actions_closed", "deadlines_moved",
                                "open_items"};

// ---- HTML --------------------------------------------------------------------

constexpr const char* css = R"(
:root{--ink:#1d2733;--muted:#5b6675;--line:#d5dbe3;--bg:#f6f8fa;--accent:#1f5f99}
*{box-sizing:border-box}
body{font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);line-height:1.45;margin:0 auto;max-width:60rem;padding:2rem 1.5rem;font-size:15px}
h1{font-size:1.8rem;margin:0 0 .3rem;color:var(--accent)}
h2{font-size:1.35rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-top:2.2rem}
.meta{color:var(--muted);margin:.2rem 0}
.note{font-size:.85rem;color:var(--muted);border-left:3px solid var(--line);padding-left:.6rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:var(--bg)}
td.date{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.item{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;padding:.2rem 1rem .5rem;margin:.8rem 0;break-inside:avoid-page}
.item h3{font-size:1rem;margin:.6rem 0 .3rem}
.item p{margin:.3rem 0}
.decision{background:var(--bg);padding:.3rem .6rem}
.key{font-family:ui-monospace,Consolas,monospace;font-size:.8rem;color:var(--muted);font-weight:normal}
.detail{color:var(--muted);font-size:.85rem}
.kind-overdue{border-left:4px solid #b03a2e}.kind-stalled{border-left:4px solid #c77c0e}
.kind-due{border-left:4px solid #3d7fc1}.kind-proposal{border-left:4px solid #7d8793}
footer{margin-top:3rem;color:var(--muted);font-size:.8rem}
@page{size:A4;margin:16mm 14mm 18mm}
@media print{
body{max-width:none;padding:0;font-size:10pt}
h2{break-after:avoid-page;page-break-after:avoid}
table,.item,tr{break-inside:avoid-page;page-break-inside:avoid}
.item,.kind-overdue,.kind-stalled,.kind-due,.kind-proposal{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

/// The key beside a title, unless the title already names it ("Huisvesting (wonen-lokaal-beleid)",
/// where another action has the same title).
std::string key_span(std::string_view title, std::string_view key, std::string_view before) {
    const std::string suffix = " (" + std::string(key) + ")";
    if (title.size() >= suffix.size() && title.substr(title.size() - suffix.size()) == suffix) return {};
    return std::string(before) + "<span class=\"key\">" + esc(key) + "</span>";
}

void html_proposals(std::ostream& out, const DecisionList& l, const std::vector<DecisionListProposal>& list,
                    std::string_view id, bool decided) {
    out << "<section id=\"" << id << "\">\n<h2>" << esc(tr(l, id)) << "</h2>\n";
    if (list.empty()) out << "<p>" << esc(tr(l, std::string("none_") + std::string(id))) << "</p>\n";
    for (const auto& p : list) {
        out << "<article class=\"item\">\n<h3>" << esc(p.kind_label) << " " << esc(p.key) << " — " << esc(p.action_title)
            << key_span(p.action_title, p.action, " ") << "</h3>\n<p class=\"detail\">"
            << esc(proposal_detail(l, p)) << "</p>\n<p>" << esc_lines(p.text) << "</p>\n";
        if (decided && !p.decision.empty())
            out << "<p class=\"decision\"><strong>" << esc(tr(l, "decision")) << ":</strong> " << esc_lines(p.decision)
                << "</p>\n";
        out << "</article>\n";
    }
    out << "</section>\n";
}

void html_action_title(std::ostream& out, std::string_view title, std::string_view key) {
    out << "<strong>" << esc(title) << "</strong>" << key_span(title, key, "<br/>");
}

void html_added(std::ostream& out, const DecisionList& l) {
    out << "<section id=\"actions_added\">\n<h2>" << esc(tr(l, "actions_added")) << "</h2>\n";
    if (l.actions_added.empty()) {
        out << "<p>" << esc(tr(l, "none_actions_added")) << "</p>\n";
    } else {
        out << "<table>\n<thead><tr><th scope=\"col\">" << esc(tr(l, "theme")) << "</th><th scope=\"col\">"
            << esc(tr(l, "action")) << "</th><th scope=\"col\">" << esc(tr(l, "goal")) << "</th><th scope=\"col\">"
            << esc(tr(l, "owners")) << "</th><th scope=\"col\">" << esc(tr(l, "due_date")) << "</th></tr></thead>\n<tbody>\n";
        for (const auto& a : l.actions_added) {
            out << "<tr><td>" << esc(a.theme_label) << "</td><td>";
            html_action_title(out, a.title, a.key);
            out << "</td><td>" << esc_lines(a.goal) << "</td><td>" << esc(owners(l, a)) << "</td><td class=\"date\">"
                << esc(date_text(l, a.due)) << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    out << "</section>\n";
}

void html_closed(std::ostream& out, const DecisionList& l) {
    out << "<section id=\"actions_closed\">\n<h2>" << esc(tr(l, "actions_closed")) << "</h2>\n";
    if (l.actions_closed.empty()) {
        out << "<p>" << esc(tr(l, "none_actions_closed")) << "</p>\n";
    } else {
        out << "<table>\n<thead><tr><th scope=\"col\">" << esc(tr(l, "theme")) << "</th><th scope=\"col\">"
            << esc(tr(l, "action")) << "</th><th scope=\"col\">" << esc(tr(l, "state")) << "</th><th scope=\"col\">"
            << esc(tr(l, "date")) << "</th><th scope=\"col\">" << esc(tr(l, "text")) << "</th></tr></thead>\n<tbody>\n";
        for (const auto& a : l.actions_closed) {
            out << "<tr><td>" << esc(a.theme_label) << "</td><td>";
            html_action_title(out, a.title, a.key);
            out << "</td><td>" << esc(a.reason == "removed" ? a.reason_label : a.state_label) << "</td><td class=\"date\">"
                << esc(date_text(l, a.as_of)) << "</td><td>" << esc_lines(a.text) << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    out << "</section>\n";
}

void html_deadlines(std::ostream& out, const DecisionList& l) {
    out << "<section id=\"deadlines_moved\">\n<h2>" << esc(tr(l, "deadlines_moved")) << "</h2>\n";
    if (l.deadlines_moved.empty()) {
        out << "<p>" << esc(tr(l, "none_deadlines_moved")) << "</p>\n";
    } else {
        out << "<table>\n<thead><tr><th scope=\"col\">" << esc(tr(l, "theme")) << "</th><th scope=\"col\">"
            << esc(tr(l, "action")) << "</th><th scope=\"col\">" << esc(tr(l, "from")) << "</th><th scope=\"col\">"
            << esc(tr(l, "to")) << "</th><th scope=\"col\">" << esc(tr(l, "moves")) << "</th></tr></thead>\n<tbody>\n";
        for (const auto& d : l.deadlines_moved) {
            out << "<tr><td>" << esc(d.theme_label) << "</td><td>";
            html_action_title(out, d.title, d.key);
            out << "</td><td class=\"date\">" << esc(due_text(l, d.from)) << "</td><td class=\"date\">"
                << esc(due_text(l, d.to)) << "</td><td>" << esc(moved_text(l, d)) << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    out << "</section>\n";
}

void html_open(std::ostream& out, const DecisionList& l) {
    out << "<section id=\"open_items\">\n<h2>" << esc(tr(l, "open_items")) << "</h2>\n";
    if (l.open_items.empty()) {
        out << "<p>" << esc(tr(l, "none_open_items")) << "</p>\n";
    } else {
        out << "<table>\n<thead><tr><th scope=\"col\">" << esc(tr(l, "kind")) << "</th><th scope=\"col\">"
            << esc(tr(l, "action")) << "</th><th scope=\"col\">" << esc(tr(l, "text")) << "</th></tr></thead>\n<tbody>\n";
        for (const auto& i : l.open_items) {
            out << "<tr class=\"kind-" << esc(i.kind) << "\"><td>" << esc(i.kind_label);
            if (i.kind == "proposal") out << " " << esc(i.key);
            out << "</td><td>";
            html_action_title(out, i.action_title, i.action);
            out << "</td><td>" << esc_lines(item_text(l, i)) << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    out << "</section>\n";
}

// ---- Markdown ----------------------------------------------------------------

/// Escapes what Markdown reads as markup; a newline becomes an HTML line break, so
/// data text never starts a block of its own (as the report's Markdown does).
void md_proposals(std::ostream& out, const DecisionList& l, const std::vector<DecisionListProposal>& list,
                  std::string_view id, bool decided) {
    out << "## " << tr(l, id) << "\n\n";
    if (list.empty()) out << tr(l, std::string("none_") + std::string(id)) << "\n\n";
    for (const auto& p : list) {
        out << "- **" << md(p.kind_label) << " " << md(p.key) << "** — " << md(p.action_title) << " ("
            << md(proposal_detail(l, p)) << "): " << md(p.text);
        // A hard line break keeps the decision inside the list item, on a line of its own.
        if (decided && !p.decision.empty()) out << "  \n  **" << tr(l, "decision") << ":** " << md(p.decision);
        out << "\n";
    }
    if (!list.empty()) out << "\n";
}

void md_table_head(std::ostream& out, std::initializer_list<std::string> headers) {
    out << "|";
    for (auto h : headers) out << " " << h << " |";
    out << "\n|";
    for (std::size_t i = 0; i < headers.size(); ++i) out << "---|";
    out << "\n";
}

void md_row(std::ostream& out, std::initializer_list<std::string> cells) {
    out << "|";
    for (const auto& c : cells) out << " " << c << " |";
    out << "\n";
}

std::string md_action(std::string_view title, std::string_view key) { return "**" + md(title) + "** (" + md(key) + ")"; }

// ---- CSV ---------------------------------------------------------------------

void csv_row(std::ostream& out, std::initializer_list<std::string_view> cells) {
    bool first = true;
    for (auto c : cells) {
        if (!first) out << ',';
        out << report::csv_cell(c);
        first = false;
    }
    out << "\r\n";
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

// ---- JSON --------------------------------------------------------------------

using Json = nlohmann::ordered_json;

Json json_date(const std::optional<Date>& d) { return d ? Json(d->iso()) : Json(nullptr); }

Json json_proposal(const DecisionListProposal& p) {
    return Json{{"key", p.key},       {"action", p.action},         {"action_title", p.action_title},
                {"kind", p.kind},     {"kind_label", p.kind_label}, {"state", p.state},
                {"state_label", p.state_label}, {"text", p.text},   {"decision", p.decision},
                {"date", json_date(p.date)},    {"meeting", p.meeting}, {"meeting_title", p.meeting_title},
                {"at_meeting", p.at_meeting}};
}

Json json_action(const DecisionListAction& a) {
    return Json{{"key", a.key},           {"theme", a.theme},         {"theme_label", a.theme_label},
                {"title", a.title},       {"goal", a.goal},           {"leads", a.leads},
                {"supports", a.supports}, {"due", json_date(a.due)},  {"reason", a.reason},
                {"reason_label", a.reason_label}, {"state_label", a.state_label}, {"as_of", json_date(a.as_of)},
                {"text", a.text}};
}

}  // namespace

void render_decision_list_html(const DecisionList& l, std::ostream& target) {
    report::Output out(target);
    const auto& L = l.language;
    out << "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" << esc(L) << "\" xml:lang=\"" << esc(L)
        << "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n"
        << "<title>" << esc(l.title) << " — " << esc(l.meeting_date_text) << "</title>\n<style>" << css
        << "</style>\n</head>\n<body>\n<header>\n<h1>" << esc(l.title) << "</h1>\n";
    if (!l.list_title.empty()) out << "<p class=\"meta\">" << esc(l.list_title) << "</p>\n";
    out << "<p class=\"meta\">" << esc(tr(l, "meeting")) << ": " << esc(meeting_line(l));
    if (!l.previous_meeting.empty()) out << " · " << esc(tr(l, "previous")) << ": " << esc(previous_line(l));
    out << "</p>\n";
    if (l.from)
        out << "<p class=\"note\">"
            << esc(report::fill(tr(l, "period"), {date_text(l, l.from), report::long_date(L, l.to)})) << "</p>\n";
    else
        out << "<p class=\"note\">" << esc(tr(l, "no_previous")) << "</p>\n";
    out << "</header>\n<main>\n";
    html_proposals(out, l, l.decisions, "decisions", true);
    html_proposals(out, l, l.tabled, "tabled", false);
    html_added(out, l);
    html_closed(out, l);
    html_deadlines(out, l);
    html_open(out, l);
    out << "</main>\n<footer><p>" << esc(tr(l, "footer")) << "</p></footer>\n</body>\n</html>\n";
    out.finish();
}

void render_decision_list_markdown(const DecisionList& l, std::ostream& target) {
    report::Output out(target, true);
    const auto& L = l.language;
    out << "# " << md(l.title) << "\n\n";
    if (!l.list_title.empty()) out << md(l.list_title) << "  \n";
    out << tr(l, "meeting") << ": " << md(meeting_line(l)) << ".";
    if (!l.previous_meeting.empty()) out << " " << tr(l, "previous") << ": " << md(previous_line(l)) << ".";
    out << "\n\n_";
    if (l.from)
        out << md(report::fill(tr(l, "period"), {date_text(l, l.from), report::long_date(L, l.to)}));
    else
        out << md(tr(l, "no_previous"));
    out << "_\n\n";
    md_proposals(out, l, l.decisions, "decisions", true);
    md_proposals(out, l, l.tabled, "tabled", false);

    out << "## " << tr(l, "actions_added") << "\n\n";
    if (l.actions_added.empty()) {
        out << tr(l, "none_actions_added") << "\n\n";
    } else {
        md_table_head(out, {tr(l, "theme"), tr(l, "action"), tr(l, "goal"), tr(l, "owners"), tr(l, "due_date")});
        for (const auto& a : l.actions_added)
            md_row(out, {md(a.theme_label), md_action(a.title, a.key), md(a.goal), md(owners(l, a)), date_text(l, a.due)});
        out << "\n";
    }
    out << "## " << tr(l, "actions_closed") << "\n\n";
    if (l.actions_closed.empty()) {
        out << tr(l, "none_actions_closed") << "\n\n";
    } else {
        md_table_head(out, {tr(l, "theme"), tr(l, "action"), tr(l, "state"), tr(l, "date"), tr(l, "text")});
        for (const auto& a : l.actions_closed)
            md_row(out, {md(a.theme_label), md_action(a.title, a.key),
                         md(a.reason == "removed" ? a.reason_label : a.state_label), date_text(l, a.as_of), md(a.text)});
        out << "\n";
    }
    out << "## " << tr(l, "deadlines_moved") << "\n\n";
    if (l.deadlines_moved.empty()) {
        out << tr(l, "none_deadlines_moved") << "\n\n";
    } else {
        md_table_head(out, {tr(l, "theme"), tr(l, "action"), tr(l, "from"), tr(l, "to"), tr(l, "moves")});
        for (const auto& d : l.deadlines_moved)
            md_row(out, {md(d.theme_label), md_action(d.title, d.key), due_text(l, d.from), due_text(l, d.to),
                         moved_text(l, d)});
        out << "\n";
    }
    out << "## " << tr(l, "open_items") << "\n\n";
    if (l.open_items.empty()) {
        out << tr(l, "none_open_items") << "\n\n";
    } else {
        md_table_head(out, {tr(l, "kind"), tr(l, "action"), tr(l, "text")});
        for (const auto& i : l.open_items)
            md_row(out, {md(i.kind == "proposal" ? i.kind_label + " " + i.key : i.kind_label),
                         md_action(i.action_title, i.action), md(item_text(l, i))});
        out << "\n";
    }
    out << "---\n\n_" << md(tr(l, "footer")) << "_\n";
    out.finish();
}

void render_decision_list_csv(const DecisionList& l, std::ostream& target) {
    report::Output out(target);
    const bool en = l.language == "en";
    csv_row(out, {en ? "section" : "onderdeel", en ? "kind" : "soort", en ? "key" : "sleutel", en ? "action" : "actiepunt",
                  en ? "title" : "titel", en ? "text" : "tekst", en ? "decision" : "besluit", en ? "date" : "datum",
                  en ? "meeting" : "vergadering", en ? "due before" : "deadline was", en ? "due" : "deadline",
                  en ? "regions" : "regio's"});
    for (const auto& [list, id] : {std::pair{&l.decisions, "decisions"}, std::pair{&l.tabled, "tabled"}})
        for (const auto& p : *list)
            csv_row(out, {tr(l, id), p.state_label, p.key, p.action, p.action_title, p.text, p.decision, iso(p.date),
                          p.meeting, "", "", ""});
    for (const auto& a : l.actions_added)
        csv_row(out, {tr(l, "actions_added"), a.reason_label, a.key, a.key, a.title, a.goal, "", iso(a.as_of), "", "",
                      iso(a.due), ""});
    for (const auto& a : l.actions_closed)
        csv_row(out, {tr(l, "actions_closed"), a.reason == "removed" ? a.reason_label : a.state_label, a.key, a.key,
                      a.title, a.text, "", iso(a.as_of), "", "", iso(a.due), ""});
    for (const auto& d : l.deadlines_moved)
        csv_row(out, {tr(l, "deadlines_moved"), deadline_kind(l, d), d.key, d.key, d.title, "", "", "", "", iso(d.from),
                      iso(d.to), ""});
    for (const auto& i : l.open_items)
        csv_row(out, {tr(l, "open_items"), i.kind_label, i.key, i.action, i.action_title, i.text, "", "", "", "",
                      iso(i.due), join(i.regions, "; ")});
    out.finish();
}

void render_decision_list_json(const DecisionList& l, std::ostream& target) {
    Json doc;
    doc["format"] = "actielijst-decision-list";
    doc["format_version"] = 1;
    doc["language"] = l.language;
    doc["title"] = l.title;
    doc["list_title"] = l.list_title;
    doc["meeting"] = l.meeting;
    doc["meeting_title"] = l.meeting_title;
    doc["meeting_date"] = l.meeting_date.iso();
    doc["meeting_date_text"] = l.meeting_date_text;
    doc["previous_meeting"] = l.previous_meeting;
    doc["previous_meeting_title"] = l.previous_meeting_title;
    doc["previous_meeting_date"] = json_date(l.previous_meeting_date);
    doc["from"] = json_date(l.from);
    doc["to"] = l.to.iso();
    doc["due_within_days"] = l.due_within_days;
    doc["sections"] = Json::array();
    for (const char* s : sections) doc["sections"].push_back(s);
    doc["decisions"] = Json::array();
    for (const auto& p : l.decisions) doc["decisions"].push_back(json_proposal(p));
    doc["tabled"] = Json::array();
    for (const auto& p : l.tabled) doc["tabled"].push_back(json_proposal(p));
    doc["actions_added"] = Json::array();
    for (const auto& a : l.actions_added) doc["actions_added"].push_back(json_action(a));
    doc["actions_closed"] = Json::array();
    for (const auto& a : l.actions_closed) doc["actions_closed"].push_back(json_action(a));
    doc["deadlines_moved"] = Json::array();
    for (const auto& d : l.deadlines_moved)
        doc["deadlines_moved"].push_back(Json{{"key", d.key},
                                              {"theme_label", d.theme_label},
                                              {"title", d.title},
                                              {"from", json_date(d.from)},
                                              {"to", json_date(d.to)},
                                              {"moves", d.moves}});
    doc["open_items"] = Json::array();
    for (const auto& i : l.open_items)
        doc["open_items"].push_back(Json{{"kind", i.kind},
                                         {"kind_label", i.kind_label},
                                         {"key", i.key},
                                         {"action", i.action},
                                         {"action_title", i.action_title},
                                         {"text", i.text},
                                         {"regions", i.regions},
                                         {"due", json_date(i.due)}});
    // Invalid UTF-8 in the data becomes U+FFFD rather than an exception; <, > and &
    // are escaped (they occur only inside strings) so the document can be embedded
    // in HTML safely, as the report's JSON does.
    const std::string text = doc.dump(2, ' ', false, Json::error_handler_t::replace);
    std::string safe;
    safe.reserve(text.size() + 1);
    for (char c : text) {
        switch (c) {
            case '<': safe += "\\u003c"; break;
            case '>': safe += "\\u003e"; break;
            case '&': safe += "\\u0026"; break;
            default: safe += c;
        }
    }
    safe += '\n';
    report::write_checked(target, safe);
}

std::string render_decision_list_html(const DecisionList& l) {
    return report::collect([&](std::ostream& out) { render_decision_list_html(l, out); });
}
std::string render_decision_list_markdown(const DecisionList& l) {
    return report::collect([&](std::ostream& out) { render_decision_list_markdown(l, out); });
}
std::string render_decision_list_csv(const DecisionList& l) {
    return report::collect([&](std::ostream& out) { render_decision_list_csv(l, out); });
}
std::string render_decision_list_json(const DecisionList& l) {
    return report::collect([&](std::ostream& out) { render_decision_list_json(l, out); });
}

}  // namespace actielijst
