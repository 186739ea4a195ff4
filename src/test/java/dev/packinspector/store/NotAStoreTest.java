package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the wrong folder says so; a new store with an empty packs folder is still a store. */
class NotAStoreTest {
    @Test
    void aFolderWithNothingOfAStoreIsRefusedInOneSentence(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        var e = assertThrows(StoreException.class, () -> PackSet.open(dir));
        assertEquals(ProblemKind.UNREADABLE, e.kind());
        assertTrue(e.getMessage().contains("not a chkpt store"), e.getMessage());
    }

    @Test
    void aStoreWhosePacksFolderIsStillEmptyOpensEmpty(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("packs"));
        try (PackSet packs = PackSet.open(dir)) {
            assertEquals(0, packs.entryCount());
        }
    }
}
