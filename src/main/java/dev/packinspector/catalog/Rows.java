package dev.packinspector.catalog;

import dev.packinspector.store.ObjectId;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns result rows of the {@link Sql} queries into records. A row with a malformed id or number
 * becomes a record with a {@code problem}, never an exception: one bad row must not hide the rest
 * of a manifest. The queries flag such rows with the SQLite types of their columns, so the common
 * well-formed row costs no type checks here.
 */
final class Rows {
    private Rows() {
    }

    /** A row of the snapshot queries of {@link Sql}: its 8 columns, then root_tree_hash and its SQLite type. */
    static Snapshot snapshot(ResultSet rs) throws SQLException {
        byte[] root = rs.getBytes(9);
        String type = rs.getString(10);
        String problem = "null".equals(type) ? null : idProblem("root_tree_hash", root, type);
        return new Snapshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), problem == null && root != null ? ObjectId.fromBytes(root, 0) : null, problem);
    }

    /** A row of {@link Sql#FILES_OF_SNAPSHOT}. */
    static ManifestEntry manifestEntry(ResultSet rs) throws SQLException {
        String path = rs.getString(1);
        byte[] hash = rs.getBytes(2);
        String types = rs.getString(5);
        if (types == null && path != null) {
            return new ManifestEntry(path, ObjectId.fromBytes(hash, 0), rs.getLong(3), rs.getLong(4), null);
        }
        String[] type = types == null ? new String[] {"blob", "integer", "integer"} : types.split(" ");
        String problem = firstOf(path == null ? "path is NULL" : null, idProblem(hash, type[0]),
                integerProblem("size", type[1]), integerProblem("mode", type[2]));
        return new ManifestEntry(path == null ? "" : path, idOrNull(hash, type[0]), rs.getLong(3), rs.getLong(4), problem);
    }

    /** A row of {@link Sql#BLOB_BY_ID} or {@link Sql#ALL_BLOBS}. */
    static BlobRow blobRow(ResultSet rs) throws SQLException {
        byte[] hash = rs.getBytes(1);
        String types = rs.getString(4);
        if (types == null) {
            return new BlobRow(ObjectId.fromBytes(hash, 0), rs.getString(2), rs.getLong(3), null);
        }
        String[] type = types.split(" ");
        return new BlobRow(idOrNull(hash, type[0]), rs.getString(2), rs.getLong(3),
                firstOf(idProblem(hash, type[0]), integerProblem("size", type[1])));
    }

    /**
     * How the sizes recorded for one object disagree: the smallest and largest of its manifest rows,
     * whether they all are integers, and its blob_index row's ({@code indexed}, null without one);
     * null if they are one integer.
     */
    static String sizeProblem(Object smallest, Object largest, Object indexed, boolean allIntegers) {
        if (!allIntegers || !(smallest instanceof Number lo) || !(largest instanceof Number hi)) {
            return "one of its manifest rows gives a size that is not an integer";
        }
        if (lo.longValue() != hi.longValue()) {
            return "its manifest rows give sizes from " + lo + " to " + hi + " bytes";
        }
        if (indexed != null && (!(indexed instanceof Number n) || n.longValue() != lo.longValue())) {
            return "its manifest rows give " + lo + " bytes, its blob_index row " + indexed;
        }
        return null;
    }

    /** Why a blob_hash value of SQLite type {@code type} is not an object id, or null if it is one. */
    static String idProblem(byte[] hash, String type) {
        return idProblem("blob_hash", hash, type);
    }

    private static String idProblem(String column, byte[] hash, String type) {
        if (!"blob".equals(type)) {
            return column + " is " + ("null".equals(type) ? "NULL" : type) + ", not a 16-byte blob";
        }
        if (hash == null || hash.length != ObjectId.BYTES) {
            return column + " is " + (hash == null ? 0 : hash.length) + " bytes, not 16";
        }
        return null;
    }

    private static ObjectId idOrNull(byte[] hash, String type) {
        return idProblem(hash, type) == null ? ObjectId.fromBytes(hash, 0) : null;
    }

    private static String integerProblem(String column, String type) {
        return "integer".equals(type) ? null : column + " is " + ("null".equals(type) ? "NULL" : type) + ", not an integer";
    }

    private static String firstOf(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
