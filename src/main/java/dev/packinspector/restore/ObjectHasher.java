package dev.packinspector.restore;

import dev.packinspector.store.BlockTarget;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectReader;
import dev.packinspector.store.Xxh3;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Decodes an object and hashes its content without keeping it: whole in direct memory up to
 * {@value #WHOLE_LIMIT} bytes (one-shot XXH3), streamed beyond. One per thread: not thread-safe.
 */
final class ObjectHasher {
    static final int WHOLE_LIMIT = 32 << 20;

    private final ObjectReader reader = new ObjectReader();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private long length;

    /** The id of the object's content; {@link #length()} then tells its size. */
    ObjectId idOf(ObjectLocation at) throws IOException {
        buffer.clear();
        var stream = new Xxh3.Stream[1];
        length = reader.decode(at, new BlockTarget() {
            @Override
            public ByteBuffer room(int room) {
                if (buffer.remaining() >= room) {
                    return buffer;
                }
                if (stream[0] == null && buffer.capacity() < WHOLE_LIMIT) {
                    buffer = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.position() + room)).put(buffer.flip());
                    return buffer;
                }
                if (stream[0] == null) {
                    stream[0] = Xxh3.stream();
                }
                stream[0].put(buffer.flip());
                if (buffer.capacity() < room) {
                    buffer = ByteBuffer.allocateDirect(room);
                }
                return buffer.clear();
            }

            @Override
            public boolean filled(ByteBuffer block, int from, int n) {
                buffer.position(from + n);
                return true;
            }
        });
        buffer.flip();
        return stream[0] == null ? Xxh3.idOf(MemorySegment.ofBuffer(buffer)) : stream[0].put(buffer).id();
    }

    long length() {
        return length;
    }
}
