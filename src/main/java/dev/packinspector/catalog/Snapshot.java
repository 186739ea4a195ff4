package dev.packinspector.catalog;

/**
 * One row of {@code snapshots}. {@code createdAt} is chkpt's RFC 3339 text; {@code message},
 * {@code parentSnapshotId} and {@code manifestSnapshotId} may be null. A snapshot whose
 * {@code manifestSnapshotId} is set reuses that snapshot's manifest (a metadata-only save).
 */
public record Snapshot(String id, String createdAt, String message, String parentSnapshotId, String manifestSnapshotId,
        long totalFiles, long totalBytes, long newObjects) {
}
