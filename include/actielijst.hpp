/// \file
/// actielijst — the C++ API in one include.
#pragma once

#include <actielijst/dataset.hpp>
#include <actielijst/error.hpp>
#include <actielijst/forms.hpp>
#include <actielijst/json.hpp>
#include <actielijst/output.hpp>
#include <actielijst/region_reference.hpp>
#include <actielijst/report_request.hpp>
#include <actielijst/store.hpp>
#include <actielijst/suggest.hpp>
#include <actielijst/version.hpp>
#include <actielijst/view.hpp>
