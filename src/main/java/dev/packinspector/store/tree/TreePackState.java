package dev.packinspector.store.tree;

/** What a store's tree pack is like, as {@link TreeStore} found it. */
public enum TreePackState {
    /** No {@code trees/} folder, or neither file in it: stores of older chkpt and synthetic fixtures. Not an error. */
    ABSENT,
    /** Both files there and consistent (perhaps with {@link dev.packinspector.store.ProblemKind#note() notes}). */
    OK,
    /** One of the two files without the other: chkpt ignores the pack, and so do we. */
    INCOMPLETE,
    /** Damaged or unreadable; the store's problem says why. */
    UNREADABLE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
