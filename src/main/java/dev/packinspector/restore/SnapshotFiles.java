package dev.packinspector.restore;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeFile;
import dev.packinspector.store.tree.TreeStore;
import dev.packinspector.store.tree.TreeWalk;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot's files as chkpt's own restore finds them: the catalog's manifest rows; or, where
 * the manifest has none although the snapshot counts files and names a root tree, the walk of
 * that tree, as chkpt 2f794af and 7f7f180 fall back to it (TREES-FORMAT.md §9). Used by restore,
 * export and the window's snapshot view. Stateless; as thread-safe as the catalog and trees given.
 */
public final class SnapshotFiles {
    private SnapshotFiles() {
    }

    /** The files of {@code snapshot}, in path order. {@code trees} may be null (then only the manifest). */
    public static List<ManifestEntry> of(Catalog catalog, TreeStore trees, Snapshot snapshot) throws StoreException {
        List<ManifestEntry> manifest = catalog.files(snapshot);
        if (!manifest.isEmpty() || snapshot.totalFiles() <= 0 || snapshot.rootTree() == null || trees == null) {
            return manifest;
        }
        List<TreeFile> walked = new TreeWalk(trees).files(snapshot.rootTree());
        var files = new ArrayList<ManifestEntry>(walked.size());
        for (TreeFile f : walked) {
            files.add(new ManifestEntry(f.path(), f.id(), f.size(), f.unsignedMode(), null));
        }
        return files;
    }
}
