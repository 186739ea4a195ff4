package dev.packinspector.restore;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Path;

/**
 * One problem {@code verify} found: what, in which file (may be null) and where (-1 if nowhere in
 * particular), the sentence, and as fields what it concerns, each null where it does not apply:
 * the pack (16 hex digits, or {@code trees}), the object, the snapshot and path of a manifest
 * entry. {@link VerifyCauses} groups findings by these fields. Immutable.
 */
public record Finding(ProblemKind kind, Path file, long offset, String message, String pack, ObjectId object, String snapshot,
        String path) {

    public Finding(ProblemKind kind, Path file, long offset, String message) {
        this(kind, file, offset, message, null, null, null, null);
    }

    static Finding of(StoreException e) {
        return new Finding(e.kind(), e.file(), e.offset(), e.getMessage());
    }

    /** A problem of pack {@code pack}, of its object {@code object} where that is not null. */
    static Finding of(StoreException e, String pack, ObjectId object) {
        return new Finding(e.kind(), e.file(), e.offset(), e.getMessage(), pack, object, null, null);
    }

    Finding withPlace(String pack, ObjectId object, String snapshot, String path) {
        return new Finding(kind, file, offset, message, pack, object, snapshot, path);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
