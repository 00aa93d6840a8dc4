// A parsed JSON document as a small tree of plain values.
//
// nlohmann::json's own tree allocates in its destructor (it destroys nested values
// through a heap stack), so an allocation failure while parsing would end the
// process. This tree is built through nlohmann's SAX interface instead; its
// destructors only free, and its depth is bounded, so every failure is an exception.
// A large document need never be held as one tree: the elements of its top-level
// arrays can be handed out one at a time as they are read (ElementSink), and what
// one tree may hold is bounded (TreeLimits), so a hostile document costs memory in
// proportion to its text, never a tree of ~112 bytes per value of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {
class Error;
}

namespace actielijst::detail {

class Node {
public:
    enum class Type { null, boolean, integer, unsigned_integer, floating, string, array, object };

    Type type() const noexcept { return type_; }
    bool is_null() const noexcept { return type_ == Type::null; }
    bool is_boolean() const noexcept { return type_ == Type::boolean; }
    bool is_string() const noexcept { return type_ == Type::string; }
    bool is_array() const noexcept { return type_ == Type::array; }
    bool is_object() const noexcept { return type_ == Type::object; }
    bool is_number() const noexcept { return is_number_integer() || type_ == Type::floating; }
    bool is_number_integer() const noexcept { return type_ == Type::integer || type_ == Type::unsigned_integer; }
    bool is_number_unsigned() const noexcept { return type_ == Type::unsigned_integer; }

    const std::string& text() const noexcept { return text_; }
    bool as_bool() const noexcept { return boolean_; }
    double as_double() const noexcept;
    std::int64_t as_int64() const noexcept { return static_cast<std::int64_t>(unsigned_); }
    std::uint64_t as_uint64() const noexcept { return unsigned_; }

    /// Elements of an array, or values of an object's members, in document order.
    std::size_t size() const noexcept { return children_.size(); }
    const Node& operator[](std::size_t i) const noexcept { return children_[i]; }
    /// Name of an object's i-th member.
    const std::string& name(std::size_t i) const noexcept { return names_[i]; }
    /// The value of member `key`, or nullptr.
    const Node* find(std::string_view key) const noexcept;

private:
    friend class TreeBuilder;
    Type type_ = Type::null;
    bool boolean_ = false;
    std::uint64_t unsigned_ = 0;  // integers, as two's complement when signed
    double floating_ = 0;
    std::string text_;
    std::vector<std::string> names_;
    std::vector<Node> children_;
};

/// A member name as it may appear in an error's path: as is when it looks like a
/// key, quoted and cut short otherwise, so hostile names cannot flood a message.
std::string printable_name(const std::string& name);

/// What a parse may hold. Every bound is checked while the text is read, so a value
/// past one is refused before it is built.
struct TreeLimits {
    int max_depth = 16;               ///< nesting of arrays and objects
    std::size_t max_members = 256;    ///< members of one object
    std::size_t max_entries = 10000;  ///< elements of one array held in a tree
    std::size_t max_values = 100000;  ///< values of one tree held: the document without a sink, else each element
};

/// Takes the elements of a document's top-level arrays as they are read.
class ElementSink {
public:
    /// How the value of a top-level member is held when it is an array or an object.
    enum class Keep {
        elements,  ///< an array whose elements go to element() or refuse(); the tree holds an empty array
        scalars,   ///< held with its scalar values; a value that is an array or object is held empty
        type,      ///< held empty: only whether it is an array or an object is kept
    };
    /// How the value of the top-level member `name` is held; `array` says which kind it is.
    virtual Keep keep(const std::string& name, bool array) const = 0;
    /// Element `index` of the top-level array `name`, complete and checked; it is
    /// freed when the call returns. An exception it throws ends the parse.
    virtual void element(const std::string& name, std::size_t index, Node&& value) = 0;
    /// Element `index` of the top-level array `name` went past a limit of TreeLimits
    /// (max_entries, max_values): `error` names the place. The rest of the element was
    /// read, checked for syntax and dropped; the parse goes on.
    virtual void refuse(const std::string& name, std::size_t index, const Error& error) = 0;

protected:
    ~ElementSink() = default;
};

/// Parses `text` within `limits`, refusing member names given twice. Errors are
/// Error(Errc::invalid) naming the place (`themes[0].key: duplicate member ...`) or,
/// for syntax, line and column. Without a sink the whole document is the tree, and a
/// value past a limit ends the parse. With a `sink`, the elements of the arrays it
/// streams are handed to it one by one (an element past max_entries or max_values is
/// refused, not built), the other top-level members are held as sink->keep() says,
/// and a root that is an array keeps no elements (it is no document): the tree holds
/// at most one element of a list at a time and the document's scalars.
Node parse_tree(std::string_view text, const TreeLimits& limits, ElementSink* sink = nullptr);
/// The same, reading `in` up to the end of the document; what `in` throws propagates.
Node parse_tree(std::istream& in, const TreeLimits& limits, ElementSink* sink = nullptr);

}  // namespace actielijst::detail
