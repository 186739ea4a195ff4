package dev.packinspector.app.objects;

import javafx.collections.ObservableListBase;

/**
 * Row numbers of the Objects view as a list the table can show without materialising a million
 * objects: up to two runs of rows ({@code [from, to)} then {@code [from2, to2)}: blob entries,
 * then trees), in order or reversed, or a given permutation.
 */
final class RowList extends ObservableListBase<Integer> {
    private final int from;
    private final int to;
    private final int from2;
    private final int to2;
    private final boolean reversed;
    private final int[] order;

    private RowList(int from, int to, int from2, int to2, boolean reversed, int[] order) {
        this.from = from;
        this.to = to;
        this.from2 = from2;
        this.to2 = to2;
        this.reversed = reversed;
        this.order = order;
    }

    static RowList range(int from, int to, boolean reversed) {
        return new RowList(from, to, 0, 0, reversed, null);
    }

    static RowList runs(int from, int to, int from2, int to2) {
        return new RowList(from, to, from2, to2, false, null);
    }

    static RowList permutation(int[] order) {
        return new RowList(0, order.length, 0, 0, false, order);
    }

    /** The same rows, reversed or in their own order. */
    RowList inOrder(boolean reverse) {
        return order != null ? this : new RowList(from, to, from2, to2, reverse, null);
    }

    /** True if the rows are one run (so in id order, or its reverse). */
    boolean oneRun() {
        return order == null && (to2 == from2 || to == from);
    }

    @Override
    public Integer get(int index) {
        if (order != null) {
            return order[index];
        }
        int i = reversed ? size() - 1 - index : index;
        return i < to - from ? from + i : from2 + (i - (to - from));
    }

    @Override
    public int size() {
        return (to - from) + (to2 - from2);
    }
}
