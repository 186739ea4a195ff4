package dev.packinspector.app.shell;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.legacy.LegacySnapshot;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.store.StoreFormat;
import dev.packinspector.workspace.ChkptHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** The stores chkpt keeps for this user: {@code $CHKPT_HOME/.chkpt/stores/*}, home by default. */
public final class StoreFinder {
    /**
     * One store found, with what the start page shows of it: the workspace folder it keeps (null
     * if none of the folders known hashes to its name), {@code problem} set if it could not be read,
     * {@code note} (or null) said after its counts.
     */
    record FoundStore(Path path, Path workspace, int snapshots, long packBytes, String lastSave, String problem, String note) {
        FoundStore(Path path, Path workspace, int snapshots, long packBytes, String lastSave, String problem) {
            this(path, workspace, snapshots, packBytes, lastSave, problem, null);
        }
    }

    private StoreFinder() {
    }

    /** Where chkpt run here keeps its stores: CHKPT_HOME, HOME, then the password database's home ({@link ChkptHome}). */
    public static Path storesRoot() {
        return ChkptHome.ofThisProcess().storesFolder();
    }

    /**
     * True if {@code folder} is a workspace chkpt keeps a store for, other than {@code open}: a drop
     * of it opens that store (a drop of the open store's own folder looks its files up instead).
     */
    static boolean isWorkspaceOfAnotherStore(Path folder, Path open, ChkptHome home) {
        try {
            var store = home.storeOf(folder);
            return store.isPresent() && !Files.isSameFile(store.get(), open);
        } catch (IOException e) {
            return false;
        }
    }

    /** A store named by the workspace folder it keeps: {@code /home/me/project  (a0a304b91c793b13)}. */
    static String named(Path workspace, Path store) {
        return workspace + "  (" + store.getFileName() + ")";
    }

    /** The stores in {@code root}, each linked to the one of {@code workspaces} whose store it is, if any. */
    static List<FoundStore> find(Path root, ChkptHome home, Collection<Path> workspaces) {
        var found = new ArrayList<FoundStore>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                found.add(describe(dir, home.workspaceOf(dir, workspaces).orElse(null)));
            }
        } catch (IOException e) {
            System.err.println("pack-inspector: cannot list " + root + ": " + e.getMessage());
        }
        return found;
    }

    private static FoundStore describe(Path dir, Path workspace) {
        if (StoreFormat.isLegacy(dir)) {
            return describeLegacy(dir, workspace);
        }
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir.resolve("packs"))) {
            for (Path f : files.toList()) {
                bytes += Files.size(f);
            }
        } catch (IOException e) {
            bytes = -1;
        }
        try (var catalog = new CatalogHandle(Catalog.open(dir))) {
            List<Snapshot> snaps = catalog.catalog() == null ? List.of() : catalog.catalog().snapshots();
            return new FoundStore(dir, workspace, snaps.size(), bytes, snaps.isEmpty() ? null : snaps.getFirst().createdAt(), null);
        } catch (IOException e) {
            return new FoundStore(dir, workspace, 0, bytes, null, e.getMessage());
        }
    }

    /** A store of chkpt 0.1.x: its real counts, from its snapshot files, and that it is not read yet. */
    private static FoundStore describeLegacy(Path dir, Path workspace) {
        try {
            LegacyStore store = LegacyStore.open(dir);
            List<LegacySnapshot> snaps = store.snapshots().snapshots();
            return new FoundStore(dir, workspace, snaps.size(), store.objectBytes(), snaps.isEmpty() ? null : snaps.getFirst().createdAt(), null,
                    StoreFormat.LEGACY_SHORT);
        } catch (IOException e) {
            return new FoundStore(dir, workspace, 0, -1, null, e.getMessage());
        }
    }

    private record CatalogHandle(Catalog catalog) implements AutoCloseable {
        CatalogHandle(java.util.Optional<Catalog> c) {
            this(c.orElse(null));
        }

        @Override
        public void close() throws IOException {
            if (catalog != null) {
                catalog.close();
            }
        }
    }
}
