package dev.packinspector.mount;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/** How the tests mount a store: through real FUSE, or the test is skipped with the reason where FUSE cannot mount here. */
public final class TestMounts {
    private TestMounts() {
    }

    /** {@link StoreMount#mount} of every snapshot of {@code store} at {@code point}; aborts the test if FUSE is not available. */
    public static StoreMount mountOrSkip(Path store, Path point, Consumer<String> problems) throws IOException {
        try {
            return StoreMount.mount(store, point, null, problems);
        } catch (IOException e) {
            if (e.getMessage().startsWith("FUSE")) {
                Assumptions.abort("FUSE cannot mount here: " + e.getMessage());
            }
            throw e;
        }
    }
}
