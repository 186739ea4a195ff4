package dev.packinspector.catalog;

import dev.packinspector.store.ObjectId;

/**
 * One row of a snapshot's manifest, as stored: the path is not validated here (the restore
 * engine refuses unsafe ones). {@code blob} is null and {@code problem} says why when the row's
 * hash is not 16 bytes.
 */
public record ManifestEntry(String path, ObjectId blob, long size, long mode, String problem) {
}
