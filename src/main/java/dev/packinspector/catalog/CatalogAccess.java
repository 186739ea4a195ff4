package dev.packinspector.catalog;

/**
 * How a {@link Catalog} reads {@code catalog.sqlite}, chosen at open so that nothing is ever
 * created in the store. Shown to the user where it matters: a {@link #SNAPSHOT} does not follow
 * chkpt's later saves until the catalog is opened again.
 */
public enum CatalogAccess {
    /**
     * Read-only with SQLite's usual locking: every query sees chkpt's latest commit. Used for
     * rollback-journal catalogs, and for WAL catalogs whose {@code -wal} and {@code -shm} files
     * already exist (chkpt is running, or was interrupted). In the WAL case SQLite's readers record
     * their read position inside the existing {@code -shm} (that is how WAL readers and the writer
     * coordinate); no file is created and the database and {@code -wal} are never written.
     */
    LIVE("live"),
    /**
     * A WAL catalog with no {@code -wal}/{@code -shm} (chkpt is not running and checkpointed on
     * exit), opened {@code immutable}: no locks, no files. Shows the catalog as it was when opened;
     * open it again (refresh) to see saves made since.
     */
    SNAPSHOT("snapshot until refresh"),
    /**
     * A WAL catalog whose {@code -wal} exists but whose {@code -shm} does not: reading the log
     * would make SQLite create the {@code -shm} inside the store, so the database file is read
     * {@code immutable} as it stands and saves still held only in the log are not shown until chkpt
     * next checkpoints them.
     */
    SNAPSHOT_WITHOUT_LOG("snapshot; the newest saves still in catalog.sqlite-wal are not shown");

    private final String description;

    CatalogAccess(String description) {
        this.description = description;
    }

    /** A few words for a status line. */
    public String description() {
        return description;
    }
}
