package dev.packinspector.catalog;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens {@code catalog.sqlite} so that nothing in the store is created or changed. SQLite's
 * {@code mode=ro} still creates {@code -wal} and {@code -shm} files for a WAL database that has
 * none (measured with SQLite 3.40), so: a WAL database whose {@code -wal} and {@code -shm} exist
 * (chkpt is running) is opened {@code mode=ro}, which must share them to see committed writes;
 * one without them is opened {@code immutable=1}, a fixed view until the next open; a
 * rollback-journal database is opened {@code mode=ro} unless a hot journal is waiting for chkpt to
 * roll it back.
 */
final class CatalogConnection {
    private static final int HEADER_BYTES = 100;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private CatalogConnection() {
    }

    static Connection open(Path file) throws StoreException {
        boolean wal = walMode(file);
        Path walFile = Path.of(file + "-wal");
        Path shmFile = Path.of(file + "-shm");
        String query;
        if (wal) {
            query = Files.exists(walFile) && Files.exists(shmFile) ? "mode=ro" : "immutable=1";
        } else {
            if (Files.exists(Path.of(file + "-journal"))) {
                throw unreadable(file, "chkpt left an unfinished transaction (catalog.sqlite-journal); run chkpt once so it can roll it back", null);
            }
            query = "mode=ro";
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(5000);
        try {
            return config.createConnection("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?" + query);
        } catch (SQLException e) {
            throw unreadable(file, "cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    private static boolean walMode(Path file) throws StoreException {
        byte[] header = new byte[HEADER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, HEADER_BYTES) < HEADER_BYTES || !java.util.Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw unreadable(file, "is not an SQLite database", null);
            }
        } catch (IOException e) {
            throw unreadable(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return header[18] == 2 || header[19] == 2;
    }

    static StoreException unreadable(Path file, String detail, Throwable cause) {
        return new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "catalog " + detail, cause);
    }
}
