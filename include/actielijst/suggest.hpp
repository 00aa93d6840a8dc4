/// \file
/// actielijst — "did you mean": the names nearest to a misspelt one.
///
/// The library's own error messages suggest names this way (an unknown state,
/// field or region in a rule or a document); a program that reports unknown
/// words of its own (a command, an option value) uses the same choice and the
/// same wording, so the two read alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// At most `limit` distinct names from `candidates` close enough to `word` to be
/// suggested, nearest first, ties in the order of `candidates`.
///
/// Close means a small edit distance (insertions, deletions, substitutions and
/// swaps of two neighbours, ASCII case-insensitive; at most a third of the word),
/// or that one is a case-insensitive prefix of the other of at least three bytes
/// ("state" for "states"). An empty word, or one longer than any sensible name,
/// gets no suggestions.
std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

/// `did you mean "a"?`, `did you mean "a" or "b"?`, `did you mean "a", "b" or "c"?`
/// for the names suggest() chose (each quoted as the library's messages quote
/// names); empty when `names` is empty.
std::string did_you_mean(const std::vector<std::string>& names);

}  // namespace actielijst
