package dev.packinspector.store;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Receives an object's content a block at a time from {@link FrameDecoder}. */
@FunctionalInterface
public interface BlockSink {
    /**
     * Takes the bytes between {@code block}'s position and limit; the buffer is reused after this
     * call returns.
     *
     * @return false to stop decoding (the rest of the object is not wanted)
     */
    boolean accept(ByteBuffer block) throws IOException;
}
