package dev.packinspector.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a pack's {@code .dat}: one mapped file, or the parts of a chunked pack joined into
 * one address space (entries may straddle parts). Thread-safe while its pack is open.
 */
public sealed interface PackData extends ByteSource permits PackData.SingleFile, ChunkedData {

    /** True when the data comes from {@code .dat.part-NNNNNN} files. */
    boolean chunked();

    /** The file a user would look at: the {@code .dat}, or the parts manifest. */
    Path file();

    /** Every file the data is read from. */
    java.util.List<Path> files();

    /**
     * Maps the data of pack {@code name} in {@code packsDir}: {@code pack-NAME.dat} if present,
     * else the parts manifest {@code pack-NAME.dat.parts.json} and its parts.
     */
    static PackData open(Path packsDir, String name, Arena arena) throws StoreException {
        Path dat = packsDir.resolve(PackFiles.dat(name));
        Path parts = packsDir.resolve(PackFiles.partsManifest(name));
        if (!Files.exists(dat) && Files.exists(parts)) {
            return ChunkedData.open(packsDir, name, arena);
        }
        return new SingleFile(dat, Mapping.map(dat, arena, ProblemKind.PACK_DATA_MISSING));
    }

    /** A plain {@code .dat}. */
    record SingleFile(Path file, MemorySegment bytes) implements PackData {
        @Override
        public boolean chunked() {
            return false;
        }

        @Override
        public java.util.List<Path> files() {
            return java.util.List.of(file);
        }

        @Override
        public long size() {
            return bytes.byteSize();
        }

        @Override
        public MemorySegment slice(long position, long length) {
            return bytes.asSlice(position, length);
        }

        @Override
        public Path fileAt(long position) {
            return file;
        }

        @Override
        public long offsetInFile(long position) {
            return position;
        }

        @Override
        public int intLE(long position) {
            return bytes.get(INT_LE, position);
        }

        @Override
        public long longLE(long position) {
            return bytes.get(LONG_LE, position);
        }
    }
}
