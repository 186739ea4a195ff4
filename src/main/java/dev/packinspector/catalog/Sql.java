package dev.packinspector.catalog;

/**
 * The catalog's queries, in one place so that a test can check their plans. The manifest query
 * reads {@code snapshot_files} through its primary key {@code (snapshot_id, path)}: one index range
 * per snapshot, already in path order, so a 100,000-file manifest in a 10-million-row table needs
 * no scan and no sort. The blob lookups use {@code blob_index}'s primary key; the full listing
 * reads the table in storage order, which is the fastest way through it.
 */
final class Sql {
    private static final String ROOT_TREE = "root_tree_hash";
    private static final String SNAPSHOT_COLUMNS = "id, created_at, message, parent_snapshot_id, manifest_snapshot_id, total_files,"
            + " total_bytes, new_objects, " + ROOT_TREE + ", typeof(" + ROOT_TREE + ")";
    static final String SNAPSHOTS_NEWEST_FIRST = "SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots ORDER BY created_at DESC, id DESC";
    static final String LATEST_SNAPSHOT = SNAPSHOTS_NEWEST_FIRST + " LIMIT 1";
    static final String SNAPSHOT_BY_ID = "SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots WHERE id = ?";
    /** Up to {@code ?2} snapshots whose id starts with {@code ?1}; substr, not LIKE, so that '%' and '_' match themselves. */
    static final String SNAPSHOTS_BY_PREFIX =
            "SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT ?2";
    static final String COUNT_BY_PREFIX = "SELECT count(*) FROM snapshots WHERE substr(id, 1, length(?1)) = ?1";
    /**
     * Column 5 is NULL for a well-formed row; otherwise the SQLite types of blob_hash, size and mode,
     * space-separated. Asking for the types of every row instead costs three more column reads
     * per row, which doubles the time of a 100,000-row manifest.
     */
    static final String FILES_OF_SNAPSHOT = "SELECT path, blob_hash, size, mode, CASE WHEN typeof(blob_hash) = 'blob'"
            + " AND length(blob_hash) = 16 AND typeof(size) = 'integer' AND typeof(mode) = 'integer' THEN NULL"
            + " ELSE typeof(blob_hash) || ' ' || typeof(size) || ' ' || typeof(mode) END"
            + " FROM snapshot_files WHERE snapshot_id = ? ORDER BY path";
    /** The columns of {@link #FILES_OF_SNAPSHOT} and the snapshot id, for every row, in storage order: one sequential scan. */
    static final String ALL_FILES = "SELECT path, blob_hash, size, mode, CASE WHEN typeof(blob_hash) = 'blob'"
            + " AND length(blob_hash) = 16 AND typeof(size) = 'integer' AND typeof(mode) = 'integer' THEN NULL"
            + " ELSE typeof(blob_hash) || ' ' || typeof(size) || ' ' || typeof(mode) END, snapshot_id"
            + " FROM snapshot_files";
    /** {@link #ALL_FILES} narrowed, inside SQLite, to paths its GLOB pattern matches. */
    static final String FILES_GLOBBING = ALL_FILES + " WHERE path GLOB ?";

    /** {@link #ALL_FILES} narrowed to rows whose blob_hash is one of {@code n} bound values. */
    static String filesUsing(int n) {
        return ALL_FILES + " WHERE blob_hash IN (" + "?, ".repeat(n - 1) + "?)";
    }
    /** Column 4 is NULL for a well-formed row; otherwise the SQLite types of blob_hash and size. */
    private static final String BLOB_COLUMNS = "blob_hash, pack_hash, size, CASE WHEN typeof(blob_hash) = 'blob'"
            + " AND length(blob_hash) = 16 AND typeof(size) = 'integer' THEN NULL ELSE typeof(blob_hash) || ' ' || typeof(size) END";
    static final String BLOB_BY_ID = "SELECT " + BLOB_COLUMNS + " FROM blob_index WHERE blob_hash = ?";
    static final String ALL_BLOBS = "SELECT " + BLOB_COLUMNS + " FROM blob_index";
    /**
     * For verify: each distinct blob_hash of every manifest, with one {@code snapshot:path} that uses
     * it, the smallest and largest size its rows give, the size its blob_index row gives (NULL
     * without one) and whether every row's size is an integer (min and max skip NULLs). chkpt
     * writes all of these sizes from one read of the content, so they are equal.
     */
    static final String REFERENCED_BLOBS = "SELECT f.blob_hash, min(f.snapshot_id || ':' || f.path), min(f.size), max(f.size),"
            + " (SELECT b.size FROM blob_index b WHERE b.blob_hash = f.blob_hash), min(typeof(f.size) = 'integer')"
            + " FROM snapshot_files f GROUP BY f.blob_hash";
    /** For the preview: which manifest rows use a blob. No index covers blob_hash, so it reads every row. */
    static final String USES_OF_BLOB = "SELECT snapshot_id, path, mode FROM snapshot_files WHERE blob_hash = ? ORDER BY snapshot_id, path LIMIT ?";
    /** For verify: every manifest row's place, through the primary key, so already in this order. */
    static final String ALL_PATHS = "SELECT snapshot_id, path, mode FROM snapshot_files ORDER BY snapshot_id, path";
    static final String COLUMNS_OF_TABLE = "SELECT name FROM pragma_table_info(?)";
    /** SQLite's whole-file check: b-tree pages, and every index entry against its table row. One row "ok", or one row per problem. */
    static String integrityCheck(int maxProblems) {
        return "PRAGMA integrity_check(" + Math.max(1, maxProblems) + ")";
    }

    static final String INTEGRITY_OK = "ok";

    /**
     * A snapshot query for a catalog from before chkpt added {@code snapshots.root_tree_hash}: the
     * column read as NULL, so that every catalog gives the same columns.
     */
    static String withoutRootTree(String snapshotQuery) {
        return snapshotQuery.replace(ROOT_TREE, "NULL");
    }

    private Sql() {
    }
}
