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
    UNREADABLE;

    /** True for the states a pack is in while chkpt is still writing it: show them, pick them up on refresh. */
    public boolean incomplete() {
        return this == INDEX_MISSING || this == INDEX_SIZE_INVALID;
    }
}
