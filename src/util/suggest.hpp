// "Did you mean ...?": the known names nearest to a misspelt one, for error
// messages. Only ever called on an error path, so it favours clarity over speed,
// but its cost stays bounded for hostile input (a word longer than any sensible
// name gets no suggestions).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst::detail {

/// The optimal string alignment distance (Damerau-Levenshtein without repeated
/// edits of one substring) between `a` and `b`, on bytes, ASCII case-insensitive:
/// insertions, deletions, substitutions and swaps of two neighbours each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Whether `candidate` is close enough to `word` to be suggested: at most
/// max(1, (|word| + 1) / 3) edits, or one is a case-insensitive prefix of the other and
/// the shorter has at least 3 bytes ("state" for "states", "state_at").
bool is_close(std::string_view word, std::string_view candidate);

/// The indexes of at most `limit` candidates close to `word` (is_close), nearest
/// first, ties in candidate order. Equal candidates are all kept: they may stand
/// for different things (two regions named "Bergen").
std::vector<std::size_t> closest_indexes(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);
/// At most `limit` distinct candidates close to `word`, as closest_indexes orders them.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

/// `a`, `a or b`, `a, b or c`: items already written as they should appear.
std::string one_of(const std::vector<std::string>& items);
/// `did you mean "a"?`, `did you mean "a" or "b"?`; empty when `names` is.
std::string did_you_mean(const std::vector<std::string>& names);
/// `"a", "b", "c"`: every name quoted.
std::string quoted_list(const std::vector<std::string>& names);

/// The tail of an `unknown <what> "x"` message about a vocabulary: `; did you mean
/// "a" or "b"?` for the close candidates, else `; known <plural>: "a", "b", ...` when
/// there are at most `list_all` of them (a short list is quicker to read than a
/// pointer to it), else empty.
std::string unknown_hint(std::string_view word, const std::vector<std::string>& candidates,
                         std::string_view plural, std::size_t list_all = 12);

}  // namespace actielijst::detail
