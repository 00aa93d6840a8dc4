#include "report/stream.hpp"

#include <actielijst/error.hpp>

#include <locale>
#include <sstream>

namespace actielijst::report {
namespace {

[[noreturn]] void target_failed() {
    throw Error(Errc::io, "cannot write the output: the output stream is in a failed state");
}

}  // namespace

void write_checked(std::ostream& target, std::string_view text) {
    if (!target.write(text.data(), static_cast<std::streamsize>(text.size()))) target_failed();
}

ForwardBuf::ForwardBuf(std::ostream& target, bool trim_blank_lines) : target_(target), trim_(trim_blank_lines) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

void ForwardBuf::put(std::string_view text) { write_checked(target_, text); }

void ForwardBuf::drain() {
    std::string_view text(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    if (!trim_) {
        if (!text.empty()) put(text);
        return;
    }
    // Line ends at the end of the block are held back until something else follows.
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '\n') --end;
    if (end > 0) {
        for (; held_newlines_ > 0; --held_newlines_) put("\n");
        put(text.substr(0, end));
    }
    held_newlines_ += text.size() - end;
}

ForwardBuf::int_type ForwardBuf::overflow(int_type c) {
    drain();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

int ForwardBuf::sync() {
    // Only passes the buffer on; flushing the target is the caller's choice.
    drain();
    return 0;
}

void ForwardBuf::finish() {
    drain();
    if (held_newlines_ > 0) put("\n");
    held_newlines_ = 0;
}

Output::Output(std::ostream& target, bool trim_blank_lines) : std::ostream(nullptr), buf_(target, trim_blank_lines) {
    rdbuf(&buf_);
    imbue(std::locale::classic());  // numbers (SVG coordinates, counts) never depend on a locale
    exceptions(std::ios::badbit);
}

void Output::finish() { buf_.finish(); }

std::string collect(const std::function<void(std::ostream&)>& render) {
    std::ostringstream out;
    out.exceptions(std::ios::badbit);  // running out of memory throws bad_alloc instead of cutting the text short
    render(out);
    return std::move(out).str();
}

}  // namespace actielijst::report
