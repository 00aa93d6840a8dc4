// The report must never let data text act as markup, script or formula: HTML with
// payloads in every text field, CSV formula injection, Markdown syntax.
#include "support.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/report.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

using namespace actielijst;

namespace {

const std::string xss = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>' javascript:alert(2) &amp;";

std::string p(std::string_view field) { return std::string(field) + " " + xss; }

Date day(const char* text) { return Date::parse(text); }

/// A View whose every free text holds the payloads.
View hostile_view() {
    ViewData d;
    d.as_of = day("2023-03-01");
    d.meta = {MetaEntry{"title", p("meta title")}, MetaEntry{"as_of_inferred", true},
              MetaEntry{"as_of_note", p("as of note")}};
    d.themes = {Theme("wonen", Label(p("theme nl"), p("theme en")))};
    d.regions = {Region("PV31", p("province"), RegionKind::province),
                 Region("CR37", p("corop"), RegionKind::corop, "PV31"),
                 Region("GM1", p("municipality"), RegionKind::municipality, "CR37"),
                 Region("GM2", p("municipality two"), RegionKind::municipality, "CR37")};
    d.states = {ProgressState("busy", StateCategory::active, Label(p("state nl"), p("state en"))),
                ProgressState("stuck", StateCategory::blocked, Label(p("stuck nl"), p("stuck en")))};
    d.meetings = {Meeting("M1", day("2023-02-01"), p("meeting title"))};
    d.actions = {ActionPoint("a1", "wonen", p("action title"), p("goal\nsecond line"),
                             {Owner(p("lead owner"), OwnerRole::lead), Owner(p("support owner"), OwnerRole::support)},
                             {"CR37", "GM1"}, day("2023-06-01"), {"a2"}),
                 ActionPoint("a2", "wonen", p("second title"), p("second goal"))};
    d.statuses = {StatusUpdate("a1", "CR37", "stuck", p("status text"), day("2023-02-01"), p("author")),
                  StatusUpdate("a1", "GM1", "busy", p("municipal text"), day("2023-02-01"))};
    d.proposals = {Proposal("P1", "a1", p("proposal text"), ProposalState::open, ProposalKind::proposal, "M1")};
    d.indicators = {Indicator("policy", Label(p("indicator")), IndicatorKind::ordinal,
                              {Level("none", Label(p("level none"))), Level("adopted", Label(p("level adopted")))}, {}, {},
                              {"a1"}),
                    Indicator("workers", Label(p("count indicator")), IndicatorKind::count, {}, p("unit"))};
    ObservationValue adopted;
    adopted.level = "adopted";
    ObservationValue figure;
    figure.value = 10;
    d.observations = {Observation("policy", "GM1", day("2023-01-01"), adopted, p("source"), p("note")),
                      Observation("workers", "PV31", day("2023-01-01"), figure, p("source"), p("note"))};
    return View(std::move(d));
}

Evaluation hostile_evaluation() {
    Evaluation e;
    e.as_of = day("2023-03-01");
    Finding f;
    f.rule = p("rule");
    f.severity = Severity::alert;
    f.action = "a1";
    f.region = "CR37";
    f.message = p("rule message");
    f.reasons = {Reason{p("expression"), p("detail")}};
    e.findings.push_back(f);
    e.statuses = {ActionStatus{"a1", Rag::red, {0}, {}}, ActionStatus{"a2", Rag::grey, {}, {}}};
    return e;
}

Report hostile_report(const std::string& language = "nl") {
    static const View view = hostile_view();
    Changes changes;
    changes.from = day("2023-01-01");
    changes.to = day("2023-03-01");
    StatusChange s;
    s.action = "a1";
    s.scope = "CR37";
    s.before = StatusUpdate("a1", "CR37", "busy", p("before text"), day("2023-01-01"));
    s.after = StatusUpdate("a1", "CR37", "stuck", p("after text"), day("2023-02-01"));
    changes.statuses.push_back(s);
    ReportOptions options;
    options.language = language;
    options.include_contacts = true;
    const std::vector<Contact> contacts = {Contact("GM1", p("role"), p("name"), "x@example.nl")};
    return build_report(view, hostile_evaluation(), options, &changes, contacts);
}

const std::set<std::string> allowed_tags = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "nav", "ol", "ul", "li",
    "a", "main", "section", "article", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure",
    "figcaption", "svg", "text", "rect", "span", "i", "br", "code", "strong", "em", "dl", "dt", "dd", "footer",
    "b", "details", "summary", "defs", "pattern", "line"};
const std::set<std::string> allowed_attributes = {
    "xmlns", "lang", "xml:lang", "charset", "name", "content", "http-equiv", "id", "class", "href", "scope",
    "colspan", "role", "width", "height", "viewBox", "x", "y", "fill", "font-size", "text-anchor", "style",
    "patternUnits", "patternTransform", "x1", "y1", "x2", "y2", "stroke", "stroke-width"};

/// Walks every tag of the document: only known elements and attributes, links only
/// inside the document, and text between tags free of '<' and '>'.
void check_markup(const std::string& html) {
    std::size_t at = html.find("<html");
    REQUIRE(at != std::string::npos);
    while ((at = html.find('<', at)) != std::string::npos) {
        const auto end = html.find('>', at);
        REQUIRE(end != std::string::npos);
        std::string tag = html.substr(at + 1, end - at - 1);
        at = end + 1;
        const bool closing = !tag.empty() && tag.front() == '/';
        if (closing) tag.erase(0, 1);
        if (!tag.empty() && tag.back() == '/') tag.pop_back();
        std::size_t i = 0;
        while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
        const std::string name = tag.substr(0, i);
        CHECK_MESSAGE(allowed_tags.count(name), "tag <" << name << ">");
        if (name == "style" && !closing) {  // the stylesheet is ours; skip to its end
            at = html.find("</style>", at);
            REQUIRE(at != std::string::npos);
            continue;
        }
        while (i < tag.size()) {
            while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
            if (i >= tag.size()) break;
            const auto eq = tag.find('=', i);
            REQUIRE(eq != std::string::npos);
            const std::string attr = tag.substr(i, eq - i);
            CHECK_MESSAGE(allowed_attributes.count(attr), "attribute " << attr << " in <" << name << ">");
            REQUIRE(tag[eq + 1] == '"');
            const auto close = tag.find('"', eq + 2);
            REQUIRE(close != std::string::npos);
            const std::string value = tag.substr(eq + 2, close - eq - 2);
            if (attr == "href") CHECK_MESSAGE(test::starts_with(value, "#"), "href=" << value);
            CHECK(value.find('<') == std::string::npos);
            i = close + 1;
        }
    }
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(cell));
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("report XSS: payloads in every text field stay text in HTML") {
    for (const std::string language : {"nl", "en"}) {
        CAPTURE(language);
        const std::string html = render_html(hostile_report(language));
        CHECK_FALSE(test::contains(html, "<script"));
        CHECK_FALSE(test::contains(html, "<img"));
        CHECK(test::contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        CHECK(test::contains(html, "&amp;amp;"));
        check_markup(html);
        // Every field made it into the report (so every field was tested).
        for (const std::string& field : std::vector<std::string>{"meta title", "as of note", "theme " + language, "province", "corop",
                                        "municipality", "state " + language, "stuck " + language, "meeting title", "action title", "goal", "lead owner", "support owner",
                                  "status text", "municipal text", "proposal text", "indicator", "level adopted",
                                  "count indicator", "unit", "source", "note", "rule message", "expression", "detail",
                                  "before text", "after text", "role", "name", "second title"})
            CHECK_MESSAGE(test::contains(html, field + " &lt;script&gt;"), field);
    }
}

TEST_CASE("report XSS: the hostile report matches its golden file, which the HTML parser check reads") {
    const std::string html = render_html(hostile_report());
    const std::string path = std::string(ACTIELIJST_SOURCE_DIR) + "/tests/golden/report/xss.html";
    const char* update = std::getenv("ACTIELIJST_UPDATE_GOLDEN");
    if (update && *update && std::string(update) != "0") test::write_file(path, html);
    CHECK(test::read_file(path) == html);
}

TEST_CASE("report XSS: JSON escapes markup characters, Markdown escapes them") {
    const Report r = hostile_report();
    const std::string json = render_json(r);
    CHECK_FALSE(test::contains(json, "<"));
    CHECK_FALSE(test::contains(json, ">"));
    CHECK(test::contains(json, "\\u003cscript\\u003e"));
    const std::string md = render_markdown(r);
    // A raw '<' is either the line break the renderer writes itself, escaped, or
    // inside a code span (rule expressions), where CommonMark shows it literally.
    for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
        const auto line_start = md.rfind('\n', at) + 1;
        const auto line_end = md.find('\n', at);
        const bool in_code = md.substr(line_start, at - line_start).find('`') != std::string::npos &&
                             md.substr(at, line_end - at).find('`') != std::string::npos;
        CHECK_MESSAGE((md.compare(at, 4, "<br>") == 0 || (at > 0 && md[at - 1] == '\\') || in_code),
                      md.substr(at, 30));
    }
    CHECK(test::contains(md, "\\<script\\>"));
}

TEST_CASE("report CSV: cells that start a formula are neutralised, quoting follows RFC 4180") {
    ViewData d;
    d.as_of = day("2023-03-01");
    d.themes = {Theme("wonen", Label("=cmd|' /C calc'!A0"))};
    d.regions = {Region("PV31", "@SUM(A1:A9)", RegionKind::province)};
    d.states = {ProgressState("busy", StateCategory::active, Label("-1+1"))};
    d.actions = {ActionPoint("a1", "wonen", "=HYPERLINK(\"http://x\",\"y\")", "+1, \"quoted\"\r\nnext line",
                             {Owner("-owner", OwnerRole::lead), Owner("\tTab", OwnerRole::support)}, {"PV31"})};
    d.statuses = {StatusUpdate("a1", "PV31", "busy", "@evil", day("2023-02-01"))};
    const View view(std::move(d));
    const std::string csv = render_csv(build_report(view, Evaluation{}));
    CHECK(test::contains(csv, "\r\n"));
    const auto rows = parse_csv(csv);
    REQUIRE(rows.size() == 2);
    REQUIRE(rows[0].size() == rows[1].size());
    for (const auto& row : rows)
        for (const auto& cell : row) {
            CAPTURE(cell);
            CHECK((cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos));
        }
    CHECK(rows[1][0] == "'=cmd|' /C calc'!A0");
    CHECK(rows[1][2] == "'=HYPERLINK(\"http://x\",\"y\")");
    CHECK(rows[1][3] == "'+1, \"quoted\"\r\nnext line");
    CHECK(rows[1][4] == "'-owner");
    CHECK(rows[1][5] == "'\tTab");
    CHECK(rows[1][10] == "'@SUM(A1:A9)");
    CHECK(rows[1][11] == "'-1+1");
    CHECK(rows[1][13] == "'@evil");
}

TEST_CASE("report CSV: a formula after leading white space or a line break is neutralised too") {
    // Spreadsheets trim white space (also no-break and other Unicode spaces) before
    // they look for a formula, so "\n=HYPERLINK(...)" is as live as "=HYPERLINK(...)".
    struct Case {
        std::string text;
        bool neutralised;
    };
    const std::vector<Case> cases = {
        {"\n=HYPERLINK(\"http://x\",\"y\")", true}, {" =1+1", true}, {"\t\r\n@SUM(A1:A9)", true},
        {"  -2+3", true}, {"\r\n+1", true}, {"\n\n  =1", true}, {"\u00A0=1+1", true}, {"\u00A0 \u2003@evil", true},
        {"\u3000=1", true}, {"\uFEFF=1", true}, {"\u200B+1", true}, {"\u2028-1", true}, {"\u202F\n=1", true},
        {" plain text", false}, {"a=b", false}, {"\u00A0text", false}, {"x -1", false}, {"\nline\n=not first", false},
        {"'=quoted", false}, {"\u00A0\u00A0", false}};
    ViewData d;
    d.as_of = day("2023-03-01");
    d.themes = {Theme("wonen", Label("Wonen"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province)};
    d.states = {ProgressState("busy", StateCategory::active, Label("bezig"))};
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::string key = "a" + std::to_string(100 + i);
        d.actions.emplace_back(key, "wonen", "title " + key, "goal", std::vector<Owner>{}, std::vector<std::string>{"PV31"});
        d.statuses.emplace_back(key, "PV31", "busy", cases[i].text, day("2023-02-01"));
    }
    const View view(std::move(d));
    const auto rows = parse_csv(render_csv(build_report(view, Evaluation{})));
    REQUIRE(rows.size() == cases.size() + 1);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto i = static_cast<std::size_t>(std::stoi(rows[r].at(1).substr(1))) - 100;  // the action key
        REQUIRE(i < cases.size());
        const auto& c = cases[i];
        CAPTURE(c.text);
        CHECK(rows[r].at(13) == (c.neutralised ? "'" : "") + c.text);  // the state of affairs
    }
}

TEST_CASE("report Markdown: data text cannot make links, emphasis, headings, HTML or new blocks") {
    ViewData d;
    d.as_of = day("2023-03-01");
    d.themes = {Theme("wonen", Label("# Thema | pipe"))};
    d.regions = {Region("PV31", "Limburg", RegionKind::province)};
    d.states = default_progress_states();
    d.actions = {ActionPoint("a1", "wonen", "*bold* _em_ [link](javascript:alert(1)) <b>x</b> `code` ![i](x) &lt;",
                             "line one\n# heading\n- item\n> quote", {}, {"PV31"})};
    const View view(std::move(d));
    const std::string md = render_markdown(build_report(view, Evaluation{}));
    CHECK(test::contains(md, "### \\*bold\\* \\_em\\_ \\[link\\](javascript:alert(1)) \\<b\\>x\\</b\\> \\`code\\` "
                             "\\!\\[i\\](x) \\&lt;"));
    CHECK(test::contains(md, "## \\# Thema \\| pipe"));
    CHECK(test::contains(md, "line one<br>\\# heading<br>- item<br>\\> quote"));
    CHECK_FALSE(test::contains(md, "\n# heading"));
    CHECK_FALSE(test::contains(md, "[link]("));
}
