package dev.packinspector.catalog;

import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds snapshots by the names a user gives them ({@code latest}, an id, a unique id prefix) and
 * finds the snapshot whose rows hold a snapshot's file list. Not thread-safe: {@link Catalog}
 * calls it under its lock.
 */
final class SnapshotLookup {
    static final String LATEST = "latest";
    /** chkpt points a metadata-only save at the snapshot holding the rows; a longer chain is tolerated, a loop is not. */
    static final int MAX_MANIFEST_HOPS = 8;
    private static final int CANDIDATES_SHOWN = 5;

    private final Connection connection;
    private final Path file;
    private final boolean rootTreeColumn;

    SnapshotLookup(Connection connection, Path file, boolean rootTreeColumn) {
        this.connection = connection;
        this.file = file;
        this.rootTreeColumn = rootTreeColumn;
    }

    List<Snapshot> all() throws SQLException {
        return list(Sql.SNAPSHOTS_NEWEST_FIRST);
    }

    Snapshot resolve(String ref) throws SQLException {
        if (ref == null || ref.isBlank()) {
            throw UnknownSnapshotException.notGiven(ref);
        }
        if (ref.equals(LATEST)) {
            return list(Sql.LATEST_SNAPSHOT).stream().findFirst().orElseThrow(() -> UnknownSnapshotException.noSnapshots(ref, store()));
        }
        Optional<Snapshot> exact = byId(ref);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Snapshot> candidates = list(Sql.SNAPSHOTS_BY_PREFIX, ref, CANDIDATES_SHOWN + 1);
        if (candidates.isEmpty()) {
            throw UnknownSnapshotException.noMatch(ref, store());
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw UnknownSnapshotException.ambiguous(ref, store(), candidates.subList(0, Math.min(CANDIDATES_SHOWN, candidates.size())), count(ref));
    }

    Optional<Snapshot> byId(String id) throws SQLException {
        return list(Sql.SNAPSHOT_BY_ID, id).stream().findFirst();
    }

    /** The id under which {@code snapshot}'s rows are stored in {@code snapshot_files}. */
    String manifestOwner(Snapshot snapshot) throws SQLException, StoreException {
        var chain = new LinkedHashSet<String>();
        chain.add(snapshot.id());
        Snapshot current = snapshot;
        while (current.manifestSnapshotId() != null && !current.manifestSnapshotId().equals(current.id())) {
            String next = current.manifestSnapshotId();
            if (!chain.add(next)) {
                throw CatalogErrors.unreadable(file, "the manifest_snapshot_id references of snapshot " + snapshot.id()
                        + " go round in a loop (" + String.join(" -> ", chain) + " -> " + next + ")", null);
            }
            if (chain.size() > MAX_MANIFEST_HOPS + 1) {
                throw CatalogErrors.unreadable(file, "snapshot " + snapshot.id() + " takes its file list through more than "
                        + MAX_MANIFEST_HOPS + " manifest_snapshot_id references", null);
            }
            String from = current.id();
            current = byId(next).orElseThrow(() -> CatalogErrors.unreadable(file, "snapshot " + from
                    + " takes its file list from snapshot " + next + ", which is not in the catalog", null));
        }
        return current.id();
    }

    private long count(String prefix) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(Sql.COUNT_BY_PREFIX)) {
            statement.setString(1, prefix);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private List<Snapshot> list(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(rootTreeColumn ? sql : Sql.withoutRootTree(sql))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            var snapshots = new ArrayList<Snapshot>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    snapshots.add(Rows.snapshot(rs));
                }
            }
            return snapshots;
        }
    }

    private Path store() {
        return file.getParent();
    }
}
