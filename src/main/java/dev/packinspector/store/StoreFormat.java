package dev.packinspector.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which chkpt wrote a store folder, told by what is on disk (LEGACY-FORMAT.md §14): a
 * {@code catalog.sqlite} is the current format; without one, {@code snapshots/*.json}, an
 * {@code objects/} folder or an {@code index.sqlite} are the loose-object stores of the published
 * chkpt 0.1.x. Only looks: nothing is opened. Stateless.
 */
public final class StoreFormat {
    /**
     * The one sentence for a 0.1.x store where what is asked needs the catalog and packs of current
     * chkpt (the window, status, rollback, mount): such a store has an empty {@code packs/} folder,
     * and was once shown as an empty store, and verified clean.
     */
    public static final String LEGACY_NOT_READ = "a store written by chkpt 0.1.x (loose zstd objects, JSON snapshots, BLAKE3 ids):"
            + " the commands snapshots, files, tree, restore, extract, export, verify, find, history, diff, which, stats, cat, ls, packs"
            + " and info read it, but this needs the catalog and packs of current chkpt, so nothing in it was looked at";

    /** What a list of stores says of a 0.1.x store, after its counts. */
    public static final String LEGACY_SHORT = "written by chkpt 0.1.x, a format this version does not read yet";

    private StoreFormat() {
    }

    /** True if {@code dir} is a store of chkpt 0.1.x: no catalog, and its snapshots, objects or workspace cache. */
    public static boolean isLegacy(Path dir) {
        if (Files.exists(dir.resolve("catalog.sqlite"))) {
            return false;
        }
        if (Files.isDirectory(dir.resolve("objects")) || Files.isRegularFile(dir.resolve("index.sqlite"))) {
            return true;
        }
        try (DirectoryStream<Path> json = Files.newDirectoryStream(dir.resolve("snapshots"), "*.json")) {
            return json.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses a store of chkpt 0.1.x, in one sentence.
     *
     * @throws StoreException {@link ProblemKind#UNREADABLE} if {@code dir} is one
     */
    public static void requireReadable(Path dir) throws StoreException {
        if (isLegacy(dir)) {
            throw new StoreException(ProblemKind.UNREADABLE, dir, StoreException.NO_OFFSET, LEGACY_NOT_READ);
        }
    }
}
