package dev.packinspector.catalog;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.sqlite.ProgressHandler;

/**
 * A chkpt store's {@code catalog.sqlite}, read-only: its snapshots, each snapshot's manifest, and
 * the {@code blob_index} (DESIGN.md §1). Opening never creates a file in the store and never
 * writes the database or its log, even for a read-only store or one chkpt is writing to;
 * {@link #access()} says whether the view follows chkpt's commits ({@link CatalogAccess#LIVE}) or
 * is a snapshot taken at open, refreshed by opening the catalog again. Rows that cannot name an
 * object come back with a {@code problem}, never as an exception; any SQLite failure becomes a
 * {@link StoreException} of kind {@link ProblemKind#UNREADABLE} naming the catalog file.
 *
 * <p>Thread-safe: all methods share one SQLite connection and are {@code synchronized}, so calls
 * from several threads run one after another. The {@code forEach} actions run on the caller's
 * thread while the catalog is locked; they must not wait for another thread that uses it.
 */
public final class Catalog implements SnapshotCatalog, AutoCloseable {
    public static final String FILE_NAME = "catalog.sqlite";
    private static final String PACKS_FOLDER = "packs";
    private static final BooleanSupplier NEVER = () -> false;

    private final Path file;
    private final Connection connection;
    private final CatalogAccess access;
    private final SnapshotLookup snapshots;
    private boolean closed;

    /** Where a manifest row sits, for checks that walk every snapshot's rows once. */
    public record PathRow(String snapshotId, String path, long mode) {
    }

    private Catalog(Path file, CatalogConnector.Opened opened) {
        this.file = file;
        this.connection = opened.connection();
        this.access = opened.access();
        this.snapshots = new SnapshotLookup(connection, file, opened.columns().rootTree());
    }

    /**
     * Opens the catalog of a store folder, or of the store around a {@code packs} folder. Empty if
     * there is no {@code catalog.sqlite} (a bare packs folder, or a store without a catalog).
     *
     * @throws StoreException if {@code storeOrPacksDir} is not a folder or the catalog cannot be read
     */
    public static Optional<Catalog> open(Path storeOrPacksDir) throws StoreException {
        Optional<Path> file = locate(storeOrPacksDir);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Catalog(file.get(), CatalogConnector.open(file.get())));
    }

    /** Where {@link #open} finds the catalog of {@code storeOrPacksDir}, if there is one. */
    public static Optional<Path> locate(Path storeOrPacksDir) throws StoreException {
        Path dir = storeOrPacksDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new StoreException(ProblemKind.UNREADABLE, storeOrPacksDir, StoreException.NO_OFFSET,
                    Files.exists(dir) ? "not a folder" : "no such folder");
        }
        // Files.exists rather than isRegularFile: a catalog.sqlite that is a folder should fail loudly, not be ignored.
        Path own = dir.resolve(FILE_NAME);
        if (Files.exists(own)) {
            return Optional.of(own);
        }
        Path parent = dir.getParent();
        if (parent != null && dir.getFileName().toString().equals(PACKS_FOLDER) && Files.exists(parent.resolve(FILE_NAME))) {
            return Optional.of(parent.resolve(FILE_NAME));
        }
        return Optional.empty();
    }

    public Path file() {
        return file;
    }

    public CatalogAccess access() {
        return access;
    }

    /** Every snapshot, newest first ({@code created_at DESC, id DESC}). */
    @Override
    public synchronized List<Snapshot> snapshots() throws StoreException {
        return lookUp(snapshots::all);
    }

    /**
     * The snapshot named by {@code ref}: {@code latest} (the newest), a full id, or a unique id prefix.
     *
     * @throws UnknownSnapshotException if no snapshot, or more than one, matches (it carries up to 5 candidates)
     */
    @Override
    public synchronized Snapshot resolve(String ref) throws StoreException {
        return lookUp(() -> snapshots.resolve(ref));
    }

    /** The snapshot's manifest in path order (bytewise UTF-8), following {@code manifest_snapshot_id}. */
    @Override
    public List<ManifestEntry> files(Snapshot snapshot) throws StoreException {
        var entries = new ArrayList<ManifestEntry>();
        forEachFile(snapshot, entries::add, NEVER);
        return entries;
    }

    /**
     * Streams the snapshot's manifest in path order to {@code action}, one row at a time, until the
     * rows end or {@code cancelled} returns true. Returns the number of rows passed on.
     */
    public synchronized long forEachFile(Snapshot snapshot, Consumer<? super ManifestEntry> action, BooleanSupplier cancelled)
            throws StoreException {
        String owner = manifestOwner(snapshot);
        return stream(Sql.FILES_OF_SNAPSHOT, s -> s.setString(1, owner), Rows::manifestEntry, action, cancelled);
    }

    /**
     * Streams every manifest row of every snapshot, with the id of the snapshot that owns it, in
     * the table's storage order: one sequential read, several times faster than asking snapshot by
     * snapshot when all of them are wanted. Returns the rows passed on.
     */
    @Override
    public synchronized long forEachManifestRow(BiConsumer<String, ? super ManifestEntry> action, BooleanSupplier cancelled)
            throws StoreException {
        return streamOwned(Sql.ALL_FILES, s -> { }, action, cancelled);
    }

    /**
     * Like {@link #forEachManifestRow}, only the rows whose path SQLite's {@code GLOB} {@code glob}
     * matches ({@code *} and {@code ?} cross {@code /}; case counts): the scan runs inside SQLite,
     * so a narrow question does not bring ten million rows into Java.
     */
    public synchronized long forEachManifestRowGlobbing(String glob, BiConsumer<String, ? super ManifestEntry> action, BooleanSupplier cancelled)
            throws StoreException {
        return streamOwned(Sql.FILES_GLOBBING, s -> s.setString(1, glob), action, cancelled);
    }

    /** Ids bound per query of {@link #forEachManifestRowUsing}, well under SQLite's 32,766 parameters. */
    static final int IDS_PER_QUERY = 5_000;

    /**
     * Like {@link #forEachManifestRow}, only the rows that name one of {@code ids}, picked out
     * inside SQLite: one scan per {@value #IDS_PER_QUERY} ids.
     */
    public synchronized long forEachManifestRowUsing(java.util.Collection<ObjectId> ids, BiConsumer<String, ? super ManifestEntry> action,
            BooleanSupplier cancelled) throws StoreException {
        List<ObjectId> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        long rows = 0;
        for (int from = 0; from < all.size() && !cancelled.getAsBoolean(); from += IDS_PER_QUERY) {
            List<ObjectId> part = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            rows += streamOwned(Sql.filesUsing(part.size()), s -> {
                for (int i = 0; i < part.size(); i++) {
                    s.setBytes(i + 1, part.get(i).toBytes());
                }
            }, action, cancelled);
        }
        return rows;
    }

    private record Owned(String snapshotId, ManifestEntry entry) {
    }

    /** Streams rows of a query over {@link Sql#ALL_FILES}: the manifest row and, in column 6, its snapshot id. */
    private long streamOwned(String sql, Binder binder, BiConsumer<String, ? super ManifestEntry> action, BooleanSupplier cancelled)
            throws StoreException {
        return stream(sql, binder, rs -> new Owned(rs.getString(6), Rows.manifestEntry(rs)), row -> action.accept(row.snapshotId(), row.entry()),
                cancelled);
    }

    /**
     * The id of the snapshot whose rows hold {@code snapshot}'s file list: its own, or the one its
     * {@code manifest_snapshot_id} leads to (chkpt's metadata-only saves).
     *
     * @throws StoreException if the references go round in a loop, run too long, or lead nowhere
     */
    @Override
    public synchronized String manifestOwner(Snapshot snapshot) throws StoreException {
        return lookUp(() -> snapshots.manifestOwner(snapshot));
    }

    /** The {@code blob_index} row of {@code id}, if there is one. */
    public synchronized Optional<BlobRow> blob(ObjectId id) throws StoreException {
        var found = new ArrayList<BlobRow>(1);
        stream(Sql.BLOB_BY_ID, s -> s.setBytes(1, id.toBytes()), Rows::blobRow, found::add, NEVER);
        return found.stream().findFirst();
    }

    /**
     * Up to {@code limit} manifest rows (snapshot id, path, mode) that use {@code id}. There is no
     * index on blob hashes, so this reads every manifest row (about 0.1 s a million rows): call it
     * off the UI thread. {@code cancelled} is polled while SQLite works and stops the query, which
     * then returns no rows, so a newer question need not wait for an old one.
     */
    public synchronized List<PathRow> usesOf(ObjectId id, int limit, BooleanSupplier cancelled) throws StoreException {
        var found = new ArrayList<PathRow>();
        streamStoppable(Sql.USES_OF_BLOB, s -> {
            s.setBytes(1, id.toBytes());
            s.setInt(2, limit);
        }, rs -> new PathRow(rs.getString(1), rs.getString(2), rs.getLong(3)), found::add, cancelled);
        return cancelled.getAsBoolean() ? List.of() : found;
    }

    /**
     * Up to {@code max} problems SQLite's own integrity check finds in the catalog file: damaged
     * pages and, beyond what any query notices, index entries that disagree with their table rows
     * (a snapshot that its id no longer finds, rows its snapshot no longer lists). Empty if there are
     * none, or if {@code cancelled} returned true, which stops the check. Reads the whole file.
     */
    public synchronized List<String> integrityProblems(int max, BooleanSupplier cancelled) throws StoreException {
        var found = new ArrayList<String>();
        streamStoppable(Sql.integrityCheck(max), s -> { }, rs -> rs.getString(1), found::add, cancelled);
        if (cancelled.getAsBoolean() || found.equals(List.of(Sql.INTEGRITY_OK))) {
            return List.of();
        }
        return found;
    }

    /** Streams every {@code blob_index} row, in the table's storage order. */
    public long forEachBlob(Consumer<? super BlobRow> action) throws StoreException {
        return forEachBlob(action, NEVER);
    }

    /** Streams every {@code blob_index} row until the rows end or {@code cancelled} returns true; returns the rows passed on. */
    public synchronized long forEachBlob(Consumer<? super BlobRow> action, BooleanSupplier cancelled) throws StoreException {
        return stream(Sql.ALL_BLOBS, s -> { }, Rows::blobRow, action, cancelled);
    }

    /**
     * One distinct {@code blob_hash} value of the manifests, exactly as stored (it may not be 16
     * bytes), with one {@code snapshot_id:path} that uses it; {@code sizeProblem} says how the sizes
     * recorded for it disagree (between its manifest rows, or with its {@code blob_index} row), or is
     * null if they agree.
     */
    public record ReferencedBlob(byte[] hash, String usedBy, String sizeProblem) {
    }

    /**
     * Streams each distinct {@code blob_hash} value that any manifest row holds. Reads all of
     * {@code snapshot_files} and groups it: seconds for a catalog of millions of rows.
     */
    public synchronized long forEachReferencedBlob(Consumer<? super ReferencedBlob> action) throws StoreException {
        return stream(Sql.REFERENCED_BLOBS, s -> { }, rs -> new ReferencedBlob(rs.getBytes(1), rs.getString(2),
                Rows.sizeProblem(rs.getObject(3), rs.getObject(4), rs.getObject(5), rs.getInt(6) == 1)), action, NEVER);
    }

    /** Streams the place of every manifest row of every snapshot, by snapshot id and then path. */
    public synchronized long forEachPath(Consumer<? super PathRow> action) throws StoreException {
        return stream(Sql.ALL_PATHS, s -> { }, rs -> new PathRow(rs.getString(1), rs.getString(2), rs.getLong(3)), action, NEVER);
    }

    @Override
    public synchronized void close() throws StoreException {
        if (!closed) {
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                throw failed(e);
            }
        }
    }

    @Override
    public String toString() {
        return "Catalog[" + file + ", " + access.description() + "]";
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs a query and hands its rows on one at a time, so that no result is ever held whole. */
    private <T> long stream(String sql, Binder binder, RowReader<T> reader, Consumer<? super T> action, BooleanSupplier cancelled)
            throws StoreException {
        checkOpen();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                long rows = 0;
                while (!cancelled.getAsBoolean() && rs.next()) {
                    action.accept(reader.read(rs));
                    rows++;
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Like {@link #stream}, but {@code cancelled} also stops SQLite while it works on a step that
     * returns no row (a full scan, the integrity check): SQLite asks it every 10,000 virtual-machine
     * steps. A query so stopped fails, which is no failure: the caller, seeing {@code cancelled},
     * discards what it got.
     */
    private <T> void streamStoppable(String sql, Binder binder, RowReader<T> reader, Consumer<? super T> action, BooleanSupplier cancelled)
            throws StoreException {
        try {
            ProgressHandler.setHandler(connection, 10_000, new ProgressHandler() {
                @Override
                protected int progress() {
                    return cancelled.getAsBoolean() ? 1 : 0;
                }
            });
            stream(sql, binder, reader, action, cancelled);
        } catch (SQLException | StoreException e) {
            if (!cancelled.getAsBoolean()) {
                throw e instanceof StoreException se ? se : failed((SQLException) e);
            }
        } finally {
            try {
                ProgressHandler.clearHandler(connection);
            } catch (SQLException e) {
                // the next query installs its own or none; nothing to undo
            }
        }
    }

    private interface Lookup<T> {
        T run() throws SQLException, StoreException;
    }

    /** A question to {@link SnapshotLookup}, its SQLite failures turned into the catalog's. */
    private <T> T lookUp(Lookup<T> lookup) throws StoreException {
        checkOpen();
        try {
            return lookup.run();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the catalog " + file + " is closed");
        }
    }

    private StoreException failed(SQLException e) {
        return CatalogErrors.unreadable(file, e);
    }
}
