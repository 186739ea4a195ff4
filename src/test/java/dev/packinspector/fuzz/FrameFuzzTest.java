package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.store.ByteSource;
import dev.packinspector.store.FrameDecoder;
import dev.packinspector.store.StoreException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/** Any bytes as an LZ4 frame: decoded, or refused with a StoreException; never another exception, a hang or unbounded memory. */
class FrameFuzzTest {
    private static final Path LABEL = Path.of("fuzz.frame");

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "10m")
    void aFrameDecodesOrIsRefused(byte[] frame) {
        try {
            new FrameDecoder().decode(ByteSource.of(MemorySegment.ofArray(frame), LABEL), 0, frame.length, "object", block -> true);
        } catch (StoreException expected) {
            // a typed, located refusal is the contract
        } catch (java.io.IOException e) {
            throw new AssertionError("an untyped I/O error from bytes in memory", e);
        }
    }
}
