package dev.packinspector.catalog;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The part of an SQLite file's 100-byte header that decides how it may be opened without writing:
 * the file format write and read versions (offsets 18 and 19; 1 = rollback journal, 2 = WAL).
 * Read by hand because SQLite itself, asked to open a WAL database read-only, creates the
 * {@code -wal} and {@code -shm} files it expects to find.
 */
record DatabaseHeader(int writeVersion, int readVersion) {
    private static final int SIZE = 100;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int WRITE_VERSION_OFFSET = 18;
    private static final int READ_VERSION_OFFSET = 19;
    private static final int ROLLBACK = 1;
    private static final int WAL = 2;

    /** Reads and checks the header of {@code file}, opened for reading only. */
    static DatabaseHeader read(Path file) throws StoreException {
        ByteBuffer header = ByteBuffer.allocate(SIZE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (header.hasRemaining()) {
                if (channel.read(header) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET,
                    "catalog cannot be read: " + reason(e), e);
        }
        return parse(file, Arrays.copyOf(header.array(), header.position()));
    }

    private static DatabaseHeader parse(Path file, byte[] bytes) throws StoreException {
        if (bytes.length < SIZE || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StoreException(ProblemKind.UNREADABLE, file, 0, "catalog cannot be read: not an SQLite 3 database"
                    + (bytes.length < SIZE ? " (" + bytes.length + " bytes, shorter than the 100-byte header)" : " (no 'SQLite format 3' magic)"));
        }
        var header = new DatabaseHeader(bytes[WRITE_VERSION_OFFSET] & 0xFF, bytes[READ_VERSION_OFFSET] & 0xFF);
        if (!known(header.writeVersion) || !known(header.readVersion)) {
            throw new StoreException(ProblemKind.UNREADABLE, file, WRITE_VERSION_OFFSET, String.format(
                    "catalog cannot be read: unknown SQLite file format versions %d/%d (1 = rollback journal, 2 = WAL)",
                    header.writeVersion, header.readVersion));
        }
        return header;
    }

    /** True if SQLite would look for a write-ahead log; either version byte set to WAL counts, to stay on the safe side. */
    boolean wal() {
        return writeVersion == WAL || readVersion == WAL;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static boolean known(int version) {
        return version == ROLLBACK || version == WAL;
    }
}
