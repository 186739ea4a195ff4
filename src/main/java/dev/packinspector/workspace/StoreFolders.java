package dev.packinspector.workspace;

import dev.packinspector.store.PackFiles;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoreFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A folder a user names as a store: a store itself, a bare packs folder, or a workspace chkpt saved. */
public final class StoreFolders {
    private StoreFolders() {
    }

    /**
     * True if {@code dir} has what a chkpt store or bare packs folder has: a packs folder, a catalog,
     * or pack files; or what a store of chkpt 0.1.x has (opening it then says it is not read yet).
     */
    public static boolean looksLikeStore(Path dir) {
        if (Files.isDirectory(dir.resolve("packs")) || Files.exists(dir.resolve("catalog.sqlite")) || StoreFormat.isLegacy(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> PackFiles.packNameOf(f.getFileName().toString()) != null);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The store {@code given} names: the folder itself if it has a catalog; else the store chkpt
     * keeps for it, if it is a folder chkpt saved (a project may well have a packs/ folder of its
     * own), or else the one chkpt 0.1.x keeps for it; else the folder itself if it looks like a store (a bare packs folder), or is no folder
     * at all (opening it then says why). A folder that is none of these is refused, saying where
     * its store would be. (A store of chkpt 0.1.x is returned as it is: {@link StoreFormat} tells it.)
     */
    public static Path resolve(Path given, ChkptHome home) throws StoreException {
        if (!Files.isDirectory(given) || Files.exists(given.resolve("catalog.sqlite"))) {
            return given;
        }
        Path store;
        try {
            store = home.storeFolderOf(given);
        } catch (IOException e) {
            return given;
        }
        if (Files.isRegularFile(store.resolve("catalog.sqlite"))) {
            return store;
        }
        try {
            Path legacy = home.legacyStoreFolderOf(given);
            if (Files.isDirectory(legacy) && StoreFormat.isLegacy(legacy)) {
                return legacy;
            }
        } catch (IOException e) {
            // resolved above, so it resolves here; if not, the folder is judged by itself
        }
        if (looksLikeStore(given)) {
            return given;
        }
        throw new StoreException(ProblemKind.UNREADABLE, given, StoreException.NO_OFFSET,
                "not a chkpt store (no packs folder, no catalog.sqlite and no pack files here), nor a folder chkpt has saved"
                        + " (its store would be " + store + ")");
    }
}
