package dev.packinspector.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Maps store files read-only (the store is never opened for writing), and ties what is mapped to
 * the arena of the pack that holds it. Stateless, thread-safe.
 */
public final class Mapping {
    private Mapping() {
    }

    /**
     * Maps the whole of {@code file} read-only into {@code arena}.
     *
     * @param missing the problem to report when the file does not exist
     */
    public static MemorySegment map(Path file, Arena arena, ProblemKind missing) throws StoreException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        } catch (NoSuchFileException e) {
            throw new StoreException(missing, file, StoreException.NO_OFFSET, "file is missing");
        } catch (AccessDeniedException e) {
            throw new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "permission denied", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET,
                    "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** What opens something whose files are mapped into {@code arena}. */
    public interface Opening<T> {
        T open(Arena arena) throws StoreException;
    }

    /**
     * {@code opening} run with {@code arena}, which is closed if it fails: nothing stays mapped of a
     * pack that could not be opened. On success the result owns the arena.
     */
    public static <T> T openIn(Arena arena, Opening<T> opening) throws StoreException {
        try {
            return opening.open(arena);
        } catch (StoreException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** A copy of {@code bytes} in {@code arena}, as a mapping would present them (for in-memory packs; empty arrays too). */
    public static MemorySegment copy(byte[] bytes, Arena arena) {
        MemorySegment copy = arena.allocate(Math.max(1, bytes.length)).asSlice(0, bytes.length);
        MemorySegment.copy(bytes, 0, copy, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return copy;
    }
}
