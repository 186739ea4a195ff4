package dev.packinspector.history;

import java.util.Arrays;

/** A growable int array, for rows counted in millions where boxed lists would cost 4 to 5 times the memory. */
final class Ints {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
