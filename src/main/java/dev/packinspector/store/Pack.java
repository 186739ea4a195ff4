package dev.packinspector.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One open pack: its mapped {@link PackIndex} and {@link PackData}. Opening checks what is cheap
 * (index size, {@code CHKL} magic, header count equal to the index's, index order); each read
 * checks its own entry's bounds and header; {@link #validate} checks everything else. Thread-safe
 * until {@link #close()}.
 */
public final class Pack implements AutoCloseable {
    public static final int HEADER_BYTES = PackHeader.BYTES;
    /** Bytes in front of each payload in {@code .dat}: the 16-byte id and the u64 length. */
    public static final int ENTRY_HEADER_BYTES = 24;
    private static final byte[] MAGIC = "CHKL".getBytes(StandardCharsets.US_ASCII);
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final String name;
    private final Arena arena;
    private final PackData data;
    private final PackIndex index;

    private Pack(String name, Arena arena, PackData data, PackIndex index) {
        this.name = name;
        this.arena = arena;
        this.data = data;
        this.index = index;
    }

    /** Opens pack {@code name} (16 hex digits) of {@code packsDir}, read-only. */
    public static Pack open(Path packsDir, String name) throws StoreException {
        return Mapping.openIn(Arena.ofShared(), arena -> {
            PackData data = PackData.open(packsDir, name, arena);
            Path idxFile = packsDir.resolve(PackFiles.idx(name));
            return checked(name, arena, data, new PackIndex(idxFile, Mapping.map(idxFile, arena, ProblemKind.INDEX_MISSING)));
        });
    }

    /**
     * Pack {@code name} made of copies of {@code dat} and {@code idx} in native memory, as a
     * mapping would present them, with the checks of {@link #open}: what the fuzz targets read,
     * without the files, mappings and shared-arena handshake that cost them most of their time.
     * Errors name the files {@code packsDir} would hold. Use and close it on the thread that made it.
     */
    static Pack inMemory(Path packsDir, String name, byte[] dat, byte[] idx) throws StoreException {
        return Mapping.openIn(Arena.ofConfined(), arena -> {
            var data = new PackData.SingleFile(packsDir.resolve(PackFiles.dat(name)), Mapping.copy(dat, arena));
            return checked(name, arena, data, new PackIndex(packsDir.resolve(PackFiles.idx(name)), Mapping.copy(idx, arena)));
        });
    }

    private static Pack checked(String name, Arena arena, PackData data, PackIndex index) throws StoreException {
        checkHeader(data, index);
        index.checkOrder();
        return new Pack(name, arena, data, index);
    }

    private static void checkHeader(PackData data, PackIndex index) throws StoreException {
        long count = PackHeader.count(data, MAGIC, ProblemKind.PACK_HEADER_INVALID, "pack data");
        if (count != index.count()) {
            throw new StoreException(ProblemKind.PACK_HEADER_INVALID, data.fileAt(4), 4,
                    "pack header counts " + count + " entries but its index has " + index.count());
        }
    }

    public String name() {
        return name;
    }

    public PackData data() {
        return data;
    }

    public PackIndex index() {
        return index;
    }

    public boolean chunked() {
        return data.chunked();
    }

    public int entryCount() {
        return index.count();
    }

    /**
     * Where the LZ4 frame of the entry at index {@code position} starts in {@link #data()}, after
     * checking that the entry lies inside the data and that the id and length written in front of
     * it agree with the index. The frame is {@code index().compressedSize(position)} bytes long.
     */
    public long payloadStart(int position) throws StoreException {
        long offset = index.offset(position);
        long size = index.compressedSize(position);
        long dataSize = data.size();
        if (offset < HEADER_BYTES || offset > dataSize - ENTRY_HEADER_BYTES) {
            throw new StoreException(ProblemKind.ENTRY_OUT_OF_BOUNDS, index.file(), (long) position * PackIndex.RECORD_BYTES,
                    "object " + index.id(position) + " has offset " + offset + ", outside the pack data ("
                            + dataSize + " bytes in " + data.file().getFileName() + ")");
        }
        MemorySegment head = data.slice(offset, ENTRY_HEADER_BYTES);
        long hi = head.get(LONG_BE, 0);
        long lo = head.get(LONG_BE, 8);
        long storedSize = head.get(ByteSource.LONG_LE, 16);
        if (hi != index.idHi(position) || lo != index.idLo(position) || storedSize != size) {
            throw new StoreException(ProblemKind.ENTRY_HEADER_MISMATCH, data.fileAt(offset), data.offsetInFile(offset),
                    "entry header says object " + new ObjectId(hi, lo) + " of " + storedSize
                            + " bytes, the index says " + index.id(position) + " of " + size + " bytes");
        }
        long payload = offset + ENTRY_HEADER_BYTES;
        if (size < 0 || size > dataSize - payload) {
            throw new StoreException(ProblemKind.PACK_DATA_TRUNCATED, data.fileAt(offset), data.offsetInFile(offset),
                    "object " + index.id(position) + " needs " + size + " bytes after its header but the pack data ends "
                            + (dataSize - payload) + " bytes later");
        }
        return payload;
    }

    /**
     * Full structural check, for {@code verify}: every entry in bounds with a matching header, the
     * entries tiling the data exactly, and (if {@code rehash}) the pack's bytes hashing to its name.
     * Reports each problem to {@code problems}; does not decode objects.
     */
    public void validate(boolean rehash, Consumer<StoreException> problems) {
        for (int i = 0; i < index.count(); i++) {
            try {
                payloadStart(i);
            } catch (StoreException e) {
                problems.accept(e);
            }
        }
        validateLayout(rehash, problems);
    }

    /**
     * The whole-pack half of {@link #validate}: the entries tiling the data exactly and (if
     * {@code rehash}) the bytes hashing to the name, for a caller that checks each entry itself.
     */
    public void validateLayout(boolean rehash, Consumer<StoreException> problems) {
        checkTiling(problems);
        if (rehash) {
            String actual = computeName();
            if (!actual.equals(name)) {
                problems.accept(new StoreException(ProblemKind.PACK_HASH_MISMATCH, data.file(), StoreException.NO_OFFSET,
                        "pack content hashes to " + actual + ", not to its name " + name));
            }
        }
    }

    private void checkTiling(Consumer<StoreException> problems) {
        int n = index.count();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compareUnsigned(index.offset(a), index.offset(b)));
        long expected = HEADER_BYTES;
        for (int i : order) {
            long offset = index.offset(i);
            if (offset != expected) {
                problems.accept(new StoreException(ProblemKind.PACK_LAYOUT_INVALID, data.fileAt(Math.min(expected, data.size() - 1)),
                        data.offsetInFile(Math.min(expected, data.size() - 1)),
                        "expected an entry at offset " + expected + " but the next one (" + index.id(i) + ") starts at " + offset));
                return;
            }
            expected = offset + ENTRY_HEADER_BYTES + index.compressedSize(i);
        }
        if (expected != data.size()) {
            problems.accept(new StoreException(ProblemKind.PACK_LAYOUT_INVALID, data.file(), StoreException.NO_OFFSET,
                    "entries end at offset " + expected + " but the pack data is " + data.size() + " bytes"));
        }
    }

    /**
     * The name chkpt gives these bytes: XXH3-128 over the entries as they stand in {@code .dat}
     * followed by the 8 header bytes, first 16 hex digits of the canonical digest.
     */
    public String computeName() {
        Xxh3.Stream hash = Xxh3.stream();
        long size = data.size();
        if (data instanceof ChunkedData chunked) {
            for (MemorySegment piece : chunked.pieces(HEADER_BYTES, size - HEADER_BYTES)) {
                hash.put(piece);
            }
        } else {
            hash.put(data.slice(HEADER_BYTES, size - HEADER_BYTES));
        }
        hash.put(data.slice(0, HEADER_BYTES));
        return hash.packName();
    }

    @Override
    public void close() {
        arena.close();
    }

    @Override
    public String toString() {
        return "pack " + name;
    }
}
