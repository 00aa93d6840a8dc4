// Reading returned forms (src/forms/sheet.hpp): XLSX workbooks built here with minizip,
// CSV files in every encoding and delimiter a spreadsheet writes, and hostile inputs
// (zip bombs, lying headers, entities, too many cells, damage), each refused with a
// message that says what and where.
#include "support.hpp"

#include "forms/sheet.hpp"

#include <minizip/zip.h>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace actielijst;
using namespace actielijst::forms;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

/// A zip archive holding `parts`, deflated, as bytes.
std::string make_zip(const Parts& parts) {
    test::TempDir dir;
    const auto path = dir.file("book.zip");
    zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(zip != nullptr);
    for (const auto& [name, content] : parts) {
        REQUIRE(zipOpenNewFileInZip64(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                      Z_BEST_COMPRESSION, 0) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size())) == ZIP_OK);
        REQUIRE(zipCloseFileInZip(zip) == ZIP_OK);
    }
    REQUIRE(zipClose(zip, nullptr) == ZIP_OK);
    return test::read_file(path);
}

const std::string main_ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
const std::string rel_ns = R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

std::string sheet_xml(const std::string& rows) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           "\n<worksheet " + main_ns + "><sheetData>" + rows + "</sheetData></worksheet>";
}

std::string shared_xml(const std::vector<std::string>& items) {
    std::string xml = "<sst " + main_ns + ">";
    for (const auto& item : items) xml += "<si>" + item + "</si>";
    return xml + "</sst>";
}

/// The parts of a workbook with the given sheets (name, worksheet XML) and shared strings.
Parts workbook_parts(const std::vector<std::pair<std::string, std::string>>& sheets, const std::string& shared = "") {
    std::string workbook = "<workbook " + main_ns + " " + rel_ns + "><sheets>";
    std::string rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    Parts parts;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const auto n = std::to_string(i + 1);
        workbook += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                "Target=\"worksheets/sheet" + n + ".xml\"/>";
        parts.emplace_back("xl/worksheets/sheet" + n + ".xml", sheets[i].second);
    }
    if (!shared.empty()) {
        rels += R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>)";
        parts.emplace_back("xl/sharedStrings.xml", shared);
    }
    parts.emplace_back("xl/workbook.xml", workbook + "</sheets></workbook>");
    parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
    parts.emplace_back("[Content_Types].xml", "<Types/>");
    return parts;
}

std::string xlsx(const std::string& rows, const std::string& shared = "") {
    return make_zip(workbook_parts({{"Zuid-Limburg", sheet_xml(rows)}}, shared));
}

Sheet only_sheet(const Workbook& book) {
    REQUIRE(book.sheets.size() == 1);
    return book.sheets[0];
}

void write_u32(std::string& bytes, std::size_t at, std::uint32_t v) {
    for (std::size_t i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
std::uint16_t read_u16(const std::string& bytes, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                      (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

/// Makes the local and central headers of `entry` declare `size` bytes uncompressed.
void patch_uncompressed_size(std::string& zip, const std::string& entry, std::uint32_t size) {
    int patched = 0;
    for (std::size_t at = 0; at + 46 < zip.size(); ++at) {
        if (zip.compare(at, 4, std::string("PK\x03\x04", 4)) == 0 &&
            zip.compare(at + 30, read_u16(zip, at + 26), entry) == 0 && read_u16(zip, at + 26) == entry.size()) {
            write_u32(zip, at + 22, size);
            ++patched;
        } else if (zip.compare(at, 4, std::string("PK\x01\x02", 4)) == 0 &&
                   read_u16(zip, at + 28) == entry.size() && zip.compare(at + 46, entry.size(), entry) == 0) {
            write_u32(zip, at + 24, size);
            ++patched;
        }
    }
    REQUIRE(patched == 2);
}

ReadLimits small_limits() {
    ReadLimits limits;
    limits.max_file_bytes = 1u << 20;
    limits.max_entries = 10;
    limits.max_entry_bytes = 64u << 10;
    limits.max_total_bytes = 128u << 10;
    limits.max_cells = 5;
    limits.max_cell_chars = 100;
    limits.max_columns = 4;
    limits.max_rows = 50;
    return limits;
}

}  // namespace

TEST_SUITE("forms_read") {

TEST_CASE("column letters") {
    CHECK(column_letters(1) == "A");
    CHECK(column_letters(26) == "Z");
    CHECK(column_letters(27) == "AA");
    CHECK(column_letters(64) == "BL");
    CHECK(column_letters(702) == "ZZ");
    CHECK(column_letters(703) == "AAA");
    CHECK(column_letters(16384) == "XFD");
    SheetRow row{3, {Cell{CellType::text, "a"}}};
    CHECK(row.at(1).text == "a");
    CHECK(row.at(2).type == CellType::empty);
    CHECK(row.at(0).type == CellType::empty);
}

TEST_CASE("xlsx: every kind of cell") {
    const auto shared = shared_xml({"<t>Venlo</t>",
                                    "<r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space=\"preserve\"> text</t></r>"
                                    "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh>",
                                    "<t>twee&#13;&#10;regels</t>", "<t></t>"});
    const auto book = read_workbook(
        xlsx(R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>)"
             R"(<row r="3"><c r="A3"><v>42.5</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c>)"
             R"(<c r="D3" t="d"><v>2024-06-01T00:00:00</v></c></row>)"
             R"(<row r="5"><c r="A5" t="inlineStr"><is><t>inline</t></is></c>)"
             R"(<c r="B5"><f>SUM(A3:A4)</f><v>42.5</v></c><c r="C5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>)"
             R"(<c r="D5" t="inlineStr"><is><t>=1+1</t></is></c></row>)"
             R"(<row r="6"><c r="A6" t="s"><v>3</v></c><c r="B6" s="1"/></row>)"
             R"(<row r="7"><c r="A7" t="str"><v>line1)" "\r\n" R"(line2</v></c></row>)",
             shared),
        "zuid.xlsx");
    CHECK(book.encoding.empty());
    const auto sheet = only_sheet(book);
    CHECK(sheet.name == "Zuid-Limburg");
    REQUIRE(sheet.rows.size() == 4);  // row 6 holds only empty cells
    CHECK(sheet.rows[0].number == 2);
    CHECK(sheet.rows[0].at(1).type == CellType::text);
    CHECK(sheet.rows[0].at(1).text == "Venlo");
    CHECK(sheet.rows[0].at(2).text == "Rich text");
    CHECK(sheet.rows[0].at(3).type == CellType::empty);
    CHECK(sheet.rows[0].at(4).text == "twee\nregels");
    CHECK(sheet.rows[1].number == 3);
    CHECK(sheet.rows[1].at(1).type == CellType::number);
    CHECK(sheet.rows[1].at(1).text == "42.5");
    CHECK(sheet.rows[1].at(2).type == CellType::boolean);
    CHECK(sheet.rows[1].at(2).text == "1");
    CHECK(sheet.rows[1].at(3).type == CellType::error);
    CHECK(sheet.rows[1].at(3).text == "#N/A");
    CHECK(sheet.rows[1].at(4).type == CellType::number);
    CHECK(sheet.rows[1].at(4).text == "2024-06-01T00:00:00");
    CHECK(sheet.rows[2].number == 5);
    CHECK(sheet.rows[2].at(1).type == CellType::text);
    CHECK(sheet.rows[2].at(1).text == "inline");
    CHECK(sheet.rows[2].at(2).type == CellType::formula);
    CHECK(sheet.rows[2].at(2).text == "SUM(A3:A4)");
    CHECK(sheet.rows[2].at(3).type == CellType::formula);
    CHECK(sheet.rows[2].at(3).text == "\"a\"&\"b\"");
    CHECK(sheet.rows[2].at(4).type == CellType::text);  // looks like a formula, is not one
    CHECK(sheet.rows[2].at(4).text == "=1+1");
    CHECK(sheet.rows[3].number == 7);
    CHECK(sheet.rows[3].at(1).text == "line1\nline2");
}

TEST_CASE("xlsx: missing r attributes, prefixed elements, several sheets") {
    const std::string prefixed =
        R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
        R"(<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>hier</x:t></x:is></x:c></x:row>)"
        R"(</x:sheetData></x:worksheet>)";
    const auto book = read_xlsx(
        make_zip(workbook_parts({{"Noord", sheet_xml(R"(<row><c><v>1</v></c><c><v>2</v></c></row>)"
                                                   R"(<row><c t="inlineStr"><is><t>x</t></is></c></row>)"
                                                   R"(<row r="9"><c><v>9</v></c><c r="D9"><v>4</v></c><c><v>5</v></c></row>)")},
                                 {"Midden", prefixed}})),
        "noord.xlsx");
    REQUIRE(book.sheets.size() == 2);
    const auto& noord = book.sheets[0];
    CHECK(noord.name == "Noord");
    REQUIRE(noord.rows.size() == 3);
    CHECK(noord.rows[0].number == 1);
    CHECK(noord.rows[0].at(1).text == "1");
    CHECK(noord.rows[0].at(2).text == "2");
    CHECK(noord.rows[1].number == 2);
    CHECK(noord.rows[1].at(1).text == "x");
    CHECK(noord.rows[2].number == 9);
    CHECK(noord.rows[2].at(1).text == "9");
    CHECK(noord.rows[2].at(4).text == "4");
    CHECK(noord.rows[2].at(5).text == "5");
    const auto& midden = book.sheets[1];
    CHECK(midden.name == "Midden");
    REQUIRE(midden.rows.size() == 1);
    CHECK(midden.rows[0].at(1).type == CellType::empty);
    CHECK(midden.rows[0].at(2).text == "hier");
}

TEST_CASE("xlsx: 10,000 rows within the default limits") {
    std::string rows;
    std::vector<std::string> shared;
    for (int r = 1; r <= 10000; ++r) {
        const auto n = std::to_string(r);
        rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"s\"><v>" + std::to_string(r % 100) + "</v></c><c r=\"B" + n +
                "\"><v>" + n + "</v></c><c r=\"C" + n + "\" t=\"inlineStr\"><is><t>actie " + n + "</t></is></c></row>";
    }
    for (int i = 0; i < 100; ++i) shared.push_back("<t>regio " + std::to_string(i) + "</t>");
    const auto sheet = only_sheet(read_workbook(xlsx(rows, shared_xml(shared)), "groot.xlsx"));
    REQUIRE(sheet.rows.size() == 10000);
    for (std::uint32_t r = 1; r <= 10000; r += 777) {
        const auto& row = sheet.rows[r - 1];
        CHECK(row.number == r);
        CHECK(row.at(1).text == "regio " + std::to_string(r % 100));
        CHECK(row.at(2).text == std::to_string(r));
        CHECK(row.at(3).text == "actie " + std::to_string(r));
    }
    CHECK(sheet.rows.back().at(3).text == "actie 10000");
}

TEST_CASE("xlsx: limits on cells, texts, columns and rows") {
    const auto limits = small_limits();
    CHECK_HAS(test::error_of([&] {
                  read_xlsx(xlsx(R"(<row r="1"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>)"
                                 R"(<row r="2"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>)"),
                            "zuid.xlsx", limits);
              }),
              "zuid.xlsx: sheet \"Zuid-Limburg\", cell C2: more than 5 non-empty cells");
    // Shared strings count against the same budget.
    CHECK_HAS(test::error_of([&] {
                  read_xlsx(xlsx("", shared_xml({"<t>a</t>", "<t>b</t>", "<t>c</t>", "<t>d</t>", "<t>e</t>", "<t>f</t>"})),
                            "zuid.xlsx", limits);
              }),
              "zuid.xlsx: xl/sharedStrings.xml: more than 5 shared strings and cells");
    CHECK_HAS(test::error_of([&] {
                  read_xlsx(xlsx(R"(<row r="7"><c r="C7" t="inlineStr"><is><t>)" + std::string(150, 'x') +
                                 "</t></is></c></row>"),
                            "zuid.xlsx", limits);
              }),
              "zuid.xlsx: sheet \"Zuid-Limburg\", cell C7: a text of 150 bytes (the limit is 100)");
    // A long shared string is only an error where a cell uses it.
    const auto long_shared = shared_xml({"<t>kort</t>", "<t>" + std::string(40000, 'y') + "</t>"});
    CHECK(only_sheet(read_xlsx(xlsx(R"(<row r="1"><c t="s"><v>0</v></c></row>)", long_shared), "z.xlsx")).rows.size() == 1);
    CHECK_HAS(test::error_of([&] {
                  read_xlsx(xlsx(R"(<row r="7"><c r="C7" t="s"><v>1</v></c></row>)", long_shared), "zuid.xlsx");
              }),
              "zuid.xlsx: sheet \"Zuid-Limburg\", cell C7: a text of 40000 bytes (the limit is 32767)");
    CHECK_HAS(test::error_of([&] {
                  read_xlsx(xlsx(R"(<row r="7"><c r="E7"><v>1</v></c></row>)"), "zuid.xlsx", limits);
              }),
              "cell E7: past the last column this form reads (D)");
    // An empty (formatted) cell far to the right is no error.
    CHECK(only_sheet(read_xlsx(xlsx(R"(<row r="7"><c r="A7"><v>1</v></c><c r="XFD7" s="2"/></row>)"), "z.xlsx", limits))
              .rows.size() == 1);
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="51"><c r="A51"><v>1</v></c></row>)"), "zuid.xlsx", limits); }),
              "cell A51: past the last row this form reads (50)");
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="7"><c r="A7" t="s"><v>3</v></c></row>)",
                                              shared_xml({"<t>a</t>"})), "zuid.xlsx"); }),
              "cell A7: shared string 3 does not exist (the workbook has 1)");
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="7"><c r="A7" t="s"><v>0</v></c></row>)"), "zuid.xlsx"); }),
              "cell A7: shared string 0 does not exist (the workbook has 0)");
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="7"><c r="A7" t="s"><v>-1</v></c></row>)",
                                              shared_xml({"<t>a</t>"})), "zuid.xlsx"); }),
              "cell A7: shared string index \"-1\" is not a number");
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="7"><c r="7A"><v>1</v></c></row>)"), "zuid.xlsx"); }),
              "zuid.xlsx: sheet \"Zuid-Limburg\", row 7: \"7A\" is not a cell reference");
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="7"><c r="A8"><v>1</v></c></row>)"), "zuid.xlsx"); }),
              "row 7: cell A8 is not in this row");
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="7"><c r="B7"><v>1</v></c><c r="A7"><v>1</v></c></row>)"),
                                          "zuid.xlsx"); }),
              "cell A7: comes after column B");
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="7"/><row r="3"/>)"), "zuid.xlsx"); }),
              "row 3: comes after row 7");
    CHECK_HAS(test::error_of([&] { read_xlsx(xlsx(R"(<row r="1"><c r="A1" t="x"><v>1</v></c></row>)"), "zuid.xlsx"); }),
              "cell A1: unknown cell type \"x\"");
}

TEST_CASE("xlsx: zip bombs, honest and lying") {
    auto limits = small_limits();
    // 1 MiB of white space inside the worksheet deflates to about a kilobyte.
    const std::string bomb = "<worksheet " + main_ns + ">" + std::string(1u << 20, ' ') + "<sheetData/></worksheet>";
    auto parts = workbook_parts({{"Zuid", bomb}});
    const auto honest = make_zip(parts);
    CHECK(honest.size() < 8192);
    CHECK_HAS(test::error_of([&] { read_xlsx(honest, "zuid.xlsx", limits); }),
              "zuid.xlsx: xl/worksheets/sheet1.xml: declares " + std::to_string(bomb.size()) +
                  " bytes uncompressed (the limit is 64 KiB)");

    // The same archive with both headers claiming 1,000 bytes, or exactly the limit:
    // no more than the claim is inflated (the reader counts what it gets as well), and
    // the lie shows as damage.
    for (const std::uint32_t claim : {1000u, 64u << 10}) {
        auto lying = honest;
        patch_uncompressed_size(lying, "xl/worksheets/sheet1.xml", claim);
        CHECK_HAS(test::error_of([&] { read_xlsx(lying, "zuid.xlsx", limits); }),
                  "zuid.xlsx: not an XLSX workbook: the zip archive is damaged or truncated "
                  "(CRC mismatch in xl/worksheets/sheet1.xml)");
    }

    // Each part under the limit, together over it.
    limits.max_entry_bytes = 1u << 20;
    limits.max_total_bytes = 1u << 20;
    const std::string half = "<worksheet " + main_ns + ">" + std::string(600u << 10, ' ') + "<sheetData/></worksheet>";
    CHECK_HAS(test::error_of([&] { read_xlsx(make_zip(workbook_parts({{"A", half}, {"B", half}})), "zuid.xlsx", limits); }),
              "zuid.xlsx: xl/worksheets/sheet2.xml: the workbook's parts come to more than 1 MiB uncompressed (the limit is 1 MiB)");
}

TEST_CASE("xlsx: archive structure") {
    const auto limits = small_limits();
    auto parts = workbook_parts({{"Zuid", sheet_xml("")}});
    for (int i = 0; i < 20; ++i) parts.emplace_back("xl/media/image" + std::to_string(i) + ".png", "x");
    CHECK_HAS(test::error_of([&] { read_xlsx(make_zip(parts), "zuid.xlsx", limits); }),
              "zuid.xlsx: the zip archive holds 24 entries (the limit is 10)");

    const auto valid = xlsx(R"(<row r="1"><c><v>1</v></c></row>)");
    CHECK(only_sheet(read_xlsx(valid, "zuid.xlsx")).rows.size() == 1);
    for (const auto cut : {valid.size() / 2, valid.size() - 23, std::size_t{4}, std::size_t{30}})
        CHECK_HAS(test::error_of([&] { read_workbook(valid.substr(0, cut), "zuid.xlsx"); }),
                  "zuid.xlsx: not an XLSX workbook: the zip archive is damaged or truncated");
    // Every single flipped byte: a clear error or a read, never a crash.
    for (std::size_t at = 0; at < valid.size(); ++at) {
        auto damaged = valid;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
        try {
            read_xlsx(damaged, "zuid.xlsx");
        } catch (const Error& e) {
            CHECK_STARTS(std::string(e.what()), "zuid.xlsx: ");
        }
    }
    // The "encrypted" flag (bit 0) set in the central directory entry of the sheet.
    auto encrypted = valid;
    const std::string sheet_part = "xl/worksheets/sheet1.xml";
    for (std::size_t at = 0; at + 46 < encrypted.size(); ++at)
        if (encrypted.compare(at, 4, std::string("PK\x01\x02", 4)) == 0 && read_u16(encrypted, at + 28) == sheet_part.size() &&
            encrypted.compare(at + 46, sheet_part.size(), sheet_part) == 0)
            encrypted[at + 8] = static_cast<char>(encrypted[at + 8] | 1);
    CHECK_HAS(test::error_of([&] { read_xlsx(encrypted, "zuid.xlsx"); }),
              "zuid.xlsx: xl/worksheets/sheet1.xml: the entry is encrypted (save the workbook without a password)");
    CHECK_HAS(test::error_of([&] { read_xlsx(make_zip({{"hello.txt", "hi"}}), "zuid.xlsx"); }),
              "zuid.xlsx: not an XLSX workbook: the archive holds no xl/workbook.xml");
    CHECK_HAS(test::error_of([&] { read_xlsx(std::string(2u << 20, 'P'), "zuid.xlsx", limits); }),
              "zuid.xlsx: the file is 2097152 bytes (the limit is 1 MiB)");
    CHECK_HAS(test::error_of([&] { read_xlsx("", "zuid.xlsx"); }), "zuid.xlsx: not an XLSX workbook");
    CHECK_HAS(test::error_of([&] {
                  read_xlsx(make_zip(workbook_parts({{"Zuid", "<worksheet><sheetData><row></worksheet>"}})), "zuid.xlsx");
              }),
              "zuid.xlsx: xl/worksheets/sheet1.xml: XML error at line 1, column ");
}

TEST_CASE("xlsx: entities are refused") {
    const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<workbook><sheets><sheet name="&lol3;" r:id="rId1"/></sheets></workbook>)";
    auto parts = workbook_parts({{"Zuid", sheet_xml("")}});
    for (auto& [name, content] : parts)
        if (name == "xl/workbook.xml") content = laughs;
    CHECK_HAS(test::error_of([&] { read_xlsx(make_zip(parts), "zuid.xlsx"); }),
              "zuid.xlsx: xl/workbook.xml: a DOCTYPE is not allowed (entities are refused) at line 2");

    const std::string external = R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
                                 "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
    CHECK_HAS(test::error_of([&] { read_xlsx(make_zip(workbook_parts({{"Zuid", external}})), "zuid.xlsx"); }),
              "zuid.xlsx: xl/worksheets/sheet1.xml: a DOCTYPE is not allowed");
    // An entity that was never declared is an XML error, not an empty text.
    CHECK_HAS(test::error_of([&] {
                  read_xlsx(xlsx(R"(<row><c t="inlineStr"><is><t>&xxe;</t></is></c></row>)"), "zuid.xlsx");
              }),
              "XML error at line 2");
}

TEST_CASE("csv: delimiters, quoting and line ends") {
    auto book = read_workbook("actie,regio,stand\r\na1,\"Venlo, Noord\",\"zegt \"\"ja\"\"\"\r\n\r\na2,,\"twee\r\nregels\"\r\n",
                              "noord.csv");
    CHECK(book.encoding == "UTF-8");
    auto sheet = only_sheet(book);
    CHECK(sheet.name.empty());
    REQUIRE(sheet.rows.size() == 3);
    CHECK(sheet.rows[0].at(3).text == "stand");
    CHECK(sheet.rows[1].number == 2);
    CHECK(sheet.rows[1].at(2).text == "Venlo, Noord");
    CHECK(sheet.rows[1].at(3).text == "zegt \"ja\"");
    CHECK(sheet.rows[2].number == 4);  // row 3 is empty
    CHECK(sheet.rows[2].at(2).type == CellType::empty);
    CHECK(sheet.rows[2].at(3).type == CellType::text);
    CHECK(sheet.rows[2].at(3).text == "twee\nregels");

    sheet = only_sheet(read_csv("actie;regio;bedrag\na1;Venlo;1,5\ra2;\"x;y\";'=SUM(A1)\na3;'abc;'-5;''=x", "zuid.csv"));
    REQUIRE(sheet.rows.size() == 4);
    CHECK(sheet.rows[1].at(3).text == "1,5");
    CHECK(sheet.rows[2].at(2).text == "x;y");
    CHECK(sheet.rows[2].at(3).text == "=SUM(A1)");  // the writer's formula guard is removed
    CHECK(sheet.rows[3].at(2).text == "'abc");
    CHECK(sheet.rows[3].at(3).text == "-5");
    CHECK(sheet.rows[3].at(4).text == "''=x");
    // A tie goes to the semicolon; no delimiter at all is one column.
    CHECK(only_sheet(read_csv("a;b,c\n", "t.csv")).rows[0].at(2).text == "b,c");
    CHECK(only_sheet(read_csv("abc\n", "t.csv")).rows[0].cells.size() == 1);
}

TEST_CASE("csv: encodings") {
    auto book = read_csv("\xEF\xBB\xBF" "naam;plaats\nCaf\xC3\xA9;Bergen\n", "bom.csv");
    CHECK(book.encoding == "UTF-8 with BOM");
    CHECK(only_sheet(book).rows[0].at(1).text == "naam");
    CHECK(only_sheet(book).rows[1].at(1).text == "Caf\xC3\xA9");

    book = read_csv("naam;bedrag\nCaf\xE9;\x80 5\nZo\xEBn;\x93x\x94\n", "oud.csv");
    CHECK(book.encoding == "Windows-1252");
    CHECK(only_sheet(book).rows[1].at(1).text == "Caf\xC3\xA9");
    CHECK(only_sheet(book).rows[1].at(2).text == "\xE2\x82\xAC 5");
    CHECK(only_sheet(book).rows[2].at(1).text == "Zo\xC3\xABn");
    CHECK(only_sheet(book).rows[2].at(2).text == "\xE2\x80\x9Cx\xE2\x80\x9D");

    CHECK_HAS(test::error_of([] { read_csv("naam\nab\x81\n", "oud.csv"); }),
              "oud.csv: line 2, byte offset 7: byte 0x81 is a character neither in UTF-8 nor in Windows-1252");
    CHECK_HAS(test::error_of([] { read_csv("\xEF\xBB\xBFnaam\n\xE9\n", "bom.csv"); }),
              "bom.csv: line 2, byte offset 8: the file starts as UTF-8 but byte 0xE9 is not UTF-8");
    const std::string utf16("\xFF\xFE" "a\0;\0b\0\n\0", 10);
    const std::string utf16_message =
        "this file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\" or \"CSV (semicolon delimited)\"";
    CHECK_HAS(test::error_of([&] { read_workbook(utf16, "u.csv"); }), "u.csv: " + utf16_message);
    CHECK_HAS(test::error_of([&] { read_csv(std::string("a\0;\0b\0\n\0", 8), "u.csv"); }), utf16_message);
    CHECK_HAS(test::error_of([&] { read_csv(std::string("\xFE\xFF\0a", 4), "u.csv"); }), utf16_message);
}

TEST_CASE("csv: bad input and limits") {
    const auto limits = small_limits();
    CHECK_HAS(test::error_of([] { read_csv("a;b\nc;\"open\nd;e\n", "noord.csv"); }),
              "noord.csv: row 2, column B: a quoted field starts here and is never closed");
    CHECK_HAS(test::error_of([] { read_workbook("", "leeg.csv"); }), "leeg.csv: the file is empty");
    CHECK_HAS(test::error_of([] { read_csv("\xEF\xBB\xBF", "leeg.csv"); }), "leeg.csv: the file is empty");
    CHECK_HAS(test::error_of([&] { read_csv("a;b;c\nd;e;f\n", "noord.csv", limits); }),
              "noord.csv: row 2, column C: more than 5 non-empty cells (the limit is 5)");
    CHECK_HAS(test::error_of([&] { read_csv("a;" + std::string(101, 'x') + "\n", "noord.csv", limits); }),
              "noord.csv: row 1, column B: a text of more than 100 bytes (the limit is 100)");
    CHECK_HAS(test::error_of([&] { read_csv("a;;;;b\n", "noord.csv", limits); }),
              "noord.csv: row 1, column E: past the last column this form reads (D)");
    CHECK(only_sheet(read_csv("a;;;;;;;;\n", "noord.csv", limits)).rows[0].cells.size() == 1);
    std::string many;
    for (int i = 0; i < 51; ++i) many += i == 50 ? "x\n" : "\n";
    CHECK_HAS(test::error_of([&] { read_csv(many, "noord.csv", limits); }),
              "noord.csv: row 51, column A: past the last row this form reads (50)");
    CHECK_HAS(test::error_of([&] { read_csv(std::string(2u << 20, 'a'), "noord.csv", limits); }),
              "noord.csv: the file is 2097152 bytes (the limit is 1 MiB)");
}

TEST_CASE("random garbage: an error or a read, never a crash") {
    std::mt19937 random(20261205);
    const auto limits = small_limits();
    for (int round = 0; round < 300; ++round) {
        std::string bytes(random() % 600, '\0');
        for (auto& c : bytes) c = static_cast<char>(random() & 0xFF);
        if (round % 2 == 0) bytes.insert(0, std::string("PK\x03\x04", 4));
        using Reader = Workbook (*)(std::string_view, const std::string&, const ReadLimits&);
        for (const Reader reader : {Reader(&read_workbook), Reader(&read_xlsx), Reader(&read_csv)}) {
            try {
                reader(bytes, "rommel", limits);
            } catch (const Error& e) {
                CHECK_STARTS(std::string(e.what()), "rommel: ");
            }
        }
    }
}

}  // TEST_SUITE
