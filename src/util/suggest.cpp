#include "util/suggest.hpp"

#include <actielijst/suggest.hpp>

#include "util/check.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <utility>

namespace actielijst::detail {
namespace {

// Longer words are not names anyone misspelt; they get no suggestions, which also
// bounds the quadratic distance below.
constexpr std::size_t max_word = 128;
// A shorter common prefix says too little ("a" starts half the field names).
constexpr std::size_t min_prefix = 3;

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_prefix(std::string_view shorter, std::string_view longer) noexcept {
    if (shorter.size() > longer.size()) return false;
    for (std::size_t i = 0; i < shorter.size(); ++i)
        if (lower(shorter[i]) != lower(longer[i])) return false;
    return true;
}

// A third of the word, rounded up from 2/3, so that a five-letter word may lose two
// letters ("stald" for "stalled").
std::size_t threshold(std::string_view word) noexcept { return std::max<std::size_t>(1, (word.size() + 1) / 3); }

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the dynamic programme: the one before last is needed for swaps.
    std::vector<std::size_t> before(b.size() + 1), last(b.size() + 1), row(b.size() + 1);
    std::iota(last.begin(), last.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
        std::swap(before, last);
        std::swap(last, row);
    }
    return last[b.size()];
}

namespace {

/// The distance that ranks `candidate`, or nothing when it is not close.
std::optional<std::size_t> rank(std::string_view word, std::string_view candidate) {
    if (word.empty() || word.size() > max_word || candidate.empty()) return std::nullopt;
    const bool prefix = std::min(word.size(), candidate.size()) >= min_prefix &&
                        (is_prefix(word, candidate) || is_prefix(candidate, word));
    const std::size_t most = threshold(word);
    const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                           : candidate.size() - word.size();
    if (!prefix && gap > most) return std::nullopt;  // the distance is at least the gap
    if (candidate.size() > 4 * max_word) return std::nullopt;
    const std::size_t d = edit_distance(word, candidate);
    if (d <= most || prefix) return d;
    return std::nullopt;
}

}  // namespace

bool is_close(std::string_view word, std::string_view candidate) { return rank(word, candidate).has_value(); }

std::vector<std::size_t> closest_indexes(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t limit) {
    std::vector<std::pair<std::size_t, std::size_t>> found;  // (distance, index)
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (const auto d = rank(word, candidates[i])) found.emplace_back(*d, i);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    if (found.size() > limit) found.resize(limit);
    std::vector<std::size_t> out;
    out.reserve(found.size());
    for (const auto& f : found) out.push_back(f.second);
    return out;
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
    std::vector<std::string> out;
    for (const auto i : closest_indexes(word, candidates, candidates.size())) {
        if (out.size() == limit) break;
        if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) out.push_back(candidates[i]);
    }
    return out;
}

std::string one_of(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
        out += items[i];
    }
    return out;
}

std::string did_you_mean(const std::vector<std::string>& names) {
    if (names.empty()) return {};
    std::vector<std::string> quoted;
    quoted.reserve(names.size());
    for (const auto& n : names) quoted.push_back(quote(n));
    return "did you mean " + one_of(quoted) + "?";
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + quote(n);
    return out;
}

std::string unknown_hint(std::string_view word, const std::vector<std::string>& candidates,
                         std::string_view plural, std::size_t list_all) {
    if (auto near = closest(word, candidates); !near.empty()) return "; " + did_you_mean(near);
    if (candidates.empty() || candidates.size() > list_all) return {};
    return "; known " + std::string(plural) + ": " + quoted_list(candidates);
}

}  // namespace actielijst::detail

namespace actielijst {

// The public face of the helpers above (include/actielijst/suggest.hpp): only the
// choice of names and the wording, so the rest can change with the messages.
std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
    return detail::closest(word, candidates, limit);
}

std::string did_you_mean(const std::vector<std::string>& names) { return detail::did_you_mean(names); }

}  // namespace actielijst
