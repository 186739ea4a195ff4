package dev.packinspector.app;

import javafx.collections.ObservableListBase;

/**
 * Row numbers of the merged index as a list the table can show without materialising a million
 * objects: rows {@code [from, to)}, in order, reversed, or in a given permutation.
 */
final class RowList extends ObservableListBase<Integer> {
    private final int from;
    private final int to;
    private final boolean reversed;
    private final int[] order;

    private RowList(int from, int to, boolean reversed, int[] order) {
        this.from = from;
        this.to = to;
        this.reversed = reversed;
        this.order = order;
    }

    static RowList range(int from, int to, boolean reversed) {
        return new RowList(from, to, reversed, null);
    }

    static RowList permutation(int[] order) {
        return new RowList(0, order.length, false, order);
    }

    @Override
    public Integer get(int index) {
        if (order != null) {
            return order[index];
        }
        return reversed ? to - 1 - index : from + index;
    }

    @Override
    public int size() {
        return to - from;
    }

    int first() {
        return from;
    }
}
