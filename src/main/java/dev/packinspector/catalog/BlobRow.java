package dev.packinspector.catalog;

import dev.packinspector.store.ObjectId;

/**
 * One row of the catalog's {@code blob_index}: which pack chkpt recorded for an object, and the
 * object's uncompressed size. {@code packHash} is null where the column is NULL. When the row's
 * {@code blob_hash} is not a 16-byte blob (or {@code size} is not an integer), {@code problem} says
 * why and {@code blob} may be null. Immutable.
 */
public record BlobRow(ObjectId blob, String packHash, long size, String problem) {
    public boolean usable() {
        return problem == null;
    }
}
