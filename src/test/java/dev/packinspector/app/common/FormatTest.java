package dev.packinspector.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.catalog.Snapshot;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void permissionsReadAsLsShowsThem() {
        assertEquals("-rw-r--r--", Format.permissions(0100644));
        assertEquals("-rwxr-xr-x", Format.permissions(0100755));
        assertEquals("lrwxrwxrwx", Format.permissions(0120777));
        assertEquals("drwxr-x---", Format.permissions(0040750));
        assertEquals("-rwsr-Sr-T", Format.permissions(0107744));
        assertEquals("?rw-------", Format.permissions(0010600));
        assertEquals("", Format.permissions(-1));
    }

    @Test
    void executableIsARegularFileWithAnExecuteBit() {
        assertTrue(Format.executable(0100755));
        assertTrue(Format.executable(0100610));
        assertFalse(Format.executable(0100644));
        assertFalse(Format.executable(0120777));
        assertFalse(Format.executable(-1));
    }

    @Test
    void middleKeepsBothEnds() {
        assertEquals("short", Format.middle("short", 10));
        assertEquals("src/…t.txt", Format.middle("src/main/deep/folder/first.txt", 10));
        assertEquals(10, Format.middle("src/main/deep/folder/first.txt", 10).length());
        assertEquals(9, Format.middle("abcdefghijklmnop", 9).length());
    }

    @Test
    void snapshotsAreNamedByTimeAndMessage() {
        var s = new Snapshot("019b7711-987b-7000-8000-000000000001", "2026-01-01T10:00:00+00:00", "  first\n save ", null, null, 0, 0, 0, null, null);
        String name = Format.snapshot(s);
        assertTrue(name.endsWith(" · first save"), name);
        assertEquals(Format.time("2026-01-01T10:00:00+00:00"), Format.snapshot(new Snapshot("x", "2026-01-01T10:00:00+00:00", null, null, null, 0, 0, 0, null, null)));
        assertEquals("019b7711-987b", Format.snapshot(new Snapshot("019b7711-987b-7000", "", "", null, null, 0, 0, 0, null, null)));
    }
}
