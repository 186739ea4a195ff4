package dev.packinspector.restore;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A store written by our PackWriter for tests that need more data than the fixtures hold. */
public final class GeneratedStore {
    private GeneratedStore() {
    }

    /** Writes {@code files} objects of {@code size} bytes (half noise, half text) into {@code packsDir}; returns items in a/b/ folders. */
    public static List<RestoreItem> write(Path packsDir, int files, int size, long seed) throws IOException {
        var random = new SplittableRandom(seed);
        var items = new ArrayList<RestoreItem>();
        try (PackWriter writer = new PackWriter(packsDir)) {
            for (int i = 0; i < files; i++) {
                byte[] content = new byte[size];
                random.nextBytes(content);
                for (int j = size / 2; j < size; j++) {
                    content[j] = (byte) ('a' + j % 23);
                }
                ObjectId id = writer.add(content);
                items.add(new RestoreItem("dir-" + (i % 7) + "/file-" + i + ".bin", id, size, 0100644, null));
            }
            writer.finish();
        }
        return items;
    }

    /**
     * Writes {@code files} objects as {@link #write} does into {@code store}/packs, and a catalog
     * with chkpt's schema holding one snapshot of them, saved at {@code createdAt} (RFC 3339) with
     * {@code message}: a store the window can restore a whole snapshot of. Returns the items.
     */
    public static List<RestoreItem> writeWithCatalog(Path store, int files, int size, long seed, String snapshotId, String createdAt,
            String message) throws IOException {
        List<RestoreItem> items = write(store.resolve("packs"), files, size, seed);
        String pack;
        try (var idx = java.nio.file.Files.list(store.resolve("packs"))) {
            String name = idx.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".idx")).findFirst().orElseThrow();
            pack = name.substring("pack-".length(), name.length() - ".idx".length());
        }
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.resolve("catalog.sqlite"))) {
            try (var st = db.createStatement()) {
                st.execute("CREATE TABLE snapshots (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, message TEXT, parent_snapshot_id TEXT,"
                        + " manifest_snapshot_id TEXT, root_tree_hash BLOB, total_files INTEGER NOT NULL, total_bytes INTEGER NOT NULL,"
                        + " new_objects INTEGER NOT NULL)");
                st.execute("CREATE TABLE snapshot_files (snapshot_id TEXT NOT NULL, path TEXT NOT NULL, blob_hash BLOB NOT NULL,"
                        + " size INTEGER NOT NULL, mode INTEGER NOT NULL, PRIMARY KEY (snapshot_id, path))");
                st.execute("CREATE TABLE blob_index (blob_hash BLOB PRIMARY KEY, pack_hash TEXT, size INTEGER NOT NULL)");
            }
            try (var ps = db.prepareStatement("INSERT INTO snapshots VALUES (?,?,?,NULL,NULL,NULL,?,?,?)")) {
                ps.setString(1, snapshotId);
                ps.setString(2, createdAt);
                ps.setString(3, message);
                ps.setLong(4, files);
                ps.setLong(5, (long) files * size);
                ps.setLong(6, files);
                ps.execute();
            }
            try (var row = db.prepareStatement("INSERT INTO snapshot_files VALUES (?,?,?,?,?)");
                    var blob = db.prepareStatement("INSERT OR IGNORE INTO blob_index VALUES (?,?,?)")) {
                for (RestoreItem i : items) {
                    row.setString(1, snapshotId);
                    row.setString(2, i.path());
                    row.setBytes(3, ((ObjectId) i.id()).toBytes());
                    row.setLong(4, i.size());
                    row.setLong(5, i.mode());
                    row.execute();
                    blob.setBytes(1, ((ObjectId) i.id()).toBytes());
                    blob.setString(2, pack);
                    blob.setLong(3, i.size());
                    blob.execute();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot write the catalog: " + e.getMessage(), e);
        }
        return items;
    }

    /** Writes the items as "path id size" lines, for a child process. */
    static String encode(List<RestoreItem> items) {
        var sb = new StringBuilder();
        for (RestoreItem i : items) {
            sb.append(i.path()).append(' ').append(i.id()).append(' ').append(i.size()).append('\n');
        }
        return sb.toString();
    }

    static List<RestoreItem> decode(String text) {
        var items = new ArrayList<RestoreItem>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            items.add(new RestoreItem(f[0], ObjectId.parse(f[1]), Long.parseLong(f[2]), 0100644, null));
        }
        return items;
    }
}
