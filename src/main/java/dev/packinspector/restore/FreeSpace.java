package dev.packinspector.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many bytes can still be written where a restore lands: the usable space of the file store
 * that holds an existing path. {@link #SYSTEM} asks the file system; tests give their own answer
 * (a "full" target) without filling a disk. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface FreeSpace {
    /** The file system's own answer: {@link java.nio.file.FileStore#getUsableSpace()} of the store holding {@code existing}. */
    FreeSpace SYSTEM = existing -> Files.getFileStore(existing).getUsableSpace();

    /** Usable bytes on the file store holding {@code existing} (a path that exists). */
    long usableBytes(Path existing) throws IOException;
}
