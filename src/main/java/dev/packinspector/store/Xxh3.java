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
 * touches the hashing libraries: xxHash's own C library where the system has it ({@link NativeXxh3}:
 * full speed from the first call, which is what a short run needs), else zero-allocation-hashing
 * for one-shot hashes (its native-memory path is the fastest of the Java ones over mapped files)
 * and hash4j for {@link Stream incremental} hashing, which zero-allocation-hashing lacks. The
 * system property {@code packinspector.xxh3=java} makes it use the Java libraries only.
 * Thread-safe; a {@link Stream} is not.
 */
public final class Xxh3 {
    private static final NativeXxh3 NATIVE = "java".equals(System.getProperty("packinspector.xxh3")) ? null : NativeXxh3.load();
    private static final LongTupleHashFunction ONE_SHOT = LongTupleHashFunction.xx128();
    private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Xxh3() {
    }

    /** "libxxhash" when the C library does the hashing, else "Java". */
    public static String implementation() {
        return NATIVE != null ? "libxxhash" : "Java";
    }

    public static ObjectId idOf(byte[] content, int offset, int length) {
        if (NATIVE != null && length <= NativeXxh3.HEAP_COPY) {
            return NATIVE.idOf(MemorySegment.ofArray(content).asSlice(offset, length));
        }
        long[] d = ONE_SHOT.hashBytes(content, offset, length);
        return ObjectId.fromDigest(d[1], d[0]);
    }

    /** The id of the bytes of {@code content}, which may be a file mapping of any size. */
    public static ObjectId idOf(MemorySegment content) {
        return NATIVE != null && (content.isNative() || content.byteSize() <= NativeXxh3.HEAP_COPY) ? NATIVE.idOf(content) : javaIdOf(content);
    }

    /** {@link #idOf(MemorySegment)} by the Java libraries, whatever the system has (for tests of both). */
    static ObjectId javaIdOf(MemorySegment content) {
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

    /** The first half of the digest's canonical (big-endian) form, which the id stores byte-reversed. */
    static long canonicalHigh(ObjectId id) {
        return Long.reverseBytes(id.lo());
    }

    /** The digest's canonical form, 32 hex digits, as xxhsum prints it. */
    static String canonical(ObjectId id) {
        return HexFormat.of().toHexDigits(canonicalHigh(id)) + HexFormat.of().toHexDigits(Long.reverseBytes(id.hi()));
    }

    public static Stream stream() {
        return new Stream(NATIVE);
    }

    /** The C library's digests, or null where this system has no library that works (for tests). */
    static NativeXxh3 nativeLibrary() {
        return NATIVE;
    }

    /** A {@link Stream} by the Java libraries, whatever the system has (for tests of both). */
    static Stream javaStream() {
        return new Stream(null);
    }

    /** An incremental XXH3-128: feed bytes in any pieces, then read the digest as often as wanted. */
    public static final class Stream {
        private final NativeXxh3.State state;
        private final HashStream128 hash;

        private Stream(NativeXxh3 lib) {
            state = lib == null ? null : lib.newState();
            hash = state == null ? Hashing.xxh3_128().hashStream() : null;
        }

        public Stream put(byte[] bytes, int offset, int length) {
            if (state != null) {
                state.put(MemorySegment.ofArray(bytes).asSlice(offset, length));
            } else {
                hash.putBytes(bytes, offset, length);
            }
            return this;
        }

        /** Adds the bytes between the buffer's position and limit (the position does not move). */
        public Stream put(java.nio.ByteBuffer bytes) {
            return put(MemorySegment.ofBuffer(bytes));
        }

        public Stream put(MemorySegment bytes) {
            if (state != null) {
                state.put(bytes);
            } else {
                hash.putBytes(bytes, 0, bytes.byteSize(), SegmentAccess.INSTANCE);
            }
            return this;
        }

        /** The digest so far as chkpt's object id. */
        public ObjectId id() {
            if (state != null) {
                return state.id();
            }
            HashValue128 v = hash.get();
            return ObjectId.fromDigest(v.getMostSignificantBits(), v.getLeastSignificantBits());
        }

        /** The digest so far as chkpt names packs: the first 16 hex digits of the canonical form. */
        public String packName() {
            return HexFormat.of().toHexDigits(canonicalHigh(id()));
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
