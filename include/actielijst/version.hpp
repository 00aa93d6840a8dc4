/// \file
/// actielijst — library version.
#pragma once

/// \namespace actielijst
/// The C++ API of actielijst: the action list of a steering group modelled as value
/// types (action points, regions, progress states, states of affairs, proposals,
/// meetings, indicators), the SQLite Store that keeps their append-only history, the
/// immutable View of the list as it stood on one date, the rules evaluated on a View,
/// and the report, decision list, forms, snapshots and JSON made from it. Every
/// fallible call throws actielijst::Error; time is always an explicit Date.

namespace actielijst {

/// "MAJOR.MINOR.PATCH" of the library actually loaded.
const char* version_string() noexcept;

}  // namespace actielijst
