// Loading rules and filters: parse, check, and turn load errors into RuleErrors
// with line, column and a caret.
#include "rules/check.hpp"
#include "rules/eval.hpp"
#include "rules/impl.hpp"
#include "rules/pushdown.hpp"
#include "rules/index.hpp"
#include "util/check.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

namespace actielijst {

std::string_view to_string(Severity severity) noexcept {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::alert: return "alert";
    }
    return "?";
}

std::string_view to_string(RuleTarget target) noexcept {
    switch (target) {
        case RuleTarget::action: return "action";
        case RuleTarget::scope: return "scope";
        case RuleTarget::region: return "region";
    }
    return "?";
}

std::string_view to_string(Rag rag) noexcept {
    switch (rag) {
        case Rag::grey: return "grey";
        case Rag::green: return "green";
        case Rag::amber: return "amber";
        case Rag::red: return "red";
    }
    return "?";
}

namespace rules {

namespace {

/// Length of the well-formed UTF-8 sequence at `at`, or 0 when it is not one.
std::size_t sequence_length(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || at + n > text.size()) return 0;
    for (std::size_t i = 1; i < n; ++i)
        if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return 0;
    return n;
}

/// The offending line for a syntax error, as printable UTF-8 with the caret line
/// under it. A long line is cut to a window around the caret, so a hostile
/// one-line file does not come back whole inside the message; bytes that are not
/// UTF-8 and control characters show as '?'.
std::string excerpt(std::string_view line, std::size_t caret_at) {
    constexpr std::size_t before = 60, after = 20;  // code points
    std::vector<std::pair<std::size_t, std::string>> points;  // byte offset, printable form
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t n = sequence_length(line, i);
        const auto c = static_cast<unsigned char>(line[i]);
        if (n == 0 || (n == 1 && c < 0x20 && c != '\t') || c == 0x7F)
            points.emplace_back(i, "?");
        else
            points.emplace_back(i, std::string(line.substr(i, n)));
        i += n == 0 ? 1 : n;
    }
    std::size_t caret_index = 0;
    while (caret_index < points.size() && points[caret_index].first < caret_at) ++caret_index;
    const std::size_t first = caret_index > before ? caret_index - before : 0;
    const std::size_t last = std::min(points.size(), caret_index + after);
    std::string text = first > 0 ? "..." : "";
    std::string caret(first > 0 ? 3 : 0, ' ');
    for (std::size_t i = first; i < last; ++i) {
        text += points[i].second;
        if (i < caret_index) caret += points[i].second == "\t" ? '\t' : ' ';
    }
    if (last < points.size()) text += "...";
    return text + "\n" + caret + "^";
}

}  // namespace

void raise(const LoadError& error, std::string_view origin, std::string_view source) {
    const std::size_t offset = std::min(error.offset, source.size());
    std::size_t line_start = 0;
    int line = 1;
    for (std::size_t i = 0; i < offset; ++i)
        if (source[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    int column = 1;
    for (std::size_t i = line_start; i < offset; ++i)
        if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++column;  // columns count code points
    std::string message = std::string(origin) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                          error.message;
    if (error.syntax) {
        std::size_t line_end = source.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = source.size();
        if (line_end > line_start && source[line_end - 1] == '\r') --line_end;
        message += "\n" + excerpt(source.substr(line_start, line_end - line_start), offset - line_start);
    }
    throw RuleError(error.code, message, line, column);
}

void check_names(const Program& prog, const View& view, std::string_view origin) {
    for (const auto& ref : prog.vocabulary) {
        try {
            check_vocabulary(ref, view);
        } catch (const LoadError& e) {
            raise(e, origin, prog.sources[0]);
        }
    }
}

}  // namespace rules

RuleSet::RuleSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

RuleSet RuleSet::parse(std::string_view text, std::string_view origin, const View* vocabulary) {
    auto impl = std::make_unique<Impl>();
    impl->origin = std::string(origin);
    try {
        rules::precheck(text, "the rules text");
        impl->prog.sources.emplace_back(text);
        auto file = rules::parse_rules(impl->prog, vocabulary);
        impl->grey = file.rag.grey != rules::no_node ? file.rag.grey : rules::parse_default_grey(impl->prog);
        impl->red = file.rag.red;
        impl->amber = file.rag.amber;
        for (auto& r : file.rules) {
            if (r.info.target == RuleTarget::scope) impl->prog.needs |= rules::need_statuses;
            impl->infos.push_back(r.info);
        }
        impl->rules = std::move(file.rules);
    } catch (const rules::LoadError& e) {
        rules::raise(e, origin, text);
    }
    return RuleSet(std::move(impl));
}

RuleSet RuleSet::load(const std::string& path, const View* vocabulary) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        // errno is what the failed open left (ifstream does not promise it; glibc sets
        // it), copied before anything may allocate.
        const int error = errno;
        throw Error(Errc::io, path, std::string("cannot read the rules file: ") + std::strerror(error), error);
    }
    // Read one byte past the limit, so an oversized file is refused without being read whole.
    std::string text(rules::max_source_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) throw Error(Errc::io, path, "cannot read the rules file");
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse(text, path, vocabulary);
}

const std::vector<RuleInfo>& RuleSet::rules() const noexcept { return impl_->infos; }

void RuleSet::check(const View& view) const { rules::check_names(impl_->prog, view, impl_->origin); }

// ---------------------------------------------------------------------------------------------
// Filter

Filter::Filter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Filter::Filter(Filter&&) noexcept = default;
Filter& Filter::operator=(Filter&&) noexcept = default;
Filter::~Filter() = default;

Filter Filter::parse(std::string_view text, std::string_view origin, const View* vocabulary) {
    auto impl = std::make_unique<Impl>();
    impl->origin = std::string(origin);
    try {
        rules::precheck(text, "the filter");
        impl->prog.sources.emplace_back(text);
        impl->root = rules::parse_filter(impl->prog, vocabulary);
    } catch (const rules::LoadError& e) {
        rules::raise(e, origin, text);
    }
    return Filter(std::move(impl));
}

const std::string& Filter::text() const noexcept { return impl_->prog.sources[0]; }

bool Filter::matches(const View& view, std::string_view action) const {
    const ActionPoint* a = view.action(action);
    if (!a) throw Error(Errc::not_found, "action", "unknown action " + detail::quote(action));
    rules::check_names(impl_->prog, view, impl_->origin);
    const rules::Index index(view, impl_->prog);
    const rules::Evaluator eval(impl_->prog, index);
    rules::Item item;
    item.action = static_cast<std::int32_t>(a - view.actions().data());
    return eval.test(impl_->root, item) == rules::Tri::yes;
}

FilterPlan Filter::plan() const {
    auto pushdown = rules::push_down(impl_->prog, impl_->root);
    return {std::move(pushdown.pushed), std::move(pushdown.in_memory)};
}

std::vector<const ActionPoint*> Filter::select(const View& view) const {
    rules::check_names(impl_->prog, view, impl_->origin);
    const rules::Index index(view, impl_->prog);
    const rules::Evaluator eval(impl_->prog, index);
    std::vector<const ActionPoint*> out;
    const auto& actions = view.actions();
    for (std::size_t i = 0; i < actions.size(); ++i) {
        rules::Item item;
        item.action = static_cast<std::int32_t>(i);
        if (eval.test(impl_->root, item) == rules::Tri::yes) out.push_back(&actions[i]);
    }
    return out;
}

}  // namespace actielijst
