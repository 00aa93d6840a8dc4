// verwerk: a returned form read, checked and, when nothing stops it, recorded in
// one transaction.
#include <actielijst/error.hpp>
#include <actielijst/forms.hpp>
#include <actielijst/store.hpp>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "forms/check.hpp"
#include "forms/layout.hpp"
#include "forms/sheet.hpp"

namespace actielijst {
namespace {

Meeting meeting_for(const Store& store, const std::string& key) {
    const auto meetings = store.meetings();
    if (!key.empty()) {
        for (const auto& m : meetings)
            if (m.key() == key) return m;
        throw Error(Errc::not_found, "meeting", "unknown meeting \"" + key + "\"");
    }
    if (meetings.empty())
        throw Error(Errc::not_found,
                    "the store has no meetings: add the meeting the returns are for first");
    const Meeting* latest = &meetings.front();
    for (const auto& m : meetings)
        if (!(m.date() < latest->date())) latest = &m;
    return *latest;
}

std::string read_bytes(const std::string& path, std::size_t limit) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int error = errno;  // before anything that may allocate
        throw Error(Errc::io, path, std::string("cannot read the file: ") + std::strerror(error), error);
    }
    if (S_ISDIR(st.st_mode)) throw Error(Errc::io, path, "is a directory, not a form", EISDIR);
    if (static_cast<std::uintmax_t>(st.st_size) > limit)
        throw Error(Errc::invalid, path, "the file is " + std::to_string(st.st_size) +
                                       " bytes; a returned form is at most " + forms::size_text(limit));
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int error = errno;
        throw Error(Errc::io, path, std::string("cannot read the file: ") + std::strerror(error), error);
    }
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(Errc::io, path, "read error", EIO);
    return bytes;
}

// A reader's or size error as a problem with the whole file: the file is named
// beside the problem already, so it is taken off the error's place.
FormReturn file_problem(FormReturn r, const std::string& name, const Error& e) {
    std::string message = e.what();
    if (e.where() == name) {
        message = e.message();
    } else if (e.where().size() > name.size() + 2 && e.where().compare(0, name.size() + 2, name + ": ") == 0) {
        message = e.where().substr(name.size() + 2) + ": " + e.message();  // a part or row of the file
    }
    r.problems.push_back({{}, 0, 0, message});
    r.blocked = true;
    return r;
}

}  // namespace

std::string FormProblem::where() const {
    std::string out;
    if (!sheet.empty()) out = "sheet \"" + sheet + "\"";
    if (row) out += (out.empty() ? "" : ", ") + std::string("row ") + std::to_string(row);
    if (column) out += (out.empty() ? "" : ", ") + std::string("column ") + forms::column_letters(column);
    return out;
}

std::string FormProblem::to_string() const {
    const std::string place = where();
    return place.empty() ? message : place + ": " + message;
}

FormReturn process_form(Store& store, const std::string& path, const ProcessOptions& options) {
    try {
        return process_form_bytes(store, read_bytes(path, forms::ReadLimits{}.max_file_bytes), path, options);
    } catch (const Error& e) {
        if (e.code() != Errc::invalid) throw;
        // Too large to read: a problem with the file, like any other reader limit.
        FormReturn r;
        r.file = path;
        r.meeting = options.meeting;
        return file_problem(std::move(r), path, e);
    }
}

FormReturn process_form_bytes(Store& store, std::string_view bytes, const std::string& name,
                              const ProcessOptions& options) {
    const Meeting meeting = meeting_for(store, options.meeting);
    FormReturn r;
    r.file = name;
    r.meeting = meeting.key();
    r.format = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ? FormFormat::xlsx : FormFormat::csv;

    forms::Workbook workbook;
    try {
        workbook = forms::read_workbook(bytes, name);
    } catch (const Error& e) {
        if (e.code() != Errc::invalid) throw;
        return file_problem(std::move(r), name, e);
    }
    r.encoding = workbook.encoding;

    auto checked = forms::check_workbook(workbook, store, meeting);
    r.regions = std::move(checked.regions);
    r.rows = checked.rows;
    r.unchanged = checked.unchanged;
    r.updates = std::move(checked.updates);
    r.changes = std::move(checked.changes);
    r.problems = std::move(checked.problems);
    r.blocked = checked.fatal || (!r.problems.empty() && !options.skip_bad_rows);
    if (r.blocked || options.dry_run) return r;
    if (!r.updates.empty()) {
        Dataset data;
        data.updates = r.updates;
        store.merge(data);  // one transaction: all of the file or nothing
    }
    r.stored = true;
    return r;
}

}  // namespace actielijst
