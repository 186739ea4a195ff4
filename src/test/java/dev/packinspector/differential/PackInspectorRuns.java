package dev.packinspector.differential;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.CatalogReferences;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.Restorer;
import dev.packinspector.restore.StoreVerifier;
import dev.packinspector.restore.TreeCheck;
import dev.packinspector.store.tree.TreeFile;
import dev.packinspector.store.tree.TreeStore;
import dev.packinspector.store.tree.TreeWalk;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pack Inspector's restore and verify of a whole store, wired exactly as {@code cli/RestoreCommand} and {@code cli/VerifyCommand} wire them. */
final class PackInspectorRuns {
    private static final int THREADS = 2;

    private PackInspectorRuns() {
    }

    /** Restores every file of snapshot {@code snapshotId} into {@code target}, keeping whatever is there. */
    static RestoreResult restore(Path store, String snapshotId, Path target) throws IOException {
        try (PackSet packs = PackSet.open(store); Catalog catalog = Catalog.open(store).orElseThrow(() -> noCatalog(store))) {
            var items = new ArrayList<RestoreItem>();
            for (ManifestEntry e : catalog.files(catalog.resolve(snapshotId))) {
                items.add(RestoreItem.of(e));
            }
            return new Restorer(THREADS).run(RestorePlanner.plan(packs, items, target, false), RestoreListener.NONE);
        }
    }

    /** The snapshot's files as Pack Inspector walks them from its root tree in {@code trees/}. */
    static List<TreeFile> treeWalk(Path store, String snapshotId) throws IOException {
        try (Catalog catalog = Catalog.open(store).orElseThrow(() -> noCatalog(store)); TreeStore trees = TreeStore.open(store)) {
            Snapshot s = catalog.resolve(snapshotId);
            if (s.rootTree() == null) {
                throw new IllegalStateException("snapshot " + snapshotId + " has no root tree");
            }
            return new TreeWalk(trees).files(s.rootTree());
        }
    }

    /** The snapshot's manifest as Pack Inspector reads it from the catalog. */
    static List<ManifestEntry> manifest(Path store, String snapshotId) throws IOException {
        try (Catalog catalog = Catalog.open(store).orElseThrow(() -> noCatalog(store))) {
            return catalog.files(catalog.resolve(snapshotId));
        }
    }

    /** {@code verify STORE}: packs, objects, the catalog's references, the tree pack and each snapshot's tree. */
    static VerifyReport verify(Path store) throws IOException {
        try (PackSet packs = PackSet.open(store); TreeStore trees = TreeStore.open(store)) {
            Optional<Catalog> catalog = Catalog.open(store);
            try {
                return new StoreVerifier(THREADS).verify(packs, catalog.map(CatalogReferences::new).orElse(null),
                        new TreeCheck(trees, catalog.orElse(null)), RestoreListener.NONE);
            } finally {
                if (catalog.isPresent()) {
                    catalog.get().close();
                }
            }
        }
    }

    private static StoreException noCatalog(Path store) {
        return new StoreException(ProblemKind.UNREADABLE, store, StoreException.NO_OFFSET, "has no catalog.sqlite");
    }
}
