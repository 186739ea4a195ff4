package dev.packinspector.restore;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Path;

/** One problem {@code verify} found: what, in which file (may be null) and where (-1 if nowhere in particular). */
public record Finding(ProblemKind kind, Path file, long offset, String message) {

    static Finding of(StoreException e) {
        return new Finding(e.kind(), e.file(), e.offset(), e.getMessage());
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
