/// \file
/// actielijst — the SQLite store: the source of truth, with append-only history.
#pragma once

#include <actielijst/dataset.hpp>
#include <actielijst/view.hpp>

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actielijst {

class Filter;

/// What a merge did: definitions added (new keys), history rows appended,
/// and history rows already present and therefore skipped.
struct MergeSummary {
    std::size_t definitions_added = 0;     ///< new keys (existing ones are updated in place)
    std::size_t updates_added = 0;         ///< states of affairs appended
    std::size_t updates_unchanged = 0;     ///< states of affairs skipped: identical to a stored one
    std::size_t observations_written = 0;  ///< observations (monitoring figures) written
    std::size_t contacts_written = 0;      ///< contacts written
    std::size_t due_changes_written = 0;   ///< due-date changes appended, listed or recorded automatically
    std::size_t decisions_added = 0;       ///< decisions on proposals appended, listed or from a changed `state`
    /// Equal when every field is equal.
    friend bool operator==(const MergeSummary&, const MergeSummary&) = default;
};

/// How Store::open() opens a database.
struct OpenOptions {
    /// How long a call waits for another connection's write lock before failing
    /// with Errc::busy. Waiters poll every millisecond or two, so a lock that is held
    /// for milliseconds at a time never makes a call fail (docs/operations.md).
    int busy_timeout_ms = 5000;
    /// Open an existing database only; never create one.
    bool must_exist = false;
    /// Open for reading only (implies must_exist): the file is never written, so a
    /// store on read-only media or owned by another user can be read. Every write
    /// fails with Errc::read_only. A store with an older schema must be opened for
    /// writing once to be migrated.
    bool read_only = false;
};

/// One open database. Not thread-safe: one thread at a time per Store; different
/// Stores (also on the same file, also in other processes) may be used concurrently.
class Store {
public:
    /// The schema version this build writes (PRAGMA user_version).
    static constexpr int schema_version = 6;

    /// Opens or creates the database at `path`, migrating an older schema. A new
    /// store holds no progress states: a list brings its own (JSON `states`), or
    /// takes the default set with install_default_states(). Errors: Errc::io when the
    /// file cannot be created or opened, Errc::storage when it is not an actielijst
    /// database, Errc::version when a newer actielijst wrote it.
    static Store open(const std::string& path, const OpenOptions& options = {});

    /// Takes over the open database; the moved-from Store may only be destroyed or
    /// assigned to.
    Store(Store&&) noexcept;
    /// Closes this store and takes over the open database of another.
    Store& operator=(Store&&) noexcept;
    /// Closes the database connection. Every write was already committed in its own
    /// transaction.
    ~Store();

    /// The path the store was opened with.
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

    /// Appends a decision on a stored proposal: its new state (open re-opens it), the
    /// date, the meeting that took it and the words it was recorded with (one
    /// transaction). The date is `decided`, or the meeting's date when only a meeting
    /// is given. The meeting the proposal was tabled at stays as it was. Returns false
    /// when an identical decision was already stored. Errors: Errc::not_found for an
    /// unknown proposal or meeting; Errc::invalid when there is neither a date nor a
    /// meeting, or the date is before the proposal was tabled.
    bool decide(std::string_view proposal, ProposalState state, std::optional<Date> decided,
                std::string_view meeting = {}, std::string_view text = {});

    /// The history of one proposal, oldest first: its tabling (state open, the date and
    /// meeting it was tabled at, no text), then every decision. Errc::not_found for an
    /// unknown proposal.
    std::vector<ProposalEvent> proposal_history(std::string_view proposal) const;

    /// Stores a meeting, or changes the title of the stored one with its key. A key
    /// is used once: the same key on another date is Errc::exists.
    void add_meeting(const Meeting& meeting);
    /// Every meeting, by date.
    std::vector<Meeting> meetings() const;

    /// Sets up the regions of one province from the shipped CBS reference
    /// (reference_regions(): the province, its COROP regions and its municipalities as
    /// a list starting on 1 January of `year` needs them, mergers with their dates),
    /// in one transaction. A region the store holds already keeps its name and
    /// aliases; its kind, parent and period become the reference's. Errors as
    /// reference_regions() (unknown province, year outside the reference) and as
    /// merge(): Errc::conflict when a merger's date would leave states of affairs or
    /// figures of a municipality outside its period. On any error nothing is stored.
    MergeSummary add_province_regions(std::string_view province, std::optional<int> year = std::nullopt);

    /// Adds those of the default progress states (default_progress_states()) whose
    /// key the store does not hold yet, leaving stored states as they are. Returns how
    /// many were added (one transaction).
    std::size_t install_default_states();

    /// Parses a JSON document (docs/json-format.md) and merges it.
    MergeSummary import_json(std::string_view json);
    /// The same, reading the document from `in` as it is parsed (parse_json(std::istream&)).
    MergeSummary import_json(std::istream& in);
    /// The whole store as a JSON document; contacts (personal data) only on request.
    std::string export_json(bool include_contacts = false) const;
    /// The same document, written into `out` row by row as the store is read (one
    /// read transaction): memory holds one action, update, proposal or observation at
    /// a time, whatever the size of the store. A storage error part-way leaves a
    /// partial document in `out` (write files through an atomic output, which then
    /// keeps the target as it was); an exception `out` throws propagates, and a stream
    /// that fails without throwing ends the export with Error(Errc::io).
    void export_json(std::ostream& out, bool include_contacts = false) const;

    /// The whole store as values, in export order; contacts only on request.
    Dataset dump(bool include_contacts = false) const;

    /// The list exactly as it stood on `as_of`: the actions on the list then, each
    /// with the due date valid then; the current status of every (action, scope); the
    /// proposals tabled by then in their state on that date; the meetings held by
    /// then; the latest observation of every region. Equal to the View of a store that
    /// only ever received what is dated up to `as_of`. Its cost grows with actions x
    /// scopes and proposals, not with the length of history.
    View view(const Date& as_of) const;

    /// The list as it stood on `as_of`, for the actions `filter` selects: a View whose
    /// actions() are exactly `filter.select(view(as_of))`, with their states of
    /// affairs, proposals and due-date history, and whose referenced() names the
    /// actions outside the selection that they refer to. Definitions (themes, regions,
    /// states, meetings, indicators, observations) are those of the whole list, so
    /// rules, reports and diffs read it as they read a whole View. What the store can
    /// answer of the filter (Filter::plan()) it answers with indexed queries, so the
    /// cost follows the selection, not the list; the rest is evaluated in memory on
    /// what those queries return. Throws RuleError when the filter names a state,
    /// theme or region the list does not have on `as_of`.
    View view(const Date& as_of, const Filter& filter) const;

    /// The status history of one action (all scopes, or one scope when given), oldest
    /// first. Its due-date history is in dump().due_changes and View::due_changes().
    std::vector<StatusUpdate> history(std::string_view action, std::string_view scope = {}) const;

    /// The code of the region with this code or alias (case-insensitive), if any.
    std::optional<std::string> resolve_region(std::string_view code_or_alias) const;

    /// The list's meta data, as dump().meta gives it, without reading the rest.
    std::vector<MetaEntry> meta() const;

    /// The list's vocabulary without its history or action points: meta, themes,
    /// regions, states, meetings and indicators, as dump() gives them (every other
    /// member empty). What a caller needs to show labels and names, or to suggest a
    /// key, at the cost of the definitions alone.
    Dataset definitions() const;

    /// Every contact (personal data: the caller decides where it goes), as
    /// dump(true).contacts gives them, without reading the rest.
    std::vector<Contact> contacts() const;

    /// One proposal in its latest state, as dump().proposals holds it; nullopt for an
    /// unknown key. One lookup by key and one descent of its decisions.
    std::optional<Proposal> proposal(std::string_view key) const;

    /// How many actions are on the list at `as_of` (since at or before it, until after
    /// it); every stored action when unset. A count of an index, less two index ranges
    /// that hold only the actions with a `since` or `until`: it reads no action itself.
    std::size_t action_count(std::optional<Date> as_of = std::nullopt) const;

    /// The latest date at which anything was recorded: a state of affairs, a figure, a
    /// proposal tabled or decided, a meeting, a due date moved, an action point put on
    /// or taken off the list; with `not_after`, the latest such date on or before it.
    /// nullopt for a store that holds none of these. One index descent per kind of
    /// record.
    std::optional<Date> latest_date(std::optional<Date> not_after = std::nullopt) const;

    /// The date a picture of the list is taken at when the caller names none (the CLI's
    /// list, check, report and snapshot; the C API and Python likewise): the latest
    /// date anything was recorded, so that what was just recorded is in the next
    /// picture, but not after today (UTC): a meeting planned ahead is not yet a record
    /// of something that happened, and a picture of its date would call every state
    /// of affairs stale by then. For a store with nothing dated up to today, the list's
    /// `meta.as_of` when that is a valid date; else today.
    Date default_date() const;

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace actielijst
