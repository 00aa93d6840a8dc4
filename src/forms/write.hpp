// The two form writers behind write_forms().
#pragma once

#include <actielijst/forms.hpp>

#include <iosfwd>

namespace actielijst::forms {

void write_csv(std::ostream& out, const FormSet& set);
void write_xlsx(std::ostream& out, const FormSet& set);

}  // namespace actielijst::forms
