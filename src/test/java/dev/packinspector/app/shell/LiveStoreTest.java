package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.cli.Cli;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackStatus;
import dev.packinspector.store.PackWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live store: while the window and the command line have it open, another process adds a save
 * the way chkpt does (the .dat renamed into packs/, the .idx written afterwards and growing, the
 * snapshot appended to the catalog in WAL mode). Nothing crashes, nothing wrong is shown, a pack
 * still being written is incomplete, and Refresh shows the new state.
 */
class LiveStoreTest extends MainWindowTestBase {
    private static final String NEW_FILE = "notes/added-while-open.txt";
    private static final byte[] CONTENT = ("written by chkpt while Pack Inspector had the store open\n").repeat(50)
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path scratch;

    private static String cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        assertEquals(0, exit, () -> String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSaveAddedWhileTheStoreIsOpenShowsAsIncompleteThenAppearsOnRefresh() throws Exception {
        Path store = StoreFingerprint.copy(Fixtures.store("basic"), scratch.resolve("store"));
        Path packs = store.resolve("packs");
        try (Connection chkpt = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("catalog.sqlite"))) {
            try (var st = chkpt.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("SELECT count(*) FROM snapshots"); // keeps -wal and -shm in place, as a running chkpt does
            }
            StoreSession before = ui.openAndShowFiles(store);
            assertEquals(2, before.snapshots().size());

            // chkpt writes a pack: the .dat is renamed in first ...
            Path staging = Files.createDirectories(scratch.resolve("staging"));
            ObjectId id;
            String name;
            try (PackWriter writer = new PackWriter(staging)) {
                id = writer.add(CONTENT);
                name = writer.finish();
            }
            Files.move(staging.resolve("pack-" + name + ".dat"), packs.resolve("pack-" + name + ".dat"), StandardCopyOption.ATOMIC_MOVE);
            assertTrue(cli("packs", store.toString()).contains(name + "\t"), "the command line lists the new pack");
            assertTrue(cli("packs", store.toString()).lines().anyMatch(l -> l.startsWith(name) && l.contains("incomplete")));

            // ... then its .idx, which a reader can catch half-written
            byte[] idx = Files.readAllBytes(staging.resolve("pack-" + name + ".idx"));
            Files.write(packs.resolve("pack-" + name + ".idx"), Arrays.copyOf(idx, idx.length / 2 + 3));
            robot.clickOn("#tool-refresh");
            WindowDriver.waitUntil("the half-written pack is shown", () -> ui.session() != before);
            PackStatus writing = WindowDriver.onFx(() -> ui.packsView().getItems().stream()
                    .filter(p -> p.name().equals(name)).findFirst().orElseThrow().status());
            assertEquals("incomplete", writing.state().label());
            assertEquals(40, WindowDriver.onFx(() -> ui.session().packs().entryCount()), "the old objects, and nothing wrong");
            assertEquals(java.util.List.of(), WindowDriver.onFx(() -> java.util.List.copyOf(ui.problems().items())));

            Files.write(packs.resolve("pack-" + name + ".idx"), idx);
            // ... and the snapshot goes into the catalog, through the WAL
            chkpt.setAutoCommit(false);
            try (var st = chkpt.prepareStatement("INSERT INTO snapshots VALUES ('019b7800-0000-7000-8000-000000000001', "
                    + "'2026-01-02T00:00:00+00:00', 'added while open', NULL, NULL, NULL, 1, ?, 1)")) {
                st.setLong(1, CONTENT.length);
                st.executeUpdate();
            }
            try (var st = chkpt.prepareStatement("INSERT INTO snapshot_files VALUES ('019b7800-0000-7000-8000-000000000001', ?, ?, ?, 33188)")) {
                st.setString(1, NEW_FILE);
                st.setBytes(2, id.toBytes());
                st.setLong(3, CONTENT.length);
                st.executeUpdate();
            }
            try (var st = chkpt.prepareStatement("INSERT INTO blob_index VALUES (?, ?, ?)")) {
                st.setBytes(1, id.toBytes());
                st.setString(2, name);
                st.setLong(3, CONTENT.length);
                st.executeUpdate();
            }
            chkpt.commit();
            assertTrue(Files.exists(store.resolve("catalog.sqlite-wal")), "chkpt's write is in the WAL");

            // the command line sees the new save at once
            assertTrue(cli("snapshots", store.toString()).lines().findFirst().orElseThrow().contains("added while open"));
            Path restored = scratch.resolve("restored");
            cli("restore", store.toString(), "latest", restored.toString());
            assertArrayEquals(CONTENT, Files.readAllBytes(restored.resolve(NEW_FILE)));

            // the window after Refresh: the pack is complete, the save is there, its file previews
            StoreSession half = WindowDriver.onFx(() -> ui.session());
            robot.clickOn("#tool-refresh");
            WindowDriver.waitUntil("the finished save is shown", () -> ui.session() != half);
            StoreSession after = WindowDriver.onFx(() -> ui.session());
            assertEquals(3, after.snapshots().size());
            assertEquals("added while open", after.snapshots().getFirst().message());
            assertEquals(41, after.packs().entryCount());
            assertTrue(after.packs().packs().stream().allMatch(PackStatus::readable), after.packs().packs()::toString);
            assertArrayEquals(CONTENT, after.packs().read(id));
            WindowDriver.waitUntil("the new save's files are shown", () -> ui.snapshots().fileTree().getRoot() != null
                    && Shown.filePaths(ui.snapshots().fileTree().getRoot()).contains(NEW_FILE));
        }
    }
}
