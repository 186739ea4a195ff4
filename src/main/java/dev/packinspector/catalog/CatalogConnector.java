package dev.packinspector.catalog;

import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Opens {@code catalog.sqlite} read-only without creating or changing any file beside it. SQLite
 * opened with {@code mode=ro} on a WAL database creates {@code -wal} and {@code -shm} when they are
 * missing and leaves them behind, so the journal mode is read from the header first:
 * <ul>
 * <li>rollback journal: {@code mode=ro}; readers only take locks and create nothing. A hot
 * journal left by an interrupted chkpt makes SQLite refuse to read rather than roll it back;
 * {@link CatalogErrors} says so;</li>
 * <li>WAL with {@code -wal} and {@code -shm} present: {@code mode=ro}, the only way to see what a
 * running chkpt has committed to the log;</li>
 * <li>WAL otherwise: {@code immutable=1}, no locks and no files.</li>
 * </ul>
 * A race remains that SQLite offers no way to close: should chkpt exit and delete its
 * {@code -wal}/{@code -shm} between the check and the first read, SQLite would create them again.
 */
final class CatalogConnector {
    static final int BUSY_TIMEOUT_MILLIS = 5_000;

    record Opened(Connection connection, CatalogAccess access, CatalogSchema.OptionalColumns columns) {
    }

    private CatalogConnector() {
    }

    static Opened open(Path file) throws StoreException {
        CatalogAccess access = accessFor(file, DatabaseHeader.read(file));
        String parameters = access == CatalogAccess.LIVE ? "mode=ro" : "mode=ro&immutable=1";
        SqliteLibrary.prepare();
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + SqliteUri.of(file, parameters));
        } catch (SQLException e) {
            throw CatalogErrors.unreadable(file, e);
        }
        try {
            try (Statement statement = connection.createStatement()) {
                // A second lock on the door: even a statement that tried to write would be refused.
                statement.execute("PRAGMA query_only = ON");
            }
            CatalogSchema.OptionalColumns columns = CatalogSchema.check(connection, file);
            return new Opened(connection, access, columns);
        } catch (SQLException e) {
            closeAfterFailure(connection, e);
            throw CatalogErrors.unreadable(file, e);
        } catch (StoreException | RuntimeException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
    }

    static CatalogAccess accessFor(Path file, DatabaseHeader header) {
        if (!header.wal()) {
            return CatalogAccess.LIVE;
        }
        Path log = sibling(file, "-wal");
        if (Files.exists(log) && Files.exists(sibling(file, "-shm"))) {
            return CatalogAccess.LIVE;
        }
        return size(log) > 0 ? CatalogAccess.SNAPSHOT_WITHOUT_LOG : CatalogAccess.SNAPSHOT;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
