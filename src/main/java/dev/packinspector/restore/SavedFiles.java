package dev.packinspector.restore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files a user names (an archive, a saved plan) are written under a temp name beside them and
 * renamed into place when complete, so a failed or cancelled write leaves nothing under the final
 * name. The temp file is created as any program creates a new file (mode 0666 less the umask),
 * not as {@link Files#createTempFile} does (0600 whatever the umask), so the finished file has the
 * user's normal mode. Stateless and thread-safe.
 */
public final class SavedFiles {
    /** Writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private SavedFiles() {
    }

    /** A new, empty temp file beside {@code file} ({@code .NAME.RANDOM.partial}), with a plain new file's mode. */
    public static Path tempBeside(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
                    + ".partial");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    /** Writes {@code content} into {@code file} (replacing it) through a temp file beside it. */
    public static void write(Path file, Content content) throws IOException {
        Path temp = tempBeside(file);
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(out);
            }
            Files.move(temp, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
