package dev.packinspector.store;

/** How a pack of a folder can be used. */
public enum PackState {
    /** Readable, data in one {@code .dat}. */
    OK,
    /** Readable, data in {@code .dat.part-NNNNNN} files. */
    CHUNKED,
    /** chkpt is (or was, when it stopped) still writing it: no index yet, or a partial one. */
    INCOMPLETE,
    /** Damaged or unreadable; the status carries the reason. */
    UNREADABLE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
