package dev.packinspector.catalog;

import dev.packinspector.store.ObjectId;

/**
 * One row of the catalog's {@code snapshots} table. {@code createdAt} is chkpt's RFC 3339 text
 * ({@code 2026-01-01T00:00:00.032440097+00:00}); {@code message}, {@code parentSnapshotId} and
 * {@code manifestSnapshotId} are null where the column is NULL. A snapshot with a
 * {@code manifestSnapshotId} (chkpt's metadata-only save) has no file rows of its own and reuses
 * that snapshot's; {@link Catalog#files(Snapshot)} follows the reference. {@code rootTree} is the id
 * of the snapshot's root tree in the tree pack ({@code root_tree_hash}), null where the column is
 * NULL, absent (catalogs from before chkpt wrote trees) or not a 16-byte blob; in the last case
 * {@code rootTreeProblem} says why in a few words, as {@link ManifestEntry#problem()} does. Immutable.
 */
public record Snapshot(String id, String createdAt, String message, String parentSnapshotId, String manifestSnapshotId,
        long totalFiles, long totalBytes, long newObjects, ObjectId rootTree, String rootTreeProblem) {
    /** Characters of an id shown where space is short: chkpt's ids are UUIDv7s, whose first 13 ({@code 019b7711-987b}) hold the time. */
    public static final int SHORT_ID_LENGTH = 13;

    /** {@link #id()} shortened as {@link #shortId(String)} shortens it. */
    public String shortId() {
        return shortId(id);
    }

    /**
     * {@code id} shortened for display: its first {@value #SHORT_ID_LENGTH} characters, or all of it
     * if it is shorter (a damaged catalog's id may be anything); empty for null. Never throws.
     */
    public static String shortId(String id) {
        if (id == null) {
            return "";
        }
        return id.length() <= SHORT_ID_LENGTH ? id : id.substring(0, SHORT_ID_LENGTH);
    }

    /** {@code createdAt} as an instant, or empty if the text is not RFC 3339. */
    public java.util.Optional<java.time.Instant> createdInstant() {
        try {
            return java.util.Optional.of(java.time.OffsetDateTime.parse(createdAt).toInstant());
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
