package dev.packinspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The launcher's AOT training runs every one of its commands cleanly on the demo store and leaves nothing behind. */
class AotTrainingTest {
    @Test
    void everyTrainingCommandSucceedsAndItsFolderIsRemoved() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = leftovers(tmp);
        assertEquals(0, AotTraining.run(), "a command of the training failed on the demo store");
        assertEquals(before, leftovers(tmp), "the training's temp folder is removed");
    }

    private static long leftovers(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("pack-inspector-aot-")).count();
        }
    }
}
