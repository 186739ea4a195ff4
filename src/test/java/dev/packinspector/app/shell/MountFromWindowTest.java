package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.mount.StoreMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browsing a real store in the file manager from the window: Store ▸ Mount as a folder mounts it
 * (through real FUSE) and opens the mount; Show in file manager on a snapshot and on a folder opens
 * theirs in the same mount; the mount is a row of the task panel whose Unmount lets it go; one
 * unmounted from outside ends by itself; a second store opened gets a mount of its own; closing the
 * window unmounts them all. The store is untouched.
 */
class MountFromWindowTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";

    @TempDir
    Path mounts;

    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void needsFuse() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/fuse")) && Files.isWritable(Path.of("/dev/fuse")), "no /dev/fuse this user can open here");
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/bin/fusermount3")), "no fusermount3 here (the fuse3 package)");
        WindowDriver.onFx(() -> {
            window().mounts().root(mounts);
            window().documents().viewer(opened::add);
        });
    }

    @Test
    void theStoreASnapshotAndAFolderOpenInTheFileManagerFromOneMount() throws Exception {
        Path store = Fixtures.store(STORE);
        var fingerprint = StoreFingerprint.of(store);
        ui.openAndShowFiles(store);
        JsonNode newest = Shown.newestSnapshot(STORE);

        WindowDriver.onFx(() -> window().commands().mount());
        WindowDriver.waitUntil("the mount is opened in the file manager", () -> opened.size() == 1);
        Path point = opened.getFirst();
        assertEquals(mounts, point.getParent(), "under the window's mounts folder");
        assertTrue(StoreMount.isMounted(point));
        assertTrue(Files.isSymbolicLink(point.resolve("latest")));
        JsonNode readme = Shown.file(newest, "README.md");
        assertEquals(readme.get("sha256").asText(),
                Fixtures.sha256(Files.readAllBytes(point.resolve("by-id").resolve(newest.get("id").asText()).resolve("README.md"))));
        WindowDriver.waitUntil("the mount is a row of the task panel", () -> WindowDriver.onFx(() -> ui.<Node>anywhere("#tasks .button").stream()
                .anyMatch(b -> b instanceof Button x && x.getText().equals("Unmount"))));

        RowMenus.choose(ui, robot, RowMenus.snapshotRow(ui, newest.get("id").asText()), "show-snapshot-folder");
        WindowDriver.waitUntil("the snapshot's folder is opened", () -> opened.size() == 2);
        assertEquals(point.resolve("by-id").resolve(newest.get("id").asText()), opened.get(1), "in the same mount");

        RowMenus.choose(ui, robot, RowMenus.fileRow(ui, "bin"), "show-in-file-manager");
        WindowDriver.waitUntil("the folder is opened", () -> opened.size() == 3);
        assertEquals(point.resolve("by-id").resolve(newest.get("id").asText()).resolve("bin"), opened.get(2));
        assertTrue(Files.isRegularFile(opened.get(2).resolve("run.sh")));
        try (var all = Files.list(mounts)) {
            assertEquals(1, all.count(), "one mount for the store");
        }

        Button shown = WindowDriver.onFx(() -> ui.<Node>anywhere("#tasks .button").stream().filter(b -> b instanceof Button x
                && x.getText().equals("Unmount")).map(b -> (Button) b).findFirst().orElseThrow());
        robot.clickOn(shown);
        WindowDriver.waitUntil("Unmount unmounts", () -> !StoreMount.isMounted(point) && !Files.exists(point));
        WindowDriver.waitUntil("and says so", () -> ui.status().startsWith("Unmounted "));
        assertFalse(WindowDriver.onFx(() -> window().mounts().mounted(store)));
        assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");
    }

    @Test
    void aMountUnmountedFromOutsideEndsAndClosingTheWindowUnmountsTheRest() throws Exception {
        Path store = Fixtures.store(STORE);
        ui.openAndShowFiles(store);
        WindowDriver.onFx(() -> window().commands().mount());
        WindowDriver.waitUntil("mounted", () -> opened.size() == 1);
        Path first = opened.getFirst();
        assertEquals(0, new ProcessBuilder("fusermount3", "-u", first.toString()).inheritIO().start().waitFor());
        WindowDriver.waitUntil("the window lets go of it", () -> !WindowDriver.onFx(() -> window().mounts().mounted(store)) && !Files.exists(first));
        WindowDriver.waitUntil("and says so", () -> ui.status().contains("unmounted from outside"));

        WindowDriver.onFx(() -> window().commands().mount());
        WindowDriver.waitUntil("mounted again", () -> opened.size() == 2);
        Path second = opened.get(1);
        assertTrue(StoreMount.isMounted(second));
        // a second store: a mount of its own beside the first's
        ui.openAndShowFiles(Fixtures.store("real/head-chunked"));
        WindowDriver.onFx(() -> window().commands().mount());
        WindowDriver.waitUntil("the second store is mounted", () -> opened.size() == 3);
        Path third = opened.get(2);
        assertEquals("head-chunked", third.getFileName().toString());
        assertTrue(StoreMount.isMounted(second) && StoreMount.isMounted(third), "both stores mounted");
        WindowDriver.onFx(() -> window().commands().quit());
        assertFalse(StoreMount.isMounted(second), "closing the window unmounted the first");
        assertFalse(StoreMount.isMounted(third), "and the second");
    }
}
