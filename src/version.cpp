#include <actielijst/version.hpp>

#include <actielijst.h>

namespace actielijst {

const char* version_string() noexcept { return ACTIELIJST_VERSION_STRING; }

}  // namespace actielijst
