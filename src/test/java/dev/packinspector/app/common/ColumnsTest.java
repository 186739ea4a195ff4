package dev.packinspector.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names sort as people read them: numbers inside them by value, case second. */
class ColumnsTest {
    @Test
    void namesSortNaturally() {
        var names = new ArrayList<>(List.of("bytes_15", "Bytes_6", "bytes_6", "bytes_100", "a", "bytes_", "bytes_06x", "b2c10", "b2c9"));
        names.sort(Columns.NATURAL);
        assertEquals(List.of("a", "b2c9", "b2c10", "bytes_", "Bytes_6", "bytes_6", "bytes_06x", "bytes_15", "bytes_100"), names);
    }

    @Test
    void digitsLongerThanALongStillCompareByValue() {
        var names = new ArrayList<>(List.of("v123456789012345678901234567890", "v99"));
        names.sort(Columns.NATURAL);
        assertEquals(List.of("v99", "v123456789012345678901234567890"), names);
    }
}
