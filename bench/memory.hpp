// Memory figures for the benchmark: the process's resident set from
// /proc/self/status, and an estimate of the bytes a structure holds.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace bench::memory {

/// A /proc/self/status figure in KiB ("VmRSS", "VmHWM"); -1 when unavailable.
long status_kib(const char* field);

/// Returns freed heap memory to the system (malloc_trim) and resets the peak
/// resident set (VmHWM) to the current one (writing 5 to /proc/self/clear_refs).
/// False when the kernel does not allow the reset.
bool reset_peak();

/// Bytes malloc takes for a request of `n` bytes (glibc on 64-bit: 8 bytes of header,
/// 16-byte granularity, 32 bytes minimum).
constexpr std::size_t chunk(std::size_t n) {
    const std::size_t c = (n + 8 + 15) & ~std::size_t{15};
    return c < 32 ? 32 : c;
}

/// Heap bytes of a string (0 when it fits the small-string buffer).
inline std::size_t heap(const std::string& s) { return s.capacity() > 15 ? chunk(s.capacity() + 1) : 0; }

/// Heap bytes of a vector's element array (the elements' own heap not included).
template <class T>
std::size_t vec(const std::vector<T>& v) {
    return v.capacity() ? chunk(v.capacity() * sizeof(T)) : 0;
}

}  // namespace bench::memory
