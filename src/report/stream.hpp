// How the renderers write: into an ostream of their own that formats with the
// classic locale and default flags, whatever the caller's stream is imbued with,
// and passes the text on to the caller's stream in blocks as it goes.
#pragma once

#include <array>
#include <functional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace actielijst::report {

/// Passes what is written on to `target` through a fixed buffer. With
/// `trim_blank_lines`, a run of line ends at the very end shrinks to one.
/// When `target` fails (or was failed already), throws Error(Errc::io), unless
/// `target` threw its own exception first (which then propagates).
class ForwardBuf : public std::streambuf {
public:
    ForwardBuf(std::ostream& target, bool trim_blank_lines);
    ForwardBuf(const ForwardBuf&) = delete;
    ForwardBuf& operator=(const ForwardBuf&) = delete;

    /// Passes on the rest; called once, at the end.
    void finish();

protected:
    int_type overflow(int_type c) override;
    int sync() override;

private:
    void drain();
    void put(std::string_view text);

    std::ostream& target_;
    bool trim_;
    std::size_t held_newlines_ = 0;
    std::array<char, 16384> buffer_;
};

/// The stream a renderer writes into. Its exceptions() include badbit, so a failing
/// target stops the rendering at once. finish() must be called at the end; a stream
/// destroyed without it drops its buffered rest (as when rendering threw).
class Output : public std::ostream {
public:
    explicit Output(std::ostream& target, bool trim_blank_lines = false);
    void finish();

private:
    ForwardBuf buf_;
};

/// Writes `text` to `target` and throws Error(Errc::io) when `target` is failed afterwards.
void write_checked(std::ostream& target, std::string_view text);

/// What `render` writes, as one string (the renderers' string-returning forms).
/// Running out of memory throws std::bad_alloc, as any allocation does.
std::string collect(const std::function<void(std::ostream&)>& render);

}  // namespace actielijst::report
