// Argument checks, run before any core code: each failure throws Error naming the
// function and the argument (`actielijst_store_record_update: in->action is NULL`), which
// the guard turns into the code and the thread's message.
#pragma once

#include <actielijst.h>
#include <actielijst/date.hpp>
#include <actielijst/error.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actielijst::capi {

/// Longest NUL-terminated text accepted in one argument (1 MiB), as the core does per field.
inline constexpr std::size_t max_text_bytes = std::size_t{1} << 20;

/// An error in an argument of a C call: its place is the argument (`in->action`)
/// and the C message names the function as well
/// (`actielijst_store_record_update: in->action is NULL`).
class ArgumentError : public Error {
public:
    /// A message that continues the argument's name (`is NULL`).
    ArgumentError(Errc code, std::string argument, std::string message)
        : Error(code, std::move(argument), std::move(message)) {}
    /// An error the core placed at the argument, whose message stands on its own
    /// (`in->as_of: no such date 2024-13-01`).
    explicit ArgumentError(const Error& e) : Error(e), separator_(": ") {}
    /// `placed` (an error with a new place) as an argument error written like `like`.
    ArgumentError(const ArgumentError& like, const Error& placed) : Error(placed), separator_(like.separator_) {}
    /// What goes between the argument and the message in the C message.
    const char* separator() const noexcept { return separator_; }

private:
    const char* separator_ = " ";
};

/// Throws `placed` (`e` with another place) as the kind of error `e` is: an argument
/// error stays one, so that its C message still names the function.
[[noreturn]] void rethrow_placed(const Error& e, const Error& placed);

[[noreturn]] void fail_arg(const char* function, std::string_view argument, std::string_view what,
                           Errc code = Errc::invalid);

/// `p` is not NULL.
inline void require(const void* p, const char* function, std::string_view argument) {
    if (!p) fail_arg(function, argument, "is NULL");
}

/// `value` in double quotes, cut at about 80 bytes on a character boundary: for
/// quoting (already checked) caller input inside a message.
std::string quote(std::string_view value);

/// A required text argument: not NULL, valid UTF-8, at most max_text_bytes.
std::string text(const char* function, std::string_view argument, const char* value);
/// The same check, borrowing the caller's text instead of copying it (for hot reads).
std::string_view text_view(const char* function, std::string_view argument, const char* value);
/// An optional text argument: NULL reads as "".
std::string optional_text(const char* function, std::string_view argument, const char* value);

/// A required ISO date argument.
Date date(const char* function, std::string_view argument, const char* value);
/// An optional ISO date argument: NULL or "" reads as none.
std::optional<Date> optional_date(const char* function, std::string_view argument, const char* value);

/// A required array of `count` required text arguments (`argument[i]` each). NULL
/// is accepted only when `count` is 0; the message then names `count_name`.
std::vector<std::string> text_array(const char* function, std::string_view argument, std::string_view count_name,
                                    std::uint32_t count, const char* const* values);

/// An input array pointer: NULL is accepted only when `count` is 0.
void require_array(const void* values, const char* function, std::string_view argument, std::string_view count_name,
                   std::uint32_t count);

/// An options or input struct version this library knows (EVERSION otherwise).
void check_version(const char* function, std::string_view argument, std::uint32_t got, std::uint32_t known);

/// Whether an export includes the contacts, from its options (NULL: no); checks the
/// options' version.
bool export_includes_contacts(const char* function, const actielijst_export_options* options);

/// An enumeration value within [low, high] (EINVALID otherwise).
void check_enum(const char* function, std::string_view argument, std::int32_t value, std::int32_t low,
                std::int32_t high);

/// The process-wide handle table (args.cpp). A C caller never sees an object's
/// address: it gets a token, an odd non-zero integer that packs a slot index, the
/// slot's generation and the handle kind, cast to the handle's pointer type:
///
///   64-bit: generation 32 bits | slot 25 bits | kind 6 bits | 1
///   32-bit: generation  7 bits | slot 18 bits | kind 6 bits | 1
///
/// A token is never dereferenced. find() splits it, checks the slot against the
/// chunks the table has, and compares the whole token with the one the slot holds
/// now: a freed handle (its slot's token was cleared, and a reused slot carries a
/// later generation), a handle of another kind and a foreign pointer all fail that
/// comparison. Lookups take no lock (one handle is used by one thread at a time,
/// but different handles are looked up from many threads at once); creating and
/// freeing take the table's mutex.
namespace handle_table {

inline constexpr unsigned kind_bits = 6;
inline constexpr unsigned slot_bits = sizeof(std::uintptr_t) >= 8 ? 25 : 18;
inline constexpr unsigned generation_shift = 1 + kind_bits + slot_bits;
inline constexpr unsigned generation_bits = sizeof(std::uintptr_t) * 8 - generation_shift;
static_assert(generation_bits >= 7 && generation_bits <= 32);
/// Slots come in chunks of 2^chunk_bits (1024 slots, 24 KiB on 64-bit builds),
/// allocated as the table grows; the array of chunk pointers is static (256 KiB of
/// zero pages on 64-bit builds, of which lookups touch only the first page until
/// more than half a million handles are live at once).
inline constexpr unsigned chunk_bits = 10;
inline constexpr std::size_t chunk_slots = std::size_t{1} << chunk_bits;
inline constexpr std::size_t chunk_count = std::size_t{1} << (slot_bits - chunk_bits);

struct Slot {
    /// The token that is live in this slot, or 0 while the slot is free.
    std::atomic<std::uintptr_t> token{0};
    std::atomic<void*> object{nullptr};
    // Only touched under the table's mutex:
    std::uint32_t generation = 0;
    std::uint32_t next_free = 0;
};

/// The chunks of slots; never moved or freed, so a lookup needs no lock against growth.
extern std::atomic<Slot*> chunks[chunk_count];

/// The live object of `token`, when it is a live handle of `kind`; nullptr otherwise.
inline void* find(std::uintptr_t token, unsigned kind) noexcept {
    // The low bits (1, then the kind) first: a NULL, even or other-kind value never
    // reaches the table. The exact comparison with the slot's token below would
    // refuse it as well.
    constexpr std::uintptr_t low_mask = (std::uintptr_t{1} << (1 + kind_bits)) - 1;
    if ((token & low_mask) != ((static_cast<std::uintptr_t>(kind) << 1) | 1)) return nullptr;
    const std::size_t index = static_cast<std::size_t>(token >> (1 + kind_bits)) & ((std::size_t{1} << slot_bits) - 1);
    const Slot* chunk = chunks[index >> chunk_bits].load(std::memory_order_acquire);
    if (!chunk) return nullptr;
    const Slot& slot = chunk[index & (chunk_slots - 1)];
    // A sequence-lock read: the object belongs to `token` only if the slot still
    // holds `token` after the object was read (the writers' side is in args.cpp).
    if (slot.token.load(std::memory_order_acquire) != token) return nullptr;
    void* object = slot.object.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (slot.token.load(std::memory_order_relaxed) != token) return nullptr;
    return object;
}

/// Makes `object` (not NULL) a live handle of `kind`, named `name` in messages, and
/// returns its token. Throws std::bad_alloc when the table cannot grow (out of
/// memory, or every slot in use).
std::uintptr_t add(void* object, unsigned kind, const char* name);

/// Ends the handle `token` of `kind` and returns its object for the caller to
/// delete; nullptr when `token` is not a live handle of that kind.
void* remove(std::uintptr_t token, unsigned kind) noexcept;

/// The reason `token` is not a live handle of `expected_kind`, for a message:
/// "(it is an actielijst_store)" or "(freed, or not one)".
std::string refusal(std::uintptr_t token, unsigned expected_kind);

}  // namespace handle_table

/// The token the C caller holds for a handle.
template <class H>
std::uintptr_t token_of(H* h) noexcept {
    return reinterpret_cast<std::uintptr_t>(h);
}

/// The object of a live handle of type H (never dereferencing `h`); nullptr for
/// NULL, a freed handle, a handle of another type or a foreign pointer.
template <class H>
H* live(H* h) noexcept {
    return static_cast<H*>(handle_table::find(token_of(h), H::kKind));
}

/// A handle argument: not NULL, and a live handle of type H. Refused without
/// reading the memory `h` points to: it may be freed, or not ours.
template <class H>
H* handle(const char* function, std::string_view argument, H* h) {
    require(h, function, argument);
    if (H* object = live(h)) return object;
    fail_arg(function, argument,
             std::string("is not a valid ") + H::kName + " handle " + handle_table::refusal(token_of(h), H::kKind));
}

/// Runs `body`, giving an Error whose place is `from` (or lies inside it) the place
/// `to` instead (the first pair that matches), e.g. the core's `label.nl` as the C
/// field `label_nl`, or `regions[1]` as `options->regions[1]`.
template <class F>
decltype(auto) renaming(std::initializer_list<std::pair<std::string_view, std::string_view>> names, F&& body) {
    try {
        return body();
    } catch (const Error& e) {
        for (const auto& [from, to] : names)
            if (e.inside(from)) rethrow_placed(e, e.without(from).within(to));
        throw;
    }
}

/// Runs `body`, putting `outer` (e.g. "owners[2]") in front of an Error's place:
/// for a value built on its own that belongs to one element of a list.
template <class F>
decltype(auto) with_prefix(std::string_view outer, F&& body) {
    try {
        return body();
    } catch (const Error& e) {
        rethrow_placed(e, e.within(outer));
    }
}

/// Runs `body`, which stores what a one-entry write built from its input struct
/// `in`, and places the core's errors on that struct: `meetings[0].date` (`list`
/// "meetings[0]"), or `date` where the core names the field alone, becomes
/// `in->date`, the place an argument check names too. Errors without a place and
/// the C layer's own argument errors pass unchanged.
template <class F>
decltype(auto) on_input(std::string_view list, F&& body) {
    try {
        return body();
    } catch (const ArgumentError&) {
        throw;
    } catch (const Error& e) {
        if (e.where().empty()) throw;
        const std::string field = !list.empty() && e.inside(list) ? e.without(list).where() : e.where();
        rethrow_placed(e, Error(e.code(), field.empty() ? std::string("in") : "in->" + field, e.message(),
                                e.system_errno()));
    }
}

}  // namespace actielijst::capi
