package dev.packinspector.store;

import java.io.IOException;

/** Receives an object's content a block at a time from {@link FrameDecoder}. */
@FunctionalInterface
public interface BlockSink {
    /**
     * Takes {@code length} bytes of content from {@code buffer}; the buffer is reused after this
     * call returns.
     *
     * @return false to stop decoding (the rest of the object is not wanted)
     */
    boolean accept(byte[] buffer, int offset, int length) throws IOException;
}
