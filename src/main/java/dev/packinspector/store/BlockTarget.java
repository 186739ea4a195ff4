package dev.packinspector.store;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where {@link FrameDecoder} decodes each block: lets a caller collect a whole object in one
 * buffer of its own (and write it with one call) instead of copying block by block.
 */
public interface BlockTarget {
    /** A buffer with at least {@code room} bytes free after its position; the next block is decoded there. */
    ByteBuffer room(int room);

    /**
     * The block went to {@code [from, from + length)} of {@code buffer}.
     *
     * @return false to stop decoding
     */
    boolean filled(ByteBuffer buffer, int from, int length) throws IOException;

    /**
     * The block about to be passed to {@link #filled} starts (its size word) at {@code position}
     * of the source; {@link FrameDecoder#decodeFrom} can resume there.
     */
    default void blockAt(long position) {
    }

    /**
     * A block (not the end mark) starts, its size word at {@code position}; called before it is
     * decoded, so a caller that wants only some blocks can stop without decoding the next.
     *
     * @return false to stop before this block
     */
    default boolean next(long position) {
        return true;
    }
}
