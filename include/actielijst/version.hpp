// actielijst — library version.
#pragma once

namespace actielijst {

/// "MAJOR.MINOR.PATCH" of the library actually loaded.
const char* version_string() noexcept;

}  // namespace actielijst
