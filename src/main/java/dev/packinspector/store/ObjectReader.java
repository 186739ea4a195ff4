package dev.packinspector.store;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Decodes objects from their packs: whole and verified against their id, streamed, or a byte
 * range for previews. Holds one {@link FrameDecoder}, so it is not thread-safe: use one per thread.
 */
public final class ObjectReader {
    /** Largest object {@link #readAll} will put in one array. */
    public static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 16;

    private final FrameDecoder decoder = new FrameDecoder();

    /**
     * Sends the object's content to {@code sink} as it is decoded, without checking its hash
     * (callers that write files hash what they wrote).
     *
     * @return the content length
     */
    public long decode(ObjectLocation at, BlockSink sink) throws IOException {
        return decode(at, 0, Long.MAX_VALUE, sink);
    }

    /** Decodes the object into buffers {@code target} provides (see {@link FrameDecoder}), without checking its hash. */
    public long decode(ObjectLocation at, BlockTarget target) throws IOException {
        Pack pack = at.pack();
        long payload = pack.payloadStart(at.position());
        return decoder.decode(pack.data(), payload, at.compressedSize(), "object " + at.id(), target);
    }

    private long decode(ObjectLocation at, long skip, long limit, BlockSink sink) throws IOException {
        Pack pack = at.pack();
        long payload = pack.payloadStart(at.position());
        return decoder.decode(pack.data(), payload, at.compressedSize(), "object " + at.id(), skip, limit, sink);
    }

    /**
     * Streams the content to {@code out} while hashing it.
     *
     * @return the content length
     * @throws StoreException {@link ProblemKind#CONTENT_HASH_MISMATCH} after the bytes were
     *     written if they do not hash to the object's id
     */
    public long copyTo(ObjectLocation at, OutputStream out) throws IOException {
        Xxh3.Stream hash = Xxh3.stream();
        byte[] chunk = new byte[1 << 16];
        long n = decode(at, block -> {
            hash.put(block.duplicate());
            while (block.hasRemaining()) {
                int len = Math.min(chunk.length, block.remaining());
                block.get(chunk, 0, len);
                out.write(chunk, 0, len);
            }
            return true;
        });
        checkId(at, hash.id());
        return n;
    }

    /** The whole content, verified against the object's id. */
    public byte[] readAll(ObjectLocation at) throws IOException {
        var buffer = new Growable();
        decode(at, block -> {
            buffer.append(block, at);
            return true;
        });
        byte[] content = buffer.toArray();
        checkId(at, ObjectId.of(content));
        return content;
    }

    /** Up to {@code length} content bytes from {@code offset} on, decoding no further; not verified. */
    public byte[] readRange(ObjectLocation at, long offset, int length) throws IOException {
        var buffer = new Growable();
        decode(at, offset, length, block -> {
            buffer.append(block, at);
            return true;
        });
        return buffer.toArray();
    }

    private static void checkId(ObjectLocation at, ObjectId actual) throws StoreException {
        if (!actual.equals(at.id())) {
            Pack pack = at.pack();
            throw new StoreException(ProblemKind.CONTENT_HASH_MISMATCH, pack.data().fileAt(at.offset()),
                    pack.data().offsetInFile(at.offset()),
                    "object " + at.id() + " decodes to content whose XXH3-128 is " + actual);
        }
    }

    private static final class Growable {
        private byte[] bytes = new byte[256];
        private int size;

        void append(java.nio.ByteBuffer block, ObjectLocation at) throws StoreException {
            int len = block.remaining();
            if (len > MAX_ARRAY_BYTES - size) {
                throw new StoreException(ProblemKind.UNREADABLE, at.pack().data().file(), at.offset(),
                        "object " + at.id() + " is too large to hold in memory; stream it instead");
            }
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_ARRAY_BYTES, Math.max(2L * bytes.length, (long) size + len)));
            }
            block.get(bytes, size, len);
            size += len;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
