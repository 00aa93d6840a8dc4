// Escaping data text for each output format (escape.hpp).
#include "report/escape.hpp"

namespace actielijst::report {
namespace {

/// Bytes of the whitespace character at the start of `text`, or 0: ASCII white space
/// and the Unicode spaces a spreadsheet may trim before it looks for a formula (no-break,
/// en/em and the other typographic spaces, line and paragraph separators, the
/// ideographic space, and the zero-width characters and byte order mark).
std::size_t leading_space(std::string_view text) {
    if (text.empty()) return 0;
    if (std::string_view(" \t\r\n\v\f").find(text.front()) != std::string_view::npos) return 1;
    static constexpr std::string_view spaces[] = {
        "\u0085", "\u00A0", "\u1680", "\u180E", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
        "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u200B", "\u200C", "\u200D",
        "\u2028", "\u2029", "\u202F", "\u205F", "\u2060", "\u3000", "\uFEFF"};
    for (const auto space : spaces)
        if (text.substr(0, space.size()) == space) return space.size();
    return 0;
}

/// Whether a spreadsheet could read `text` as a formula: it starts with = + - or @,
/// also after leading white space, or with a tab or carriage return (which some
/// spreadsheets drop before they look).
bool formula_like(std::string_view text) {
    if (!text.empty() && (text.front() == '\t' || text.front() == '\r')) return true;
    while (const auto n = leading_space(text)) text.remove_prefix(n);
    return !text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos;
}

}  // namespace

/// Escapes text for element content and quoted attributes; drops control
/// characters that XML forbids.
std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
                    out += "&#xFFFD;";
                else
                    out += c;
        }
    }
    return out;
}

/// Keeps line breaks of a multi-line text visible.
std::string esc_lines(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const auto nl = text.find('\n', start);
        out += esc(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        out += "<br/>";
        start = nl + 1;
    }
    return out;
}

/// Escapes the characters Markdown reads as inline markup, links, raw HTML or
/// entities; a newline becomes an HTML line break, so data text never starts a
/// block (list, heading, quote) of its own.
std::string md(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n') {
            out += "<br>";  // HTML inline break; '<' in data is escaped, so this is the only tag
            continue;
        }
        if (c == '\r') continue;
        if (std::string_view("\\`*_{}[]<>#|~!&").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string csv_cell(std::string_view text) {
    std::string value;
    if (formula_like(text)) value = "'";
    value += text;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace actielijst::report
