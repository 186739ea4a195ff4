package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's other files are listed with what they are, and listing them touches nothing. */
class StoreFilesTest {

    @Test
    void aRealStoresFilesAreNamedForWhatTheyAre() throws Exception {
        Path store = Fixtures.store("real/head-basic");
        var before = StoreFingerprint.of(store);
        Map<String, StoreFiles.Entry> files = byPath(StoreFiles.of(store));
        assertEquals(Files.size(store.resolve("index.bin")), files.get("index.bin").size());
        assertTrue(files.get("index.bin").what().startsWith("chkpt's workspace cache"));
        assertEquals(0, files.get("locks/project.lock").size());
        assertTrue(files.get("locks/project.lock").what().contains("never takes it"));
        assertTrue(files.get("trees/trees.dat").what().startsWith("the tree pack"));
        assertTrue(files.keySet().stream().noneMatch(p -> p.startsWith("packs")), files::toString);
        assertEquals(before, StoreFingerprint.of(store), "listing opens nothing and writes nothing");
    }

    @Test
    void whatAKilledOrRunningSaveLeavesIsExplainedNotReported(@TempDir Path dir) throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("real/head-basic"), dir.resolve("store"));
        Files.write(store.resolve("catalog.sqlite-wal"), new byte[0]);
        Files.write(store.resolve("catalog.sqlite-shm"), new byte[32768]);
        Files.write(store.resolve("trees/.tmpAb12Cd"), new byte[10]);
        Files.write(store.resolve("trees/trees.idx.tmp"), new byte[32]);
        Files.createDirectories(store.resolve("attachments/git"));
        Files.write(store.resolve("notes.txt"), new byte[3]);
        Map<String, StoreFiles.Entry> files = byPath(StoreFiles.of(store));
        assertTrue(files.get("catalog.sqlite-wal").what().startsWith("SQLite's write-ahead log"));
        assertTrue(files.get("catalog.sqlite-shm").what().startsWith("SQLite's shared-memory index"));
        assertTrue(files.get("trees/.tmpAb12Cd").what().contains("killed save"));
        assertTrue(files.get("trees/trees.idx.tmp").what().contains("killed save"));
        assertEquals(-1, files.get("attachments/").size());
        assertEquals("not part of chkpt's store layout", files.get("notes.txt").what());
    }

    @Test
    void aBarePacksFolderHasNoOtherFiles() throws Exception {
        assertEquals(List.of(), StoreFiles.of(Fixtures.store("basic").resolve("packs")));
    }

    private static Map<String, StoreFiles.Entry> byPath(List<StoreFiles.Entry> entries) {
        return entries.stream().collect(Collectors.toMap(StoreFiles.Entry::path, e -> e));
    }
}
