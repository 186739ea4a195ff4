package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoreFormat;
import dev.packinspector.store.tree.TreeStore;
import dev.packinspector.workspace.ChkptHome;
import dev.packinspector.workspace.StoreFolders;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * STORE, the first parameter of every command, and the opening of what a command reads from it:
 * {@link #folder()} where the command needs the catalog, {@link #folderOrPacks()} where a bare
 * {@code packs/} folder will do.
 */
final class StoreArgument implements Arguments.Part {
    private final PositionalParamSpec path;
    /** The store STORE names, once worked out. */
    private Path store;

    private StoreArgument(String description) {
        this("STORE", description);
    }

    private StoreArgument(String label, String description) {
        this.path = Arguments.parameter("0", label, Path.class, description);
    }

    /** STORE of the commands that read snapshots. */
    static StoreArgument folder() {
        return new StoreArgument("a chkpt store folder, or a folder chkpt saved");
    }

    /** STORE of {@code status}: where the folder is STORE itself, or a store with the folder given apart. */
    static StoreArgument folderOrStore() {
        return new StoreArgument("a folder chkpt saved, or a chkpt store folder (then --folder names the folder)");
    }

    /** FOLDER of {@code rollback}: a folder chkpt saved, whose store is found where chkpt keeps it. */
    static StoreArgument workspace() {
        return new StoreArgument("FOLDER", "a folder chkpt saved (its store is found where chkpt keeps it)");
    }

    /** STORE of the commands that need only packs. */
    static StoreArgument folderOrPacks() {
        return new StoreArgument("a chkpt store folder, a bare packs/ folder, or a folder chkpt saved");
    }

    @Override
    public void addTo(CommandSpec command) {
        command.addPositional(path);
    }

    /** STORE as given. */
    Path given() {
        return Arguments.value(path);
    }

    /**
     * The store STORE names: the folder itself, or, for a workspace folder chkpt saved, the store
     * chkpt keeps for it (found as chkpt finds it: {@link ChkptHome}).
     */
    Path path() throws StoreException {
        Path p = pathOfAnyFormat();
        StoreFormat.requireReadable(p);
        return p;
    }

    /** Like {@link #path()}, but a store of chkpt 0.1.x too, for the commands that read that format ({@link StoreFormat#isLegacy}). */
    Path pathOfAnyFormat() throws StoreException {
        if (store == null) {
            store = StoreFolders.resolve(Arguments.value(path), ChkptHome.ofThisProcess());
        }
        return store;
    }

    /** The store's packs; a folder that is no store is refused, in the sentence every command uses. */
    PackSet packs() throws StoreException {
        return PackSet.open(path());
    }

    /** The store's catalog; a store without one (a bare packs folder) is refused. */
    Catalog catalog() throws StoreException {
        Path folder = path();
        return Catalog.open(folder).orElseThrow(() -> noCatalog(folder));
    }

    /** The store's catalog if it has one: commands that also work on a bare packs folder. */
    Closing<Catalog> catalogIfAny() throws StoreException {
        return new Closing<>(Catalog.open(path()));
    }

    TreeStore trees() throws StoreException {
        return TreeStore.open(path());
    }

    /** The store, of either format, with its snapshots and content (a current store without a catalog is refused). */
    OpenedStore opened() throws StoreException {
        return OpenedStore.open(pathOfAnyFormat());
    }

    /** The store, of either format, and the index of every row, counting rows on {@code err} when it is a terminal. */
    IndexedStore indexed(PrintStream err) throws StoreException {
        return IndexedStore.open(pathOfAnyFormat(), null, err);
    }

    /** Like {@link #indexed(PrintStream)}, indexing (of a current store) only the rows whose path SQLite's GLOB {@code sqliteGlob} matches. */
    IndexedStore indexed(String sqliteGlob, PrintStream err) throws StoreException {
        return IndexedStore.open(pathOfAnyFormat(), sqliteGlob, err);
    }


    static StoreException noCatalog(Path store) {
        return new StoreException(ProblemKind.UNREADABLE, store, StoreException.NO_OFFSET,
                "has no catalog.sqlite, so it has no snapshots (a bare packs folder: use extract)");
    }
}
