package dev.packinspector.store.tree;

import dev.packinspector.store.ByteSource;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The sequential view of {@code trees.dat} that chkpt never takes (it only follows the index), for
 * {@link TreePack#validate}: records back to back from the header to the end, every index offset at
 * a record's start, and the records no index entry points at (left by a crash between chkpt's two
 * renames, some repeating an indexed id) decoded and hashed like the rest. One use per instance.
 */
final class TreeRecords {
    private final TreePack pack;
    private final MemorySegment dat;
    /** Where the scan stopped: the end of the data, or the first record that did not fit. */
    private long scannedTo;

    TreeRecords(TreePack pack) {
        this.pack = pack;
        this.dat = pack.data();
    }

    void check(Consumer<StoreException> findings) {
        long[] starts = scan(findings);
        TreeIndex index = pack.index();
        long[] indexed = new long[index.count()];
        for (int i = 0; i < indexed.length; i++) {
            indexed[i] = index.offset(i);
            if (Arrays.binarySearch(starts, indexed[i]) < 0 && inside(indexed[i]) && indexed[i] < scannedTo) {
                findings.accept(new StoreException(ProblemKind.TREE_PACK_CORRUPT, index.file(), (long) i * TreeIndex.RECORD_BYTES,
                        "trees.idx points tree " + index.id(i) + " at offset " + indexed[i] + ", which is not the start of a record"));
            }
        }
        Arrays.sort(indexed);
        int unindexed = 0;
        int repeats = 0;
        for (long start : starts) {
            if (Arrays.binarySearch(indexed, start) >= 0) {
                continue;
            }
            unindexed++;
            ObjectId id = idAt(start);
            if (index.find(id) >= 0) {
                repeats++;
            }
            try {
                MemorySegment object = dat.asSlice(start + TreePack.RECORD_HEADER_BYTES, dat.get(ByteSource.LONG_LE, start + ObjectId.BYTES));
                TreeDecoder.decode(object, pack.datFile(), start, id);
                TreePack.checkId(object, id, pack.datFile(), start);
            } catch (StoreException e) {
                findings.accept(e);
            }
        }
        if (unindexed > 0) {
            findings.accept(new StoreException(ProblemKind.TREE_RECORDS_UNINDEXED, pack.datFile(), StoreException.NO_OFFSET,
                    unindexed + " records of trees.dat are not in trees.idx (" + repeats + " repeat an indexed tree; the header counts "
                            + pack.headerCount() + " records, the index " + index.count()
                            + "): chkpt was stopped between writing the two files; it cannot see them"));
        } else {
            pack.notes().forEach(findings);
        }
    }

    private boolean inside(long offset) {
        // offsets outside the data are already reported by TreePack.object
        return offset >= TreePack.HEADER_BYTES && offset <= dat.byteSize() - TreePack.RECORD_HEADER_BYTES;
    }

    /** Record starts in file order, as far as they tile the data; a record that does not fit ends the scan with a finding. */
    private long[] scan(Consumer<StoreException> findings) {
        long size = dat.byteSize();
        long[] starts = new long[16];
        int count = 0;
        long at = TreePack.HEADER_BYTES;
        while (at < size) {
            if (size - at < TreePack.RECORD_HEADER_BYTES) {
                findings.accept(new StoreException(ProblemKind.TREE_PACK_CORRUPT, pack.datFile(), at,
                        (size - at) + " bytes after the last record, too few for a record header"));
                break;
            }
            long length = dat.get(ByteSource.LONG_LE, at + ObjectId.BYTES);
            if (length < 0 || length > size - at - TreePack.RECORD_HEADER_BYTES) {
                findings.accept(new StoreException(ProblemKind.TREE_PACK_CORRUPT, pack.datFile(), at,
                        "the record here claims " + Long.toUnsignedString(length) + " bytes, past the end of trees.dat (" + size + " bytes)"));
                break;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = at;
            at += TreePack.RECORD_HEADER_BYTES + length;
        }
        scannedTo = Math.min(at, size);
        return Arrays.copyOf(starts, count);
    }

    private ObjectId idAt(long offset) {
        return ObjectId.fromBytes(dat.asSlice(offset, ObjectId.BYTES).toArray(ValueLayout.JAVA_BYTE), 0);
    }
}
