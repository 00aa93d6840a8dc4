// Meeting snapshots and diffs through the C API: save, load (as an ordinary view
// handle), and the changes between two views as records built once.
#include "args.hpp"
#include "guard.hpp"
#include "handles.hpp"

#include <actielijst/changes.hpp>
#include <actielijst/snapshot.hpp>

#include <cstdlib>
#include <cstring>
#include <new>

using actielijst::capi::guard;
using actielijst::capi::handle;
using actielijst::capi::require;

namespace actielijst::capi {

DiffHolder::DiffHolder(Changes data) : changes(std::move(data)) {
    const auto date = [&](const std::optional<Date>& d) { return d ? texts.keep(*d) : ""; };
    const auto state = [&](const std::optional<Proposal>& p) {
        return p ? texts.keep(std::string(to_string(p->state()))) : "";
    };
    records.reserve(changes.actions.size() + changes.statuses.size() + changes.proposals.size() +
                    changes.observations.size());
    for (const auto& c : changes.actions) {
        const auto& b = c.before;
        const auto& a = c.after;
        records.push_back({ACTIELIJST_SUBJECT_ACTION, static_cast<std::int32_t>(c.kind), c.key.c_str(), c.key.c_str(),
                           "", "", "", "", b ? date(b->due()) : "", a ? date(a->due()) : "",
                           b ? b->title().c_str() : "", a ? a->title().c_str() : "", 0, 0});
    }
    for (const auto& c : changes.statuses) {
        const auto& b = c.before;
        const auto& a = c.after;
        records.push_back({ACTIELIJST_SUBJECT_STATUS, static_cast<std::int32_t>(c.kind), c.action.c_str(),
                           c.action.c_str(), c.scope.c_str(), "", b ? b->state().c_str() : "",
                           a ? a->state().c_str() : "", b ? texts.keep(b->as_of()) : "",
                           a ? texts.keep(a->as_of()) : "", b ? b->text().c_str() : "", a ? a->text().c_str() : "",
                           c.closed ? 1 : 0, 0});
    }
    for (const auto& c : changes.proposals) {
        const auto& b = c.before;
        const auto& a = c.after;
        const auto& p = a ? *a : *b;
        records.push_back({ACTIELIJST_SUBJECT_PROPOSAL, static_cast<std::int32_t>(c.kind), c.key.c_str(),
                           p.action().c_str(), "", "", state(b), state(a), b ? date(b->decided()) : "",
                           a ? date(a->decided()) : "", b ? b->text().c_str() : "", a ? a->text().c_str() : "", 0,
                           c.decided ? 1 : 0});
    }
    for (const auto& c : changes.observations) {
        const auto& b = c.before;
        const auto& a = c.after;
        const auto& o = a ? *a : *b;
        records.push_back({ACTIELIJST_SUBJECT_OBSERVATION, static_cast<std::int32_t>(c.kind), o.indicator().c_str(),
                           "", o.region().c_str(), o.value().level.c_str(), "", "",
                           b ? texts.keep(b->as_of()) : "", a ? texts.keep(a->as_of()) : "",
                           b ? b->note().c_str() : "", a ? a->note().c_str() : "", 0, 0});
    }
}

namespace {

SnapshotFormat format_of(const char* fn, std::int32_t format) {
    check_enum(fn, "format", format, ACTIELIJST_SNAPSHOT_TEXT, ACTIELIJST_SNAPSHOT_BINARY);
    return format == ACTIELIJST_SNAPSHOT_TEXT ? SnapshotFormat::text : SnapshotFormat::binary;
}

int new_view(View view, actielijst_view** out) {
    auto h = std::make_unique<actielijst_view>();
    h->holder = std::make_shared<const ViewHolder>(std::move(view));
    *out = actielijst::capi::publish(std::move(h));
    return ACTIELIJST_OK;
}

}  // namespace
}  // namespace actielijst::capi

using actielijst::capi::format_of;
using actielijst::capi::new_view;

extern "C" {

int actielijst_view_save_snapshot(actielijst_view* view, int32_t format, const char* path) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* v = handle(fn, "view", view);
        const std::string p = actielijst::capi::text(fn, "path", path);
        actielijst::save_snapshot(v->holder->view, p, format_of(fn, format));
        return ACTIELIJST_OK;
    });
}

int actielijst_view_snapshot_bytes(actielijst_view* view, int32_t format, actielijst_buf* out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* v = handle(fn, "view", view);
        const auto f = format_of(fn, format);
        require(out, fn, "out");
        const std::string bytes = actielijst::snapshot_bytes(v->holder->view, f);
        auto* data = static_cast<char*>(std::malloc(bytes.size() + 1));
        if (!data) throw std::bad_alloc();
        std::memcpy(data, bytes.data(), bytes.size());
        data[bytes.size()] = '\0';
        out->data = data;
        out->size = bytes.size();
        return ACTIELIJST_OK;
    });
}

int actielijst_snapshot_load(const char* path, actielijst_view** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const std::string p = actielijst::capi::text(fn, "path", path);
        require(out, fn, "out");
        return new_view(actielijst::load_snapshot(p), out);
    });
}

int actielijst_snapshot_load_bytes(const void* data, size_t len, const char* origin, actielijst_view** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        if (!data && len > 0) actielijst::capi::fail_arg(fn, "data", "is NULL");
        std::string name = actielijst::capi::optional_text(fn, "origin", origin);
        if (name.empty()) name = "snapshot";
        require(out, fn, "out");
        const std::string_view bytes(data ? static_cast<const char*>(data) : "", len);
        return new_view(actielijst::load_snapshot_bytes(bytes, name), out);
    });
}

int actielijst_snapshot_info_read(const char* path, actielijst_snapshot_info* info) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const std::string p = actielijst::capi::text(fn, "path", path);
        require(info, fn, "info");
        const auto i = actielijst::read_snapshot_info(p);
        actielijst_snapshot_info rec{};
        rec.format = i.format == actielijst::SnapshotFormat::text ? ACTIELIJST_SNAPSHOT_TEXT : ACTIELIJST_SNAPSHOT_BINARY;
        rec.envelope_version = i.envelope_version;
        rec.payload_size = i.payload_size;
        const std::string iso = i.as_of.iso();
        std::memcpy(rec.as_of, iso.c_str(), std::min(iso.size() + 1, sizeof rec.as_of));
        rec.as_of[sizeof rec.as_of - 1] = '\0';
        *info = rec;
        return ACTIELIJST_OK;
    });
}

int actielijst_diff_new(actielijst_view* before, actielijst_view* after, actielijst_diff** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* b = handle(fn, "before", before);
        const auto* a = handle(fn, "after", after);
        require(out, fn, "out");
        auto h = std::make_unique<actielijst_diff>();
        h->holder = std::make_shared<const actielijst::capi::DiffHolder>(
            actielijst::diff(b->holder->view, a->holder->view));
        *out = actielijst::capi::publish(std::move(h));
        return ACTIELIJST_OK;
    });
}

void actielijst_diff_free(actielijst_diff* diff) { actielijst::capi::free_handle(diff); }

int actielijst_diff_count(actielijst_diff* diff, size_t* count) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* d = handle(fn, "diff", diff);
        require(count, fn, "count");
        *count = d->holder->records.size();
        return ACTIELIJST_OK;
    });
}

int actielijst_change_iter_new(actielijst_diff* diff, actielijst_change_iter** out) {
    const char* fn = __func__;
    return guard(fn, [&] {
        const auto* d = handle(fn, "diff", diff);
        require(out, fn, "out");
        auto it = std::make_unique<actielijst_change_iter>();
        it->owner = d->holder;
        it->shared = &d->holder->records;
        *out = actielijst::capi::publish(std::move(it));
        return ACTIELIJST_OK;
    });
}

int actielijst_change_iter_next(actielijst_change_iter* it, actielijst_change_rec* rec) {
    return actielijst::capi::iter_next(__func__, rec, it);
}

void actielijst_change_iter_free(actielijst_change_iter* it) { actielijst::capi::free_handle(it); }

}  // extern "C"
