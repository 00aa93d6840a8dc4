#include "util/atomic_file.hpp"

#include <actielijst/error.hpp>
#include <actielijst/output.hpp>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <system_error>

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace actielijst::detail {
namespace {

constexpr std::size_t buffer_size = std::size_t{1} << 16;

std::string reason(int error) {
    return error ? std::generic_category().message(error) : std::string("unknown error");
}

/// Throws Error(Errc::io) `what` + the reason for `error`. Callers copy errno first:
/// building `what` allocates, which may change it.
[[noreturn]] void io_error(const std::string& what, int error) { throw Error(Errc::io, {}, what + reason(error), error); }
/// The same, placed at the file `path`, with `error` kept as the error's errno.
[[noreturn]] void io_error(const std::string& path, const std::string& what, int error) {
    throw Error(Errc::io, path, what + reason(error), error);
}

/// Eight random letters and digits for a temporary file name. The kernel's random
/// bytes when it has them, else the clock and the process id: uniqueness is
/// finally ensured by O_EXCL, this only keeps retries rare.
std::string random_suffix() {
    std::uint64_t bits = 0;
    if (getrandom(&bits, sizeof bits, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof bits)) {
        struct timespec ts {};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        bits = static_cast<std::uint64_t>(ts.tv_nsec) * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(getpid()) ^
               static_cast<std::uint64_t>(ts.tv_sec) << 32;
    }
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string out;
    for (int i = 0; i < 8; ++i) {
        out += alphabet[bits % 62];
        bits /= 62;
    }
    return out;
}

}  // namespace

FdBuf::FdBuf(int fd, std::string what) : fd_(fd), what_(std::move(what)), buffer_(new char[buffer_size]) {
    setp(buffer_.get(), buffer_.get() + buffer_size);
}

void FdBuf::write_all(const char* data, std::size_t n) {
    while (n > 0) {
        const auto written = ::write(fd_, data, n);
        if (written < 0) {
            const int error = errno;
            if (error == EINTR) continue;
            io_error(what_, error);
        }
        data += written;
        n -= static_cast<std::size_t>(written);
    }
}

void FdBuf::flush_buffer() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    // Emptied first: after a failure the stream is finished, and a retry must not
    // write the same bytes twice.
    setp(buffer_.get(), buffer_.get() + buffer_size);
    write_all(buffer_.get(), n);
}

FdBuf::int_type FdBuf::overflow(int_type c) {
    flush_buffer();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize FdBuf::xsputn(const char* data, std::streamsize n) {
    const auto size = static_cast<std::size_t>(n);
    if (size <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), data, size);
        pbump(static_cast<int>(size));
        return n;
    }
    flush_buffer();
    if (size >= buffer_size) {
        write_all(data, size);
    } else {
        std::memcpy(pptr(), data, size);
        pbump(static_cast<int>(size));
    }
    return n;
}

int FdBuf::sync() {
    flush_buffer();
    return 0;
}

AtomicFile::AtomicFile(std::string path) : std::ostream(nullptr), path_(std::move(path)) {
    if (path_.empty()) throw Error(Errc::invalid, "output path is empty");
    if (path_.find('\0') != std::string::npos) throw Error(Errc::invalid, "output path contains a NUL byte");
    const auto slash = path_.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : path_.substr(0, slash + 1);
    const std::string name = path_.substr(dir.size());
    if (name.empty() || name == "." || name == "..") io_error(path_, "cannot write a file there: ", EISDIR);

    // A file that is replaced keeps its permissions; a directory is refused before
    // anything is written.
    struct stat target {};
    const bool replaces = ::stat(path_.c_str(), &target) == 0;
    if (replaces && S_ISDIR(target.st_mode)) io_error(path_, "cannot replace it: ", EISDIR);

    for (int attempt = 0;; ++attempt) {
        temp_ = dir + "." + name + "." + random_suffix() + ".tmp";
        fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ >= 0) break;
        const int error = errno;
        if (error == EEXIST && attempt < 100) continue;
        temp_.clear();
        io_error(path_, "cannot create a temporary file in its directory: ", error);
    }
    // From here on the temporary file exists; a constructor that throws runs no
    // destructor, so it is removed here.
    try {
        if (replaces && S_ISREG(target.st_mode) && ::fchmod(fd_, target.st_mode & 07777) != 0) {
            const int error = errno;
            io_error(path_, "cannot set the permissions of the new file: ", error);
        }
        buf_ = std::make_unique<FdBuf>(fd_, path_ + ": cannot write: ");
    } catch (...) {
        discard();
        throw;
    }
    rdbuf(buf_.get());
    exceptions(std::ios::badbit);
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
}

void AtomicFile::close_stream() noexcept {
    exceptions(std::ios::goodbit);
    rdbuf(nullptr);  // leaves badbit set: later writes go nowhere
}

void AtomicFile::commit() {
    if (fd_ < 0) throw Error(Errc::io, path_, "the file was already written or given up");
    // A write that failed while the caller ignored the stream's state must not
    // publish a truncated file.
    if (rdstate() & std::ios::badbit) {
        close_stream();
        discard();
        throw Error(Errc::io, path_, "an earlier write failed");
    }
    try {
        buf_->flush_buffer();
        if (::fsync(fd_) != 0) {
            const int error = errno;
            io_error(path_, "cannot save it to disk: ", error);
        }
        const int fd = fd_;
        fd_ = -1;
        // close() reports write errors some file systems (NFS) only notice then.
        if (::close(fd) != 0) {
            const int error = errno;
            io_error(path_, "cannot write: ", error);
        }
        if (::rename(temp_.c_str(), path_.c_str()) != 0) {
            const int error = errno;
            io_error(path_, "cannot move the new file into place: ", error);
        }
        temp_.clear();
    } catch (...) {
        close_stream();
        discard();
        throw;
    }
    close_stream();
    // The rename itself is made durable by syncing the directory. The file is in
    // place already, so a directory that cannot be opened (no read permission) or
    // synced (a file system without directory fsync) is no failure; an I/O error is.
    const auto slash = path_.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path_.substr(0, slash);
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return;
    const int synced = ::fsync(dfd);
    const int error = errno;
    ::close(dfd);
    if (synced != 0 && error != EINVAL && error != ENOTSUP && error != EOPNOTSUPP && error != EBADF)
        io_error(path_, "cannot save its directory entry to disk: ", error);
}

StdoutStream::StdoutStream() : std::ostream(nullptr), buf_(STDOUT_FILENO, "standard output: ") {
    // Whatever went through std::cout before goes first, and its failure counts too.
    errno = 0;
    std::cout.flush();
    if (std::cout.bad()) {
        const int error = errno;
        io_error("standard output: ", error);
    }
    rdbuf(&buf_);
    exceptions(std::ios::badbit);
}

StdoutStream::~StdoutStream() = default;

void StdoutStream::finish() {
    if (rdstate() & std::ios::badbit) throw Error(Errc::io, "standard output: an earlier write failed");
    buf_.flush_buffer();
}

}  // namespace actielijst::detail

namespace actielijst {

void write_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
    detail::AtomicFile out(path);
    write(out);
    out.commit();
}

void write_stdout(const std::function<void(std::ostream&)>& write) {
    detail::StdoutStream out;
    write(out);
    out.finish();
}

}  // namespace actielijst
