package dev.packinspector.legacy;

import dev.packinspector.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/** The legacy readers' entry points for the fuzz targets (LegacyFuzzTest), which live in another package. */
public final class LegacyFuzzing {
    private LegacyFuzzing() {
    }

    public static void tree(byte[] bytes) throws StoreException {
        LegacyTree tree = LegacyTree.decode(bytes, Path.of("trees/00/" + "0".repeat(62)));
        for (LegacyTree.Entry e : tree.entries()) {
            if (LegacyTree.nameProblem(e.name()) != null) {
                throw new AssertionError("a name the decoder should have refused: " + e.name());
            }
        }
    }

    public static void snapshot(byte[] bytes) throws StoreException {
        LegacySnapshot.parse(bytes, Path.of("snapshots/01a232e1-5b30-7493-ae36-594daac8dee9.json"));
    }

    /** A u16 LE recorded size, then a zstd frame: decoding (in one call, then as a stream) never hands on more than that size. */
    public static void object(byte[] input) throws StoreException {
        StoreException inMemory = null;
        int recorded = input.length < 2 ? 0 : (input[0] & 0xFF) | (input[1] & 0xFF) << 8;
        try {
            LegacyObjects.decodeInMemory(Arrays.copyOfRange(input, Math.min(2, input.length), input.length), LegacyId.parse("0".repeat(64)), recorded,
                    OutputStream.nullOutputStream(), Path.of("objects/00/" + "0".repeat(62)));
        } catch (StoreException e) {
            inMemory = e;
        }
        try {
            stream(input);
        } catch (StoreException e) {
            if (inMemory == null) {
                throw new AssertionError("the stream refuses what one call took: " + e.getMessage());
            }
            throw e;
        }
        if (inMemory != null) {
            throw new AssertionError("one call refuses what the stream took: " + inMemory.getMessage());
        }
    }

    private static void stream(byte[] input) throws StoreException {
        int size = input.length < 2 ? 0 : (input[0] & 0xFF) | (input[1] & 0xFF) << 8;
        byte[] frame = Arrays.copyOfRange(input, Math.min(2, input.length), input.length);
        long[] handed = {0};
        var out = new OutputStream() {
            @Override
            public void write(int b) {
                handed[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                handed[0] += len;
            }
        };
        try {
            LegacyObjects.decode(new ByteArrayInputStream(frame), LegacyId.parse("0".repeat(64)), size, out, Path.of("objects/00/" + "0".repeat(62)));
        } finally {
            if (handed[0] > size) {
                throw new AssertionError(handed[0] + " bytes handed on, more than the recorded " + size);
            }
        }
    }
}
