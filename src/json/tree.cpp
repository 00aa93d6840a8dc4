#include "json/tree.hpp"

#include "util/check.hpp"

#include <actielijst/error.hpp>

#include <nlohmann/json.hpp>

#include <istream>
#include <set>

namespace actielijst::detail {

double Node::as_double() const noexcept {
    switch (type_) {
        case Type::integer: return static_cast<double>(as_int64());
        case Type::unsigned_integer: return static_cast<double>(unsigned_);
        default: return floating_;
    }
}

const Node* Node::find(std::string_view key) const noexcept {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == key) return &children_[i];
    return nullptr;
}

std::string printable_name(const std::string& name) {
    bool plain = !name.empty() && name.size() <= max_key_bytes;
    for (char c : name)
        plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    return plain ? name : quote(name);
}

/// nlohmann's SAX events into a Node tree, with the place of every value tracked for
/// error messages and the limits checked as values arrive.
class TreeBuilder {
public:
    using Json = nlohmann::json;

    TreeBuilder(const TreeLimits& limits, ElementSink* sink) : limits_(limits), sink_(sink) {}

    Node take() { return std::move(root_); }

    bool null() { return add(Node{}); }
    bool boolean(bool b) {
        Node n;
        n.type_ = Node::Type::boolean;
        n.boolean_ = b;
        return add(std::move(n));
    }
    bool number_integer(Json::number_integer_t v) {
        Node n;
        n.type_ = Node::Type::integer;
        n.unsigned_ = static_cast<std::uint64_t>(v);
        return add(std::move(n));
    }
    bool number_unsigned(Json::number_unsigned_t v) {
        Node n;
        n.type_ = Node::Type::unsigned_integer;
        n.unsigned_ = v;
        return add(std::move(n));
    }
    bool number_float(Json::number_float_t v, const Json::string_t&) {
        Node n;
        n.type_ = Node::Type::floating;
        n.floating_ = v;
        return add(std::move(n));
    }
    bool string(Json::string_t& s) {
        Node n;
        n.type_ = Node::Type::string;
        if (!stack_.empty() && stack_.back().hold == Hold::drop) return add(std::move(n));  // freed anyway
        n.text_ = std::move(s);
        return add(std::move(n));
    }
    bool binary(Json::binary_t&) { throw Error(Errc::invalid, path(), "binary values are not JSON"); }

    bool start_object(std::size_t) { return open(Node::Type::object); }
    bool start_array(std::size_t) { return open(Node::Type::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(Json::string_t& name) {
        Frame& f = stack_.back();
        if (f.keys.size() >= limits_.max_members)
            throw Error(Errc::invalid, path_of_container(), "more than " + std::to_string(limits_.max_members) +
                                           " members in one object");
        if (!f.keys.insert(name).second) {
            f.key = name;
            throw Error(Errc::invalid, path(), "duplicate member " + quote(name) + " in one object");
        }
        f.key = std::move(name);
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        // Syntax errors and numbers out of range. nlohmann's message names the line
        // and column and echoes what it read, so it is cut to a sane length.
        std::string what = e.what();
        const auto cut = what.find("] ");
        if (cut != std::string::npos) what.erase(0, cut + 2);
        throw Error(Errc::invalid, "not valid JSON: " + shorten(what, 300));
    }

private:
    /// What becomes of a container's finished values.
    enum class Hold {
        keep,     // its children
        scalars,  // its scalar children; a child container is kept as its type only
        stream,   // handed to the sink (a top-level array the sink streams)
        drop,     // freed: only the container's type is kept
    };
    struct Frame {
        Node node;
        Hold hold = Hold::keep;
        std::size_t count = 0;       // values read so far
        std::string key;             // objects: the member being read
        std::set<std::string> keys;  // objects: names seen, for duplicates
    };

    bool open(Node::Type type) {
        if (static_cast<int>(stack_.size()) >= limits_.max_depth)
            throw Error(Errc::invalid, path(), "nested deeper than " + std::to_string(limits_.max_depth) + " levels");
        Hold hold = Hold::keep;
        if (sink_) {
            const bool array = type == Node::Type::array;
            if (stack_.empty()) {
                hold = array ? Hold::drop : Hold::keep;
            } else if (stack_.back().hold == Hold::drop || stack_.back().hold == Hold::scalars) {
                hold = Hold::drop;
            } else if (stack_.size() == 1) {  // a member of the root object
                switch (sink_->keep(stack_[0].key, array)) {
                    case ElementSink::Keep::elements: hold = array ? Hold::stream : Hold::drop; break;
                    case ElementSink::Keep::scalars: hold = Hold::scalars; break;
                    case ElementSink::Keep::type: hold = Hold::drop; break;
                }
            }  // else: inside an element of a streamed list, which is kept
        }
        stack_.emplace_back();
        stack_.back().node.type_ = type;
        stack_.back().hold = hold;
        return true;
    }
    bool close() {
        Node done = std::move(stack_.back().node);
        stack_.pop_back();
        return add(std::move(done));
    }
    /// Attaches a finished value to the container being read, or makes it the root.
    bool add(Node value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return true;
        }
        Frame& f = stack_.back();
        switch (f.hold) {
            case Hold::keep:
            case Hold::scalars:
                if (within_limits(f)) {
                    if (f.node.type_ == Node::Type::object) f.node.names_.push_back(f.key);
                    f.node.children_.push_back(std::move(value));
                }
                break;
            case Hold::stream:
                if (refused_.empty()) {
                    sink_->element(stack_[0].key, f.count, std::move(value));
                } else {
                    sink_->refuse(stack_[0].key, f.count, Error(Errc::invalid, refused_));
                    refused_.clear();
                }
                element_values_ = 0;
                break;
            case Hold::drop: break;
        }
        ++f.count;
        return true;
    }

    /// Whether one more value may be held in `f`, the innermost container. When not,
    /// inside an element of a streamed list the element is refused (the rest of it is
    /// read and dropped), elsewhere the parse ends.
    bool within_limits(const Frame& f) {
        const bool in_element = sink_ && stack_.size() >= 3 && stack_[1].hold == Hold::stream;
        std::string what;
        if (f.node.type_ == Node::Type::array && f.count >= limits_.max_entries) {
            what = path_of_container() + ": more than " + std::to_string(limits_.max_entries) +
                   " elements in one array (the limit)";
        } else if (++(in_element ? element_values_ : tree_values_) > limits_.max_values) {
            what = render(in_element ? 2 : 0) + ": more than " + std::to_string(limits_.max_values) +
                   (in_element ? " values in one entry (the limit)" : " values in one document (the limit)");
        } else {
            return true;
        }
        if (!in_element) throw Error(Errc::invalid, what);
        // The element's own frames (the list is stack_[1]) drop what they hold and
        // whatever comes; keys are still checked, for duplicates and syntax.
        refused_ = std::move(what);
        for (std::size_t i = 2; i < stack_.size(); ++i) {
            Frame& g = stack_[i];
            Node empty;
            empty.type_ = g.node.type_;
            g.node = std::move(empty);
            g.hold = Hold::drop;
        }
        return false;
    }

    /// The place of the value being read: `themes[0].key`.
    std::string path() const { return render(stack_.size()); }
    /// The place of the innermost container: `themes[0]`.
    std::string path_of_container() const { return render(stack_.empty() ? 0 : stack_.size() - 1); }
    std::string render(std::size_t frames) const {
        std::string out;
        for (std::size_t i = 0; i < frames; ++i) {
            const Frame& f = stack_[i];
            if (f.node.type_ == Node::Type::array)
                out += "[" + std::to_string(f.count) + "]";
            else
                out += (out.empty() ? "" : ".") + printable_name(f.key);
        }
        return out.empty() ? "document" : out;
    }

    TreeLimits limits_;
    ElementSink* sink_;
    std::vector<Frame> stack_;
    Node root_;
    std::size_t tree_values_ = 0;     // values held outside the elements of streamed lists
    std::size_t element_values_ = 0;  // values held of the element being read
    std::string refused_;             // why the element being read is refused; empty when it is not
};

Node parse_tree(std::string_view text, const TreeLimits& limits, ElementSink* sink) {
    TreeBuilder builder(limits, sink);
    nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
    return builder.take();
}

Node parse_tree(std::istream& in, const TreeLimits& limits, ElementSink* sink) {
    TreeBuilder builder(limits, sink);
    nlohmann::json::sax_parse(in, &builder);
    return builder.take();
}

}  // namespace actielijst::detail
