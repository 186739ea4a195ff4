package dev.packinspector.store;

/**
 * What is wrong with a store, named as the fixture suite and {@code verify} name it.
 * Each kind says whether it spoils a whole pack or one object; {@link #incomplete()} marks the
 * states chkpt itself passes through while it writes a pack.
 */
public enum ProblemKind {
    /** The .dat has no {@code CHKL} magic, or its entry count disagrees with the index. */
    PACK_HEADER_INVALID,
    /** An entry runs past the end of the pack data. */
    PACK_DATA_TRUNCATED,
    /** There is an index but neither a .dat nor a parts manifest. */
    PACK_DATA_MISSING,
    /** The entries do not tile the data exactly (gaps, overlaps or trailing bytes). */
    PACK_LAYOUT_INVALID,
    /** The pack's bytes do not hash to its name. */
    PACK_HASH_MISMATCH,
    /** The .dat is there but its .idx is not (yet). */
    INDEX_MISSING,
    /** The .idx length is not a whole number of 32-byte records (chkpt may still be writing it). */
    INDEX_SIZE_INVALID,
    /** The .idx ids are not strictly ascending. */
    INDEX_UNSORTED,
    /** An index entry's offset lies outside the pack data. */
    ENTRY_OUT_OF_BOUNDS,
    /** The id or length stored in front of an entry in .dat disagrees with the index. */
    ENTRY_HEADER_MISMATCH,
    /** An entry's LZ4 frame cannot be decoded. */
    LZ4_CORRUPT,
    /** An object decodes to content whose XXH3-128 is not its id. */
    CONTENT_HASH_MISMATCH,
    /** No readable pack holds the object. */
    OBJECT_NOT_FOUND,
    /** A chunked pack's parts manifest is malformed or unsafe. */
    CHUNK_MANIFEST_INVALID,
    /** A part file named by the parts manifest is missing. */
    CHUNK_PART_MISSING,
    /** A part file's size disagrees with the parts manifest. */
    CHUNK_PART_SIZE_MISMATCH,
    /** A manifest path that would escape, or write through a link in, the restore target. */
    UNSAFE_PATH,
    /** A manifest entry that cannot be restored as listed: a device, fifo or folder mode, a bad id, a link target that is not text. */
    UNSUPPORTED_ENTRY,
    /** An object decodes to a different number of bytes than the catalog records. */
    SIZE_MISMATCH,
    /** Something in the restore target is in the way (a folder where a file goes, a file or link where a folder goes). */
    TARGET_BLOCKED,
    /** Writing into the restore target failed (disk full, permissions). */
    WRITE_FAILED,
    /** A file of the store could not be read at all (permissions, I/O error). */
    UNREADABLE,
    /**
     * The tree pack has {@code trees.dat} without {@code trees.idx}, or the reverse: chkpt's first
     * tree-building save was stopped between its two renames, or a file was deleted. chkpt then
     * ignores the pack; so does a reader.
     */
    TREE_PACK_INCOMPLETE,
    /**
     * {@code trees.dat} or {@code trees.idx} breaks the format: no {@code CKTL} magic, an index that
     * is not whole 32-byte records or not strictly ascending, a header counting fewer records than
     * the index, a record outside the data or whose id or length disagrees with the index, records
     * that do not tile the data. chkpt writes both files by rename, so none of this is a write in progress.
     */
    TREE_PACK_CORRUPT,
    /**
     * {@code trees.dat} holds records {@code trees.idx} does not list (its header counts more): chkpt
     * was stopped between writing the two files, and its next save appends them again. Harmless:
     * chkpt cannot see those records and neither does a reader. A note, not an error ({@link #note()}).
     */
    TREE_RECORDS_UNINDEXED,
    /** A tree object is not a valid bitcode 0.6.9 {@code Vec<TreeEntry>} (bad packing, length, variant, UTF-8, trailing bytes). */
    TREE_CORRUPT,
    /** A tree object's bytes do not hash (XXH3-128) to its id. */
    TREE_HASH_MISMATCH,
    /** A tree named by a snapshot or by its parent tree is in neither the tree pack nor a loose tree file. */
    TREE_MISSING,
    /**
     * Trees that decode but cannot be walked as chkpt writes them: a name that is empty, {@code .},
     * {@code ..} or holds {@code /} or NUL; a folder that contains itself; nesting or a number of
     * entries beyond the walk's limits.
     */
    TREE_STRUCTURE_INVALID,
    /**
     * A snapshot's walk of its trees disagrees with its manifest in the catalog (a path, id, size
     * or mode differs, or is in one and not the other). Restore follows the manifest.
     */
    TREE_MANIFEST_MISMATCH;

    /** True for the states a pack is in while chkpt is still writing it: show them, pick them up on refresh. */
    public boolean incomplete() {
        return this == INDEX_MISSING || this == INDEX_SIZE_INVALID || this == TREE_PACK_INCOMPLETE;
    }

    /** True for findings that leave everything readable and need nothing done: shown, never counted as damage. */
    public boolean note() {
        return this == TREE_RECORDS_UNINDEXED;
    }
}
