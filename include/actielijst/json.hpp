/// \file
/// actielijst — the JSON exchange format (docs/json-format.md).
#pragma once

#include <actielijst/dataset.hpp>

#include <iosfwd>
#include <string>
#include <string_view>

namespace actielijst {

/// The format_version this build reads and writes.
inline constexpr int json_format_version = 1;

/// Parses and checks a document: syntax, UTF-8, types, required and unknown members,
/// and member names given twice in one object. References between entries, and
/// entries given twice (two actions with one key), are checked by Store::merge.
/// Throws Error(Errc::invalid) naming the place, e.g.
/// `regions[5].kind: expected one of province, corop, municipality, got "gemeente"`,
/// or Error(Errc::version) for a newer format_version.
Dataset parse_json(std::string_view json);
/// The same, reading the document from `in` in chunks: neither its text nor a tree
/// of it is held whole, only the Dataset. Gives the same Dataset and the same errors
/// as the string form, except that a stream is refused as soon as it passes the size
/// limit (1 GiB), without reading on to say how long it is. A stream that fails
/// without throwing gives Error(Errc::io); an exception `in` throws propagates.
Dataset parse_json(std::istream& in);

/// Writes a document in the canonical layout: parse_json(to_json(d)) == d and
/// to_json is byte-identical for equal datasets.
std::string to_json(const Dataset& data);
/// The same document, written into `out` as it goes (the text is never held whole).
/// A dataset that cannot be written (a due-date change or decision of an entry it
/// does not hold) throws Error(Errc::invalid) before anything is written. An
/// exception `out` throws propagates; when `out` fails without throwing, writing
/// ends with Error(Errc::io).
void to_json(const Dataset& data, std::ostream& out);

}  // namespace actielijst
