package dev.packinspector.store.tree;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one chkpt tree object, bitcode 0.6.9 {@code Vec<TreeEntry>} (TREES-FORMAT.md §7.1, §7.8),
 * strictly: any packing header bitcode would refuse, a variant ≥ 3 (or a packed variant byte
 * above 242), a name that is not UTF-8 on its own, a huge length, a length beyond the remaining
 * input and trailing bytes are all refused with a {@link ProblemKind#TREE_CORRUPT}. Non-canonical
 * but valid packings (any legal header) are accepted, as bitcode accepts them. Trees of more than
 * {@value #MAX_ENTRIES} entries or {@value #MAX_OBJECT_BYTES} bytes are refused as beyond this
 * reader's limits. Stateless and thread-safe.
 */
public final class TreeDecoder {
    /** More entries in one folder than any file system holds in practice; bounds the arrays a tree needs. */
    public static final int MAX_ENTRIES = 1 << 24;
    public static final long MAX_OBJECT_BYTES = 1L << 30;
    private static final int VARIANTS = TreeEntry.Kind.values().length;

    private TreeDecoder() {
    }

    /** Decodes {@code object} (a tree's bytes in memory, e.g. a test's), naming {@code label} in errors. */
    public static List<TreeEntry> decode(byte[] object, Path label) throws StoreException {
        return decode(MemorySegment.ofArray(object), label, 0, null);
    }

    /**
     * Decodes the tree {@code id} whose bytes are {@code object}, a view of {@code file} starting at
     * the record that holds them, {@code recordOffset} (0 for a loose tree). Errors name that file,
     * offset and id ({@code id} may be null when unknown), and say which byte of the object and which
     * column broke.
     */
    public static List<TreeEntry> decode(MemorySegment object, Path file, long recordOffset, ObjectId id) throws StoreException {
        String what = id == null ? "tree object" : "tree " + id;
        if (object.byteSize() > MAX_OBJECT_BYTES) {
            throw new StoreException(ProblemKind.TREE_STRUCTURE_INVALID, file, recordOffset, what + " is " + object.byteSize()
                    + " bytes, more than this reader's limit of " + MAX_OBJECT_BYTES);
        }
        var in = new BitcodeReader(object);
        try {
            return entries(in, file, recordOffset, what);
        } catch (BitcodeReader.Malformed e) {
            throw new StoreException(ProblemKind.TREE_CORRUPT, file, recordOffset, what + " is not a valid bitcode Vec<TreeEntry>: "
                    + e.getMessage() + ", at byte " + e.position + " of its " + object.byteSize());
        }
    }

    private static List<TreeEntry> entries(BitcodeReader in, Path file, long recordOffset, String what)
            throws BitcodeReader.Malformed, StoreException {
        in.column("vec length");
        long length = in.lengths(1)[0];
        if (length > MAX_ENTRIES) {
            throw new StoreException(ProblemKind.TREE_STRUCTURE_INVALID, file, recordOffset, what + " claims " + length
                    + " entries, more than this reader's limit of " + MAX_ENTRIES);
        }
        int n = (int) length;
        // every entry takes at least 2 bytes (its 16 hash bytes packed 8 to a byte): refuse a count
        // the input cannot hold before any column allocates n of anything
        if (n > 0 && 2L * n + 1 > in.remaining()) {
            throw in.malformed("a vec of " + n + " entries needs at least " + (2L * n + 1) + " more bytes but " + in.remaining() + " remain");
        }
        in.column("name lengths");
        long[] nameLengths = in.lengths(n);
        String[] names = names(in, nameLengths);
        in.column("entry_type");
        byte[] kinds = in.variants(n, VARIANTS);
        in.column("hash");
        byte[] hashes = in.bytes(16 * n);
        in.column("size");
        long[] sizes = in.ints(n, 64);
        in.column("mode");
        long[] modes = in.ints(n, 32);
        in.column("");
        in.end();
        var entries = new ArrayList<TreeEntry>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new TreeEntry(names[i], TreeEntry.Kind.ofIndex(kinds[i]), ObjectId.fromBytes(hashes, 16 * i), sizes[i], (int) modes[i]));
        }
        return entries;
    }

    static String[] names(BitcodeReader in, long[] lengths) throws BitcodeReader.Malformed {
        long total = 0;
        for (long length : lengths) {
            total += length; // lengths() refused any total near overflow
        }
        if (total > in.remaining()) {
            throw in.malformed("names need " + total + " bytes but " + in.remaining() + " remain");
        }
        in.column("name bytes");
        long start = in.position();
        byte[] bytes = in.take(total).toArray(ValueLayout.JAVA_BYTE);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        String[] names = new String[lengths.length];
        int at = 0;
        for (int i = 0; i < lengths.length; i++) {
            int length = (int) lengths[i];
            try {
                names[i] = utf8.decode(ByteBuffer.wrap(bytes, at, length)).toString();
            } catch (CharacterCodingException e) {
                throw new BitcodeReader.Malformed(start + at, "name " + i + " is not valid UTF-8");
            }
            at += length;
        }
        return names;
    }
}
