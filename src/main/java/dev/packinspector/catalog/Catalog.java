package dev.packinspector.catalog;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A store's {@code catalog.sqlite}, read-only (see {@link CatalogConnection} for how it avoids
 * touching the store): snapshots newest first, snapshot references ({@code latest}, ids, unique
 * prefixes), manifests with {@code manifest_snapshot_id} indirection, and blob locations.
 * Malformed rows come back with a problem instead of failing the call. Thread-safe: calls are
 * serialised on one connection.
 */
public final class Catalog implements AutoCloseable {
    public static final String FILE_NAME = "catalog.sqlite";
    private static final int MAX_INDIRECTION = 8;

    private final Path file;
    private final Connection db;

    private Catalog(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * The catalog of a store folder, or of the store a {@code packs/} folder belongs to; empty
     * for a bare packs folder with no catalog beside it.
     */
    public static Optional<Catalog> open(Path storeOrPacks) throws StoreException {
        Path file = storeOrPacks.resolve(FILE_NAME);
        if (!Files.isRegularFile(file) && storeOrPacks.getFileName() != null && storeOrPacks.getFileName().toString().equals("packs")
                && storeOrPacks.toAbsolutePath().getParent() != null) {
            file = storeOrPacks.toAbsolutePath().getParent().resolve(FILE_NAME);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new Catalog(file, CatalogConnection.open(file)));
    }

    public Path file() {
        return file;
    }

    /** Every snapshot, newest first ({@code created_at DESC, id DESC}, as chkpt orders them). */
    public synchronized List<Snapshot> snapshots() throws StoreException {
        return query("SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots ORDER BY created_at DESC, id DESC", ps -> { }, Catalog::snapshot);
    }

    private static final String SNAPSHOT_COLUMNS =
            "id, created_at, message, parent_snapshot_id, manifest_snapshot_id, total_files, total_bytes, new_objects";

    private static Snapshot snapshot(ResultSet r) throws SQLException {
        return new Snapshot(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getLong(6), r.getLong(7),
                r.getLong(8));
    }

    /**
     * The snapshot {@code ref} names: {@code latest}, a full id, or a unique id prefix.
     *
     * @throws IllegalArgumentException if it names none, or several
     */
    public synchronized Snapshot resolve(String ref) throws StoreException {
        if (ref.equals("latest")) {
            List<Snapshot> newest = query("SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots ORDER BY created_at DESC, id DESC LIMIT 1",
                    ps -> { }, Catalog::snapshot);
            if (newest.isEmpty()) {
                throw new IllegalArgumentException("the store has no snapshots yet (" + file + ")");
            }
            return newest.getFirst();
        }
        List<Snapshot> exact = query("SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots WHERE id = ?", ps -> ps.setString(1, ref), Catalog::snapshot);
        if (!exact.isEmpty()) {
            return exact.getFirst();
        }
        String escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<Snapshot> matches = query("SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots WHERE id LIKE ? ESCAPE '\\' ORDER BY created_at DESC, id DESC LIMIT 6",
                ps -> ps.setString(1, escaped + "%"), Catalog::snapshot);
        if (matches.isEmpty() || ref.isEmpty()) {
            throw new IllegalArgumentException("no snapshot '" + ref + "' in " + file.getParent());
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("snapshot prefix '" + ref + "' is ambiguous: "
                    + matches.stream().limit(5).map(Snapshot::id).toList() + (matches.size() > 5 ? " and more" : ""));
        }
        return matches.getFirst();
    }

    /** The manifest of {@code snapshot} (following {@code manifest_snapshot_id}), sorted by path. */
    public synchronized List<ManifestEntry> files(Snapshot snapshot) throws StoreException {
        var out = new ArrayList<ManifestEntry>();
        forEachFile(snapshot, out::add);
        return out;
    }

    /** Streams the manifest of {@code snapshot}, sorted by path, without holding it all. */
    public synchronized void forEachFile(Snapshot snapshot, Consumer<ManifestEntry> each) throws StoreException {
        String source = manifestSource(snapshot);
        each("SELECT path, blob_hash, size, mode FROM snapshot_files WHERE snapshot_id = ? ORDER BY path", ps -> ps.setString(1, source), r -> {
            byte[] hash = r.getBytes(2);
            boolean valid = hash != null && hash.length == ObjectId.BYTES;
            each.accept(new ManifestEntry(r.getString(1), valid ? ObjectId.fromBytes(hash, 0) : null, r.getLong(3), r.getLong(4),
                    valid ? null : "its object id in the catalog is " + (hash == null ? "missing" : hash.length + " bytes, not 16")));
            return null;
        });
    }

    /** The snapshot whose rows hold {@code snapshot}'s manifest. */
    private String manifestSource(Snapshot snapshot) throws StoreException {
        String id = snapshot.id();
        String next = snapshot.manifestSnapshotId();
        Set<String> seen = new HashSet<>();
        seen.add(id);
        for (int hops = 0; next != null && !next.equals(id); hops++) {
            if (hops == MAX_INDIRECTION || !seen.add(next)) {
                throw CatalogConnection.unreadable(file, "snapshot " + snapshot.id() + " has a manifest_snapshot_id chain that loops or is too long", null);
            }
            id = next;
            String current = id;
            List<String> further = query("SELECT manifest_snapshot_id FROM snapshots WHERE id = ?", ps -> ps.setString(1, current), r -> r.getString(1));
            if (further.isEmpty()) {
                throw CatalogConnection.unreadable(file, "snapshot " + snapshot.id() + " reuses the manifest of " + id + ", which is not in the catalog", null);
            }
            next = further.getFirst();
        }
        return id;
    }

    /** Where chkpt says {@code blob} lives. */
    public synchronized Optional<BlobRow> blob(ObjectId blob) throws StoreException {
        List<BlobRow> rows = query("SELECT blob_hash, pack_hash, size FROM blob_index WHERE blob_hash = ?", ps -> ps.setBytes(1, blob.toBytes()),
                Catalog::blobRow);
        return rows.stream().findFirst();
    }

    /** Streams every {@code blob_index} row. */
    public synchronized void forEachBlob(Consumer<BlobRow> each) throws StoreException {
        each("SELECT blob_hash, pack_hash, size FROM blob_index", ps -> { }, r -> {
            each.accept(blobRow(r));
            return null;
        });
    }

    private static BlobRow blobRow(ResultSet r) throws SQLException {
        byte[] hash = r.getBytes(1);
        boolean valid = hash != null && hash.length == ObjectId.BYTES;
        return new BlobRow(valid ? ObjectId.fromBytes(hash, 0) : null, r.getString(2), r.getLong(3),
                valid ? null : "blob_index row with a " + (hash == null ? "missing" : hash.length + "-byte") + " hash");
    }

    /** Every distinct object the manifests of all snapshots refer to, with one path that uses it. */
    public synchronized void forEachReferencedBlob(java.util.function.BiConsumer<byte[], String> each) throws StoreException {
        each("SELECT blob_hash, MIN(snapshot_id || ':' || path) FROM snapshot_files GROUP BY blob_hash", ps -> { }, r -> {
            each.accept(r.getBytes(1), r.getString(2));
            return null;
        });
    }

    /** One manifest row's place: which snapshot, which path, what mode. */
    public record PathRow(String snapshotId, String path, long mode) {
    }

    /** Streams the path and mode of every manifest row, by snapshot and then path. */
    public synchronized void forEachPath(Consumer<PathRow> each) throws StoreException {
        each("SELECT snapshot_id, path, mode FROM snapshot_files ORDER BY snapshot_id, path", ps -> { }, r -> {
            each.accept(new PathRow(r.getString(1), r.getString(2), r.getLong(3)));
            return null;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Runs {@code sql} and hands each row to {@code row} without collecting anything. */
    private void each(String sql, Binder binder, Row<?> row) throws StoreException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        } catch (SQLException e) {
            throw CatalogConnection.unreadable(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private <T> List<T> query(String sql, Binder binder, Row<T> row) throws StoreException {
        var out = new ArrayList<T>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(row.read(r));
                }
            }
        } catch (SQLException e) {
            throw CatalogConnection.unreadable(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return out;
    }

    @Override
    public synchronized void close() throws StoreException {
        try {
            db.close();
        } catch (SQLException e) {
            throw CatalogConnection.unreadable(file, "cannot be closed (" + e.getMessage() + ")", e);
        }
    }
}
