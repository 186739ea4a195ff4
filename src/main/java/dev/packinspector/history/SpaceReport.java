package dev.packinspector.history;

import dev.packinspector.catalog.Snapshot;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.store.ContentId;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Where a store's space goes. Per snapshot: its content, the distinct objects it uses, and the
 * bytes <em>unique</em> to it, used by no other snapshot, which are what deleting it would free
 * (stored bytes: the compressed entries in the packs). Per pack: entries, data, the content of
 * the objects snapshots use, the ratio, and the entries no snapshot uses (what a collection would
 * free). {@link #folders} splits one snapshot the same way by folder. Objects are counted by id,
 * once however many paths use them. Immutable and thread-safe.
 */
public final class SpaceReport {
    private final StoreIndex index;
    private final int[] objectOf;
    private final long[] objectSize;
    private final long[] objectStored;
    private final int[] snapshotsUsing;
    private final List<SnapshotSpace> snapshots;
    private final List<PackSpace> packs;

    /** One snapshot: rows and their bytes; distinct objects' content and stored bytes; the part no other snapshot uses. */
    public record SnapshotSpace(Snapshot snapshot, int files, long bytes, long distinctBytes, long storedBytes, long uniqueBytes,
            long uniqueStoredBytes) {
        /** Stored bytes other snapshots use too. */
        public long sharedStoredBytes() {
            return storedBytes - uniqueStoredBytes;
        }
    }

    /** One pack: entries and data size; content bytes of its entries snapshots use; entries and stored bytes none uses. */
    public record PackSpace(String name, int entries, long dataBytes, long contentBytes, int unusedEntries, long unusedStoredBytes) {
        /** Content over data for the used entries, or 0 when there are none. */
        public double ratio() {
            long usedData = dataBytes - unusedStoredBytes;
            return contentBytes > 0 && usedData > 0 ? (double) contentBytes / usedData : 0;
        }
    }

    /** Ids as {@link StoreIndex#versionsByObject()} orders them: by their first 128 bits, unsigned, then whole. */
    private static final java.util.Comparator<ContentId> BY_ID = (a, b) -> {
        int c = Long.compareUnsigned(a.hi(), b.hi());
        c = c != 0 ? c : Long.compareUnsigned(a.lo(), b.lo());
        return c != 0 ? c : a.toHex().compareTo(b.toHex());
    };

    private SpaceReport(StoreIndex index, ToLongFunction<ContentId> storedBytes, PackSet packSet) {
        this.index = index;
        Versions versions = index.versions();
        int[] byObject = index.versionsByObject();
        objectOf = new int[versions.size()];
        Arrays.fill(objectOf, -1);
        var ids = new ArrayList<ContentId>();
        for (int k = 0; k < byObject.length; k++) {
            ContentId id = versions.object(byObject[k]);
            if (ids.isEmpty() || !ids.getLast().equals(id)) {
                ids.add(id);
            }
            int v = byObject[k];
            objectOf[v] = ids.size() - 1;
        }
        objectSize = new long[ids.size()];
        objectStored = new long[ids.size()];
        for (int v = 0; v < versions.size(); v++) {
            if (objectOf[v] >= 0) {
                objectSize[objectOf[v]] = Math.max(objectSize[objectOf[v]], versions.size(v));
            }
        }
        for (int o = 0; o < ids.size(); o++) {
            objectStored[o] = storedBytes.applyAsLong(ids.get(o));
        }
        snapshotsUsing = new int[ids.size()];
        int[] lastSeen = new int[ids.size()];
        Arrays.fill(lastSeen, -1);
        List<Snapshot> all = index.snapshots();
        for (int s = 0; s < all.size(); s++) {
            for (int v : index.rowsOf(s)) {
                int o = objectOf[v];
                if (o >= 0 && lastSeen[o] != s) {
                    lastSeen[o] = s;
                    snapshotsUsing[o]++;
                }
            }
        }
        Arrays.fill(lastSeen, -1);
        var perSnapshot = new ArrayList<SnapshotSpace>();
        for (int s = 0; s < all.size(); s++) {
            long bytes = 0;
            long distinct = 0;
            long stored = 0;
            long unique = 0;
            long uniqueStored = 0;
            for (int v : index.rowsOf(s)) {
                bytes += Math.max(0, versions.size(v));
                int o = objectOf[v];
                if (o >= 0 && lastSeen[o] != s) {
                    lastSeen[o] = s;
                    distinct += objectSize[o];
                    stored += objectStored[o];
                    if (snapshotsUsing[o] == 1) {
                        unique += objectSize[o];
                        uniqueStored += objectStored[o];
                    }
                }
            }
            perSnapshot.add(new SnapshotSpace(all.get(s), index.rowsOf(s).length, bytes, distinct, stored, unique, uniqueStored));
        }
        snapshots = List.copyOf(perSnapshot);
        packs = packSet == null ? List.of() : packSpaces(packSet, ids);
    }

    private List<PackSpace> packSpaces(PackSet packSet, List<ContentId> ids) {
        var out = new ArrayList<PackSpace>();
        for (PackStatus status : packSet.packs()) {
            if (!status.readable()) {
                continue;
            }
            Pack pack = status.pack();
            long content = 0;
            int unused = 0;
            long unusedStored = 0;
            for (int i = 0; i < pack.entryCount(); i++) {
                ObjectId id = pack.index().id(i);
                int o = java.util.Collections.binarySearch(ids, id, BY_ID);
                if (o >= 0) {
                    content += objectSize[o];
                } else {
                    unused++;
                    unusedStored += Pack.ENTRY_HEADER_BYTES + pack.index().compressedSize(i);
                }
            }
            out.add(new PackSpace(pack.name(), pack.entryCount(), status.dataBytes(), content, unused, unusedStored));
        }
        return List.copyOf(out);
    }

    /** Works out the report; reads the pack indexes, not the data. */
    public static SpaceReport of(StoreIndex index, PackSet packs) {
        return new SpaceReport(index, id -> id instanceof ObjectId o
                ? packs.locate(o).map(at -> Pack.ENTRY_HEADER_BYTES + at.compressedSize()).orElse(0L) : 0L, packs);
    }

    /**
     * The report of a store that keeps no packs (chkpt 0.1.x: one file per object):
     * {@code storedBytes} gives an object's stored size, 0 when the store lacks it; {@link #packs()} is empty.
     */
    public static SpaceReport of(StoreIndex index, ToLongFunction<ContentId> storedBytes) {
        return new SpaceReport(index, storedBytes, null);
    }

    /** Oldest first, as {@link StoreIndex#snapshots()}. */
    public List<SnapshotSpace> snapshots() {
        return snapshots;
    }

    public List<PackSpace> packs() {
        return packs;
    }

    /**
     * {@code snapshot}'s folders, the root first: each folder's content bytes (every file beneath
     * it) and its unique bytes, the objects used beneath it and nowhere else in any snapshot; and
     * the files directly in each.
     *
     * @throws UnknownSnapshotException if the report was made without {@code snapshot}
     */
    public Folder folders(Snapshot snapshot) {
        int s = index.numberOf(snapshot);
        if (s < 0) {
            throw UnknownSnapshotException.notIn(snapshot, "report");
        }
        var root = new Folder.Builder("", "");
        var homeOf = new java.util.HashMap<Integer, String>();
        for (int v : index.rowsOf(s)) {
            String path = index.path(v);
            String parent = path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/'));
            int o = objectOf[v];
            root.addFile(parent, index.entry(v), o >= 0 && snapshotsUsing[o] == 1);
            if (o >= 0 && snapshotsUsing[o] == 1) {
                homeOf.merge(o, parent, Folder::commonFolder);
            }
        }
        homeOf.forEach((o, folder) -> root.addUnique(folder, objectSize[o]));
        return root.build();
    }
}
