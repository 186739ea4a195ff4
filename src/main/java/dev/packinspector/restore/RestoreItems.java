package dev.packinspector.restore;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a selection restores as, for the command line and the window alike: manifest entries at
 * their paths ({@link RestoreItem#of}), objects picked by id as files named by their ids (as
 * {@code extract} writes them), and the few words that name such a selection. Stateless.
 */
public final class RestoreItems {
    private RestoreItems() {
    }

    /** The entries as items, in their order. */
    public static List<RestoreItem> of(List<ManifestEntry> entries) {
        return entries.stream().map(RestoreItem::of).toList();
    }

    /** Each object once, in the order first given, as a file named by its id with default permissions; sizes unknown. */
    public static List<RestoreItem> objects(Collection<ObjectId> ids) {
        return ids.stream().distinct().map(id -> RestoreItem.object(id, -1)).toList();
    }

    /** "src/main.rs from snapshot 019b7711-987b", "1,204 files of snapshot 019b7711-987b": a selection of {@code snapshot}'s entries. */
    public static String describe(Snapshot snapshot, List<ManifestEntry> entries) {
        String of = "snapshot " + snapshot.shortId();
        if (entries.size() == 1) {
            return entries.getFirst().path() + " from " + of;
        }
        return String.format(Locale.ROOT, "%,d files of %s", entries.size(), of);
    }
}
