package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command leaves every byte, mtime and file of the store as it was, whatever the store's journal mode or permissions. */
class StoreUntouchedTest {

    /** Path -> size, mtime and SHA-256 of every file and folder in the store. */
    private static Map<String, String> fingerprint(Path store) throws Exception {
        var out = new TreeMap<String, String>();
        try (var files = Files.walk(store)) {
            for (Path p : files.toList()) {
                String key = store.relativize(p).toString();
                String mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                out.put(key, Files.isRegularFile(p) ? Files.size(p) + " " + mtime + " " + Fixtures.sha256(Files.readAllBytes(p)) : "dir " + mtime);
            }
        }
        return out;
    }

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

    private static Path copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                    dest.toFile().setWritable(true);
                }
            }
        }
        return to;
    }

    @Test
    void theFixtureStoreAsChkptWroteIt(@TempDir Path scratch) throws Exception {
        Path store = Fixtures.store("basic");
        var before = fingerprint(store);
        runEveryCommand(store, scratch);
        assertEquals(before, fingerprint(store));
    }

    @Test
    void aStoreWhoseFilesAndFoldersAreReadOnly(@TempDir Path scratch) throws Exception {
        Path store = copy(Fixtures.store("basic"), scratch.resolve("store"));
        try (var files = Files.walk(store)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
        var before = fingerprint(store);
        runEveryCommand(store, scratch);
        assertEquals(before, fingerprint(store));
        try (var files = Files.walk(store)) {
            for (Path p : files.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void aCatalogInWalModeGetsNoWalOrShmFiles(@TempDir Path scratch) throws Exception {
        Path store = copy(Fixtures.store("basic"), scratch.resolve("store"));
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("catalog.sqlite")); var st = db.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
        }
        assertEquals(false, Files.exists(store.resolve("catalog.sqlite-wal")), "closing the writer checkpointed the WAL away");
        var before = fingerprint(store);
        runEveryCommand(store, scratch);
        assertEquals(before, fingerprint(store));
    }
}
