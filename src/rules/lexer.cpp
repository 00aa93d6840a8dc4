#include "rules/lexer.hpp"

#include <actielijst/date.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace actielijst::rules {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word(char c) noexcept { return is_alpha(c) || is_digit(c); }
bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
std::size_t utf8_length(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
}

/// The code point at `pos` of valid UTF-8, as "'x'" or "U+0001".
std::string show_char(std::string_view s, std::size_t pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (pos + len > s.size()) len = s.size() - pos;
    unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3Fu);
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", cp);
    if (cp < 0x80) return buf;  // control characters and space: the code alone
    return "'" + std::string(s.substr(pos, len)) + "' (" + buf + ")";
}

}  // namespace

Lexer::Lexer(std::string_view text, const std::vector<std::uint32_t>* map, std::string_view end_name, bool comments)
    : src_(text), map_(map), end_name_(end_name), comments_(comments) {}

void Lexer::fail(std::size_t pos, const std::string& message) const {
    throw LoadError{source_offset(pos), "syntax error: " + message, true, Errc::invalid};
}

void Lexer::skip_blanks() {
    while (pos_ < src_.size()) {
        const char c = src_[pos_];
        if (is_blank(c)) {
            ++pos_;
        } else if (c == '#' && comments_) {
            while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
        } else {
            break;
        }
    }
}

std::string Lexer::read_word(std::uint32_t& begin) {
    skip_blanks();
    const std::size_t start = pos_;
    while (pos_ < src_.size() && !is_blank(src_[pos_]) && src_[pos_] != '#') ++pos_;
    begin = source_offset(start);
    if (pos_ == start) begin = source_offset(last_end_);
    else last_end_ = pos_;
    return std::string(src_.substr(start, pos_ - start));
}

std::string Lexer::show(const Token& token) const {
    if (token.kind == Tok::end) return std::string(end_name_);
    if (token.kind == Tok::text) return "the text \"" + excerpt(token.text, 40) + "\"";
    return "'" + excerpt(token.text, 40) + "'";
}

Token Lexer::next() {
    skip_blanks();
    Token t;
    if (pos_ >= src_.size()) {
        t.kind = Tok::end;
        t.begin = t.end = source_offset(last_end_);
        return t;
    }
    const std::size_t start = pos_;
    const char c = src_[pos_];
    const auto single = [&](Tok kind, std::size_t len) {
        t.kind = kind;
        pos_ += len;
    };
    if (is_alpha(c)) {
        while (pos_ < src_.size() && is_word(src_[pos_])) ++pos_;
        t.kind = Tok::name;
    } else if (is_digit(c)) {
        t = number(start);
    } else if (c == '"' || c == '\'') {
        t = text(start, c);
    } else {
        const char d = pos_ + 1 < src_.size() ? src_[pos_ + 1] : '\0';
        switch (c) {
            case '(': single(Tok::lparen, 1); break;
            case ')': single(Tok::rparen, 1); break;
            case '[': single(Tok::lbracket, 1); break;
            case ']': single(Tok::rbracket, 1); break;
            case '{': single(Tok::lbrace, 1); break;
            case '}': single(Tok::rbrace, 1); break;
            case ',': single(Tok::comma, 1); break;
            case '=': single(Tok::eq, 1); break;
            case '+': single(Tok::plus, 1); break;
            case '-': single(Tok::minus, 1); break;
            case '<': d == '=' ? single(Tok::le, 2) : single(Tok::lt, 1); break;
            case '>': d == '=' ? single(Tok::ge, 2) : single(Tok::gt, 1); break;
            case '!':
                if (d != '=') fail(start, "unexpected character '!' (write '!=' for \"not equal\")");
                single(Tok::ne, 2);
                break;
            default: fail(start, "unexpected character " + show_char(src_, start));
        }
    }
    t.begin = source_offset(start);
    t.end = source_offset(pos_);
    if (t.kind != Tok::text) t.text.assign(src_.substr(start, pos_ - start));
    last_end_ = pos_;
    return t;
}

Token Lexer::number(std::size_t start) {
    Token t;
    const std::size_t n = src_.size();
    std::size_t i = start;
    while (i < n && is_digit(src_[i])) ++i;
    const std::size_t int_end = i;
    // A date: four digits, '-', digits, '-', digits. Anything of that shape but not
    // YYYY-MM-DD naming a real day is an error, not a subtraction.
    if (int_end - start == 4 && i + 1 < n && src_[i] == '-' && is_digit(src_[i + 1])) {
        std::size_t j = i + 1;
        while (j < n && is_digit(src_[j])) ++j;
        if (j + 1 < n && src_[j] == '-' && is_digit(src_[j + 1])) {
            std::size_t k = j + 1;
            while (k < n && is_word(src_[k])) ++k;
            const auto lit = src_.substr(start, k - start);
            bool shape = lit.size() == 10;
            for (std::size_t p = 0; shape && p < 10; ++p) shape = (p == 4 || p == 7) ? lit[p] == '-' : is_digit(lit[p]);
            if (!shape) fail(start, "invalid date \"" + excerpt(lit, 40) + "\" (write dates as YYYY-MM-DD)");
            const auto digits = [&](std::size_t from, std::size_t count) {
                int v = 0;
                for (std::size_t p = from; p < from + count; ++p) v = v * 10 + (lit[p] - '0');
                return v;
            };
            try {
                t.days = Date(digits(0, 4), digits(5, 2), digits(8, 2)).days();
            } catch (const Error&) {
                fail(start, "invalid date " + std::string(lit) + " (no such day)");
            }
            t.kind = Tok::date;
            pos_ = k;
            return t;
        }
    }
    bool fraction = false;
    if (i < n && src_[i] == '.') {
        if (i + 1 >= n || !is_digit(src_[i + 1])) {
            fail(start, "invalid number \"" + std::string(src_.substr(start, i + 1 - start)) + "\"");
        }
        ++i;
        while (i < n && is_digit(src_[i])) ++i;
        fraction = true;
    }
    const std::size_t num_end = i;
    // The whole word, for messages about a bad suffix.
    std::size_t w = i;
    while (w < n && (is_word(src_[w]) || src_[w] == '.')) ++w;
    const auto word = src_.substr(start, w - start);
    if (i < n && (src_[i] == 'd' || src_[i] == 'w' || src_[i] == 'm' || src_[i] == 'y') && w == i + 1) {
        if (fraction) fail(start, "invalid duration \"" + std::string(word) + "\" (a duration is a whole number followed by d, w, m or y)");
        if (int_end - start > 9) fail(start, "duration " + excerpt(word, 40) + " is out of range");
        std::int64_t v = 0;
        for (std::size_t p = start; p < int_end; ++p) v = v * 10 + (src_[p] - '0');
        const char unit = src_[i];
        t.days = v * (unit == 'd' ? 1 : unit == 'w' ? 7 : unit == 'm' ? 30 : 365);
        t.kind = Tok::duration;
        pos_ = i + 1;
        return t;
    }
    if (w != i) {
        if (src_[i] == 'd' || src_[i] == 'w' || src_[i] == 'm' || src_[i] == 'y')
            fail(start, "invalid duration \"" + excerpt(word, 40) + "\" (a duration is a whole number followed by d, w, m or y)");
        fail(start, "invalid number \"" + excerpt(word, 40) + "\"");
    }
    double v = 0;
    const auto res = std::from_chars(src_.data() + start, src_.data() + num_end, v);
    if (res.ec != std::errc() || !std::isfinite(v)) fail(start, "number " + excerpt(word, 40) + " is out of range");
    if (i < n && src_[i] == '%') {
        v /= 100;
        ++i;
        if (i < n && is_word(src_[i])) fail(start, "invalid percentage \"" + excerpt(src_.substr(start, i + 1 - start), 40) + "\"");
    }
    t.kind = Tok::number;
    t.number = v;
    pos_ = i;
    return t;
}

Token Lexer::text(std::size_t start, char quote) {
    Token t;
    t.kind = Tok::text;
    std::size_t i = start + 1;
    for (;;) {
        if (i >= src_.size() || src_[i] == '\n')
            fail(start, std::string("unterminated text: no closing ") + (quote == '"' ? "'\"'" : "\"'\"") +
                            " on this line");
        const char c = src_[i];
        if (c == quote) break;
        if (c == '\\') {
            const char e = i + 1 < src_.size() ? src_[i + 1] : '\0';
            switch (e) {
                case '"': t.text += '"'; break;
                case '\'': t.text += '\''; break;
                case '\\': t.text += '\\'; break;
                case 'n': t.text += '\n'; break;
                case 't': t.text += '\t'; break;
                default:
                    if (e == '\n' || e == '\0') fail(start, "unterminated text: a '\\' at the end of the line");
                    fail(i, "bad escape '\\" + std::string(src_.substr(i + 1, utf8_length(src_[i + 1]))) +
                                "' in a text (use \\\", \\', \\\\, \\n or \\t)");
            }
            i += 2;
            continue;
        }
        t.text += c;
        ++i;
    }
    pos_ = i + 1;
    return t;
}

std::string unescape(std::string_view raw, std::uint32_t raw_offset, std::vector<std::uint32_t>& map) {
    std::string out;
    map.clear();
    for (std::size_t i = 0; i < raw.size();) {
        const auto at = static_cast<std::uint32_t>(raw_offset + i);
        if (raw[i] == '\\' && i + 1 < raw.size()) {
            const char e = raw[i + 1];
            out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
            map.push_back(at);
            i += 2;
        } else {
            out += raw[i];
            map.push_back(at);
            ++i;
        }
    }
    map.push_back(static_cast<std::uint32_t>(raw_offset + raw.size()));
    return out;
}

std::string excerpt(std::string_view text, std::size_t max) {
    std::string out;
    bool blank = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_blank(c)) {
            blank = true;
            continue;
        }
        if (blank && !out.empty()) out += ' ';
        blank = false;
        // Cut only before the first byte of a UTF-8 character.
        if (out.size() >= max && (static_cast<unsigned char>(c) & 0xC0) != 0x80) return out + "...";
        out += c;
    }
    return out;
}

}  // namespace actielijst::rules
