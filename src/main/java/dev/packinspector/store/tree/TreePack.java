package dev.packinspector.store.tree;

import dev.packinspector.store.ByteSource;
import dev.packinspector.store.Mapping;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackHeader;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.Xxh3;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * chkpt's tree pack, {@code trees/trees.dat} and {@code trees/trees.idx} (TREES-FORMAT.md §2–4),
 * memory-mapped read-only. Opening checks what is cheap: whole index records, the {@code CKTL}
 * magic, the header count against the index (fewer is damage; more is chkpt stopped between its
 * two renames, kept as a {@link #notes() note}) and the index order. Each read checks its record's
 * bounds and header, decodes the tree strictly and compares its XXH3-128 with its id;
 * {@link #validate} checks every record. Lookups follow {@code trees.idx}, as chkpt's do: records
 * it does not list are invisible. Thread-safe until {@link #close()} (an {@link #inMemory} pack:
 * confined to the thread that made it).
 */
public final class TreePack implements AutoCloseable {
    public static final String DAT = "trees.dat";
    public static final String IDX = "trees.idx";
    public static final int HEADER_BYTES = PackHeader.BYTES;
    /** Bytes in front of each tree object in {@code trees.dat}: the 16-byte id and the u64 length. */
    public static final int RECORD_HEADER_BYTES = 24;
    private static final byte[] MAGIC = "CKTL".getBytes(StandardCharsets.US_ASCII);

    private final Arena arena;
    private final Path datFile;
    private final MemorySegment dat;
    private final TreeIndex index;
    private final long headerCount;
    private final List<StoreException> notes;

    private TreePack(Arena arena, Path datFile, MemorySegment dat, TreeIndex index) throws StoreException {
        this.arena = arena;
        this.datFile = datFile;
        this.dat = dat;
        this.index = index;
        this.headerCount = checkHeader();
        index.checkOrder();
        this.notes = headerCount > index.count() ? List.of(new StoreException(ProblemKind.TREE_RECORDS_UNINDEXED, datFile, 4,
                "the tree pack's header counts " + headerCount + " records but trees.idx lists " + index.count()
                        + ": chkpt was stopped between writing the two files; the records it did not index are ignored, as chkpt ignores them"))
                : List.of();
    }

    /** Opens the pack in {@code treesDir}; both files must exist (see {@link TreeStore} for the states around that). */
    public static TreePack open(Path treesDir) throws StoreException {
        return Mapping.openIn(Arena.ofShared(), arena -> {
            // the index first: chkpt renames trees.dat into place before trees.idx, so an index
            // mapped before the data only names records that data holds (an older index, a newer data)
            Path idxFile = treesDir.resolve(IDX);
            MemorySegment idx = Mapping.map(idxFile, arena, ProblemKind.TREE_PACK_INCOMPLETE);
            Path datFile = treesDir.resolve(DAT);
            MemorySegment dat = Mapping.map(datFile, arena, ProblemKind.TREE_PACK_INCOMPLETE);
            return new TreePack(arena, datFile, dat, new TreeIndex(idxFile, idx));
        });
    }

    /**
     * A pack made of copies of {@code dat} and {@code idx} in native memory, with the checks of
     * {@link #open}; errors name the files {@code treesDir} would hold. For the fuzz targets; use and
     * close it on the thread that made it.
     */
    public static TreePack inMemory(Path treesDir, byte[] dat, byte[] idx) throws StoreException {
        return Mapping.openIn(Arena.ofConfined(), arena -> new TreePack(arena, treesDir.resolve(DAT), Mapping.copy(dat, arena),
                new TreeIndex(treesDir.resolve(IDX), Mapping.copy(idx, arena))));
    }

    private long checkHeader() throws StoreException {
        long count = PackHeader.count(ByteSource.of(dat, datFile), MAGIC, ProblemKind.TREE_PACK_CORRUPT, "tree pack");
        if (count < index.count()) {
            throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, datFile, 4,
                    "tree pack header counts " + count + " records but trees.idx lists " + index.count());
        }
        return count;
    }

    public Path datFile() {
        return datFile;
    }

    public TreeIndex index() {
        return index;
    }

    /** Trees the index lists: the ones a lookup can find. */
    public int treeCount() {
        return index.count();
    }

    public long dataBytes() {
        return dat.byteSize();
    }

    /** The record count in {@code trees.dat}'s header (at least {@link #treeCount()}). */
    public long headerCount() {
        return headerCount;
    }

    /** What is odd but harmless about the pack ({@link ProblemKind#note()} kinds), found at open. */
    public List<StoreException> notes() {
        return notes;
    }

    /**
     * The bytes of the tree at index {@code position}, after checking that its record lies inside
     * {@code trees.dat} and that the id and length written in front of it agree with the index.
     */
    public MemorySegment object(int position) throws StoreException {
        long offset = index.offset(position);
        long length = index.length(position);
        long size = dat.byteSize();
        if (offset < HEADER_BYTES || offset > size - RECORD_HEADER_BYTES) {
            throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, index.file(), (long) position * TreeIndex.RECORD_BYTES,
                    "tree " + index.id(position) + " has offset " + Long.toUnsignedString(offset) + ", outside " + DAT + " (" + size + " bytes)");
        }
        ObjectId stored = ObjectId.fromBytes(dat.asSlice(offset, ObjectId.BYTES).toArray(ValueLayout.JAVA_BYTE), 0);
        long storedLength = dat.get(ByteSource.LONG_LE, offset + ObjectId.BYTES);
        if (!stored.equals(index.id(position)) || storedLength != length) {
            throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, datFile, offset, "record header says tree " + stored + " of "
                    + Long.toUnsignedString(storedLength) + " bytes, trees.idx says " + index.id(position) + " of " + Long.toUnsignedString(length));
        }
        long start = offset + RECORD_HEADER_BYTES;
        if (length < 0 || length > size - start) {
            throw new StoreException(ProblemKind.TREE_PACK_CORRUPT, datFile, offset, "tree " + stored + " needs "
                    + Long.toUnsignedString(length) + " bytes after its record header but " + DAT + " ends " + (size - start) + " bytes later");
        }
        return dat.asSlice(start, length);
    }

    /** The entries of tree {@code id}, or empty if the index does not list it. */
    public Optional<List<TreeEntry>> find(ObjectId id) throws StoreException {
        int position = index.find(id);
        return position < 0 ? Optional.empty() : Optional.of(read(position));
    }

    /** The entries of the tree at index {@code position}: bounds, record header, strict decode and id all checked. */
    public List<TreeEntry> read(int position) throws StoreException {
        MemorySegment object = object(position);
        long offset = index.offset(position);
        List<TreeEntry> entries = TreeDecoder.decode(object, datFile, offset, index.id(position));
        checkId(object, index.id(position), datFile, offset);
        return entries;
    }

    static void checkId(MemorySegment object, ObjectId id, Path file, long offset) throws StoreException {
        ObjectId actual = Xxh3.idOf(object);
        if (!actual.equals(id)) {
            throw new StoreException(ProblemKind.TREE_HASH_MISMATCH, file, offset, "tree " + id + " hashes to " + actual);
        }
    }

    /**
     * Full check, for {@code verify}: every indexed tree read as {@link #read(int)} does; the records
     * tiling {@code trees.dat} from its header to its end; each index offset a record's start; the
     * records the index does not list decoded and hashed too, and reported as a note. Reports each
     * finding to {@code findings}.
     */
    public void validate(Consumer<StoreException> findings) {
        for (int i = 0; i < index.count(); i++) {
            try {
                read(i);
            } catch (StoreException e) {
                findings.accept(e);
            }
        }
        new TreeRecords(this).check(findings);
    }

    MemorySegment data() {
        return dat;
    }

    @Override
    public void close() {
        arena.close();
    }

    @Override
    public String toString() {
        return "tree pack " + datFile;
    }
}
