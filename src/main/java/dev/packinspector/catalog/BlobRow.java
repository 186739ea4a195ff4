package dev.packinspector.catalog;

import dev.packinspector.store.ObjectId;

/**
 * One row of {@code blob_index}: which pack chkpt says holds a blob ({@code packHash} may be
 * null) and its uncompressed size. {@code blob} is null and {@code problem} says why when the
 * row's hash is not 16 bytes.
 */
public record BlobRow(ObjectId blob, String packHash, long size, String problem) {
}
