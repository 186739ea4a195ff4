package dev.packinspector.store;

import com.dynatrace.hash4j.hashing.ByteAccess;
import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import net.openhft.hashing.LongTupleHashFunction;

/**
 * XXH3-128 (seed 0), the one hash chkpt uses for object ids and pack names. The only class that
 * touches the hashing libraries: zero-allocation-hashing for one-shot hashes (its native-memory
 * path is the fastest over mapped files) and hash4j for {@link Stream incremental} hashing, which
 * zero-allocation-hashing lacks. Thread-safe; a {@link Stream} is not.
 */
public final class Xxh3 {
    private static final LongTupleHashFunction ONE_SHOT = LongTupleHashFunction.xx128();
    private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Xxh3() {
    }

    public static ObjectId idOf(byte[] content, int offset, int length) {
        long[] d = ONE_SHOT.hashBytes(content, offset, length);
        return ObjectId.fromDigest(d[1], d[0]);
    }

    /** The id of the bytes of {@code content}, which may be a file mapping of any size. */
    public static ObjectId idOf(MemorySegment content) {
        long[] d = content.isNative()
                ? ONE_SHOT.hashMemory(content.address(), content.byteSize())
                : ONE_SHOT.hashBytes(content.asByteBuffer());
        return ObjectId.fromDigest(d[1], d[0]);
    }

    /** The id chkpt would give the content of {@code file}, read through a mapping, so of any size. */
    public static ObjectId idOfFile(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            return idOf(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena));
        }
    }

    public static Stream stream() {
        return new Stream();
    }

    /** An incremental XXH3-128: feed bytes in any pieces, then read the digest once. */
    public static final class Stream {
        private final HashStream128 hash = Hashing.xxh3_128().hashStream();

        private Stream() {
        }

        public Stream put(byte[] bytes, int offset, int length) {
            hash.putBytes(bytes, offset, length);
            return this;
        }

        /** Adds the bytes between the buffer's position and limit (the position does not move). */
        public Stream put(java.nio.ByteBuffer bytes) {
            return put(MemorySegment.ofBuffer(bytes));
        }

        public Stream put(MemorySegment bytes) {
            hash.putBytes(bytes, 0, bytes.byteSize(), SegmentAccess.INSTANCE);
            return this;
        }

        /** The digest so far as chkpt's object id. */
        public ObjectId id() {
            HashValue128 v = hash.get();
            return ObjectId.fromDigest(v.getMostSignificantBits(), v.getLeastSignificantBits());
        }

        /** The digest so far as chkpt names packs: the first 16 hex digits of the canonical form. */
        public String packName() {
            return HexFormat.of().toHexDigits(hash.get().getMostSignificantBits());
        }
    }

    private enum SegmentAccess implements ByteAccess<MemorySegment> {
        INSTANCE;

        @Override
        public byte getByte(MemorySegment data, long index) {
            return data.get(ValueLayout.JAVA_BYTE, index);
        }

        @Override
        public long getLong(MemorySegment data, long index) {
            return data.get(LONG_LE, index);
        }

        @Override
        public int getInt(MemorySegment data, long index) {
            return data.get(INT_LE, index);
        }

        @Override
        public void copyToByteArray(MemorySegment data, long offset, byte[] array, int arrayOffset, int length) {
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, offset, array, arrayOffset, length);
        }
    }
}
