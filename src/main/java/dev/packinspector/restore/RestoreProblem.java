package dev.packinspector.restore;

import dev.packinspector.store.ContentId;
import dev.packinspector.store.ProblemKind;

/** Why one path was refused at planning or failed while restoring. {@code id} may be null. */
public record RestoreProblem(String path, ContentId id, ProblemKind kind, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
