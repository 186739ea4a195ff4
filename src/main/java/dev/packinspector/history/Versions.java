package dev.packinspector.history;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ContentId;
import dev.packinspector.store.ObjectId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct versions of {@link StoreIndex}, numbered as first seen, held in parallel arrays. A
 * row that cannot name an object (an unusable manifest entry) keeps its whole entry aside, so it
 * is equal only to the same unusable row. An object id is held as its first 128 bits (all of an
 * {@link ObjectId}); an id wider than that (BLAKE3 in stores of chkpt 0.1.x) is also kept whole
 * beside them, so ids equal in those bits stay apart. Built by one thread, then read-only.
 */
final class Versions {
    private Map<String, Integer> pathNumbers = new HashMap<>();
    private final List<String> pathList = new ArrayList<>();
    private int[] newestOfPath = new int[1024];
    private int[] path = new int[1024];
    private int[] olderOfPath = new int[1024];
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private long[] size = new long[1024];
    private long[] mode = new long[1024];
    private final Map<Integer, ManifestEntry> unusable = new HashMap<>();
    /** The ids that are not {@link ObjectId}s, whole, by version. */
    private final Map<Integer, ContentId> wide = new HashMap<>();
    private final java.util.BitSet odd = new java.util.BitSet();
    private int count;

    /** The number of the version {@code entry} is, adding it if new. */
    int numberOf(ManifestEntry entry) {
        return numberOf(pathNumber(entry.path(), -1), entry);
    }

    /**
     * The number of {@code path}, adding it if new. {@code guess} is a path number it likely has
     * (the path at the same place in the previous snapshot), checked before the hash lookup: a
     * store's snapshots mostly repeat each other, and hashing ten million paths was half the
     * time of indexing them.
     */
    int pathNumber(String path, int guess) {
        if (guess >= 0 && pathList.get(guess).equals(path)) {
            return guess;
        }
        Integer known = pathNumbers.get(path);
        if (known != null) {
            return known;
        }
        int p = pathList.size();
        pathList.add(path);
        pathNumbers.put(path, p);
        if (p == newestOfPath.length) {
            newestOfPath = Arrays.copyOf(newestOfPath, p * 2);
        }
        newestOfPath[p] = -1;
        return p;
    }

    int pathCount() {
        return pathList.size();
    }

    /** The number of the version {@code entry} (whose path has number {@code p}) is, adding it if new. */
    int numberOf(int p, ManifestEntry entry) {
        // the versions of one path are few: walk them newest first, where a repeat usually is
        for (int v = newestOfPath[p]; v >= 0; v = olderOfPath[v]) {
            if (same(v, entry)) {
                return v;
            }
        }
        return add(p, entry);
    }

    private boolean same(int v, ManifestEntry e) {
        if (!e.usable()) {
            return e.equals(unusable.get(v));
        }
        ContentId id = e.blob();
        return !odd.get(v) && hi[v] == id.hi() && lo[v] == id.lo() && size[v] == e.size() && mode[v] == e.mode()
                && (wide.isEmpty() ? id instanceof ObjectId : java.util.Objects.equals(wide.get(v), id instanceof ObjectId ? null : id));
    }

    private int add(int p, ManifestEntry e) {
        int v = count++;
        if (v == path.length) {
            int n = v * 2;
            path = Arrays.copyOf(path, n);
            olderOfPath = Arrays.copyOf(olderOfPath, n);
            hi = Arrays.copyOf(hi, n);
            lo = Arrays.copyOf(lo, n);
            size = Arrays.copyOf(size, n);
            mode = Arrays.copyOf(mode, n);
        }
        path[v] = p;
        olderOfPath[v] = newestOfPath[p];
        newestOfPath[p] = v;
        size[v] = e.size();
        mode[v] = e.mode();
        if (e.usable()) {
            hi[v] = e.blob().hi();
            lo[v] = e.blob().lo();
            if (!(e.blob() instanceof ObjectId)) {
                wide.put(v, e.blob());
            }
        } else {
            unusable.put(v, e);
            odd.set(v);
        }
        return v;
    }

    /**
     * Ends the build: the paths in order, with every version renumbered to its path's place in
     * that order. {@link #numberOf} may not be called after.
     */
    String[] sortPaths() {
        String[] sorted = pathList.toArray(String[]::new);
        Integer[] order = new Integer[sorted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> sorted[a].compareTo(sorted[b]));
        int[] rank = new int[sorted.length];
        String[] paths = new String[sorted.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            paths[r] = sorted[order[r]];
        }
        for (int v = 0; v < count; v++) {
            path[v] = rank[path[v]];
        }
        pathNumbers = null;
        newestOfPath = null;
        olderOfPath = null;
        return paths;
    }

    /** Puts a snapshot's versions in path order (they usually are already: SQLite sorts by bytes, Java by UTF-16 units). */
    void sortByPath(int[] row) {
        boolean sorted = true;
        for (int i = 1; i < row.length && sorted; i++) {
            sorted = path[row[i - 1]] < path[row[i]];
        }
        if (sorted) {
            return;
        }
        long[] keys = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            keys[i] = ((long) path[row[i]] << 32) | row[i];
        }
        Arrays.sort(keys);
        for (int i = 0; i < row.length; i++) {
            row[i] = (int) keys[i];
        }
    }

    int size() {
        return count;
    }

    int path(int v) {
        return path[v];
    }

    long mode(int v) {
        return mode[v];
    }

    long size(int v) {
        return size[v];
    }

    boolean usable(int v) {
        return !odd.get(v);
    }

    ContentId object(int v) {
        ContentId whole = wide.isEmpty() ? null : wide.get(v);
        return whole != null ? whole : new ObjectId(hi[v], lo[v]);
    }

    ManifestEntry entry(int v, String[] paths) {
        return odd.get(v) ? unusable.get(v) : new ManifestEntry(paths[path[v]], object(v), size[v], mode[v], null);
    }

    /** The usable versions, ordered by object id (unsigned), for lookups by id and id prefix. */
    int[] orderByObject() {
        return java.util.stream.IntStream.range(0, count).filter(this::usable).boxed()
                .sorted((a, b) -> {
                    int c = compareObject(a, hi[b], lo[b]);
                    return c != 0 || wide.isEmpty() ? c : object(a).toHex().compareTo(object(b).toHex());
                })
                .mapToInt(Integer::intValue).toArray();
    }

    int compareObject(int v, long otherHi, long otherLo) {
        int c = Long.compareUnsigned(hi[v], otherHi);
        return c != 0 ? c : Long.compareUnsigned(lo[v], otherLo);
    }
}
