package dev.packinspector.history;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.SnapshotCatalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.store.ContentId;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Every manifest row of every snapshot, read once and held compactly, so that questions across
 * snapshots (which versions of a path exist, which paths match a pattern, where an object is
 * used, what changed) cost milliseconds instead of a pass over the catalog each. A row is stored
 * as one int: the number of its <em>version</em>, a distinct (path, object, size, mode); a
 * snapshot is the array of its versions in path order. Histories share versions, so 100
 * snapshots of 100,000 files take about 40 MB plus one record per distinct version.
 * Immutable and thread-safe once built.
 */
public final class StoreIndex {
    private final List<Snapshot> chronological;
    private final Map<String, Integer> snapshotNumber = new HashMap<>();
    private final Versions versions;
    private final String[] paths;
    private final String[] foldedPaths;
    private final int[][] rowsOf;
    private final int[] byObject;
    private final long rows;

    private StoreIndex(List<Snapshot> chronological, Versions versions, String[] paths, int[][] rowsOf, long rows) {
        this.chronological = List.copyOf(chronological);
        for (int s = 0; s < chronological.size(); s++) {
            snapshotNumber.put(chronological.get(s).id(), s);
        }
        this.versions = versions;
        this.paths = paths;
        this.foldedPaths = Arrays.stream(paths).map(PathQuery::fold).toArray(String[]::new);
        this.rowsOf = rowsOf;
        this.byObject = versions.orderByObject();
        this.rows = rows;
    }

    /**
     * Reads every snapshot's manifest, all rows in one pass in the catalog's storage order.
     * {@code rowsRead} hears the running count of rows read; {@code cancelled} is polled between
     * rows and makes the build end with a {@link java.util.concurrent.CancellationException}. A
     * snapshot whose {@code manifest_snapshot_id} references are broken gets no rows. Of a store
     * of either format.
     */
    public static StoreIndex build(SnapshotCatalog catalog, BooleanSupplier cancelled, LongConsumer rowsRead) throws StoreException {
        return buildFrom(catalog, add -> catalog.forEachManifestRow(add, cancelled), cancelled, rowsRead);
    }

    /**
     * An index of only the rows whose path SQLite's GLOB {@code sqliteGlob} matches (null: every
     * row), for one question from the command line: SQLite skips the other rows itself, several
     * times faster than reading them all. Such an index knows only those paths.
     */
    public static StoreIndex build(Catalog catalog, String sqliteGlob, BooleanSupplier cancelled, LongConsumer rowsRead)
            throws StoreException {
        return buildFrom(catalog, add -> {
            if (sqliteGlob == null) {
                catalog.forEachManifestRow(add, cancelled);
            } else {
                catalog.forEachManifestRowGlobbing(sqliteGlob, add, cancelled);
            }
        }, cancelled, rowsRead);
    }

    /** An index of only the rows that name one of {@code ids}, picked out by SQLite (see {@link #build(Catalog, String, BooleanSupplier, LongConsumer)}). */
    public static StoreIndex buildUsing(Catalog catalog, java.util.Collection<ObjectId> ids, BooleanSupplier cancelled, LongConsumer rowsRead)
            throws StoreException {
        return buildFrom(catalog, add -> catalog.forEachManifestRowUsing(ids, add, cancelled), cancelled, rowsRead);
    }

    /** Where the rows come from: it passes each (snapshot id, row) it reads to {@code add}. */
    private interface Scan {
        void run(java.util.function.BiConsumer<String, ManifestEntry> add) throws StoreException;
    }

    private static StoreIndex buildFrom(SnapshotCatalog catalog, Scan scan, BooleanSupplier cancelled, LongConsumer rowsRead) throws StoreException {
        List<Snapshot> chronological = new ArrayList<>(catalog.snapshots());
        java.util.Collections.reverse(chronological);
        var versions = new Versions();
        var rowsById = new HashMap<String, Ints>();
        var reading = new Reading(versions);
        long[] read = {0};
        java.util.function.BiConsumer<String, ManifestEntry> add = (snapshotId, entry) -> {
            Ints rows = rowsById.get(snapshotId);
            if (rows == null) {
                rows = new Ints();
                rowsById.put(snapshotId, rows);
            }
            rows.add(reading.numberOf(snapshotId, entry));
            if (++read[0] % 65_536 == 0) {
                rowsRead.accept(read[0]);
            }
        };
        scan.run(add);
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("building the store index was cancelled");
        }
        rowsRead.accept(read[0]);
        String[] paths = versions.sortPaths();
        var rowsOf = new int[chronological.size()][];
        var byOwner = new HashMap<String, int[]>();
        for (int s = 0; s < chronological.size(); s++) {
            String owner;
            try {
                owner = catalog.manifestOwner(chronological.get(s));
            } catch (StoreException broken) {
                rowsOf[s] = new int[0];
                continue;
            }
            // snapshots sharing one manifest (chkpt's metadata-only saves) share one array
            rowsOf[s] = byOwner.computeIfAbsent(owner, id -> {
                Ints own = rowsById.get(id);
                int[] row = own == null ? new int[0] : own.toArray();
                versions.sortByPath(row);
                return row;
            });
        }
        long total = 0;
        for (int[] row : rowsOf) {
            total += row.length;
        }
        return new StoreIndex(chronological, versions, paths, rowsOf, total);
    }

    /**
     * Numbers rows as they stream in, snapshot after snapshot, guessing each row's path from the
     * row at the same place in the snapshot read before (they mostly repeat it).
     */
    private static final class Reading {
        private final Versions versions;
        private String snapshot;
        private Ints current = new Ints();
        private Ints previous = new Ints();
        /** Where each path number stood in the previous snapshot, plus one (0: not in it). */
        private int[] placeInPrevious = new int[0];
        private int cursor;

        Reading(Versions versions) {
            this.versions = versions;
        }

        int numberOf(String snapshotId, ManifestEntry entry) {
            if (!snapshotId.equals(snapshot)) {
                startSnapshot(snapshotId);
            }
            int guess = cursor < previous.size() ? previous.get(cursor) : -1;
            int p = versions.pathNumber(entry.path(), guess);
            current.add(p);
            if (p == guess) {
                cursor++;
            } else if (p < placeInPrevious.length && placeInPrevious[p] > 0) {
                cursor = placeInPrevious[p];
            }
            return versions.numberOf(p, entry);
        }

        private void startSnapshot(String snapshotId) {
            snapshot = snapshotId;
            if (current.size() > 0) {
                if (placeInPrevious.length < versions.pathCount()) {
                    placeInPrevious = new int[versions.pathCount() * 2];
                }
                for (int i = 0; i < previous.size(); i++) {
                    placeInPrevious[previous.get(i)] = 0;
                }
                for (int i = 0; i < current.size(); i++) {
                    placeInPrevious[current.get(i)] = i + 1;
                }
                previous = current;
                current = new Ints();
            }
            cursor = 0;
        }
    }

    /** Snapshots oldest first, as the index numbers them. */
    public List<Snapshot> snapshots() {
        return chronological;
    }

    /** The snapshot's number in {@link #snapshots()}, or -1 if the index does not know it. */
    public int numberOf(Snapshot snapshot) {
        return snapshotNumber.getOrDefault(snapshot.id(), -1);
    }

    /** Manifest rows over all snapshots. */
    public long rowCount() {
        return rows;
    }

    /** Distinct paths over all snapshots. */
    public int pathCount() {
        return paths.length;
    }

    /** Distinct (path, object, size, mode) over all snapshots. */
    public int versionCount() {
        return versions.size();
    }

    /**
     * The snapshot's manifest in path order, as {@link Catalog#files} gives it.
     *
     * @throws UnknownSnapshotException if the index was built without {@code snapshot}
     */
    public List<ManifestEntry> files(Snapshot snapshot) {
        int s = require(snapshot);
        var out = new ArrayList<ManifestEntry>(rowsOf[s].length);
        for (int v : rowsOf[s]) {
            out.add(versions.entry(v, paths));
        }
        return out;
    }

    int[] rowsOf(int snapshot) {
        return rowsOf[snapshot];
    }

    ManifestEntry entry(int version) {
        return versions.entry(version, paths);
    }

    Versions versions() {
        return versions;
    }

    String path(int version) {
        return paths[versions.path(version)];
    }

    /** The usable versions in object id order. */
    int[] versionsByObject() {
        return byObject;
    }

    /**
     * Paths matching {@code query}, in path order, each with its versions and the snapshots that
     * hold each; at most {@code limit} paths, with the number of all matches.
     */
    public SearchResult search(PathQuery query, int limit) {
        var found = new ArrayList<PathVersions>();
        int matches = 0;
        for (int p = 0; p < paths.length; p++) {
            if (query.matches(paths[p], foldedPaths[p])) {
                if (matches++ < limit) {
                    found.add(historyOf(p));
                }
            }
        }
        return new SearchResult(query, found, matches);
    }

    /** Every version of {@code path} across snapshots, oldest first; empty if no snapshot holds it. */
    public PathVersions history(String path) {
        int p = Arrays.binarySearch(paths, path);
        return p < 0 ? new PathVersions(path, List.of()) : historyOf(p);
    }

    private PathVersions historyOf(int pathNumber) {
        var order = new ArrayList<Integer>();
        var holders = new HashMap<Integer, Ints>();
        for (int s = 0; s < rowsOf.length; s++) {
            int v = find(rowsOf[s], pathNumber);
            if (v >= 0) {
                if (!holders.containsKey(v)) {
                    order.add(v);
                    holders.put(v, new Ints());
                }
                holders.get(v).add(s);
            }
        }
        var out = new ArrayList<PathVersions.Version>(order.size());
        for (int v : order) {
            int[] in = holders.get(v).toArray();
            out.add(new PathVersions.Version(versions.entry(v, paths), Arrays.stream(in).mapToObj(chronological::get).toList()));
        }
        return new PathVersions(paths[pathNumber], out);
    }

    /** The version of path number {@code pathNumber} in a snapshot's rows, or -1. */
    private int find(int[] row, int pathNumber) {
        int low = 0;
        int high = row.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Integer.compare(versions.path(row[mid]), pathNumber);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return row[mid];
            }
        }
        return -1;
    }

    /** Every (snapshot, path) that holds object {@code id}, oldest snapshot first, then by path. */
    public List<Use> usesOf(ContentId id) {
        int[] range = objectRange(id.hi(), id.lo(), id.hi(), id.lo());
        // path order, so that the uses of one snapshot come out sorted by path
        Integer[] byPath = Arrays.stream(byObject, range[0], range[1]).filter(v -> versions.object(v).equals(id)).boxed()
                .sorted(java.util.Comparator.comparingInt(versions::path)).toArray(Integer[]::new);
        var out = new ArrayList<Use>();
        for (int s = 0; s < rowsOf.length; s++) {
            for (int v : byPath) {
                if (find(rowsOf[s], versions.path(v)) == v) {
                    out.add(new Use(chronological.get(s), paths[versions.path(v)], versions.mode(v)));
                }
            }
        }
        return out;
    }

    /** A place an object is used: a snapshot, a path in it, and the path's mode there. */
    public record Use(Snapshot snapshot, String path, long mode) {
    }

    /**
     * The distinct objects whose ids start with {@code hexPrefix} (1 to 64 hex digits: ids of
     * stores of chkpt 0.1.x are 64 long), at most {@code limit}, in id order.
     */
    public List<ContentId> objectsWithPrefix(String hexPrefix, int limit) {
        if (hexPrefix.isEmpty() || hexPrefix.length() > 64 || !ObjectId.isHex(hexPrefix)) {
            throw new IllegalArgumentException("not an object id prefix (1 to 64 hex digits): " + hexPrefix);
        }
        String ordered = hexPrefix.substring(0, Math.min(hexPrefix.length(), 2 * ObjectId.BYTES)).toLowerCase(java.util.Locale.ROOT);
        int pad = 2 * ObjectId.BYTES - ordered.length();
        ObjectId low = ObjectId.parse(ordered + "0".repeat(pad));
        ObjectId high = ObjectId.parse(ordered + "f".repeat(pad));
        int[] range = objectRange(low.hi(), low.lo(), high.hi(), high.lo());
        String wanted = hexPrefix.toLowerCase(java.util.Locale.ROOT);
        var out = new ArrayList<ContentId>();
        for (int k = range[0]; k < range[1] && out.size() < limit; k++) {
            ContentId id = versions.object(byObject[k]);
            if ((out.isEmpty() || !out.get(out.size() - 1).equals(id)) && id.toHex().startsWith(wanted)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Positions {@code [from, to)} in {@link #byObject} of versions whose object lies in the closed id range. */
    private int[] objectRange(long lowHi, long lowLo, long highHi, long highLo) {
        return new int[] {bound(lowHi, lowLo, false), bound(highHi, highLo, true)};
    }

    private int bound(long hi, long lo, boolean after) {
        int low = 0;
        int high = byObject.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = versions.compareObject(byObject[mid], hi, lo);
            if (c < 0 || (after && c == 0)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int require(Snapshot snapshot) {
        int s = numberOf(snapshot);
        if (s < 0) {
            throw UnknownSnapshotException.notIn(snapshot, "index");
        }
        return s;
    }
}
