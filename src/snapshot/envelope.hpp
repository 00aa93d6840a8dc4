// The snapshot envelope (docs/snapshots.md): a fixed 40-byte header checked before
// any byte of the payload is deserialized. Internal to src/snapshot (and its tests).
#pragma once

#include <actielijst/snapshot.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace actielijst::snapshot {

inline constexpr std::string_view magic{"ALSNAP\r\n", 8};
inline constexpr std::size_t header_size = 40;

/// The header fields of a snapshot, written by wrap and read by unwrap.
struct Envelope {
    std::uint32_t version = snapshot_envelope_version;
    SnapshotFormat format = SnapshotFormat::binary;
    Date as_of{1970, 1, 1};
    std::string_view payload;  ///< unwrap: a view into the checked input
};

/// Header + payload, with the CRC-32 over both. `version` is written as given (tests
/// build newer envelopes with it).
std::string wrap(std::string_view payload, SnapshotFormat format, const Date& as_of,
                 std::uint32_t version = snapshot_envelope_version);

/// Checks magic, version, kind, reserved bytes, length (cap, truncation, trailing
/// bytes) and the CRC; throws Error naming `origin` otherwise.
Envelope unwrap(std::string_view bytes, std::string_view origin);

/// The archive payload of a View and back (archive.cpp). decode throws Error(Errc::invalid)
/// or Error(Errc::version) with messages that do not yet name the origin.
std::string encode(const View& view, SnapshotFormat format);
View decode(std::string_view payload, SnapshotFormat format);

}  // namespace actielijst::snapshot
