package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sqlite.util.OSInfo;

class SqliteLibraryTest {
    @Test
    void thePlatformFolderIsTheOneSqliteJdbcWouldChoose() {
        assertEquals(OSInfo.getNativeLibFolderPathForCurrentOS(), SqliteLibrary.platform());
    }
}
