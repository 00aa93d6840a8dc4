// Outputs that say why they failed: a file replaced atomically (temporary file in
// the target's directory, fsync, rename) and standard output. Both are
// std::ostreams whose failed writes throw Error(Errc::io) with the system's reason,
// so a renderer writing into them stops at the first failure.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace actielijst::detail {

/// A buffered streambuf over a file descriptor it does not own. A failed write
/// throws Error(Errc::io) with `what` followed by the system's reason (what:
/// "out.html: cannot write: ", reason: "No space left on device"); the ostream
/// around it passes that on when its exceptions() include badbit.
class FdBuf : public std::streambuf {
public:
    FdBuf(int fd, std::string what);
    FdBuf(const FdBuf&) = delete;
    FdBuf& operator=(const FdBuf&) = delete;
    /// Does not flush: whatever is still buffered is dropped (commit or flush first).
    ~FdBuf() override = default;

    /// Writes out the buffer; throws as a failed write does.
    void flush_buffer();

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize n) override;
    int sync() override;

private:
    void write_all(const char* data, std::size_t n);

    int fd_;
    std::string what_;
    std::unique_ptr<char[]> buffer_;
};

/// Replaces the file at a path atomically. Writes go to a new temporary file in the
/// same directory (created exclusively, with a random name ".<name>.XXXXXXXX.tmp");
/// commit() flushes it, fsyncs it, renames it over the target and fsyncs the
/// directory. Destroyed without a successful commit() it removes the temporary file,
/// so the target keeps its previous content, or stays absent.
///
/// The new file gets the permissions of the file it replaces, or 0666 less the
/// umask when there was none. Every failure throws Error(Errc::io)
/// "<path>: <what failed>: <reason>", e.g. `out.html: cannot write: No space left
/// on device`. The stream has badbit in its exceptions(), so that error reaches the
/// code writing into it.
class AtomicFile : public std::ostream {
public:
    explicit AtomicFile(std::string path);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile() override;

    /// Puts the written content in place under the target path. Afterwards the
    /// stream takes no more writes.
    void commit();

    const std::string& path() const noexcept { return path_; }

private:
    void close_stream() noexcept;
    void discard() noexcept;

    std::string path_;
    std::string temp_;
    int fd_ = -1;
    std::unique_ptr<FdBuf> buf_;
};

/// Standard output (file descriptor 1) as a stream whose failed writes throw
/// Error(Errc::io) "standard output: <reason>". Whatever std::cout still
/// buffers is flushed first (and checked), so output keeps its order.
class StdoutStream : public std::ostream {
public:
    StdoutStream();
    StdoutStream(const StdoutStream&) = delete;
    StdoutStream& operator=(const StdoutStream&) = delete;
    ~StdoutStream() override;

    /// Writes out what is buffered; throws when that fails.
    void finish();

private:
    FdBuf buf_;
};

}  // namespace actielijst::detail
