package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.store.InMemoryPacks;
import dev.packinspector.store.ObjectContent;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectReader;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Any bytes as a pack's .idx and .dat (input: u32 LE length of the .idx, the .idx, then the .dat):
 * opening, validating with a re-hash, and reading every object whole and by range either work or
 * end in a StoreException naming the file; nothing else, and no hang. Seeds: the fixture packs.
 * The pack is read from native memory ({@link InMemoryPacks}, kept equal to the file path by its
 * test): writing, mapping and unmapping two files per input made this target 7 times slower.
 */
class PackFuzzTest {
    private static final String NAME = "0123456789abcdef";

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "2h")
    void aPackOpensValidatesAndReadsOrIsRefused(byte[] input) throws IOException {
        int idxLength = input.length < 4 ? 0 : Math.min(input.length - 4, ByteBuffer.wrap(input, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF);
        byte[] idx = Arrays.copyOfRange(input, Math.min(4, input.length), Math.min(4, input.length) + Math.max(0, idxLength));
        byte[] dat = Arrays.copyOfRange(input, Math.min(input.length, 4 + Math.max(0, idxLength)), input.length);
        try (PackSet packs = InMemoryPacks.of(NAME, idx, dat)) {
            for (Pack pack : packs.readablePacks()) {
                pack.validate(true, problem -> { });
            }
            var reader = new ObjectReader();
            for (int row = 0; row < packs.entryCount(); row++) {
                ObjectLocation at = packs.entryAt(row);
                try {
                    reader.readAll(at);
                } catch (StoreException expected) {
                    // a damaged object is refused with its place
                }
                try {
                    var content = new ObjectContent(at);
                    content.read(3, 100);
                    content.scan(() -> false);
                } catch (StoreException expected) {
                    // as above
                }
            }
        }
    }
}
