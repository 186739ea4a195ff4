package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command leaves every byte, mtime and file of the store as it was, whatever the store's journal mode or permissions. */
class StoreUntouchedTest {

    private static void runEveryCommand(Path store, Path scratch) {
        String s = store.toString();
        String some = "0c214cdfa30782ce6f6e04040e632bc5";
        String[][] commands = {
            {"packs", s}, {"packs", "--json", s}, {"ls", s}, {"ls", "--json", s}, {"cat", s, some}, {"snapshots", s}, {"files", s, "latest"},
            {"verify", s}, {"verify", "--json", s}, {"restore", s, "latest", scratch.resolve("r1").toString()},
            {"restore", s, "latest", scratch.resolve("r1").toString(), "--overwrite"},
            {"restore", s, "latest", scratch.resolve("r2").toString(), "--dry-run"}, {"extract", s, some, "--to", scratch.resolve("x").toString()},
        };
        for (String[] c : commands) {
            int exit = new Cli(new ByteArrayOutputStream(), new PrintStream(new ByteArrayOutputStream())).run(c);
            assertEquals(0, exit, String.join(" ", c));
        }
    }

    @Test
    void theFixtureStoreAsChkptWroteIt(@TempDir Path scratch) throws Exception {
        Path store = Fixtures.store("basic");
        var before = StoreFingerprint.of(store);
        runEveryCommand(store, scratch);
        assertEquals(before, StoreFingerprint.of(store));
    }

    @Test
    void aStoreWhoseFilesAndFoldersAreReadOnly(@TempDir Path scratch) throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("basic"), scratch.resolve("store"));
        StoreFingerprint.setReadOnly(store, true);
        var before = StoreFingerprint.of(store);
        runEveryCommand(store, scratch);
        assertEquals(before, StoreFingerprint.of(store));
        StoreFingerprint.setReadOnly(store, false);
    }

    @Test
    void aCatalogInWalModeGetsNoWalOrShmFiles(@TempDir Path scratch) throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("basic"), scratch.resolve("store"));
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("catalog.sqlite")); var st = db.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
        }
        assertEquals(false, Files.exists(store.resolve("catalog.sqlite-wal")), "closing the writer checkpointed the WAL away");
        var before = StoreFingerprint.of(store);
        runEveryCommand(store, scratch);
        assertEquals(before, StoreFingerprint.of(store));
    }
}
