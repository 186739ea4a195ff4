package dev.packinspector.differential;

import dev.packinspector.differential.DifferentialSettings.Case;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stores of one test run, each written once by the real chkpt and shared by every
 * differential test class (through {@link RealStoresExtension}); deleted when the run ends unless
 * {@code -Ddifferential.keep=true}. A case that cannot be made (a binary that cannot run) fails
 * or aborts every test that asks for it with the same reason, without trying again.
 */
final class RealStores implements AutoCloseable {
    private final DifferentialSettings settings = DifferentialSettings.fromSystemProperties();
    private final Map<Case, Object> made = new ConcurrentHashMap<>();
    private Path root;

    DifferentialSettings settings() {
        return settings;
    }

    RealStore get(Case c) {
        Object outcome = made.computeIfAbsent(c, k -> {
            try {
                return write(k);
            } catch (IOException | RuntimeException | Error e) {
                return e;
            }
        });
        if (outcome instanceof RealStore s) {
            return s;
        }
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
        if (outcome instanceof Error e) {
            throw e;
        }
        throw new UncheckedIOException((IOException) outcome);
    }

    private RealStore write(Case c) throws IOException {
        ChkptBinary chkpt = ChkptBinary.require(c.writer().binary());
        long start = System.nanoTime();
        Scenario scenario = WorkspaceGenerator.generate(c.seed(), settings.files(), settings.saves());
        Path dir = Files.createTempDirectory(root(), "seed-" + c.seed() + "-");
        Path home = Files.createDirectory(dir.resolve("home"));
        var workspace = new Workspace(dir.resolve("workspace"));
        var saves = new ArrayList<RealStore.Save>();
        for (int i = 0; i < scenario.rounds().size(); i++) {
            Round round = scenario.rounds().get(i);
            workspace.apply(round, i + 1);
            pauseForDistinctSnapshotTimes();
            String id = chkpt.save(workspace.root(), home, round.message(), c.writer().chunkBytes());
            saves.add(new RealStore.Save(i + 1, id, FolderState.scan(workspace.root()).entries()));
        }
        Path store = ChkptBinary.storeIn(home);
        if (!settings.keep()) {
            Workspace.deleteTree(workspace.root());
        }
        System.out.printf("%s: %d saves written in %.2f s into %s%n", c, saves.size(), (System.nanoTime() - start) / 1e9, store);
        return new RealStore(c, settings, store, saves);
    }

    /** chkpt's snapshot ids are UUIDv7s and "latest" sorts by created_at: give each save its own millisecond. */
    private static void pauseForDistinctSnapshotTimes() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("pack-inspector-differential-");
        }
        return root;
    }

    @Override
    public synchronized void close() throws IOException {
        if (root == null) {
            return;
        }
        if (settings.keep()) {
            System.out.println("differential stores kept in " + root);
        } else {
            Workspace.deleteTree(root);
        }
    }

    /** The cases of this run, for {@code @MethodSource}. */
    static List<Case> cases() {
        return DifferentialSettings.fromSystemProperties().cases();
    }
}
