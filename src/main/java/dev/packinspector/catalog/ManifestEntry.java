package dev.packinspector.catalog;

import dev.packinspector.store.ObjectId;

/**
 * One row of a snapshot's manifest ({@code snapshot_files}): the path exactly as stored (relative
 * and {@code /}-separated when chkpt wrote it, but not validated here; refusing unsafe paths is
 * the restore engine's job), the object holding the content, the uncompressed size and the Unix
 * {@code st_mode}. When the row cannot name an object (its {@code blob_hash} is not a 16-byte
 * blob, or a column has the wrong type), {@code problem} says why in a few words and {@code blob}
 * may be null; such an entry is listed, never restored. Immutable.
 */
public record ManifestEntry(String path, ObjectId blob, long size, long mode, String problem) {
    /** True if the row names an object and nothing else is wrong with it. */
    public boolean usable() {
        return problem == null;
    }
}
