package dev.packinspector.app.shell;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The stores chkpt keeps for this user: {@code $CHKPT_HOME/.chkpt/stores/*}, home by default. */
public final class StoreFinder {
    /** One store found, with what the start page shows of it ({@code problem} set if it could not be read). */
    record FoundStore(Path path, int snapshots, long packBytes, String lastSave, String problem) {
    }

    private StoreFinder() {
    }

    public static Path storesRoot() {
        String home = System.getenv("CHKPT_HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".chkpt", "stores");
    }

    /** True if {@code dir} has what a chkpt store or bare packs folder has: a packs folder, a catalog, or pack files. */
    static boolean looksLikeStore(Path dir) {
        if (Files.isDirectory(dir.resolve("packs")) || Files.exists(dir.resolve(Catalog.FILE_NAME))) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> dev.packinspector.store.PackFiles.packNameOf(f.getFileName().toString()) != null);
        } catch (IOException e) {
            return false;
        }
    }

    static List<FoundStore> find(Path root) {
        var found = new ArrayList<FoundStore>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                found.add(describe(dir));
            }
        } catch (IOException e) {
            System.err.println("pack-inspector: cannot list " + root + ": " + e.getMessage());
        }
        return found;
    }

    private static FoundStore describe(Path dir) {
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
            return new FoundStore(dir, snaps.size(), bytes, snaps.isEmpty() ? null : snaps.getFirst().createdAt(), null);
        } catch (IOException e) {
            return new FoundStore(dir, 0, bytes, null, e.getMessage());
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
