package dev.packinspector.store;

import java.util.Arrays;
import java.util.List;

/**
 * The ids of many packs merged into one sorted table with a fan-out on the top bits of the ids
 * (about one bucket per entry, at most 65,536), so that finding an id costs one short binary
 * search instead of one per pack (chkpt scans its packs one after another). Sizing the fan-out to
 * the entries keeps a small set cheap to build: a fixed 65,536 buckets took 95% of the time of
 * opening a five-object pack. Built in linear time from the already-sorted indexes; ids present in
 * several packs keep pack order. Immutable and thread-safe.
 */
final class MergedIndex {
    private static final int MAX_BITS = 16;
    private static final int INSERTION_SORT_LIMIT = 32;

    private final List<Pack> packs;
    private final int shift;
    private final int[] bucketStart;
    private final long[] his;
    private final long[] los;
    private final int[] packOf;
    private final int[] positionOf;

    MergedIndex(List<Pack> packs) {
        this.packs = packs;
        long total = 0;
        for (Pack p : packs) {
            total += p.entryCount();
        }
        int n = Math.toIntExact(total);
        int bits = Math.clamp(64 - Long.numberOfLeadingZeros(n), 1, MAX_BITS);
        int fanOut = 1 << bits;
        shift = 64 - bits;
        bucketStart = new int[fanOut + 1];
        his = new long[n];
        los = new long[n];
        packOf = new int[n];
        positionOf = new int[n];
        for (Pack p : packs) {
            PackIndex idx = p.index();
            for (int i = 0; i < idx.count(); i++) {
                bucketStart[bucket(idx.idHi(i)) + 1]++;
            }
        }
        for (int b = 0; b < fanOut; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] fill = Arrays.copyOf(bucketStart, fanOut);
        for (int p = 0; p < packs.size(); p++) {
            PackIndex idx = packs.get(p).index();
            for (int i = 0; i < idx.count(); i++) {
                long hi = idx.idHi(i);
                int k = fill[bucket(hi)]++;
                his[k] = hi;
                los[k] = idx.idLo(i);
                packOf[k] = p;
                positionOf[k] = i;
            }
        }
        for (int b = 0; b < fanOut; b++) {
            sortBucket(bucketStart[b], bucketStart[b + 1]);
        }
    }

    private int bucket(long hi) {
        return (int) (hi >>> shift);
    }

    int size() {
        return his.length;
    }

    /** Index of the first entry equal to the id, or -1. */
    int find(long hi, long lo) {
        int b = bucket(hi);
        int low = bucketStart[b];
        int high = bucketStart[b + 1];
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compare(his[mid], los[mid], hi, lo) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < bucketStart[b + 1] && his[low] == hi && los[low] == lo ? low : -1;
    }

    boolean sameId(int k, long hi, long lo) {
        return k < his.length && his[k] == hi && los[k] == lo;
    }

    ObjectLocation location(int k) {
        return ObjectLocation.of(packs.get(packOf[k]), positionOf[k]);
    }

    long hi(int k) {
        return his[k];
    }

    long lo(int k) {
        return los[k];
    }

    private static int compare(long hiA, long loA, long hiB, long loB) {
        int c = Long.compareUnsigned(hiA, hiB);
        return c != 0 ? c : Long.compareUnsigned(loA, loB);
    }

    /** Sorts one bucket stably; buckets are tiny unless ids were crafted to collide in their top bits. */
    private void sortBucket(int from, int to) {
        if (to - from <= INSERTION_SORT_LIMIT) {
            for (int i = from + 1; i < to; i++) {
                for (int j = i; j > from && compare(his[j - 1], los[j - 1], his[j], los[j]) > 0; j--) {
                    swap(j - 1, j);
                }
            }
            return;
        }
        Integer[] order = new Integer[to - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        Arrays.sort(order, (a, b) -> compare(his[a], los[a], his[b], los[b]));
        reorder(his, from, order);
        reorder(los, from, order);
        reorder(packOf, from, order);
        reorder(positionOf, from, order);
    }

    /** Puts {@code column[order[i]]} at {@code from + i}: one column of the entries, in the bucket's sorted order. */
    private static void reorder(long[] column, int from, Integer[] order) {
        long[] sorted = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = column[order[i]];
        }
        System.arraycopy(sorted, 0, column, from, sorted.length);
    }

    private static void reorder(int[] column, int from, Integer[] order) {
        int[] sorted = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = column[order[i]];
        }
        System.arraycopy(sorted, 0, column, from, sorted.length);
    }

    /** Swaps entries {@code a} and {@code b}: every column. */
    private void swap(int a, int b) {
        swap(his, a, b);
        swap(los, a, b);
        swap(packOf, a, b);
        swap(positionOf, a, b);
    }

    private static void swap(long[] column, int a, int b) {
        long t = column[a];
        column[a] = column[b];
        column[b] = t;
    }

    private static void swap(int[] column, int a, int b) {
        int t = column[a];
        column[a] = column[b];
        column[b] = t;
    }
}
