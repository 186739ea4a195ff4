package dev.packinspector.restore;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ObjectId;
import java.util.Collection;
import java.util.List;

/**
 * What a selection restores as, for the command line and the window alike: manifest entries at
 * their paths ({@link RestoreItem#of}), objects picked by id as files named by their ids (as
 * {@code extract} writes them). Stateless.
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

}
