// Command-line helpers shared by the benchmark programs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

/// "10000,100000" -> {10000, 100000}; throws std::invalid_argument for anything else.
inline std::vector<std::size_t> parse_list(const std::string& text) {
    std::vector<std::size_t> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto comma = std::min(text.find(',', pos), text.size());
        const auto item = text.substr(pos, comma - pos);
        if (item.empty() || item.find_first_not_of("0123456789") != std::string::npos)
            throw std::invalid_argument("not a list of numbers: " + text);
        out.push_back(static_cast<std::size_t>(std::stoull(item)));
        pos = comma + 1;
    }
    return out;
}

}  // namespace bench
