package dev.packinspector.catalog;

import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables and columns Pack Inspector reads (DESIGN.md §1). Checked once at open, which is
 * also SQLite's first read of the file, so that a file that is not a chkpt catalog fails with a
 * sentence naming what is missing instead of an SQL error on first use.
 */
final class CatalogSchema {
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "snapshots", List.of("id", "created_at", "message", "parent_snapshot_id", "manifest_snapshot_id",
                    "total_files", "total_bytes", "new_objects"),
            "snapshot_files", List.of("snapshot_id", "path", "blob_hash", "size", "mode"),
            "blob_index", List.of("blob_hash", "pack_hash", "size"));

    /** Columns read where they exist: chkpt added {@code root_tree_hash} to older catalogs by migration. */
    static final String ROOT_TREE = "root_tree_hash";

    /** What the open catalog has beyond the required columns. */
    record OptionalColumns(boolean rootTree) {
    }

    private CatalogSchema() {
    }

    static OptionalColumns check(Connection connection, Path file) throws SQLException, StoreException {
        boolean rootTree = false;
        try (PreparedStatement columns = connection.prepareStatement(Sql.COLUMNS_OF_TABLE)) {
            for (String table : List.of("snapshots", "snapshot_files", "blob_index")) {
                columns.setString(1, table);
                Set<String> present = new HashSet<>();
                try (ResultSet rs = columns.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
                if (present.isEmpty()) {
                    throw CatalogErrors.unreadable(file, "it has no table '" + table + "'; is it a chkpt catalog?", null);
                }
                rootTree |= table.equals("snapshots") && present.contains(ROOT_TREE);
                for (String column : REQUIRED.get(table)) {
                    if (!present.contains(column)) {
                        throw CatalogErrors.unreadable(file, "table '" + table + "' has no column '" + column
                                + "'; this chkpt catalog version is not supported", null);
                    }
                }
            }
        }
        return new OptionalColumns(rootTree);
    }
}
