// Setting up a province's regions from the shipped CBS reference.
#include <actielijst/region_reference.hpp>

#include "store/impl.hpp"
#include "store/reader.hpp"

#include <map>

namespace actielijst {

MergeSummary Store::add_province_regions(std::string_view province, std::optional<int> year) {
    auto regions = reference_regions(province, year);
    // The list's own names and aliases of the regions it holds stay as they are
    // ("Beek" with alias "Beek (L.)", "Zuid-Limburg" with alias "Zuid"): they are how
    // its people write them. Kind, parent and the dates a merger sets come from CBS.
    std::map<std::string, Region, std::less<>> stored;
    detail::translate_storage_errors(*impl_, "regions", [&] {
        for (auto& r : detail::reading::Reader(impl_->db).regions(std::nullopt)) {
            auto code = r.code();
            stored.emplace(std::move(code), std::move(r));
        }
    });
    Dataset data;
    data.regions.reserve(regions.size());
    for (auto& r : regions) {
        const auto it = stored.find(r.code());
        if (it == stored.end())
            data.regions.push_back(std::move(r));
        else
            data.regions.emplace_back(r.code(), it->second.name(), r.kind(), r.parent(), it->second.aliases(),
                                      r.period());
    }
    return merge(data);
}

}  // namespace actielijst
