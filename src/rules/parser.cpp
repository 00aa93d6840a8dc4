#include "rules/parser.hpp"

#include "rules/check.hpp"
#include "rules/lexer.hpp"
#include "util/check.hpp"

#include <array>
#include <cstdio>
#include <unordered_map>

namespace actielijst::rules {
namespace {

/// Words that never name a field: operators, literals and the words of the file structure.
bool reserved(std::string_view w) noexcept {
    static constexpr std::array<std::string_view, 19> words{
        "and", "or", "not", "in", "is", "set", "true", "false", "rule", "rag", "severity",
        "per", "section", "when", "message", "grey", "red", "amber", "at"};
    for (const auto r : words)
        if (r == w) return true;
    return false;
}

bool is_key(std::string_view key) noexcept {
    if (key.empty() || key.size() > 64) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) return false;
    }
    return true;
}

bool parse_severity(std::string_view w, Severity& out) noexcept {
    for (const auto s : {Severity::info, Severity::warning, Severity::alert})
        if (to_string(s) == w) {
            out = s;
            return true;
        }
    return false;
}

[[noreturn]] void fail_plain(std::uint32_t offset, const std::string& message, Errc code = Errc::invalid) {
    throw LoadError{offset, message, false, code};
}

/// Line numbers of offsets met in increasing order, without rescanning the source.
class LineCounter {
public:
    explicit LineCounter(std::string_view source) : src_(source) {}
    int line(std::size_t offset) {
        if (offset < at_) {
            at_ = 0;
            line_ = 1;
        }
        for (; at_ < offset && at_ < src_.size(); ++at_)
            if (src_[at_] == '\n') ++line_;
        return line_;
    }

private:
    std::string_view src_;
    std::size_t at_ = 0;
    int line_ = 1;
};

/// An expression as parsed: its node and its source span, which includes any
/// parentheses around it (the node's own span does not).
struct Parsed {
    std::uint32_t node;
    std::uint32_t begin;
    std::uint32_t end;
};

class Parser {
public:
    Parser(Program& prog, Lexer& lex, std::uint8_t source) : prog_(prog), lex_(lex), source_(source) { advance(); }

    Parsed expression() { return parse_or(); }

    const Token& peek() const noexcept { return tok_; }
    bool at_word(std::string_view w) const noexcept { return tok_.kind == Tok::name && tok_.text == w; }
    bool at_end_of_rule() const noexcept { return tok_.kind == Tok::end || at_word("rule") || at_word("rag"); }

    Token take() {
        Token t = std::move(tok_);
        advance();
        return t;
    }
    /// The bare word after the current token (which is consumed), for KEYs.
    std::string word_after(std::uint32_t& begin) {
        std::string w = lex_.read_word(begin);
        advance();
        return w;
    }
    [[noreturn]] void fail_at(const Token& t, const std::string& message) const {
        throw LoadError{t.begin, "syntax error: " + message, true, Errc::invalid};
    }
    [[noreturn]] void expected(const std::string& what) const {
        fail_at(tok_, "expected " + what + ", found " + lex_.show(tok_));
    }
    Lexer& lexer() noexcept { return lex_; }

    std::vector<TemplatePart> parse_template(const Token& literal);

private:
    /// The '|' that makes the placeholder opened before `from` a plural one, or npos.
    static std::size_t plural_bar(const std::string& text, std::size_t from);
    /// Parses `{n|one|other}` opened at `open`; sets plural_end_ past its '}'.
    void parts_plural(const std::string& text, const std::vector<std::uint32_t>& map, std::size_t open,
                      std::size_t bar, std::string& pending, std::vector<TemplatePart>& parts);
    std::size_t plural_end_ = 0;

    void advance() { tok_ = lex_.next(); }

    struct Deeper {
        Deeper(Parser& p, const Token& at) : parser(p) {
            if (++parser.depth_ > max_depth)
                parser.fail_at(at, "expression nested more than " + std::to_string(max_depth) + " deep");
        }
        ~Deeper() { --parser.depth_; }
        Deeper(const Deeper&) = delete;
        Deeper& operator=(const Deeper&) = delete;
        Parser& parser;
    };

    std::uint32_t make(Op op, std::uint32_t begin, std::uint32_t end) {
        Node n;
        n.op = op;
        n.source = source_;
        n.begin = begin;
        n.end = end;
        return prog_.add(n);
    }
    Parsed group(Op op, const std::vector<Parsed>& parts, const std::vector<std::uint8_t>* signs = nullptr) {
        const auto n = make(op, parts.front().begin, parts.back().end);
        prog_.nodes[n].first = static_cast<std::uint32_t>(prog_.kids.size());
        prog_.nodes[n].count = static_cast<std::uint32_t>(parts.size());
        for (std::size_t i = 0; i < parts.size(); ++i) {
            prog_.kids.push_back(parts[i].node);
            prog_.signs.push_back(signs ? (*signs)[i] : 0);
        }
        return {n, parts.front().begin, parts.back().end};
    }

    Parsed parse_or();
    Parsed parse_and();
    Parsed parse_not();
    Parsed parse_compare();
    Parsed parse_sum();
    Parsed parse_unary();
    Parsed parse_atom();
    std::vector<Parsed> parse_items(Tok close, const char* close_text);

    Program& prog_;
    Lexer& lex_;
    std::uint8_t source_;
    Token tok_;
    int depth_ = 0;
};

Parsed Parser::parse_or() {
    Parsed first = parse_and();
    if (!at_word("or")) return first;
    std::vector<Parsed> parts{first};
    while (at_word("or")) {
        take();
        parts.push_back(parse_and());
    }
    return group(Op::or_, parts);
}

Parsed Parser::parse_and() {
    Parsed first = parse_not();
    if (!at_word("and")) return first;
    std::vector<Parsed> parts{first};
    while (at_word("and")) {
        take();
        parts.push_back(parse_not());
    }
    return group(Op::and_, parts);
}

Parsed Parser::parse_not() {
    if (!at_word("not")) return parse_compare();
    Deeper deeper(*this, tok_);
    const Token t = take();
    const Parsed operand = parse_not();
    return group(Op::not_, {Parsed{operand.node, t.begin, operand.end}});
}

Parsed Parser::parse_compare() {
    const Parsed left = parse_sum();
    Op op;
    std::uint8_t aux = 0;
    Parsed right{no_node, 0, 0};
    switch (tok_.kind) {
        case Tok::eq: aux = static_cast<std::uint8_t>(Cmp::eq); break;
        case Tok::ne: aux = static_cast<std::uint8_t>(Cmp::ne); break;
        case Tok::lt: aux = static_cast<std::uint8_t>(Cmp::lt); break;
        case Tok::le: aux = static_cast<std::uint8_t>(Cmp::le); break;
        case Tok::gt: aux = static_cast<std::uint8_t>(Cmp::gt); break;
        case Tok::ge: aux = static_cast<std::uint8_t>(Cmp::ge); break;
        default: break;
    }
    const bool is_cmp = tok_.kind >= Tok::eq && tok_.kind <= Tok::ge;
    if (is_cmp) {
        op = Op::compare;
        take();
        right = parse_sum();
    } else if (at_word("in")) {
        op = Op::in;
        take();
        right = parse_sum();
    } else if (at_word("not")) {
        op = Op::in;
        aux = 1;
        take();
        if (!at_word("in")) expected("'in' after 'not'");
        take();
        right = parse_sum();
    } else if (at_word("is")) {
        op = Op::is_set;
        take();
        if (at_word("not")) {
            take();
            aux = 1;
        }
        if (!at_word("set")) expected(aux ? "'set' after 'is not'" : "'set' or 'not set' after 'is'");
        right = Parsed{no_node, tok_.begin, tok_.end};
        take();
    } else {
        return left;
    }
    if ((tok_.kind >= Tok::eq && tok_.kind <= Tok::ge) || at_word("in") || at_word("is") || at_word("not"))
        fail_at(tok_, "comparisons do not chain: write 'a < b and b < c', not 'a < b < c'");
    Parsed out;
    if (op == Op::is_set) {
        out = group(op, {left});
        prog_.nodes[out.node].end = right.end;
        out.end = right.end;
    } else {
        out = group(op, {left, right});
    }
    prog_.nodes[out.node].aux = aux;
    return out;
}

Parsed Parser::parse_sum() {
    const Parsed first = parse_unary();
    if (tok_.kind != Tok::plus && tok_.kind != Tok::minus) return first;
    std::vector<Parsed> parts{first};
    std::vector<std::uint8_t> signs{0};
    while (tok_.kind == Tok::plus || tok_.kind == Tok::minus) {
        signs.push_back(take().kind == Tok::minus ? 1 : 0);
        parts.push_back(parse_unary());
    }
    return group(Op::sum, parts, &signs);
}

Parsed Parser::parse_unary() {
    if (tok_.kind != Tok::minus) return parse_atom();
    Deeper deeper(*this, tok_);
    const Token t = take();
    const Parsed operand = parse_unary();
    return group(Op::neg, {Parsed{operand.node, t.begin, operand.end}});
}

std::vector<Parsed> Parser::parse_items(Tok close, const char* close_text) {
    std::vector<Parsed> items;
    if (tok_.kind == close) return items;
    for (;;) {
        items.push_back(parse_or());
        if (tok_.kind == Tok::comma) {
            take();
            continue;
        }
        if (tok_.kind != close) expected(std::string("',' or ") + close_text);
        return items;
    }
}

Parsed Parser::parse_atom() {
    switch (tok_.kind) {
        case Tok::number: {
            const Token t = take();
            const auto n = make(Op::lit_number, t.begin, t.end);
            prog_.nodes[n].number = t.number;
            return {n, t.begin, t.end};
        }
        case Tok::date:
        case Tok::duration: {
            const Token t = take();
            const auto n = make(t.kind == Tok::date ? Op::lit_date : Op::lit_duration, t.begin, t.end);
            prog_.nodes[n].days = t.days;
            return {n, t.begin, t.end};
        }
        case Tok::text: {
            Token t = take();
            const auto n = make(Op::lit_text, t.begin, t.end);
            prog_.nodes[n].str = prog_.intern(std::move(t.text));
            return {n, t.begin, t.end};
        }
        case Tok::lparen: {
            Deeper deeper(*this, tok_);
            const Token open = take();
            const Parsed inner = parse_or();
            if (tok_.kind != Tok::rparen) expected("')'");
            const Token close = take();
            return {inner.node, open.begin, close.end};
        }
        case Tok::lbracket: {
            Deeper deeper(*this, tok_);
            const Token open = take();
            const auto items = parse_items(Tok::rbracket, "']'");
            const Token close = take();
            const auto n = make(Op::list, open.begin, close.end);
            prog_.nodes[n].first = static_cast<std::uint32_t>(prog_.kids.size());
            prog_.nodes[n].count = static_cast<std::uint32_t>(items.size());
            for (const auto& item : items) {
                prog_.kids.push_back(item.node);
                prog_.signs.push_back(0);
            }
            return {n, open.begin, close.end};
        }
        case Tok::name: {
            if (reserved(tok_.text) && !at_word("true") && !at_word("false")) expected("an expression");
            Token t = take();
            if (t.text == "true" || t.text == "false") {
                const auto n = make(Op::lit_bool, t.begin, t.end);
                prog_.nodes[n].aux = t.text == "true" ? 1 : 0;
                return {n, t.begin, t.end};
            }
            if (tok_.kind != Tok::lparen) {
                const auto n = make(Op::name, t.begin, t.end);
                prog_.nodes[n].str = prog_.intern(std::move(t.text));
                return {n, t.begin, t.end};
            }
            Deeper deeper(*this, tok_);
            take();
            const auto args = parse_items(Tok::rparen, "')'");
            const Token close = take();
            const auto n = make(Op::call, t.begin, close.end);
            prog_.nodes[n].str = prog_.intern(std::move(t.text));
            prog_.nodes[n].first = static_cast<std::uint32_t>(prog_.kids.size());
            prog_.nodes[n].count = static_cast<std::uint32_t>(args.size());
            for (const auto& a : args) {
                prog_.kids.push_back(a.node);
                prog_.signs.push_back(0);
            }
            return {n, t.begin, close.end};
        }
        default: expected("an expression");
    }
}

std::vector<TemplatePart> Parser::parse_template(const Token& literal) {
    const std::string_view raw =
        std::string_view(prog_.sources[source_]).substr(literal.begin + 1, literal.end - literal.begin - 2);
    std::vector<std::uint32_t> map;
    const std::string text = unescape(raw, literal.begin + 1, map);
    std::vector<TemplatePart> parts;
    std::string pending;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const char d = i + 1 < text.size() ? text[i + 1] : '\0';
        if ((c == '{' && d == '{') || (c == '}' && d == '}')) {
            pending += c;
            i += 2;
            continue;
        }
        if (c == '}')
            throw LoadError{map[i], "syntax error: unbalanced '}' in the message (write '}}' for a brace)", true,
                            Errc::invalid};
        if (c != '{') {
            pending += c;
            ++i;
            continue;
        }
        const std::size_t bar = plural_bar(text, i + 1);
        if (bar != std::string::npos) {
            parts_plural(text, map, i, bar, pending, parts);
            i = plural_end_;
            continue;
        }
        Lexer sub(text, &map, "the end of the message", false);
        sub.seek(i + 1);
        Parser p(prog_, sub, source_);
        const Parsed e = p.expression();
        if (p.peek().kind == Tok::end)
            throw LoadError{map[i], "syntax error: unbalanced '{' in the message: no '}' closes this placeholder", true,
                            Errc::invalid};
        if (p.peek().kind != Tok::rbrace) p.expected("'}' to close the placeholder");
        if (!pending.empty()) parts.push_back({std::move(pending), no_node});
        pending.clear();
        parts.push_back({{}, e.node});
        i = sub.position();
    }
    if (!pending.empty()) parts.push_back({std::move(pending), no_node});
    return parts;
}

std::size_t Parser::plural_bar(const std::string& text, std::size_t from) {
    char quote = 0;
    for (std::size_t j = from; j < text.size(); ++j) {
        const char c = text[j];
        if (quote) {
            if (c == '\\') ++j;
            else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '}' || c == '\n') {
            return std::string::npos;
        } else if (c == '|') {
            return j;
        }
    }
    return std::string::npos;
}

void Parser::parts_plural(const std::string& text, const std::vector<std::uint32_t>& map, std::size_t open,
                          std::size_t bar, std::string& pending, std::vector<TemplatePart>& parts) {
    // The expression ends at the '|': lex only up to it.
    Lexer sub(std::string_view(text).substr(0, bar), &map, "'|'", false);
    sub.seek(open + 1);
    Parser p(prog_, sub, source_);
    const Parsed e = p.expression();
    if (p.peek().kind != Tok::end) p.expected("'|' after the number of a plural placeholder");
    // Two forms follow: {n|one|other}.
    std::string forms[2];
    std::size_t j = bar + 1;
    for (int f = 0; f < 2; ++f) {
        for (; j < text.size(); ++j) {
            const char c = text[j];
            if (c == '{')
                throw LoadError{map[j],
                                "syntax error: '{' in a plural placeholder (write {count|singular|plural}, "
                                "e.g. {open_proposals|voorstel|voorstellen})",
                                true, Errc::invalid};
            if (c == '|' || c == '}') break;
            forms[f] += c;
        }
        if (j >= text.size())
            throw LoadError{map[open], "syntax error: unbalanced '{' in the message: no '}' closes this placeholder",
                            true, Errc::invalid};
        const char c = text[j];
        if (f == 0 && c != '|')
            throw LoadError{map[j],
                            "syntax error: a plural placeholder needs two forms separated by '|': "
                            "{count|singular|plural}, e.g. {open_proposals|voorstel|voorstellen}",
                            true, Errc::invalid};
        if (f == 1 && c != '}')
            throw LoadError{map[j],
                            "syntax error: a plural placeholder has two forms, found a third '|': "
                            "{count|singular|plural}",
                            true, Errc::invalid};
        ++j;
    }
    const auto trim = [](std::string& t) {
        const auto b = t.find_first_not_of(' ');
        if (b == std::string::npos) {
            t.clear();
            return;
        }
        t = t.substr(b, t.find_last_not_of(' ') - b + 1);
    };
    trim(forms[0]);
    trim(forms[1]);
    if (!pending.empty()) parts.push_back({std::move(pending), no_node});
    pending.clear();
    TemplatePart part;
    part.node = e.node;
    part.plural = true;
    part.one = std::move(forms[0]);
    part.other = std::move(forms[1]);
    parts.push_back(std::move(part));
    plural_end_ = j;
}

}  // namespace

void precheck(std::string_view source, std::string_view what) {
    if (source.size() > max_source_bytes)
        fail_plain(0, std::string(what) + " is " + std::to_string(source.size()) +
                          " bytes, more than the limit of 1 MiB (1048576 bytes)");
    if (const auto bad = detail::utf8_error_offset(source); bad != std::string_view::npos) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(source[bad])));
        fail_plain(static_cast<std::uint32_t>(bad), std::string("invalid UTF-8 (byte ") + buf + ")");
    }
}

namespace {

class FileParser {
public:
    FileParser(Program& prog, const View* vocabulary)
        : prog_(prog), lex_(prog.sources[0], nullptr, "end of file"), p_(prog, lex_, 0),
          checker_(prog, vocabulary), lines_(prog.sources[0]) {}

    ParsedFile run() {
        while (p_.peek().kind != Tok::end) {
            if (p_.at_word("rule")) rule();
            else if (p_.at_word("rag")) rag();
            else p_.expected("'rule' or 'rag'");
        }
        prog_.needs |= checker_.needs();
        return std::move(out_);
    }

private:
    void rule();
    void rag();
    Severity severity(const char* after);

    Program& prog_;
    Lexer lex_;
    Parser p_;
    Checker checker_;
    LineCounter lines_;
    ParsedFile out_;
    std::unordered_map<std::string, int> keys_;  // rule key -> line
    int rag_line_ = 0;
};

Severity FileParser::severity(const char* after) {
    if (p_.peek().kind != Tok::name) p_.expected(std::string("a severity (info, warning or alert) after ") + after);
    const Token w = p_.take();
    Severity s{};
    if (!parse_severity(w.text, s))
        fail_plain(w.begin, "unknown severity " + detail::quote(w.text) + " (expected info, warning or alert)");
    return s;
}

void FileParser::rule() {
    const Token rule_tok = p_.peek();
    if (out_.rules.size() >= max_rules)
        fail_plain(rule_tok.begin, "more than " + std::to_string(max_rules) + " rules in one file (the limit)");
    ParsedRule r;
    r.info.line = lines_.line(rule_tok.begin);
    std::uint32_t key_at = 0;
    r.info.key = p_.word_after(key_at);
    if (r.info.key.empty())
        throw LoadError{key_at, "syntax error: expected a rule key after 'rule', found end of file", true,
                        Errc::invalid};
    if (!is_key(r.info.key))
        throw LoadError{key_at,
                        "syntax error: invalid rule key " + detail::quote(r.info.key) +
                            " (1 to 64 of a-z, 0-9, '_', '.', '-', starting with a letter or digit)",
                        true, Errc::invalid};
    const auto [it, fresh] = keys_.emplace(r.info.key, r.info.line);
    if (!fresh)
        fail_plain(key_at, "duplicate rule key " + detail::quote(r.info.key) + " (first defined at line " +
                               std::to_string(it->second) + ")");
    r.info.section = "signals";
    static constexpr std::array<std::string_view, 5> clauses{"severity", "per", "section", "when", "message"};
    std::array<int, 5> seen{};  // line of each clause, 0 when not seen
    int seen_en = 0;            // line of `message en`
    const std::string quoted_key = detail::quote(r.info.key);
    while (!p_.at_end_of_rule()) {
        std::size_t c = clauses.size();
        if (p_.peek().kind == Tok::name)
            for (std::size_t i = 0; i < clauses.size(); ++i)
                if (clauses[i] == p_.peek().text) c = i;
        if (c == clauses.size()) p_.expected("a clause (severity, per, section, when or message) or the next rule");
        const Token ct = p_.peek();
        const int line = lines_.line(ct.begin);
        if (c == 4) {
            // `message "..."` or its English alternative `message en "..."`.
            p_.take();
            const bool en = p_.at_word("en");
            int& first = en ? seen_en : seen[c];
            if (first)
                fail_plain(ct.begin, std::string("duplicate clause '") + (en ? "message en" : "message") +
                                         "' in rule " + quoted_key + " (first at line " + std::to_string(first) + ")");
            first = line;
            if (en) p_.take();
            if (p_.peek().kind != Tok::text)
                p_.expected(en ? "a message in quotes after 'message en'" : "a message in quotes after 'message'");
            const Token s = p_.take();
            (en ? r.message_en : r.message) = p_.parse_template(s);
            (en ? r.info.message_en : r.info.message) = s.text;
            if (en) r.has_en = true;
            continue;
        }
        if (seen[c])
            fail_plain(ct.begin, "duplicate clause '" + std::string(clauses[c]) + "' in rule " + quoted_key +
                                     " (first at line " + std::to_string(seen[c]) + ")");
        seen[c] = line;
        switch (c) {
            case 0:
                p_.take();
                r.info.severity = severity("'severity'");
                break;
            case 1: {
                p_.take();
                if (p_.peek().kind != Tok::name) p_.expected("action, scope or region after 'per'");
                const Token w = p_.take();
                if (w.text == "action") r.info.target = RuleTarget::action;
                else if (w.text == "scope") r.info.target = RuleTarget::scope;
                else if (w.text == "region") r.info.target = RuleTarget::region;
                else
                    fail_plain(w.begin, "unknown target " + detail::quote(w.text) +
                                            " for 'per' (expected action, scope or region)");
                break;
            }
            case 2: {
                std::uint32_t at = 0;
                r.info.section = p_.word_after(at);
                if (r.info.section.empty())
                    throw LoadError{at, "syntax error: expected a section key after 'section', found end of file",
                                    true, Errc::invalid};
                if (!is_key(r.info.section))
                    throw LoadError{at,
                                    "syntax error: invalid section key " + detail::quote(r.info.section) +
                                        " (1 to 64 of a-z, 0-9, '_', '.', '-', starting with a letter or digit)",
                                    true, Errc::invalid};
                break;
            }
            case 3: {
                p_.take();
                const Parsed e = p_.expression();
                r.when = e.node;
                r.info.condition = prog_.sources[0].substr(e.begin, e.end - e.begin);
                break;
            }
            default: break;
        }
    }
    for (const auto& [index, name] : {std::pair{0, "severity"}, std::pair{3, "when"}, std::pair{4, "message"}})
        if (!seen[static_cast<std::size_t>(index)])
            fail_plain(key_at, "rule " + quoted_key + " has no '" + name + "' clause");
    const Context context = r.info.target == RuleTarget::action  ? Context::action
                            : r.info.target == RuleTarget::scope ? Context::scope
                                                                 : Context::region;
    checker_.require_bool(r.when, checker_.check(r.when, context), "'when'");
    for (const auto* message : {&r.message, &r.message_en})
        for (const auto& part : *message) {
            if (part.node == no_node) continue;
            const Type type = checker_.check(part.node, context, true);
            if (part.plural && type != Type{Base::number, false} && type != Type{Base::duration, false})
                fail_plain(prog_.nodes[part.node].begin,
                           "type mismatch: a plural placeholder {count|singular|plural} needs a number or a "
                           "duration, found " +
                               describe(type) + " (" + excerpt(prog_.text(prog_.nodes[part.node])) + ")");
        }
    out_.rules.push_back(std::move(r));
}

void FileParser::rag() {
    const Token rag_tok = p_.take();
    const int line = lines_.line(rag_tok.begin);
    if (rag_line_)
        fail_plain(rag_tok.begin, "a second rag block (the first is at line " + std::to_string(rag_line_) + ")");
    rag_line_ = line;
    std::array<int, 3> seen{};  // grey, red, amber
    static constexpr std::array<std::string_view, 3> names{"grey when", "red at", "amber at"};
    while (!p_.at_end_of_rule()) {
        std::size_t k = 3;
        if (p_.at_word("grey")) k = 0;
        else if (p_.at_word("red")) k = 1;
        else if (p_.at_word("amber")) k = 2;
        if (k == 3) p_.expected("'grey when', 'red at' or 'amber at' in the rag block");
        const Token t = p_.take();
        const int at_line = lines_.line(t.begin);
        if (seen[k])
            fail_plain(t.begin, "duplicate '" + std::string(names[k]) + "' in the rag block (first at line " +
                                    std::to_string(seen[k]) + ")");
        seen[k] = at_line;
        if (k == 0) {
            if (!p_.at_word("when")) p_.expected("'when' after 'grey'");
            p_.take();
            const Parsed e = p_.expression();
            out_.rag.grey = e.node;
            checker_.require_bool(e.node, checker_.check(e.node, Context::rag), "'grey when'");
        } else {
            if (!p_.at_word("at")) p_.expected(k == 1 ? "'at' after 'red'" : "'at' after 'amber'");
            p_.take();
            (k == 1 ? out_.rag.red : out_.rag.amber) = severity(k == 1 ? "'red at'" : "'amber at'");
        }
    }
}

}  // namespace

ParsedFile parse_rules(Program& prog, const View* vocabulary) {
    FileParser parser(prog, vocabulary);
    return parser.run();
}

std::uint32_t parse_filter(Program& prog, const View* vocabulary) {
    Lexer lex(prog.sources[0], nullptr, "the end of the filter");
    Parser p(prog, lex, 0);
    const Parsed e = p.expression();
    if (p.peek().kind != Tok::end) p.expected("the end of the filter");
    Checker checker(prog, vocabulary);
    checker.require_bool(e.node, checker.check(e.node, Context::filter), "a filter");
    prog.needs |= checker.needs();
    return e.node;
}

std::uint32_t parse_default_grey(Program& prog) {
    if (prog.sources.size() < 2) prog.sources.resize(2);
    prog.sources[1] = "not_started or all_closed";
    Lexer lex(prog.sources[1], nullptr, "end of text");
    Parser p(prog, lex, 1);
    const Parsed e = p.expression();
    Checker checker(prog, nullptr);
    checker.check(e.node, Context::rag);
    prog.needs |= checker.needs();
    return e.node;
}

}  // namespace actielijst::rules
