package dev.packinspector.app.shell;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A small real store for a first look: two saves of a tiny project (text, an image, a binary, an
 * executable, a symlink), written by our {@link PackWriter} and a catalog with chkpt's schema,
 * into a folder of its own (never a user's store).
 */
public final class DemoStore {
    private static final String SCHEMA = """
            CREATE TABLE snapshots (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, message TEXT, parent_snapshot_id TEXT,
                manifest_snapshot_id TEXT, root_tree_hash BLOB, total_files INTEGER NOT NULL, total_bytes INTEGER NOT NULL,
                new_objects INTEGER NOT NULL);
            CREATE TABLE snapshot_files (snapshot_id TEXT NOT NULL, path TEXT NOT NULL, blob_hash BLOB NOT NULL, size INTEGER NOT NULL,
                mode INTEGER NOT NULL, PRIMARY KEY (snapshot_id, path), FOREIGN KEY (snapshot_id) REFERENCES snapshots(id) ON DELETE CASCADE);
            CREATE INDEX idx_snapshot_files_snapshot_id ON snapshot_files (snapshot_id);
            CREATE TABLE blob_index (blob_hash BLOB PRIMARY KEY, pack_hash TEXT, size INTEGER NOT NULL);
            """;

    private record Entry(byte[] content, long mode) {
    }

    /** The temporary folders demo stores are written into: {@code <tmp>/pack-inspector-demo-<random>/demo-store}. */
    static final String PREFIX = "pack-inspector-demo-";
    /** In each such folder: the id of the process that made it, so that only its maker, or a run after its maker died, deletes it. */
    static final String OWNER = "pack-inspector-demo.pid";
    /** This run's demo folder (the one {@link #ofThisRun} made), or null; guarded by the class. */
    private static Path thisRun;

    private DemoStore() {
    }

    /**
     * This run's demo store: written into a new temporary folder the first time, the same store every
     * time after (written again if someone deleted it). The folder is deleted when the process ends;
     * folders that runs killed before they could delete theirs are deleted now.
     */
    public static synchronized Path ofThisRun() throws IOException {
        if (thisRun != null && Files.isDirectory(thisRun.resolve("demo-store/packs")) && Files.isRegularFile(thisRun.resolve("demo-store/catalog.sqlite"))) {
            return thisRun.resolve("demo-store");
        }
        if (thisRun == null) {
            deleteLeftovers();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("pack-inspector-demo-cleanup").unstarted(DemoStore::deleteThisRun));
        } else {
            deleteOwn(thisRun);
        }
        Path dir = Files.createTempDirectory(PREFIX);
        Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
        thisRun = dir;
        return write(dir.resolve("demo-store"));
    }

    /** True if {@code store} is a demo store in a temporary folder of ours (this run's or another's). */
    static boolean isDemo(Path store) {
        Path folder = store.toAbsolutePath().normalize().getParent();
        return folder != null && folder.getFileName() != null && folder.getFileName().toString().startsWith(PREFIX)
                && tempRoot().equals(folder.getParent());
    }

    private static synchronized void deleteThisRun() {
        if (thisRun != null) {
            deleteOwn(thisRun);
        }
    }

    /** Deletes the demo folders whose maker has died: those {@link #ofThisRun} made in a run that was killed. */
    private static void deleteLeftovers() {
        try (var folders = Files.newDirectoryStream(tempRoot(), PREFIX + "*")) {
            for (Path folder : folders) {
                long pid = owner(folder);
                boolean makerAlive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (pid > 0 && pid != ProcessHandle.current().pid() && !makerAlive) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("pack-inspector: cannot look for old demo stores: " + e.getMessage());
        }
    }

    /** Deletes {@code folder} if this process made it (its owner file says so). */
    private static void deleteOwn(Path folder) {
        if (owner(folder) == ProcessHandle.current().pid()) {
            deleteTree(folder);
        }
    }

    /** The process that made {@code folder} (a temporary folder named {@link #PREFIX}...), or -1 if it is not one of ours. */
    private static long owner(Path folder) {
        if (!isDemo(folder.resolve("demo-store")) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readString(folder.resolve(OWNER)).strip());
        } catch (IOException | NumberFormatException e) {
            return -1; // no owner file: not made by ofThisRun, not ours to delete
        }
    }

    /** Deletes {@code root} and everything under it, never following a link out of it. */
    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file); // a symlink is removed itself, its target untouched
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("pack-inspector: cannot delete the demo store " + root + ": " + e.getMessage());
        }
    }

    private static Path tempRoot() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    }

    /** Writes the demo store into {@code dir} (which must not exist yet or be empty) and returns it. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("packs"));
        Map<String, Entry> first = new LinkedHashMap<>();
        first.put("README.md", text("# Demo project\n\nA tiny workspace saved twice by chkpt, to show what Pack Inspector can do.\n"));
        first.put("src/main.rs", text("use std::io;\n\nfn main() {\n    let mut line = String::new();\n    io::stdin().read_line(&mut line).unwrap();\n"
                + "    println!(\"hello, {}\", line.trim());\n}\n"));
        first.put("src/lib.rs", text(repeat("pub fn add(a: i32, b: i32) -> i32 { a + b }\n", 40)));
        first.put("docs/guide.md", text(repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n", 2000)));
        first.put("assets/logo.png", new Entry(png(96, 96), 0100644));
        first.put("assets/data.bin", new Entry(binary(5000), 0100644));
        first.put("scripts/run.sh", new Entry("#!/bin/sh\nexec cargo run \"$@\"\n".getBytes(StandardCharsets.UTF_8), 0100755));
        first.put("link-to-readme", new Entry("README.md".getBytes(StandardCharsets.UTF_8), 0120777));
        Map<String, Entry> second = new LinkedHashMap<>(first);
        second.put("src/main.rs", text("fn main() {\n    println!(\"hello, world\");\n}\n"));
        second.put("CHANGELOG.md", text("## 0.2\n- simpler main\n"));
        second.remove("assets/data.bin");

        var ids = new LinkedHashMap<ObjectId, Long>();
        String pack1 = pack(dir, first, ids, java.util.Set.of());
        var ids2 = new LinkedHashMap<ObjectId, Long>();
        String pack2 = pack(dir, second, ids2, ids.keySet());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.sqlite"))) {
            try (Statement st = db.createStatement()) {
                for (String sql : SCHEMA.split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            snapshot(db, "019b76da-a820-7000-8000-000000000001", "2026-11-20T14:03:00+00:00", "first save", null, first, ids.size());
            snapshot(db, "019b7711-987b-7000-8000-000000000002", "2026-11-21T09:30:00+00:00", "simpler main, changelog",
                    "019b76da-a820-7000-8000-000000000001", second, ids2.size());
            blobs(db, ids, pack1);
            blobs(db, ids2, pack2);
        } catch (SQLException e) {
            throw new IOException("cannot write the demo catalog: " + e.getMessage(), e);
        }
        return dir;
    }

    private static String pack(Path dir, Map<String, Entry> files, Map<ObjectId, Long> ids, java.util.Set<ObjectId> known) throws IOException {
        try (PackWriter w = new PackWriter(dir.resolve("packs"))) {
            for (Entry e : files.values()) {
                ObjectId id = ObjectId.of(e.content());
                if (!known.contains(id) && !ids.containsKey(id)) {
                    w.add(e.content());
                    ids.put(id, (long) e.content().length);
                }
            }
            return w.finish();
        }
    }

    private static void snapshot(Connection db, String id, String at, String message, String parent, Map<String, Entry> files, int newObjects)
            throws SQLException {
        long bytes = files.values().stream().mapToLong(e -> e.content().length).sum();
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO snapshots VALUES (?,?,?,?,NULL,NULL,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, at);
            ps.setString(3, message);
            ps.setString(4, parent);
            ps.setLong(5, files.size());
            ps.setLong(6, bytes);
            ps.setLong(7, newObjects);
            ps.execute();
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO snapshot_files VALUES (?,?,?,?,?)")) {
            for (var f : files.entrySet()) {
                ps.setString(1, id);
                ps.setString(2, f.getKey());
                ps.setBytes(3, ObjectId.of(f.getValue().content()).toBytes());
                ps.setLong(4, f.getValue().content().length);
                ps.setLong(5, f.getValue().mode());
                ps.execute();
            }
        }
    }

    private static void blobs(Connection db, Map<ObjectId, Long> ids, String pack) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR IGNORE INTO blob_index VALUES (?,?,?)")) {
            for (var e : ids.entrySet()) {
                ps.setBytes(1, e.getKey().toBytes());
                ps.setString(2, pack);
                ps.setLong(3, e.getValue());
                ps.execute();
            }
        }
    }

    private static Entry text(String s) {
        return new Entry(s.getBytes(StandardCharsets.UTF_8), 0100644);
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    private static byte[] binary(int n) {
        byte[] b = new byte[n];
        new java.util.SplittableRandom(42).nextBytes(b);
        return b;
    }

    /** A small gradient as a PNG file (8-bit RGB, one IDAT chunk). */
    static byte[] png(int width, int height) throws IOException {
        var raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0);
            for (int x = 0; x < width; x++) {
                boolean ring = Math.abs(Math.hypot(x - width / 2.0, y - height / 2.0) - width / 3.0) < 6;
                raw.write(ring ? 255 : 40 + x * 2);
                raw.write(ring ? 180 : 90 + y);
                raw.write(ring ? 0 : 200);
            }
        }
        var idat = new ByteArrayOutputStream();
        try (var z = new DeflaterOutputStream(idat)) {
            z.write(raw.toByteArray());
        }
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        var ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        var crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
