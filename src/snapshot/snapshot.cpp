// Meeting snapshots: saving (atomically, through a temporary file) and loading
// (envelope first, then the bounded archive, then the View's own checks).
#include "snapshot/envelope.hpp"

#include <actielijst/error.hpp>
#include <actielijst/snapshot.hpp>

#include "util/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace actielijst {

std::string_view to_string(SnapshotFormat format) noexcept {
    return format == SnapshotFormat::text ? "text" : "binary";
}

std::string snapshot_bytes(const View& view, SnapshotFormat format) {
    return snapshot::wrap(snapshot::encode(view, format), format, view.as_of());
}

namespace {

[[noreturn]] void io_error(const std::string& path, const std::string& what, int err) {
    throw Error(Errc::io, path, what + ": " + std::strerror(err), err);
}

/// The whole file, refusing one larger than any snapshot can be before reading it.
std::string read_whole(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        // A system error_code's value is the errno (ENOENT for a missing file).
        const bool system = ec.category() == std::system_category() || ec.category() == std::generic_category();
        throw Error(Errc::io, path, "cannot read: " + ec.message(), system ? ec.value() : 0);
    }
    if (size > snapshot::header_size + snapshot_max_payload)
        throw Error(Errc::invalid, path, std::to_string(size) +
                                       " bytes, larger than any snapshot (the payload limit is 256 MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) io_error(path, "cannot open", errno);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) throw Error(Errc::io, path, "cannot read: short read");
    return bytes;
}

}  // namespace

void save_snapshot(const View& view, const std::string& path, SnapshotFormat format) {
    const std::string bytes = snapshot_bytes(view, format);
    // The one way files are replaced (src/util/atomic_file.hpp): a temporary file in
    // the same directory, fsync, rename, fsync of the directory.
    detail::AtomicFile out(path);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.commit();
}

View load_snapshot_bytes(std::string_view bytes, std::string_view origin) {
    const auto env = snapshot::unwrap(bytes, origin);
    try {
        View view = snapshot::decode(env.payload, env.format);
        if (view.as_of() != env.as_of)
            throw Error(Errc::invalid, "the header's date " + env.as_of.iso() + " differs from the payload's " +
                                           view.as_of().iso());
        return view;
    } catch (const Error& e) {
        throw Error(e.code(), std::string(origin) + ": " + e.what());
    }
}

View load_snapshot(const std::string& path) { return load_snapshot_bytes(read_whole(path), path); }

SnapshotInfo read_snapshot_info_bytes(std::string_view bytes, std::string_view origin) {
    const auto env = snapshot::unwrap(bytes, origin);
    return {env.format, env.version, env.payload.size(), env.as_of};
}

SnapshotInfo read_snapshot_info(const std::string& path) { return read_snapshot_info_bytes(read_whole(path), path); }

}  // namespace actielijst
