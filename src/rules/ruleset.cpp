// Loading rules and filters: parse, check, and turn load errors into RuleErrors
// with line, column and a caret.
#include "rules/check.hpp"
#include "rules/eval.hpp"
#include "rules/impl.hpp"
#include "rules/index.hpp"
#include "util/check.hpp"

#include <fstream>
#include <iterator>

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
    std::string caret;
    for (std::size_t i = line_start; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(source[i]);
        if ((c & 0xC0) == 0x80) continue;  // columns count code points
        ++column;
        caret += c == '\t' ? '\t' : ' ';
    }
    std::string message = std::string(origin) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                          error.message;
    if (error.syntax) {
        std::size_t line_end = source.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = source.size();
        if (line_end > line_start && source[line_end - 1] == '\r') --line_end;
        message += "\n";
        message += source.substr(line_start, line_end - line_start);
        message += "\n" + caret + "^";
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
    if (!in) throw Error(Errc::io, path + ": cannot read the rules file");
    // Read one byte past the limit, so an oversized file is refused without being read whole.
    std::string text(rules::max_source_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) throw Error(Errc::io, path + ": cannot read the rules file");
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
    if (!a) throw Error(Errc::not_found, "action: unknown action " + detail::quote(action));
    rules::check_names(impl_->prog, view, impl_->origin);
    const rules::Index index(view, impl_->prog);
    const rules::Evaluator eval(impl_->prog, index);
    rules::Item item;
    item.action = static_cast<std::int32_t>(a - view.actions().data());
    return eval.test(impl_->root, item) == rules::Tri::yes;
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
