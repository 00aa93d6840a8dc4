#include "args.hpp"

#include <mutex>
#include <new>

namespace actielijst::capi {

// ---- the handle table ---------------------------------------------------------
//
// Writers (add, remove) are serialised by one mutex; readers (find, in args.hpp)
// take no lock. The slot's token is the sequence word of a sequence lock: remove
// clears it before it touches the object field, add writes the object field before
// it publishes the token, each with a release fence in between, so a reader that
// reads the same token before and after the object field (with an acquire fence
// between) has read that token's object.
namespace handle_table {

std::atomic<Slot*> chunks[chunk_count];

namespace {

/// Freed slots are reused first in, first out, and only while more than this many
/// wait. A slot then comes round again only after that many other frees, so its
/// generation moves on slowly: a stale token could match again after 2^32 reuses
/// of its slot on 64-bit builds (more than 4 * 10^12 frees), and after 2^7 reuses
/// (more than 130,000 frees) on 32-bit builds. The cost is this many idle slots
/// (one chunk, 24 KiB on 64-bit builds).
constexpr std::uint32_t reuse_after = 1024;
constexpr std::uint32_t no_slot = UINT32_MAX;
constexpr std::uintptr_t max_slots = std::uintptr_t{1} << slot_bits;
constexpr std::uint32_t generation_mask = static_cast<std::uint32_t>((std::uint64_t{1} << generation_bits) - 1);

struct Writer {
    std::mutex mutex;
    std::uint32_t used = 0;  ///< slots [0, used) have been handed out at least once
    std::uint32_t free_head = no_slot;
    std::uint32_t free_tail = no_slot;
    std::uint32_t free_count = 0;
};

/// Never destroyed: a handle may still be freed after static destruction has begun
/// (a garbage-collected binding's last pass, another library's static destructor).
Writer& writer() noexcept {
    alignas(Writer) static unsigned char storage[sizeof(Writer)];
    static Writer* const w = new (storage) Writer();
    return *w;
}

/// The type name of each kind, for messages about a handle of the wrong type.
std::atomic<const char*> kind_names[std::size_t{1} << kind_bits];

/// A slot that exists (index < used).
Slot& slot_at(std::size_t index) noexcept {
    return chunks[index >> chunk_bits].load(std::memory_order_relaxed)[index & (chunk_slots - 1)];
}

std::size_t index_of(std::uintptr_t token) noexcept {
    return static_cast<std::size_t>((token >> (1 + kind_bits)) & (max_slots - 1));
}

unsigned kind_of(std::uintptr_t token) noexcept {
    return static_cast<unsigned>((token >> 1) & ((1u << kind_bits) - 1));
}

}  // namespace

std::uintptr_t add(void* object, unsigned kind, const char* name) {
    Writer& w = writer();
    const std::lock_guard lock(w.mutex);
    std::uint32_t index = 0;
    if (w.free_count > reuse_after || (w.used == max_slots && w.free_count > 0)) {
        index = w.free_head;
        w.free_head = slot_at(index).next_free;
        if (w.free_head == no_slot) w.free_tail = no_slot;
        --w.free_count;
    } else {
        if (w.used == max_slots) throw std::bad_alloc();  // every slot holds a live handle
        index = w.used;
        auto& chunk = chunks[index >> chunk_bits];
        if (!chunk.load(std::memory_order_relaxed))
            chunk.store(new Slot[chunk_slots], std::memory_order_release);  // may throw: nothing changed yet
        ++w.used;
    }
    Slot& slot = slot_at(index);
    const std::uintptr_t token = (static_cast<std::uintptr_t>(slot.generation) << generation_shift) |
                                 (static_cast<std::uintptr_t>(index) << (1 + kind_bits)) |
                                 (static_cast<std::uintptr_t>(kind) << 1) | 1;
    kind_names[kind].store(name, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    slot.object.store(object, std::memory_order_relaxed);
    slot.token.store(token, std::memory_order_release);
    return token;
}

void* remove(std::uintptr_t token, unsigned kind) noexcept {
    if (!find(token, kind)) return nullptr;  // NULL, foreign or stale: no lock needed
    Writer& w = writer();
    const std::lock_guard lock(w.mutex);
    void* object = find(token, kind);  // again: another thread may have freed it meanwhile
    if (!object) return nullptr;
    const std::size_t index = index_of(token);
    Slot& slot = slot_at(index);
    slot.token.store(0, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    slot.object.store(nullptr, std::memory_order_relaxed);
    slot.generation = (slot.generation + 1) & generation_mask;
    slot.next_free = no_slot;
    if (w.free_tail == no_slot)
        w.free_head = static_cast<std::uint32_t>(index);
    else
        slot_at(w.free_tail).next_free = static_cast<std::uint32_t>(index);
    w.free_tail = static_cast<std::uint32_t>(index);
    ++w.free_count;
    return object;
}

std::string refusal(std::uintptr_t token, unsigned expected_kind) {
    const unsigned kind = kind_of(token);
    if (kind != expected_kind && find(token, kind))
        if (const char* name = kind_names[kind].load(std::memory_order_relaxed))
            return std::string("(it is an ") + name + ")";
    return "(freed, or not one)";
}

}  // namespace handle_table

namespace {

/// Checks UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF) and the
/// length limit in one pass; returns the length.
std::size_t checked_length(const char* function, std::string_view argument, const char* value) {
    const auto* s = reinterpret_cast<const unsigned char*>(value);
    std::size_t i = 0;
    while (s[i] != 0) {
        if (i > max_text_bytes) fail_arg(function, argument, "is longer than 1 MiB");
        const unsigned char c = s[i];
        std::size_t extra = 0;
        unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        } else {
            fail_arg(function, argument, "is not valid UTF-8 (byte " + std::to_string(i) + ")");
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const unsigned char b = s[i + k];  // a NUL here stops the loop: it is out of range
            const unsigned char lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF;
            if (b < lo || b > hi)
                fail_arg(function, argument, "is not valid UTF-8 (byte " + std::to_string(i) + ")");
        }
        i += extra + 1;
    }
    if (i > max_text_bytes) fail_arg(function, argument, "is longer than 1 MiB");
    return i;
}

}  // namespace

void fail_arg(const char*, std::string_view argument, std::string_view what, Errc code) {
    // The guard puts the function's name in front of the message.
    throw ArgumentError(code, std::string(argument), std::string(what));
}

std::string quote(std::string_view value) {
    constexpr std::size_t limit = 80;
    std::string out = "\"";
    if (value.size() <= limit) {
        out += value;
    } else {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
        out += value.substr(0, cut);
        out += "...";
    }
    return out + "\"";
}

std::string text(const char* function, std::string_view argument, const char* value) {
    require(value, function, argument);
    return std::string(value, checked_length(function, argument, value));
}

std::string_view text_view(const char* function, std::string_view argument, const char* value) {
    require(value, function, argument);
    return std::string_view(value, checked_length(function, argument, value));
}

std::string optional_text(const char* function, std::string_view argument, const char* value) {
    if (!value) return {};
    return std::string(value, checked_length(function, argument, value));
}

Date date(const char* function, std::string_view argument, const char* value) {
    const std::string iso = text(function, argument, value);
    try {
        return Date::parse(iso, argument);
    } catch (const Error& e) {
        throw ArgumentError(e);  // Date::parse placed it at `argument`
    }
}

std::optional<Date> optional_date(const char* function, std::string_view argument, const char* value) {
    if (!value || value[0] == '\0') return std::nullopt;
    return date(function, argument, value);
}

void require_array(const void* values, const char* function, std::string_view argument, std::string_view count_name,
                   std::uint32_t count) {
    if (!values && count != 0)
        fail_arg(function, argument, "is NULL but " + std::string(count_name) + " is " + std::to_string(count));
}

std::vector<std::string> text_array(const char* function, std::string_view argument, std::string_view count_name,
                                    std::uint32_t count, const char* const* values) {
    require_array(values, function, argument, count_name, count);
    std::vector<std::string> out;
    out.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i)
        out.push_back(text(function, std::string(argument) + "[" + std::to_string(i) + "]", values[i]));
    return out;
}

void check_version(const char* function, std::string_view argument, std::uint32_t got, std::uint32_t known) {
    if (got != known)
        fail_arg(function, argument,
                 "is " + std::to_string(got) + ", a version this library does not know (it knows " +
                     std::to_string(known) + ")",
                 Errc::version);
}

void check_enum(const char* function, std::string_view argument, std::int32_t value, std::int32_t low,
                std::int32_t high) {
    if (value < low || value > high)
        fail_arg(function, argument,
                 "is " + std::to_string(value) + ", expected " + std::to_string(low) + " to " + std::to_string(high));
}

bool export_includes_contacts(const char* function, const actielijst_export_options* options) {
    if (!options) return false;
    check_version(function, "options->version", options->version, ACTIELIJST_EXPORT_OPTIONS_VERSION);
    return options->include_contacts != 0;
}

void rethrow_placed(const Error& e, const Error& placed) {
    if (const auto* argument = dynamic_cast<const ArgumentError*>(&e)) throw ArgumentError(*argument, placed);
    throw placed;
}

}  // namespace actielijst::capi
