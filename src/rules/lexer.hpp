// Tokens of the rules language. The lexer pulls one token at a time, so the parser
// can switch to reading a bare KEY after `rule` and `section`, where keys may start
// with a digit or hold '-' and '.'.
#pragma once

#include "rules/ast.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst::rules {

enum class Tok : std::uint8_t {
    end, name, number, duration, date, text,
    lparen, rparen, lbracket, rbracket, lbrace, rbrace, comma,
    eq, ne, lt, le, gt, ge, plus, minus,
};

struct Token {
    Tok kind = Tok::end;
    std::uint32_t begin = 0;  // offsets into the rules source
    std::uint32_t end = 0;
    double number = 0;      // number (a percentage already divided by 100)
    std::int64_t days = 0;  // date, duration
    std::string text;       // name; text (unescaped)
};

class Lexer {
public:
    /// Lexes `text`. `map`, when given, maps each byte offset of `text` (and one past
    /// its end) to an offset in the rules source: used for message templates, whose
    /// text is the unescaped contents of a literal. `end_name` describes the end of
    /// `text` in messages ("end of file"). Without `comments` (inside a message) '#'
    /// is an unexpected character, not the start of a comment.
    Lexer(std::string_view text, const std::vector<std::uint32_t>* map, std::string_view end_name,
          bool comments = true);

    Token next();
    /// Reads a bare word (up to white space or '#') after skipping blanks and
    /// comments; `begin` is its source offset. Empty at the end of the text.
    std::string read_word(std::uint32_t& begin);

    std::size_t position() const noexcept { return pos_; }
    void seek(std::size_t pos) noexcept { pos_ = last_end_ = pos; }
    std::uint32_t source_offset(std::size_t pos) const noexcept {
        return map_ ? (*map_)[pos] : static_cast<std::uint32_t>(pos);
    }
    std::string_view end_name() const noexcept { return end_name_; }
    /// "')'", "'and'", "end of file": the token as a message shows it.
    std::string show(const Token& token) const;

private:
    void skip_blanks();
    [[noreturn]] void fail(std::size_t pos, const std::string& message) const;
    Token number(std::size_t start);
    Token text(std::size_t start, char quote);

    std::string_view src_;
    const std::vector<std::uint32_t>* map_;
    std::string_view end_name_;
    std::size_t pos_ = 0;
    std::size_t last_end_ = 0;  // end of the previous token: where "end of file" is reported
    bool comments_ = true;
};

/// Unescapes the contents of a text literal (between the quotes) and maps every
/// byte of the result, and one past its end, to its offset in the source.
std::string unescape(std::string_view raw, std::uint32_t raw_offset, std::vector<std::uint32_t>& map);

/// Up to `max` bytes of `text` on one line (runs of white space become one space),
/// with "..." when cut: for quoting source text inside a message.
std::string excerpt(std::string_view text, std::size_t max = 60);

}  // namespace actielijst::rules
