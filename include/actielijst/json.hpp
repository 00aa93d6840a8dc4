// actielijst — the JSON exchange format (docs/json-format.md).
#pragma once

#include <actielijst/dataset.hpp>

#include <string>
#include <string_view>

namespace actielijst {

/// The format_version this build reads and writes.
inline constexpr int json_format_version = 1;

/// Parses and checks a document: syntax, UTF-8, types, required and unknown members,
/// and member names given twice in one object. References between entries, and
/// entries given twice (two actions with one key), are checked by Store::merge. Throws Error(Errc::invalid) naming the place, e.g.
/// `regions[5].kind: expected one of province, corop, municipality, got "gemeente"`,
/// or Error(Errc::version) for a newer format_version.
Dataset parse_json(std::string_view json);

/// Writes a document in the canonical layout: parse_json(to_json(d)) == d and
/// to_json is byte-identical for equal datasets.
std::string to_json(const Dataset& data);

}  // namespace actielijst
