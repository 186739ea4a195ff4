package dev.packinspector.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The data of a chunked pack: the parts listed in {@code pack-NAME.dat.parts.json}, each mapped
 * and joined in order. Positions are those of the joined {@code .dat}; a read that crosses a part
 * boundary is served from a copy. Thread-safe.
 */
public final class ChunkedData implements PackData {
    private final Path manifestFile;
    private final List<Path> partFiles;
    private final long[] starts;
    private final MemorySegment[] parts;
    private final long size;

    private ChunkedData(Path manifestFile, List<Path> partFiles, long[] starts, MemorySegment[] parts, long size) {
        this.manifestFile = manifestFile;
        this.partFiles = partFiles;
        this.starts = starts;
        this.parts = parts;
        this.size = size;
    }

    static ChunkedData open(Path packsDir, String name, Arena arena) throws StoreException {
        Path manifestFile = packsDir.resolve(PackFiles.partsManifest(name));
        ChunkManifest manifest = ChunkManifest.read(manifestFile, name);
        int n = manifest.parts().size();
        long[] starts = new long[n];
        MemorySegment[] parts = new MemorySegment[n];
        Path[] files = new Path[n];
        for (int i = 0; i < n; i++) {
            ChunkManifest.Part part = manifest.parts().get(i);
            files[i] = packsDir.resolve(part.path());
            parts[i] = Mapping.map(files[i], arena, ProblemKind.CHUNK_PART_MISSING);
            if (parts[i].byteSize() != part.size()) {
                throw new StoreException(ProblemKind.CHUNK_PART_SIZE_MISMATCH, files[i], StoreException.NO_OFFSET,
                        "part has " + parts[i].byteSize() + " bytes, the parts manifest says " + part.size());
            }
            starts[i] = part.offset();
        }
        return new ChunkedData(manifestFile, List.of(files), starts, parts, manifest.datSize());
    }

    @Override
    public boolean chunked() {
        return true;
    }

    @Override
    public Path file() {
        return manifestFile;
    }

    @Override
    public List<Path> files() {
        return partFiles;
    }

    @Override
    public long size() {
        return size;
    }

    private int partOf(long position) {
        int i = Arrays.binarySearch(starts, position);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public MemorySegment slice(long position, long length) {
        int p = partOf(position);
        long inPart = position - starts[p];
        if (inPart + length <= parts[p].byteSize()) {
            return parts[p].asSlice(inPart, length);
        }
        byte[] copy = new byte[Math.toIntExact(length)];
        int done = 0;
        while (done < length) {
            long here = position + done - starts[p];
            int n = (int) Math.min(length - done, parts[p].byteSize() - here);
            MemorySegment.copy(parts[p], ValueLayout.JAVA_BYTE, here, copy, done, n);
            done += n;
            p++;
        }
        return MemorySegment.ofArray(copy);
    }

    /** Each part's bytes within {@code [position, position + length)}, in order, without copying. */
    List<MemorySegment> pieces(long position, long length) {
        var out = new java.util.ArrayList<MemorySegment>();
        long end = position + length;
        for (int p = partOf(position); p < parts.length && starts[p] < end; p++) {
            long from = Math.max(position, starts[p]) - starts[p];
            long to = Math.min(end, starts[p] + parts[p].byteSize()) - starts[p];
            out.add(parts[p].asSlice(from, to - from));
        }
        return out;
    }

    @Override
    public Path fileAt(long position) {
        return partFiles.get(partOf(position));
    }

    @Override
    public long offsetInFile(long position) {
        return position - starts[partOf(position)];
    }
}
