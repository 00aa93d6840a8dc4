// The snapshot envelope: magic, version, archive kind, as-of date, payload length
// and CRC-32, all checked before the payload is touched (Boost archives trust their
// input: a crafted length makes them allocate, a truncated text archive can load
// wrong values silently).
#include "snapshot/envelope.hpp"

#include <actielijst/error.hpp>

#include <boost/crc.hpp>

#include <array>
#include <cstring>

namespace actielijst::snapshot {
namespace {

// Header layout (little-endian):
//   0  magic "ALSNAP\r\n"        8
//   8  envelope version u32      4
//  12  archive kind u8           1  (0 text, 1 binary)
//  13  reserved, zero            3
//  16  as-of date "YYYY-MM-DD"  10
//  26  reserved, zero            2
//  28  payload length u64        8
//  36  CRC-32 u32                4  (of bytes 0..35 and the payload)
//  40  payload
constexpr std::size_t off_version = 8, off_kind = 12, off_as_of = 16, off_length = 28, off_crc = 36;

void put_le(std::string& out, std::size_t at, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i) out[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get_le(std::string_view in, std::size_t at, std::size_t bytes) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < bytes; ++i) v |= std::uint64_t{static_cast<unsigned char>(in[at + i])} << (8 * i);
    return v;
}

std::uint32_t crc_of(std::string_view head, std::string_view payload) {
    boost::crc_32_type crc;
    crc.process_bytes(head.data(), head.size());
    crc.process_bytes(payload.data(), payload.size());
    return crc.checksum();
}

[[noreturn]] void fail(std::string_view origin, const std::string& what, Errc code = Errc::invalid) {
    throw Error(code, std::string(origin), what);
}

}  // namespace

std::string wrap(std::string_view payload, SnapshotFormat format, const Date& as_of, std::uint32_t version) {
    if (payload.size() > snapshot_max_payload)
        throw Error(Errc::invalid, "snapshot", "the payload of " + std::to_string(payload.size()) +
                                       " bytes exceeds the limit of 256 MiB");
    std::string out(header_size, '\0');
    std::memcpy(out.data(), magic.data(), magic.size());
    put_le(out, off_version, version, 4);
    out[off_kind] = static_cast<char>(format == SnapshotFormat::text ? 0 : 1);
    const std::string iso = as_of.iso();
    std::memcpy(out.data() + off_as_of, iso.data(), 10);
    put_le(out, off_length, payload.size(), 8);
    put_le(out, off_crc, crc_of(std::string_view(out).substr(0, off_crc), payload), 4);
    out.append(payload);
    return out;
}

Envelope unwrap(std::string_view bytes, std::string_view origin) {
    const std::size_t m = std::min(bytes.size(), magic.size());
    if (bytes.substr(0, m) != magic.substr(0, m) || bytes.empty())
        fail(origin, "not an actielijst snapshot (bad magic)");
    if (bytes.size() < header_size)
        fail(origin, "truncated: " + std::to_string(bytes.size()) + " bytes, the header alone has " +
                         std::to_string(header_size));
    Envelope env;
    env.version = static_cast<std::uint32_t>(get_le(bytes, off_version, 4));
    if (env.version > snapshot_envelope_version)
        fail(origin,
             "written by a newer version of actielijst (envelope version " + std::to_string(env.version) +
                 ", this library reads up to " + std::to_string(snapshot_envelope_version) + ")",
             Errc::version);
    if (env.version == 0) fail(origin, "corrupt header: envelope version 0");
    const auto kind = static_cast<unsigned char>(bytes[off_kind]);
    if (kind > 1) fail(origin, "corrupt header: unknown archive kind " + std::to_string(kind));
    env.format = kind == 0 ? SnapshotFormat::text : SnapshotFormat::binary;
    for (const std::size_t at : {std::size_t{13}, std::size_t{14}, std::size_t{15}, std::size_t{26}, std::size_t{27}})
        if (bytes[at] != '\0') fail(origin, "corrupt header: reserved byte " + std::to_string(at) + " is not zero");
    const std::uint64_t length = get_le(bytes, off_length, 8);
    if (length > snapshot_max_payload)
        fail(origin, "header says " + std::to_string(length) + " bytes of payload, more than the limit of 256 MiB");
    const std::uint64_t present = bytes.size() - header_size;
    if (present < length)
        fail(origin, "truncated: header says " + std::to_string(length) + " bytes of payload, " +
                         std::to_string(present) + " present");
    if (present > length)
        fail(origin, "corrupt: " + std::to_string(present - length) + " bytes after the payload of " +
                         std::to_string(length) + " bytes");
    env.payload = bytes.substr(header_size);
    const auto stored = static_cast<std::uint32_t>(get_le(bytes, off_crc, 4));
    if (stored != crc_of(bytes.substr(0, off_crc), env.payload)) fail(origin, "checksum mismatch (corrupt file)");
    try {
        env.as_of = Date::parse(bytes.substr(off_as_of, 10), "as_of");
    } catch (const Error& e) {
        fail(origin, std::string("corrupt header: ") + e.what());
    }
    return env;
}

}  // namespace actielijst::snapshot
