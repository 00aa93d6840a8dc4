/// \file
/// actielijst — where outputs go: a file replaced atomically, or standard output,
/// each reporting a failed write with the system's reason.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

namespace actielijst {

/// Writes the file at `path` atomically with what `write` streams into it. The
/// text goes to a new temporary file in the same directory; only when `write`
/// returned and the file is flushed and synced to disk is it renamed over `path`
/// (and the directory synced). If `write` throws, or any step up to the rename
/// fails, the temporary file is removed, `path` keeps its previous content (or
/// stays absent) and the exception propagates. (Only an I/O error syncing the
/// directory after the rename leaves the new file in place and still throws.)
///
/// A file system failure is Error(Errc::io) naming the path, what failed and why,
/// e.g. `out/report.html: cannot write: No space left on device` or `out/x.json:
/// cannot create a temporary file in its directory: No such file or directory`. A
/// replaced file keeps its permissions (not its owner); a new one gets 0666 less
/// the umask. Writing through a symbolic link replaces the link, not its target.
void write_file(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Streams what `write` writes to standard output and flushes it, after flushing
/// std::cout. A failed write is Error(Errc::io) "standard output: <reason>", e.g.
/// `standard output: No space left on device`.
void write_stdout(const std::function<void(std::ostream&)>& write);

}  // namespace actielijst
