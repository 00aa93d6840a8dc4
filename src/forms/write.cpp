#include <actielijst/forms.hpp>

#include "forms/write.hpp"
#include "util/atomic_file.hpp"

namespace actielijst {

void write_forms(std::ostream& out, const FormSet& forms, FormFormat format) {
    if (format == FormFormat::csv)
        forms::write_csv(out, forms);
    else
        forms::write_xlsx(out, forms);
}

void write_forms_file(const std::string& path, const FormSet& forms, FormFormat format) {
    detail::AtomicFile file(path);
    write_forms(file, forms, format);
    file.commit();
}

}  // namespace actielijst
