package dev.packinspector.store.tree;

import dev.packinspector.store.ObjectId;

/**
 * One entry of a chkpt tree object (TREES-FORMAT.md §7–8): a name (one path component, as decoded,
 * not yet checked for {@code /} or {@code ..}: {@link TreeWalk} does that), what it is, and the id
 * of its blob (a file's content, a symlink's target) or, for a folder, of its subtree. {@code size}
 * is chkpt's u64 held in a long (compare with {@link Long#compareUnsigned}); {@code mode} is the
 * u32 {@code st_mode} held in an int. Immutable.
 */
public record TreeEntry(String name, Kind kind, ObjectId id, long size, int mode) {

    /** chkpt's {@code EntryType}, in variant order: the index is the value on disk. */
    public enum Kind {
        FILE, DIR, SYMLINK;

        private static final Kind[] BY_INDEX = values();

        static Kind ofIndex(int index) {
            return BY_INDEX[index];
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TreeEntry {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(id, "id");
    }

    /** The mode as the unsigned value chkpt stored. */
    public long unsignedMode() {
        return Integer.toUnsignedLong(mode);
    }
}
