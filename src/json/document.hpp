// An export document (docs/json-format.md) written piece by piece into a stream in
// the canonical layout: to_json writes a whole Dataset with it, and the store
// streams its rows into it, so an export holds one row at a time, not the store.
#pragma once

#include <actielijst/dataset.hpp>

#include <iosfwd>
#include <memory>
#include <string_view>
#include <vector>

namespace actielijst::detail {

class JsonWriter;

class DocumentWriter {
public:
    explicit DocumentWriter(std::ostream& out);
    ~DocumentWriter();
    DocumentWriter(const DocumentWriter&) = delete;
    DocumentWriter& operator=(const DocumentWriter&) = delete;

    /// Opens the document and writes the definitions that come before the actions.
    void head(const std::vector<MetaEntry>& meta, const std::vector<Theme>& themes,
              const std::vector<Region>& regions, const std::vector<ProgressState>& states,
              const std::vector<Meeting>& meetings);
    /// Starts the next list of the document ("actions", "updates", "proposals",
    /// "indicators", "observations", "contacts", in that order); end() closes it.
    void begin(std::string_view list);
    void end();
    /// One element of the current list; an action with its due-date changes and a
    /// proposal with its decisions, in the order they are to appear.
    void add(const ActionPoint& action, const std::vector<const DueChange*>& due_changes);
    void add(const StatusUpdate& update);
    void add(const Proposal& proposal, const std::vector<const ProposalEvent*>& decisions);
    void add(const Indicator& indicator);
    void add(const Observation& observation);
    void add(const Contact& contact);
    /// Closes the document and passes the rest of the text on.
    void finish();

private:
    std::unique_ptr<JsonWriter> w_;
};

}  // namespace actielijst::detail
