package dev.packinspector.restore;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.Xxh3;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The chkpt id of a file in the target, hashed through a read-only mapping. */
final class FileHashes {
    private FileHashes() {
    }

    static ObjectId idOf(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            return Xxh3.idOf(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena));
        }
    }
}
