package dev.packinspector.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Maps store files read-only; the store is never opened for writing. Stateless, thread-safe. */
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
}
