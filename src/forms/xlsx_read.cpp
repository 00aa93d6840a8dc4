// Reading a returned form saved as XLSX (sheet.hpp). The zip archive is read from
// memory with minizip and each XML part is inflated in chunks straight into expat, so
// no part is ever held whole; every size is counted against ReadLimits as it is read,
// because the sizes an archive declares can lie.
#include "forms/sheet.hpp"

#include <actielijst/error.hpp>

#include <expat.h>
#include <unzip.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

namespace actielijst::forms {
namespace {

/// A problem at `where` (the file, a part of it, a row or a cell).
[[noreturn]] void fail(const std::string& where, const std::string& message) {
    throw Error(Errc::invalid, where, message);
}


/// A name or value from the file, quoted and cut short for a message.
std::string quoted(std::string_view text) {
    constexpr std::size_t shown = 40;
    if (text.size() > shown) return "\"" + std::string(text.substr(0, shown)) + "...\"";
    return "\"" + std::string(text) + "\"";
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// An element or attribute name without its namespace prefix: some producers write
/// `x:c` or `r:id`, Excel writes `c`; only the local name tells what it is.
std::string_view local_name(std::string_view name) {
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::optional<std::string_view> attribute(const XML_Char** attributes, std::string_view name) {
    for (auto a = attributes; a && a[0] && a[1]; a += 2)
        if (local_name(a[0]) == name) return std::string_view(a[1]);
    return std::nullopt;
}

/// Texts keep their line breaks as LF only (a CR can reach us as `&#13;`).
void normalise_newlines(std::string& text) {
    if (text.find('\r') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    text = std::move(out);
}

/// Character data gathered for one text, stored only up to the limit but counted in
/// full, so a huge text costs no memory and the message can still say how long it was.
struct BoundedText {
    std::string text;
    std::size_t length = 0;

    void clear() {
        text.clear();
        length = 0;
    }
    void add(std::string_view chars, std::size_t limit) {
        length += chars.size();
        if (length <= limit) text.append(chars);
    }
};

// ---------------------------------------------------------------------------------
// The archive in memory: minizip 1.1 only knows files, so it gets I/O callbacks over
// the bytes. There is one stream, the bytes themselves.

struct MemoryStream {
    std::string_view bytes;
    std::uint64_t position = 0;  // never past bytes.size()
};

voidpf ZCALLBACK memory_open(voidpf opaque, const void*, int mode) {
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
    auto* stream = static_cast<MemoryStream*>(opaque);
    stream->position = 0;
    return stream;
}

uLong ZCALLBACK memory_read(voidpf, voidpf stream, void* buffer, uLong size) {
    auto* s = static_cast<MemoryStream*>(stream);
    const auto n = std::min<std::uint64_t>(size, s->bytes.size() - s->position);
    if (n > 0) std::memcpy(buffer, s->bytes.data() + s->position, n);
    s->position += n;
    return static_cast<uLong>(n);
}

uLong ZCALLBACK memory_write(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK memory_tell(voidpf, voidpf stream) { return static_cast<MemoryStream*>(stream)->position; }

long ZCALLBACK memory_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* s = static_cast<MemoryStream*>(stream);
    std::uint64_t base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = s->position;
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = s->bytes.size();
    else if (origin != ZLIB_FILEFUNC_SEEK_SET)
        return -1;
    if (offset > s->bytes.size() - base) return -1;  // past the end (base <= size, no overflow)
    s->position = base + offset;
    return 0;
}

int ZCALLBACK memory_close(voidpf, voidpf) { return 0; }
int ZCALLBACK memory_error(voidpf, voidpf) { return 0; }

// ---------------------------------------------------------------------------------
// expat, driven from C++: the handlers may throw; the trampolines catch everything,
// stop the parser and the exception is rethrown once XML_Parse has returned, so no
// exception ever unwinds through expat's C frames.

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view name, const XML_Char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view chars) = 0;
};

class XmlStream {
public:
    XmlStream(XmlHandler& handler, std::string where) : handler_(handler), where_(std::move(where)) {
        parser_ = XML_ParserCreate(nullptr);
        if (!parser_) throw std::bad_alloc();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, on_start, on_end);
        XML_SetCharacterDataHandler(parser_, on_text);
        // No DOCTYPE means no entity can be declared: no billion laughs, no external
        // entities (there is deliberately no external entity handler either).
        XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
        XML_SetEntityDeclHandler(parser_, on_entity);
    }
    ~XmlStream() { XML_ParserFree(parser_); }
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    void feed(const char* data, std::size_t size, bool last) {
        const auto status = XML_Parse(parser_, data, static_cast<int>(size), last ? 1 : 0);
        if (failure_) std::rethrow_exception(failure_);
        if (refused_) fail(where_, refused_ + position());
        if (status != XML_STATUS_OK)
            fail(where_, "XML error" + position() + ": " + XML_ErrorString(XML_GetErrorCode(parser_)));
    }

private:
    std::string position() const {
        return " at line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ", column " +
               std::to_string(XML_GetCurrentColumnNumber(parser_) + 1);
    }
    bool stopped() const { return failure_ || refused_; }
    void capture() {
        failure_ = std::current_exception();
        XML_StopParser(parser_, XML_FALSE);
    }
    void refuse(const char* reason) {
        if (!stopped()) refused_ = reason;
        XML_StopParser(parser_, XML_FALSE);
    }

    static void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* self = static_cast<XmlStream*>(data);
        if (self->stopped()) return;
        try {
            self->handler_.start(local_name(name), attributes);
        } catch (...) {
            self->capture();
        }
    }
    static void XMLCALL on_end(void* data, const XML_Char* name) {
        auto* self = static_cast<XmlStream*>(data);
        if (self->stopped()) return;
        try {
            self->handler_.end(local_name(name));
        } catch (...) {
            self->capture();
        }
    }
    static void XMLCALL on_text(void* data, const XML_Char* chars, int length) {
        auto* self = static_cast<XmlStream*>(data);
        if (self->stopped()) return;
        try {
            self->handler_.text(std::string_view(chars, static_cast<std::size_t>(length)));
        } catch (...) {
            self->capture();
        }
    }
    static void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        static_cast<XmlStream*>(data)->refuse("a DOCTYPE is not allowed (entities are refused)");
    }
    static void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                  const XML_Char*, const XML_Char*, const XML_Char*) {
        static_cast<XmlStream*>(data)->refuse("a DOCTYPE is not allowed (entities are refused)");
    }

    XML_Parser parser_ = nullptr;
    XmlHandler& handler_;
    std::string where_;
    std::exception_ptr failure_;
    const char* refused_ = nullptr;
};

// ---------------------------------------------------------------------------------
// The zip archive: its directory, checked once, and parts streamed into a handler.

class Archive {
public:
    Archive(std::string_view bytes, const std::string& name, const ReadLimits& limits)
        : name_(name), limits_(limits), stream_{bytes, 0} {
        zlib_filefunc64_def io{};
        io.zopen64_file = memory_open;
        io.zread_file = memory_read;
        io.zwrite_file = memory_write;
        io.ztell64_file = memory_tell;
        io.zseek64_file = memory_seek;
        io.zclose_file = memory_close;
        io.zerror_file = memory_error;
        io.opaque = &stream_;
        zip_ = unzOpen2_64("", &io);
        if (!zip_) damaged("no valid end of central directory");
        try {
            list_entries();
        } catch (...) {
            unzClose(zip_);  // the destructor does not run for a constructor that throws
            throw;
        }
    }
    ~Archive() { unzClose(zip_); }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    bool has(const std::string& part) const { return entries_.count(lower(part)) > 0; }

    /// Inflates `part` in chunks into `handler`, counting every byte against the limits.
    void read(const std::string& part, XmlHandler& handler) {
        const auto found = entries_.find(lower(part));
        if (found == entries_.end()) fail(name_ + ": " + part, "not in the zip archive");
        Entry& entry = found->second;
        const std::string where = name_ + ": " + part;
        if (entry.encrypted) fail(where, "the entry is encrypted (save the workbook without a password)");
        if (entry.method != 0 && entry.method != Z_DEFLATED)
            fail(where, "compressed with method " + std::to_string(entry.method) +
                 ", which is not read (only stored and deflated entries are)");
        if (entry.declared_size > limits_.max_entry_bytes)
            fail(where, "declares " + std::to_string(entry.declared_size) + " bytes uncompressed (the limit is " +
                 size_text(limits_.max_entry_bytes) + ")");
        if (unzGoToFilePos64(zip_, &entry.position) != UNZ_OK) damaged("cannot find " + part);
        if (unzOpenCurrentFile(zip_) != UNZ_OK) damaged("bad local header of " + part);
        // Closed on every path; the CRC verdict is only wanted when all was read.
        struct Closer {
            unzFile zip;
            bool open = true;
            int close() {
                open = false;
                return unzCloseCurrentFile(zip);
            }
            ~Closer() {
                if (open) unzCloseCurrentFile(zip);
            }
        } closer{zip_};

        XmlStream xml(handler, where);
        std::string chunk(64u << 10, '\0');
        std::size_t inflated = 0;
        for (;;) {
            const int n = unzReadCurrentFile(zip_, chunk.data(), static_cast<unsigned>(chunk.size()));
            if (n < 0) damaged("cannot inflate " + part + ", error " + std::to_string(n));
            if (n == 0) break;
            const auto got = static_cast<std::size_t>(n);
            inflated += got;
            total_ += got;
            if (inflated > limits_.max_entry_bytes)
                fail(where, "more than " + size_text(limits_.max_entry_bytes) + " uncompressed (the limit is " +
                     size_text(limits_.max_entry_bytes) + ")");
            if (total_ > limits_.max_total_bytes)
                fail(where, "the workbook's parts come to more than " + size_text(limits_.max_total_bytes) +
                     " uncompressed (the limit is " + size_text(limits_.max_total_bytes) + ")");
            xml.feed(chunk.data(), got, false);
        }
        // Before the XML is declared complete: a short or altered entry is damage, not an XML error.
        const int closed = closer.close();
        if (closed == UNZ_CRCERROR) damaged("CRC mismatch in " + part);
        if (closed != UNZ_OK) damaged("cannot finish " + part);
        xml.feed(nullptr, 0, true);
    }

private:
    struct Entry {
        unz64_file_pos position{};
        std::uint64_t declared_size = 0;
        int method = 0;
        bool encrypted = false;
    };

    [[noreturn]] void damaged(const std::string& detail) const {
        fail(name_, "not an XLSX workbook: the zip archive is damaged or truncated (" + detail + ")");
    }

    void list_entries() {
        unz_global_info64 global{};
        if (unzGetGlobalInfo64(zip_, &global) != UNZ_OK) damaged("unreadable central directory");
        if (global.number_entry > limits_.max_entries)
            fail(name_, "the zip archive holds " + std::to_string(global.number_entry) +
                 " entries (the limit is " + std::to_string(limits_.max_entries) + ")");
        if (global.number_entry == 0) fail(name_, "not an XLSX workbook: the zip archive is empty");
        int status = unzGoToFirstFile(zip_);
        std::size_t count = 0;
        while (status == UNZ_OK) {
            if (++count > limits_.max_entries)
                fail(name_, "the zip archive holds more than " + std::to_string(limits_.max_entries) +
                     " entries (the limit)");
            unz_file_info64 info{};
            char buffer[1024];
            if (unzGetCurrentFileInfo64(zip_, &info, buffer, sizeof buffer, nullptr, 0, nullptr, 0) != UNZ_OK)
                damaged("unreadable central directory entry " + std::to_string(count));
            const std::string part(buffer, std::min<std::size_t>(info.size_filename, sizeof buffer));
            Entry entry;
            if (unzGetFilePos64(zip_, &entry.position) != UNZ_OK) damaged("unreadable central directory");
            entry.declared_size = info.uncompressed_size;
            entry.method = static_cast<int>(info.compression_method);
            entry.encrypted = (info.flag & 1u) != 0;
            entries_.emplace(lower(part), entry);  // a duplicate name: the first one counts
            status = unzGoToNextFile(zip_);
        }
        if (status != UNZ_END_OF_LIST_OF_FILE)
            damaged("unreadable central directory after entry " + std::to_string(count));
    }

    const std::string& name_;
    const ReadLimits& limits_;
    MemoryStream stream_;
    unzFile zip_ = nullptr;
    std::map<std::string, Entry> entries_;  ///< by lower-case name: part names ignore case
    std::size_t total_ = 0;                 ///< bytes inflated so far, all parts
};

// ---------------------------------------------------------------------------------
// The parts of a workbook.

/// xl/workbook.xml: the sheets in workbook order, each with its relationship id.
class WorkbookPart : public XmlHandler {
public:
    struct Entry {
        std::string name, relationship;
    };
    WorkbookPart(const std::string& where, std::size_t max_sheets) : where_(where), max_sheets_(max_sheets) {}
    std::vector<Entry> sheets;

    void start(std::string_view name, const XML_Char** attributes) override {
        if (name == "sheets") in_sheets_ = true;
        if (name != "sheet" || !in_sheets_) return;
        if (sheets.size() >= max_sheets_)
            fail(where_, "more than " + std::to_string(max_sheets_) + " sheets (the limit)");
        const auto sheet_name = attribute(attributes, "name");
        const auto id = attribute(attributes, "id");
        if (!id) fail(where_, "sheet " + quoted(sheet_name.value_or("")) + " has no r:id");
        sheets.push_back({std::string(sheet_name.value_or("")), std::string(*id)});
    }
    void end(std::string_view name) override {
        if (name == "sheets") in_sheets_ = false;
    }
    void text(std::string_view) override {}

private:
    std::string where_;
    std::size_t max_sheets_;
    bool in_sheets_ = false;
};

/// xl/_rels/workbook.xml.rels: relationship id -> part name and type.
class RelationshipsPart : public XmlHandler {
public:
    struct Target {
        std::string part, type;
    };
    RelationshipsPart(const std::string& where, std::size_t max_relationships)
        : where_(where), max_(max_relationships) {}
    std::map<std::string, Target> targets;

    void start(std::string_view name, const XML_Char** attributes) override {
        if (name != "Relationship") return;
        if (++count_ > max_) fail(where_, "more than " + std::to_string(max_) + " relationships (the limit)");
        const auto id = attribute(attributes, "Id");
        const auto target = attribute(attributes, "Target");
        const auto mode = attribute(attributes, "TargetMode");
        if (!id || !target || (mode && *mode == "External")) return;
        const auto type = attribute(attributes, "Type").value_or("");
        targets.emplace(std::string(*id), Target{resolve(*target), std::string(type)});
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}

private:
    /// A target relative to xl/ (or absolute, "/xl/..."), as a part name: "xl/worksheets/sheet1.xml".
    static std::string resolve(std::string_view target) {
        std::string joined = target.substr(0, 1) == "/" ? std::string(target.substr(1)) : "xl/" + std::string(target);
        std::vector<std::string> segments;
        std::size_t from = 0;
        while (from <= joined.size()) {
            auto slash = joined.find('/', from);
            if (slash == std::string::npos) slash = joined.size();
            const auto segment = joined.substr(from, slash - from);
            if (segment == "..") {
                if (!segments.empty()) segments.pop_back();
            } else if (!segment.empty() && segment != ".") {
                segments.push_back(segment);
            }
            from = slash + 1;
        }
        std::string part;
        for (const auto& segment : segments) part += (part.empty() ? "" : "/") + segment;
        return part;
    }

    std::string where_;
    std::size_t max_;
    std::size_t count_ = 0;
};

/// What every part counts against: the non-empty cells and shared strings of the file.
struct CellBudget {
    std::size_t used = 0;
    std::size_t limit = 0;
    bool take() { return ++used <= limit; }
};

/// xl/sharedStrings.xml: each <si> is the concatenation of its <t> texts, rich-text
/// runs included, phonetic guides (<rPh>) left out.
class SharedStringsPart : public XmlHandler {
public:
    SharedStringsPart(const std::string& where, const ReadLimits& limits, CellBudget& budget)
        : where_(where), limits_(limits), budget_(budget) {}
    std::vector<std::string> strings;
    /// Strings longer than the limit are kept empty; their length is here, and a cell
    /// that uses one is the error (an unused one harms nobody).
    std::unordered_map<std::size_t, std::size_t> too_long;

    void start(std::string_view name, const XML_Char**) override {
        if (name == "si") {
            in_item_ = true;
            phonetic_ = 0;
            text_.clear();
        } else if (name == "rPh") {
            ++phonetic_;
        } else if (name == "t" && in_item_ && phonetic_ == 0) {
            in_text_ = true;
        }
    }
    void end(std::string_view name) override {
        if (name == "t") {
            in_text_ = false;
        } else if (name == "rPh") {
            if (phonetic_ > 0) --phonetic_;
        } else if (name == "si" && in_item_) {
            in_item_ = false;
            if (!budget_.take())
                fail(where_, "more than " + std::to_string(budget_.limit) +
                     " shared strings and cells (the limit is " + std::to_string(budget_.limit) + " cells)");
            if (text_.length > limits_.max_cell_chars) {
                too_long.emplace(strings.size(), text_.length);
                strings.emplace_back();
            } else {
                normalise_newlines(text_.text);
                strings.push_back(std::move(text_.text));
            }
            text_.clear();
        }
    }
    void text(std::string_view chars) override {
        if (in_text_) text_.add(chars, limits_.max_cell_chars);
    }

private:
    std::string where_;
    const ReadLimits& limits_;
    CellBudget& budget_;
    BoundedText text_;
    bool in_item_ = false;
    bool in_text_ = false;
    int phonetic_ = 0;
};

/// "C7" -> column 3, row 7; nothing when it is not a cell reference.
struct CellRef {
    std::uint32_t column = 0, row = 0;
};

std::optional<std::uint32_t> parse_row_number(std::string_view digits) {
    // Nine digits at most: far past any row limit, and no overflow.
    if (digits.empty() || digits.size() > 9) return std::nullopt;
    std::uint32_t value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (value == 0) return std::nullopt;
    return value;
}

std::optional<CellRef> parse_cell_ref(std::string_view text) {
    CellRef ref;
    std::size_t i = 0;
    for (; i < text.size() && i < 4; ++i) {  // XFD, Excel's last column, has three letters
        char c = text[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        ref.column = ref.column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
    }
    if (i == 0 || i > 3) return std::nullopt;
    const auto row = parse_row_number(text.substr(i));
    if (!row) return std::nullopt;
    ref.row = *row;
    return ref;
}

std::string cell_name(std::uint32_t column, std::uint32_t row) { return column_letters(column) + std::to_string(row); }

/// One worksheet: the non-empty cells of <sheetData>, row by row.
class WorksheetPart : public XmlHandler {
public:
    WorksheetPart(const std::string& file, Sheet& sheet, const ReadLimits& limits, CellBudget& budget,
                  const SharedStringsPart* shared)
        : sheet_(sheet),
          limits_(limits),
          budget_(budget),
          shared_(shared),
          where_(file + ": sheet " + quoted(sheet.name)) {}

    void start(std::string_view name, const XML_Char** attributes) override {
        if (name == "sheetData") {
            in_data_ = true;
        } else if (!in_data_) {
            return;
        } else if (name == "row") {
            start_row(attributes);
        } else if (name == "c" && in_row_) {
            start_cell(attributes);
        } else if (!in_cell_) {
            return;
        } else if (name == "v") {
            target_ = &value_;
        } else if (name == "f") {
            has_formula_ = true;
            target_ = &formula_;
        } else if (name == "rPh") {
            ++phonetic_;
        } else if (name == "t" && in_inline_ && phonetic_ == 0) {
            target_ = &value_;
        } else if (name == "is") {
            in_inline_ = true;
        }
    }

    void end(std::string_view name) override {
        if (name == "sheetData") {
            in_data_ = false;
        } else if (!in_data_) {
            return;
        } else if (name == "row" && in_row_) {
            end_row();
        } else if (name == "c" && in_cell_) {
            end_cell();
        } else if (name == "v" || name == "f" || name == "t") {
            target_ = nullptr;
        } else if (name == "rPh") {
            if (phonetic_ > 0) --phonetic_;
        } else if (name == "is") {
            in_inline_ = false;
        }
    }

    void text(std::string_view chars) override {
        if (target_) target_->add(chars, limits_.max_cell_chars);
    }

private:
    enum class Kind { number, shared, inline_string, string, boolean, error };

    std::string here() const { return where_ + ", cell " + cell_name(column_, row_); }
    std::string in_row() const { return where_ + ", row " + std::to_string(row_); }

    void start_row(const XML_Char** attributes) {
        in_row_ = true;
        column_ = 0;
        cells_.clear();
        row_known_ = false;
        if (const auto r = attribute(attributes, "r")) {
            const auto number = parse_row_number(*r);
            if (!number)
                fail(where_ + ", after row " + std::to_string(last_row_), quoted(*r) + " is not a row number");
            set_row(*number);
        }
    }

    void set_row(std::uint32_t number) {
        if (number <= last_row_)
            fail(where_ + ", row " + std::to_string(number), "comes after row " + std::to_string(last_row_) +
                 " (rows must be in order)");
        row_ = number;
        row_known_ = true;
    }

    void end_row() {
        in_row_ = false;
        if (!row_known_) set_row(last_row_ + 1);
        last_row_ = row_;
        if (!cells_.empty()) sheet_.rows.push_back(SheetRow{row_, std::move(cells_)});
        cells_.clear();
    }

    void start_cell(const XML_Char** attributes) {
        in_cell_ = true;
        in_inline_ = false;
        has_formula_ = false;
        phonetic_ = 0;
        target_ = nullptr;
        value_.clear();
        formula_.clear();
        if (const auto r = attribute(attributes, "r")) {
            const auto ref = parse_cell_ref(*r);
            if (!ref) fail((row_known_ ? in_row() : where_), quoted(*r) + " is not a cell reference");
            if (!row_known_) set_row(ref->row);
            if (ref->row != row_)
                fail(in_row(), "cell " + cell_name(ref->column, ref->row) + " is not in this row");
            if (ref->column <= column_)
                fail(where_ + ", cell " + cell_name(ref->column, ref->row), "comes after column " +
                     column_letters(column_) + " (cells must be in column order)");
            column_ = ref->column;
        } else {
            // Excel allows leaving out r: the next column, and for a row the next row.
            if (!row_known_) set_row(last_row_ + 1);
            ++column_;
        }
        const auto type = attribute(attributes, "t").value_or("n");
        if (type == "n" || type == "d")
            kind_ = Kind::number;  // a date written as ISO text: kept as text, read as a number cell
        else if (type == "s")
            kind_ = Kind::shared;
        else if (type == "inlineStr")
            kind_ = Kind::inline_string;
        else if (type == "str")
            kind_ = Kind::string;
        else if (type == "b")
            kind_ = Kind::boolean;
        else if (type == "e")
            kind_ = Kind::error;
        else
            fail(here(), "unknown cell type " + quoted(type));
    }

    void end_cell() {
        in_cell_ = false;
        target_ = nullptr;
        Cell cell;
        std::size_t length = 0;
        if (has_formula_) {
            cell.type = CellType::formula;
            length = formula_.length;
            cell.text = std::move(formula_.text);
        } else if (kind_ == Kind::shared) {
            if (value_.length == 0) return;
            cell.type = CellType::text;
            const auto index = shared_index();
            if (const auto found = shared_->too_long.find(index); found != shared_->too_long.end())
                length = found->second;
            else
                cell.text = shared_->strings[index];
        } else {
            length = value_.length;
            cell.text = std::move(value_.text);
            switch (kind_) {
                case Kind::number: cell.type = CellType::number; break;
                case Kind::boolean: cell.type = CellType::boolean; break;
                case Kind::error: cell.type = CellType::error; break;
                default: cell.type = CellType::text; break;
            }
        }
        if (length > limits_.max_cell_chars)
            fail(here(), "a text of " + std::to_string(length) + " bytes (the limit is " +
                 std::to_string(limits_.max_cell_chars) + ")");
        if (cell.type != CellType::formula && cell.text.empty()) return;  // nothing in it
        if (!budget_.take())
            fail(here(), "more than " + std::to_string(budget_.limit) +
                 " non-empty cells in the workbook, shared strings included (the limit is " +
                 std::to_string(budget_.limit) + ")");
        if (column_ > limits_.max_columns)
            fail(here(), "past the last column this form reads (" + column_letters(limits_.max_columns) + ")");
        if (row_ > limits_.max_rows)
            fail(here(), "past the last row this form reads (" + std::to_string(limits_.max_rows) + ")");
        normalise_newlines(cell.text);
        cells_.resize(column_ - 1);
        cells_.push_back(std::move(cell));
    }

    std::size_t shared_index() const {
        const auto& digits = value_.text;
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
            fail(here(), "shared string index " + quoted(digits) + " is not a number");
        const auto index = static_cast<std::size_t>(std::stoul(digits));
        const std::size_t count = shared_ ? shared_->strings.size() : 0;
        if (index >= count)
            fail(here(), "shared string " + std::to_string(index) + " does not exist (the workbook has " +
                 std::to_string(count) + ")");
        return index;
    }

    Sheet& sheet_;
    const ReadLimits& limits_;
    CellBudget& budget_;
    const SharedStringsPart* shared_;
    std::string where_;

    bool in_data_ = false, in_row_ = false, in_cell_ = false, in_inline_ = false, has_formula_ = false;
    bool row_known_ = false;
    int phonetic_ = 0;
    std::uint32_t last_row_ = 0, row_ = 0, column_ = 0;
    std::vector<Cell> cells_;
    Kind kind_ = Kind::number;
    BoundedText value_, formula_;
    BoundedText* target_ = nullptr;
};

}  // namespace

Workbook read_xlsx(std::string_view bytes, const std::string& name, const ReadLimits& limits) {
    if (bytes.size() > limits.max_file_bytes)
        fail(name, "the file is " + std::to_string(bytes.size()) + " bytes (the limit is " +
             size_text(limits.max_file_bytes) + ")");
    Archive archive(bytes, name, limits);

    const std::string workbook_part = "xl/workbook.xml";
    if (!archive.has(workbook_part)) fail(name, "not an XLSX workbook: the archive holds no " + workbook_part);
    WorkbookPart workbook(name + ": " + workbook_part, limits.max_entries);
    archive.read(workbook_part, workbook);
    if (workbook.sheets.empty()) fail(name + ": " + workbook_part, "the workbook lists no sheets");

    const std::string relationships_part = "xl/_rels/workbook.xml.rels";
    if (!archive.has(relationships_part))
        fail(name, "not an XLSX workbook: the archive holds no " + relationships_part);
    RelationshipsPart relationships(name + ": " + relationships_part, limits.max_entries);
    archive.read(relationships_part, relationships);

    CellBudget budget{0, limits.max_cells};
    std::string shared_part = "xl/sharedStrings.xml";
    for (const auto& [id, target] : relationships.targets)
        if (target.type.ends_with("/sharedStrings")) shared_part = target.part;
    std::optional<SharedStringsPart> shared;
    if (archive.has(shared_part)) {
        shared.emplace(name + ": " + shared_part, limits, budget);
        archive.read(shared_part, *shared);
    }

    Workbook result;
    for (const auto& entry : workbook.sheets) {
        const auto target = relationships.targets.find(entry.relationship);
        if (target == relationships.targets.end())
            fail(name, "sheet " + quoted(entry.name) + ": relationship " + quoted(entry.relationship) +
                 " is not in " + relationships_part);
        if (!archive.has(target->second.part))
            fail(name, "sheet " + quoted(entry.name) + ": its part " + target->second.part +
                 " is not in the zip archive");
        Sheet sheet;
        sheet.name = entry.name;
        WorksheetPart reader(name, sheet, limits, budget, shared ? &*shared : nullptr);
        archive.read(target->second.part, reader);
        result.sheets.push_back(std::move(sheet));
    }
    return result;
}

}  // namespace actielijst::forms
