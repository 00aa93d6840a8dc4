// actielijst — the SQLite store: the source of truth, with append-only history.
#pragma once

#include <actielijst/dataset.hpp>
#include <actielijst/view.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

/// What a merge did: definitions added (new keys), history rows appended,
/// and history rows already present and therefore skipped.
struct MergeSummary {
    std::size_t definitions_added = 0;   ///< new keys (existing ones are updated in place)
    std::size_t updates_added = 0;
    std::size_t updates_unchanged = 0;
    std::size_t observations_written = 0;
    std::size_t contacts_written = 0;
    std::size_t due_changes_written = 0;  ///< due-date changes appended, listed or recorded automatically
    friend bool operator==(const MergeSummary&, const MergeSummary&) = default;
};

struct OpenOptions {
    /// How long a writer waits for another process's lock before failing.
    int busy_timeout_ms = 5000;
    /// Open an existing database only; never create one.
    bool must_exist = false;
};

/// One open database. Not thread-safe: one thread at a time per Store; different
/// Stores (also on the same file, also in other processes) may be used concurrently.
class Store {
public:
    /// The schema version this build writes (PRAGMA user_version).
    static constexpr int schema_version = 2;

    /// Opens or creates the database at `path`, migrating an older schema and
    /// installing the default progress states in a new one. Errors: Errc::io when the
    /// file cannot be created or opened, Errc::storage when it is not an actielijst
    /// database, Errc::version when a newer actielijst wrote it.
    static Store open(const std::string& path, const OpenOptions& options = {});

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    const std::string& path() const noexcept;

    /// Writes a whole dataset in one transaction: definitions are upserted (by key or
    /// code), history is appended, updates identical to stored ones are skipped. Every
    /// reference is resolved against the store plus the dataset; region references may
    /// be aliases. On any error nothing is written and Error names the entry, e.g.
    /// `updates[3].state: unknown state "klaar"`.
    ///
    /// Due dates: when the dataset changes the due date of a stored action (also
    /// setting or removing it), the change is appended to its due-date history, noted
    /// on the dataset's `meta.as_of` when that is a valid date, otherwise on today's
    /// date (UTC). An action that has changes in `data.due_changes` gets those instead
    /// of an automatic one. A new action records nothing.
    MergeSummary merge(const Dataset& data);

    /// Appends one state of affairs (one transaction). Returns false when an identical
    /// update was already stored.
    bool record(const StatusUpdate& update);

    /// Records a decision on a stored proposal: its new state, the decision date and
    /// the meeting that took it (one transaction). Errors: Errc::not_found for an
    /// unknown proposal or meeting; Errc::invalid for a decision date on an open one.
    void decide(std::string_view proposal, ProposalState state, std::optional<Date> decided,
                std::string_view meeting = {});

    /// Parses a JSON document (docs/json-format.md) and merges it.
    MergeSummary import_json(std::string_view json);
    /// The whole store as a JSON document; contacts (personal data) only on request.
    std::string export_json(bool include_contacts = false) const;

    /// The whole store as values, in export order; contacts only on request.
    Dataset dump(bool include_contacts = false) const;

    /// Definitions plus current statuses and latest observations as of `as_of`.
    /// Its cost grows with actions x scopes, not with the length of history.
    View view(const Date& as_of) const;

    /// The status history of one action (all scopes, or one scope when given), oldest
    /// first. Its due-date history is in dump().due_changes and View::due_changes().
    std::vector<StatusUpdate> history(std::string_view action, std::string_view scope = {}) const;

    /// The code of the region with this code or alias (case-insensitive), if any.
    std::optional<std::string> resolve_region(std::string_view code_or_alias) const;

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace actielijst
