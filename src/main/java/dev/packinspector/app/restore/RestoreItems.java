package dev.packinspector.app.restore;

import dev.packinspector.app.common.Format;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.store.ObjectId;
import java.util.List;

/** What the window's selections restore as: manifest entries at their paths, objects as files named by id. */
public final class RestoreItems {
    private RestoreItems() {
    }

    public static List<RestoreItem> of(List<ManifestEntry> entries) {
        return entries.stream().map(e -> new RestoreItem(e.path(), e.blob(), e.size(), e.mode(), e.problem())).toList();
    }

    /** Objects picked in the index, restored as files named by their ids (as {@code extract} does). */
    public static List<RestoreItem> objects(List<ObjectId> ids) {
        return ids.stream().distinct().map(id -> RestoreItem.object(id, -1)).toList();
    }

    /** "src/main.rs from snapshot 019b7711-987b", "39 files of snapshot 019b7711-987b". */
    public static String describe(Snapshot s, List<ManifestEntry> entries) {
        String snap = "snapshot " + s.id().substring(0, Math.min(13, s.id().length()));
        return entries.size() == 1 ? entries.getFirst().path() + " from " + snap : Format.count(entries.size(), "file") + " of " + snap;
    }
}
