package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final Path LABEL = Path.of("test.frame");

    private static byte[] decode(byte[] frame) throws IOException {
        var out = new ByteArrayOutputStream();
        new FrameDecoder().decode(ByteSource.of(MemorySegment.ofArray(frame), LABEL), 0, frame.length, "object",
                block -> {
                    out.writeBytes(bytes(block));
                    return true;
                });
        return out.toByteArray();
    }

    private static byte[] bytes(java.nio.ByteBuffer block) {
        byte[] b = new byte[block.remaining()];
        block.get(b);
        return b;
    }

    private static byte[] sample(int size) {
        byte[] content = new byte[size];
        var random = new SplittableRandom(size);
        for (int i = 0; i < size; i++) {
            content[i] = (byte) (i % 3 == 0 ? random.nextInt(256) : 'x');
        }
        return content;
    }

    @Test
    void acceptsStandardFramesWithChecksumsAndContentSize() throws IOException {
        byte[] content = sample(300_000);
        var out = new ByteArrayOutputStream();
        try (var lz4 = new LZ4FrameOutputStream(out, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, content.length,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM,
                LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM, LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE)) {
            lz4.write(content);
        }
        assertArrayEquals(content, decode(out.toByteArray()));
    }

    @Test
    void rangeReadsStopEarlyAndSkipWholeBlocks() throws IOException {
        byte[] content = sample(9 << 20);
        byte[] frame = FrameEncoder.encode(content);
        var source = ByteSource.of(MemorySegment.ofArray(frame), LABEL);
        for (long skip : new long[] {0, 5, 4 << 20, (4 << 20) + 3, (9 << 20) - 1}) {
            var out = new ByteArrayOutputStream();
            new FrameDecoder().decode(source, 0, frame.length, "object", skip, 1000, block -> {
                out.writeBytes(bytes(block));
                return true;
            });
            int to = (int) Math.min(content.length, skip + 1000);
            assertArrayEquals(Arrays.copyOfRange(content, (int) skip, to), out.toByteArray(), "from " + skip);
        }
    }

    @Test
    void everyTruncationIsATypedError() throws IOException {
        byte[] frame = FrameEncoder.encode(sample(70_000));
        for (int len = 0; len < frame.length; len++) {
            byte[] cut = Arrays.copyOf(frame, len);
            StoreException e = assertThrows(StoreException.class, () -> decode(cut), "cut at " + len);
            assertEquals(ProblemKind.LZ4_CORRUPT, e.kind());
        }
    }

    @Test
    void randomDamageEitherDecodesOrFailsWithATypedError() {
        byte[] content = sample(200_000);
        byte[] frame = FrameEncoder.encode(content);
        var random = new SplittableRandom(42);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] damaged = frame.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                decode(damaged);
            } catch (StoreException e) {
                assertEquals(ProblemKind.LZ4_CORRUPT, e.kind());
            } catch (Throwable t) {
                throw new AssertionError("trial " + trial + " escaped with " + t, t);
            }
        }
    }

    @Test
    void strayBytesAfterTheEndMarkAreRefused() {
        byte[] frame = FrameEncoder.encode(sample(100));
        byte[] longer = Arrays.copyOf(frame, frame.length + 3);
        StoreException e = assertThrows(StoreException.class, () -> decode(longer));
        assertEquals(ProblemKind.LZ4_CORRUPT, e.kind());
    }

    @Test
    void emptyObjectIsAnElevenByteFrame() throws IOException {
        byte[] frame = FrameEncoder.encode(new byte[0]);
        assertEquals(11, frame.length);
        assertEquals(0, decode(frame).length);
    }
}
