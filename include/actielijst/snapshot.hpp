/// \file
/// actielijst — meeting snapshots: a View saved to a file (or bytes) and loaded back,
/// for "what changed since the last meeting" without the store. The file is an
/// envelope (magic, version, length, CRC-32) around a Boost.Serialization archive;
/// the envelope is checked before anything is deserialized. See docs/snapshots.md.
#pragma once

#include <actielijst/date.hpp>
#include <actielijst/view.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace actielijst {

/// The archive inside the envelope: text (portable, larger) or binary (compact,
/// little-endian x86-64/aarch64 layout of Boost's binary archive).
enum class SnapshotFormat : int { text = 0, binary = 1 };
/// \var SnapshotFormat::text
/// Boost's text archive: portable, larger.
/// \var SnapshotFormat::binary
/// Boost's binary archive: compact, little-endian x86-64/aarch64 layout.

/// The name of `format`: "text" or "binary".
std::string_view to_string(SnapshotFormat format) noexcept;

/// The envelope version this library writes and the newest it reads.
inline constexpr std::uint32_t snapshot_envelope_version = 1;
/// The largest payload accepted (and written): 256 MiB.
inline constexpr std::uint64_t snapshot_max_payload = std::uint64_t{256} << 20;

/// What the envelope of a snapshot says (checked, CRC included; the payload is not
/// deserialized).
struct SnapshotInfo {
    SnapshotFormat format = SnapshotFormat::binary;  ///< the archive format of the payload
    std::uint32_t envelope_version = 0;              ///< the envelope version it was written with
    std::uint64_t payload_size = 0;                  ///< the size of the payload in bytes
    Date as_of{1970, 1, 1};                          ///< the as-of date of the View saved in it
};

/// The snapshot of `view` as bytes (envelope and payload).
std::string snapshot_bytes(const View& view, SnapshotFormat format = SnapshotFormat::binary);

/// Writes the snapshot of `view` to `path`: to a temporary file in the same
/// directory first, then renamed over `path`, so a failed save never leaves a half
/// file. Throws Error(Errc::io) naming the path when it cannot be written.
void save_snapshot(const View& view, const std::string& path, SnapshotFormat format = SnapshotFormat::binary);

/// Loads a snapshot. Nothing is half-loaded: the envelope is checked first, then the
/// payload is deserialized with bounded sizes and the View constructor re-checks
/// every reference. Throws Error(Errc::io) when the file cannot be read,
/// Error(Errc::invalid) for a file that is not a snapshot, truncated, corrupt or
/// too large (the message starts with `origin`/the path), Error(Errc::version) for
/// a snapshot written by a newer version (envelope or class version).
View load_snapshot(const std::string& path);
/// The same, from the bytes of a snapshot in memory; `origin` names them in error
/// messages. Errors as load_snapshot, except that there is no file to read.
View load_snapshot_bytes(std::string_view bytes, std::string_view origin = "snapshot");

/// Reads and checks the envelope only. Errors as load_snapshot.
SnapshotInfo read_snapshot_info(const std::string& path);
/// The same, from bytes in memory; `origin` names them in error messages.
SnapshotInfo read_snapshot_info_bytes(std::string_view bytes, std::string_view origin = "snapshot");

}  // namespace actielijst
