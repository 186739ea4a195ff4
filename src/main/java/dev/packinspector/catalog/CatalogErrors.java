package dev.packinspector.catalog;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's errors into one sentence about the catalog file. */
final class CatalogErrors {
    private CatalogErrors() {
    }

    static StoreException unreadable(Path file, SQLException e) {
        return unreadable(file, explain(file, e), e);
    }

    static StoreException unreadable(Path file, String detail, Throwable cause) {
        return new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "catalog cannot be read: " + detail, cause);
    }

    private static String explain(Path file, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        if (code == SQLiteErrorCode.SQLITE_READONLY_ROLLBACK) {
            return file.getFileName() + "-journal holds a transaction chkpt did not finish (a hot journal), which only a writer"
                    + " can roll back; run chkpt once on this store, then open it again";
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY
                || code == SQLiteErrorCode.SQLITE_BUSY_TIMEOUT) {
            return "chkpt kept it locked for longer than " + CatalogConnector.BUSY_TIMEOUT_MILLIS / 1000 + " s; try again";
        }
        return e.getMessage();
    }
}
