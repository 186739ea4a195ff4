package dev.packinspector.catalog;

import dev.packinspector.store.ContentId;
import dev.packinspector.store.ObjectId;

/**
 * One row of a snapshot's manifest ({@code snapshot_files}): the path exactly as stored (relative
 * and {@code /}-separated when chkpt wrote it, but not validated here; refusing unsafe paths is
 * the restore engine's job), the object holding the content (an {@link ObjectId} in stores of
 * current chkpt, a BLAKE3 id in those of chkpt 0.1.x), the uncompressed size and the Unix
 * {@code st_mode}. When the row cannot name an object (its {@code blob_hash} is not a 16-byte
 * blob, or a column has the wrong type), {@code problem} says why in a few words and {@code blob}
 * may be null; such an entry is listed, never restored. Immutable.
 */
public record ManifestEntry(String path, ContentId blob, long size, long mode, String problem) {
    /**
     * {@link #blob} as an object of a store of current chkpt (null if there is none): every entry a
     * {@link Catalog} reads has such an id, so code that reads packs takes it from here.
     *
     * @throws IllegalStateException if the id is of another kind (a store of chkpt 0.1.x)
     */
    public ObjectId objectId() {
        if (blob == null || blob instanceof ObjectId) {
            return (ObjectId) blob;
        }
        throw new IllegalStateException(path + ": " + blob.toHex() + " is not an object id of a store of current chkpt");
    }

    /** True if the row names an object and nothing else is wrong with it. */
    public boolean usable() {
        return problem == null;
    }
}
