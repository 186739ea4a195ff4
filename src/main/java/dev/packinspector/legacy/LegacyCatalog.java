package dev.packinspector.legacy;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.catalog.SnapshotCatalog;
import dev.packinspector.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The snapshots of a store of chkpt 0.1.x as {@link SnapshotCatalog} gives them: each JSON file's
 * snapshot, and its file list from its tree walk ({@link LegacyWalk}; a symlink entry gets the
 * link type in its mode, as a catalog's rows have it). A folder whose tree cannot be read is one
 * entry at the folder's path with no object and the reason as its problem: listed, never
 * restored. A snapshot JSON file that does not parse is not listed; {@link #problems()} says why.
 * The snapshot list is read when this is made; walks are made once each. Not thread-safe.
 */
public final class LegacyCatalog implements SnapshotCatalog {
    /** A symlink's file type in {@code st_mode}. */
    private static final long SYMLINK = 0120000;

    private final LegacyStore store;
    private final LegacyStore.Snapshots read;
    private final List<Snapshot> snapshots;
    private final Map<String, LegacySnapshot> byId = new HashMap<>();
    private final Map<String, List<ManifestEntry>> walked = new HashMap<>();
    private final LegacyWalk walker;

    public LegacyCatalog(LegacyStore store) throws StoreException {
        this.store = store;
        this.read = store.snapshots();
        this.walker = new LegacyWalk(store);
        var list = new ArrayList<Snapshot>();
        for (LegacySnapshot s : read.snapshots()) {
            byId.put(s.id(), s);
            list.add(new Snapshot(s.id(), s.createdAt(), s.message(), s.parentId(), null, s.totalFiles(), s.totalBytes(), s.newObjects(), null, null));
        }
        this.snapshots = List.copyOf(list);
    }

    /** The store read. */
    public LegacyStore store() {
        return store;
    }

    /** Snapshot files that could not be read, each saying why. */
    public List<StoreException> problems() {
        return read.problems();
    }

    @Override
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    @Override
    public Snapshot resolve(String ref) {
        return SnapshotCatalog.resolveIn(snapshots, ref, store.root());
    }

    /** The snapshot as chkpt 0.1.x wrote it. */
    public LegacySnapshot legacy(Snapshot snapshot) {
        LegacySnapshot s = byId.get(snapshot.id());
        if (s == null) {
            throw dev.packinspector.catalog.UnknownSnapshotException.notIn(snapshot, "store of chkpt 0.1.x");
        }
        return s;
    }

    @Override
    public List<ManifestEntry> files(Snapshot snapshot) {
        return walked.computeIfAbsent(snapshot.id(), id -> entries(walker.of(legacy(snapshot))));
    }

    @Override
    public long forEachManifestRow(BiConsumer<String, ? super ManifestEntry> action, BooleanSupplier cancelled) {
        long n = 0;
        for (Snapshot s : snapshots) {
            for (ManifestEntry e : files(s)) {
                if (cancelled.getAsBoolean()) {
                    return n;
                }
                action.accept(s.id(), e);
                n++;
            }
        }
        return n;
    }

    @Override
    public String manifestOwner(Snapshot snapshot) {
        return snapshot.id();
    }

    private static List<ManifestEntry> entries(LegacyWalk.Files files) {
        var out = new ArrayList<ManifestEntry>(files.files().size() + files.problems().size());
        for (LegacyWalk.File f : files.files()) {
            long mode = f.kind() == LegacyTree.Kind.LINK ? (f.mode() & 07777) | SYMLINK : f.mode() & 0xffffffffL;
            out.add(new ManifestEntry(f.path(), f.object(), f.size(), mode, null));
        }
        for (LegacyWalk.Problem p : files.problems()) {
            out.add(new ManifestEntry(p.folder(), null, 0, 0, p.error().detail()));
        }
        out.sort((x, y) -> java.util.Arrays.compareUnsigned(x.path().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                y.path().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return List.copyOf(out);
    }
}
