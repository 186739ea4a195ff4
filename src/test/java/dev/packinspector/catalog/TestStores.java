package dev.packinspector.catalog;

import dev.packinspector.Fixtures;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writable copies of fixture catalogs, the writer connections that change them, and fingerprints that prove a reader did not. */
final class TestStores {
    private TestStores() {
    }

    /** A store folder {@code dir} holding a writable copy of the fixture's catalog (packs are not needed here). */
    static Path copy(String fixture, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(Catalog.FILE_NAME);
        Files.copy(Fixtures.store(fixture).resolve(Catalog.FILE_NAME), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return dir;
    }

    /** A normal read-write connection, as chkpt would hold; URI-addressed so that odd folder names work. */
    static Connection writer(Path store) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + SqliteUri.of(store.resolve(Catalog.FILE_NAME), "mode=rw"));
    }

    static void execute(Path store, String... statements) throws SQLException {
        try (Connection c = writer(store)) {
            execute(c, statements);
        }
    }

    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Switches the copy to WAL, as chkpt's own catalogs are; closing the last connection checkpoints and removes -wal/-shm. */
    static void toWal(Path store) throws SQLException {
        execute(store, "PRAGMA journal_mode=WAL");
    }

    static String insertSnapshot(String id, String createdAt, String manifestSnapshotId) {
        return "INSERT INTO snapshots (id, created_at, message, parent_snapshot_id, manifest_snapshot_id, root_tree_hash,"
                + " total_files, total_bytes, new_objects) VALUES ('" + id + "', '" + createdAt + "', 'test', NULL, "
                + (manifestSnapshotId == null ? "NULL" : "'" + manifestSnapshotId + "'") + ", NULL, 0, 0, 0)";
    }

    /**
     * Relative path -> kind, size, mtime and SHA-256 of every file and folder under {@code dir}
     * (a folder's mtime also changes when a file is created in it and deleted again). For the
     * {@code volatileFiles}, only presence and size count.
     */
    static Map<String, String> fingerprint(Path dir, String... volatileFiles) throws Exception {
        var out = new TreeMap<String, String>();
        Set<String> loose = Set.of(volatileFiles);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                String key = dir.relativize(p).toString();
                String mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(key, "dir " + mtime);
                } else if (loose.contains(p.getFileName().toString())) {
                    out.put(key, "file " + Files.size(p));
                } else {
                    out.put(key, "file " + Files.size(p) + " " + mtime + " " + Fixtures.sha256(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    /** Calls every reading method once, so that a fingerprint taken after it covers them all. */
    static void readEverything(Catalog catalog) throws Exception {
        for (Snapshot s : catalog.snapshots()) {
            catalog.files(s);
            catalog.resolve(s.id());
        }
        if (!catalog.snapshots().isEmpty()) {
            catalog.resolve("latest");
        }
        catalog.forEachBlob(row -> { });
        catalog.forEachReferencedBlob(ref -> { });
        catalog.forEachPath(row -> { });
        catalog.blob(dev.packinspector.store.ObjectId.parse("00000000000000000000000000000000"));
    }

    static void setTreeReadOnly(Path dir, boolean readOnly) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                boolean folder = Files.isDirectory(p);
                String perms = readOnly ? (folder ? "r-xr-xr-x" : "r--r--r--") : (folder ? "rwxr-xr-x" : "rw-r--r--");
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
            }
        }
    }
}
