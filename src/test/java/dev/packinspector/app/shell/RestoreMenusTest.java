package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.ManifestItems;
import dev.packinspector.restore.RestoreChecks;
import dev.packinspector.store.ObjectId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every restore, export and save item of the context menus, right-clicked and clicked as a user
 * does, on a store the real chkpt wrote: each dialog names what it restores, and what lands on
 * disk is exactly that. Items are disabled while there is nothing for them.
 */
class RestoreMenusTest extends MainWindowTestBase {
    private static final String STORE = "real/head-basic";
    @TempDir
    Path work;
    private JsonNode newest;

    @BeforeEach
    void openStore() {
        ui.openAndShowFiles(Fixtures.store(STORE));
        newest = Shown.newestSnapshot(STORE);
        WindowDriver.waitUntil("the newest snapshot's files are shown", () -> ui.snapshots().selectedEntries().size() == newest.get("files").size());
    }

    private RestoreDialogs dialogs() {
        return new RestoreDialogs(ui);
    }

    /** The manifest's snapshot with {@code message}. */
    private static JsonNode snapshot(String message) {
        return StreamSupport.stream(Fixtures.manifest(STORE).get("snapshots").spliterator(), false)
                .filter(s -> s.get("message").asText().equals(message)).findFirst().orElseThrow();
    }

    /** The node showing exactly {@code text} beneath {@code container}. */
    private Node shown(Node container, String text) {
        WindowDriver.waitUntil(text + " is shown", () -> robot.from(container)
                .lookup((java.util.function.Predicate<Node>) n -> n instanceof Labeled l && text.equals(l.getText())).tryQuery().isPresent());
        return WindowDriver.onFx(() -> robot.from(container).lookup((java.util.function.Predicate<Node>) n -> n instanceof Labeled l && text.equals(l.getText())).query());
    }

    /** Right-clicks {@code node} and clicks the menu item with CSS id {@code item}. */
    private void menu(Node node, String item) {
        robot.rightClickOn(node);
        WindowDriver.waitUntil("the menu shows " + item, () -> !ui.anywhere("#" + item).isEmpty());
        robot.clickOn(ui.<Node>anywhere("#" + item).getFirst());
    }

    private static boolean disabled(ContextMenu menu, String id) {
        return WindowDriver.onFx(() -> menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().map(MenuItem::isDisable).orElseThrow());
    }

    private void confirm(DialogPane plan) {
        robot.clickOn(RestoreDialogs.restore(plan));
    }

    private void close(DialogPane report) {
        robot.clickOn(RestoreDialogs.button(report, "Close"));
        WindowDriver.waitUntil("the report is closed", () -> !dialogs().reportShown());
    }

    @Test
    void aSnapshotRowRestoresAndExportsThatSnapshot() throws Exception {
        JsonNode first = snapshot("basic save 1");
        Snapshot shown = WindowDriver.onFx(() -> ui.snapshots().snapshotTable().getItems().stream()
                .filter(s -> s.id().equals(first.get("id").asText())).findFirst().orElseThrow());
        Path target = work.resolve("first");
        WindowDriver.onFx(() -> window().chooser((owner, title) -> target));

        menu(shown(ui.snapshots().snapshotTable(), "basic save 1"), "menu-restore-snapshot");
        DialogPane plan = dialogs().plan();
        assertEquals("Restore snapshot " + Format.snapshot(shown), RestoreDialogs.title(plan), "the right-clicked snapshot, by its time and message");
        assertTrue(RestoreDialogs.title(plan).endsWith(" · basic save 1"), RestoreDialogs.title(plan));
        assertEquals(first.get("files").size() + " files", RestoreDialogs.text(plan, "plan-to-write").split(" \\(")[0]);
        confirm(plan);
        close(dialogs().report());
        ManifestItems.assertRestored(first, target);
        assertEquals(ManifestItems.paths(first), RestoreChecks.restoredPaths(target), "exactly that snapshot's files");

        Path archive = work.resolve("first.tar");
        WindowDriver.onFx(() -> window().restores().saveChooser((owner, title, suggested, kinds) -> {
            assertEquals("Export snapshot " + Format.snapshot(shown) + " as", title);
            return archive;
        }));
        menu(shown(ui.snapshots().snapshotTable(), "basic save 1"), "menu-export-snapshot");
        DialogPane report = dialogs().report();
        assertEquals("Exported snapshot " + Format.snapshot(shown), WindowDriver.onFx(report::getHeaderText));
        assertEquals(archive.toString(), RestoreDialogs.text(report, "report-target"));
        assertEquals(new TreeSet<>(ManifestItems.paths(first)), tarPaths(archive));
        close(report);
    }

    @Test
    void aFolderOfTheTreeRestoresAndExportsOnlyItsFiles() throws Exception {
        var tree = ui.snapshots().fileTree();
        assertTrue(disabled(tree.getContextMenu(), "menu-restore-selection"), "nothing selected: nothing to restore");
        JsonNode src = ManifestItems.only(newest, p -> p.startsWith("src/"));
        Path target = work.resolve("src");
        WindowDriver.onFx(() -> window().chooser((owner, title) -> target));

        menu(shown(tree, "src"), "menu-restore-selection");
        DialogPane plan = dialogs().plan();
        String what = Format.count(src.get("files").size(), "file") + " of snapshot " + Format.snapshot(ui.snapshots().selectedSnapshot());
        assertEquals("Restore " + what, RestoreDialogs.title(plan));
        assertEquals(ManifestItems.paths(src).stream().map(p -> p + " write").sorted().toList(),
                RestoreDialogs.rows(plan, "plan-table").stream().sorted().toList(), "the plan lists each file of the folder");
        assertTrue(disabled(tree.getContextMenu(), "menu-save-as"), "a folder is not one file to save");
        confirm(plan);
        close(dialogs().report());
        ManifestItems.assertRestored(src, target);
        assertEquals(ManifestItems.paths(src), RestoreChecks.restoredPaths(target));

        Path archive = work.resolve("src.tar");
        WindowDriver.onFx(() -> window().restores().saveChooser((owner, title, suggested, kinds) -> archive));
        menu(shown(tree, "src"), "menu-export-selection");
        close(dialogs().report());
        assertEquals(new TreeSet<>(ManifestItems.paths(src)), tarPaths(archive));
    }

    @Test
    void saveAsWritesOneFilesContentWithAPlainFilesMode() throws Exception {
        var tree = ui.snapshots().fileTree();
        JsonNode script = Shown.file(newest, "bin/run.sh");
        assertEquals("100755", script.get("mode_octal").asText(), "an executable in the snapshot");
        WindowDriver.onFx(() -> Shown.item(tree.getRoot(), "bin").setExpanded(true));
        Path saved = work.resolve("saved-run.sh");
        WindowDriver.onFx(() -> window().export().saveChooser((owner, title, suggested, kinds) -> {
            assertEquals("run.sh", suggested, "its own name is suggested");
            return saved;
        }));
        menu(shown(tree, "run.sh"), "menu-save-as");
        WindowDriver.waitUntil("the file is saved", () -> Files.exists(saved) && !ui.tasks().busy());
        assertEquals(script.get("sha256").asText(), Fixtures.sha256(Files.readAllBytes(saved)));
        var plain = Files.getPosixFilePermissions(Files.createFile(work.resolve("plain")));
        assertEquals(plain, Files.getPosixFilePermissions(saved), "a saved file gets what any new file of the user gets");
        assertEquals(List.of("plain", "saved-run.sh"), Files.list(work).map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left");
    }

    @Test
    void objectsRestoreAsFilesNamedByTheirIdsAndOneSavesAs() throws Exception {
        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));
        var table = ui.index().table();
        WindowDriver.onFx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(0, 1);
        });
        List<ObjectId> ids = WindowDriver.onFx(() -> ui.index().selectedIds());
        assertEquals(2, ids.size());
        assertTrue(disabled(table.getContextMenu(), "menu-save-object"), "two objects are not one to save");
        Path target = work.resolve("objects");
        WindowDriver.onFx(() -> window().chooser((owner, title) -> target));

        menu(shown(table, ids.getFirst().toHex()), "menu-restore-objects");
        DialogPane plan = dialogs().plan();
        assertEquals("Restore 2 objects", RestoreDialogs.title(plan));
        confirm(plan);
        close(dialogs().report());
        assertEquals(ids.stream().map(ObjectId::toHex).sorted().toList(), RestoreChecks.restoredPaths(target));
        for (ObjectId id : ids) {
            assertEquals(id, ObjectId.of(Files.readAllBytes(target.resolve(id.toHex()))));
        }

        WindowDriver.onFx(() -> table.getSelectionModel().clearAndSelect(2));
        ObjectId one = WindowDriver.onFx(() -> ui.index().selectedIds().getFirst());
        Path saved = work.resolve("one-object");
        WindowDriver.onFx(() -> window().export().saveChooser((owner, title, suggested, kinds) -> saved));
        menu(shown(table, one.toHex()), "menu-save-object");
        WindowDriver.waitUntil("the object is saved", () -> Files.exists(saved) && !ui.tasks().busy());
        assertEquals(one, ObjectId.of(Files.readAllBytes(saved)));
    }

    @Test
    void theCommandsAreDisabledWhileThereIsNothingToRestore() {
        assertFalse(WindowDriver.onFx(() -> ui.<Node>node("#tool-restore-snapshot").isDisabled()), "a snapshot is selected");
        assertTrue(WindowDriver.onFx(() -> ui.<Node>node("#tool-restore-selection").isDisabled()), "no file is selected");
        WindowDriver.onFx(() -> {
            var tree = ui.snapshots().fileTree();
            TreeItem<FileNode> readme = Shown.item(tree.getRoot(), "README.md");
            tree.getSelectionModel().clearAndSelect(tree.getRow(readme));
        });
        assertFalse(WindowDriver.onFx(() -> ui.<Node>node("#tool-restore-selection").isDisabled()), "a file is selected");
        WindowDriver.onFx(() -> window().select(Navigation.View.PACKS));
        assertTrue(WindowDriver.onFx(() -> ui.<Node>node("#tool-restore-selection").isDisabled()), "Packs has nothing to restore");
        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));
        assertTrue(WindowDriver.onFx(() -> ui.<Node>node("#tool-restore-selection").isDisabled()), "no object is selected");
        WindowDriver.onFx(() -> ui.index().table().getSelectionModel().select(0));
        assertFalse(WindowDriver.onFx(() -> ui.<Node>node("#tool-restore-selection").isDisabled()), "an object is selected");
        WindowDriver.onFx(() -> window().model().close());
        WindowDriver.waitUntil("no store is open", () -> ui.session() == null);
        assertTrue(WindowDriver.onFx(() -> ui.<Node>node("#tool-restore-snapshot").isDisabled()), "no store: no snapshot");
        assertTrue(WindowDriver.onFx(() -> ui.<Node>node("#tool-restore-selection").isDisabled()), "no store: no selection");
    }

    private static TreeSet<String> tarPaths(Path archive) throws Exception {
        var paths = new TreeSet<String>();
        try (var tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isDirectory()) {
                    paths.add(e.getName());
                }
            }
        }
        return paths;
    }
}
