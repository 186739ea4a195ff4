package dev.packinspector.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A row's kind from its mode, as chkpt stores modes; and names shown on one line. */
class FileKindTest {
    @Test
    void theModeSaysTheKind() {
        assertEquals(FileKind.FILE, FileKind.of(0100644));
        assertEquals(FileKind.EXECUTABLE, FileKind.of(0100755));
        assertEquals(FileKind.EXECUTABLE, FileKind.of(0100744), "any execute bit");
        assertEquals(FileKind.LINK, FileKind.of(0120777));
        assertEquals(FileKind.FOLDER, FileKind.of(040755));
        assertEquals(FileKind.OTHER, FileKind.of(020644), "a character device");
        assertEquals(FileKind.FILE, FileKind.of(-1), "unknown");
    }

    @Test
    void aLineBreakInANameShowsAsOneSymbol() {
        assertEquals("new↵line.txt", Look.oneLine("new\nline.txt"));
        assertEquals("a↵b↵c", Look.oneLine("a\r\nb\rc"));
        assertEquals("plain", Look.oneLine("plain"));
    }
}
