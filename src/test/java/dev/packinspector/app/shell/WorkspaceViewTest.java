package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.app.history.CompareView.DiffNode;
import dev.packinspector.app.history.RollbackFlow;
import dev.packinspector.app.history.WorkspaceView;
import dev.packinspector.app.shell.Navigation.View;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.Restorer;
import dev.packinspector.store.PackSet;
import dev.packinspector.workspace.ChkptHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Workspace view on a store the real chkpt wrote (fixtures/real/head-basic, filed under the
 * folder's project id) and its folder, made by restoring the latest snapshot: no change at first;
 * edits, a new file and a deleted one show as the folder changes (watched), with the line diff of
 * the edit; Roll back selected puts back what was selected, moving the new file to the trash, and
 * Roll back all the rest; a second store then shows its own folder (here: none known) and nothing of
 * the first.
 */
class WorkspaceViewTest {
    @AfterEach
    void emptyTheTestTrash() throws IOException {
        if (Files.exists(WindowDriver.TEST_TRASH)) {
            try (var all = Files.walk(WindowDriver.TEST_TRASH.getParent())) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void theFolderShowsWhatChangedAndRollsBackWhatIsSelectedThenTheRest(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path ws = Files.createDirectory(tmp.resolve("project")).toRealPath();
        Path store = home.resolve(".chkpt/stores").resolve(ChkptHome.projectId(ws));
        StoreFingerprint.copy(Fixtures.store("real/head-basic"), store);
        restoreLatest(store, ws);
        var fingerprint = StoreFingerprint.of(store);
        try (var ui = WindowDriver.start(tmp.resolve("none"), new ChkptHome(null, home.toString(), "/nonexistent"), prefs -> { })) {
            ui.open(ws);
            WindowDriver.onFx(() -> ui.window().select(View.WORKSPACE));
            WorkspaceView view = WindowDriver.onFx(() -> (WorkspaceView) ui.window().view(View.WORKSPACE));
            SnapshotDiff first = awaitDiff(view, d -> true);
            assertEquals(List.of(), describe(first), "a folder restored from the latest snapshot is that snapshot");

            Files.writeString(ws.resolve("README.md"), "# rewritten by an agent\n");
            Files.writeString(ws.resolve("agent-notes.txt"), "new\n");
            Files.delete(ws.resolve("docs/guide.md"));
            SnapshotDiff changed = awaitDiff(view, d -> d.changes().size() == 3);
            assertEquals(List.of("CHANGED README.md", "ADDED agent-notes.txt", "REMOVED docs/guide.md"), describe(changed));

            select(view, "README.md");
            WindowDriver.waitUntil("the diff of the edit", () -> WindowDriver.onFx(() -> view.diffView().diff()) != null);
            assertTrue(WindowDriver.onFx(() -> view.diffView().diff().added()) >= 1);

            select(view, "agent-notes.txt", "README.md");
            WindowDriver.onFx(() -> button(view, "#workspace-rollback-selected").fire());
            DialogPane plan = rollbackPlan(ui);
            assertEquals(List.of("to the trash  agent-notes.txt", "replace       README.md"), WindowDriver.onFx(() -> steps(plan)));
            WindowDriver.onFx(() -> ((Button) plan.lookupButton(RollbackFlow.ROLL_BACK)).fire());
            SnapshotDiff left = awaitDiff(view, d -> d.changes().size() == 1);
            assertEquals(List.of("REMOVED docs/guide.md"), describe(left));
            assertFalse(Files.exists(ws.resolve("agent-notes.txt")));
            assertEquals("new\n", Files.readString(WindowDriver.TEST_TRASH.resolve("files/agent-notes.txt")));
            assertEquals("# rewritten by an agent\n", Files.readString(WindowDriver.TEST_TRASH.resolve("files/README.md")));

            WindowDriver.onFx(() -> button(view, "#workspace-rollback-all").fire());
            DialogPane all = rollbackPlan(ui);
            assertEquals(List.of("write         docs/guide.md"), WindowDriver.onFx(() -> steps(all)));
            WindowDriver.onFx(() -> ((Button) all.lookupButton(RollbackFlow.ROLL_BACK)).fire());
            assertEquals(List.of(), describe(awaitDiff(view, d -> d.changes().isEmpty())));
            assertTrue(Files.exists(ws.resolve("docs/guide.md")));
            assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");

            ui.open(Fixtures.store("real/head-basic"));
            WindowDriver.waitUntil("the other store's view asks for its folder", () -> WindowDriver.onFx(() -> view.diff() == null
                    && ((javafx.scene.control.Label) view.lookup("#workspace-folder")).getText().equals("not known")));
        }
    }

    private static SnapshotDiff awaitDiff(WorkspaceView view, java.util.function.Predicate<SnapshotDiff> wanted) {
        WindowDriver.waitUntil("the workspace's status", () -> WindowDriver.onFx(() -> view.diff() != null && wanted.test(view.diff())));
        return WindowDriver.onFx(view::diff);
    }

    private static List<String> describe(SnapshotDiff d) {
        return d.changes().stream().map(c -> c.kind() + " " + c.path()).toList();
    }

    /** Selects the rows of {@code paths} in the change tree. */
    private static void select(WorkspaceView view, String... paths) {
        WindowDriver.onFx(() -> {
            var selection = view.tree().getSelectionModel();
            selection.clearSelection();
            for (String p : paths) {
                for (int i = 0; i < view.tree().getExpandedItemCount(); i++) {
                    TreeItem<DiffNode> item = view.tree().getTreeItem(i);
                    if (item.getValue().path().equals(p)) {
                        selection.select(i);
                    }
                }
            }
            assertEquals(paths.length, selection.getSelectedItems().size(), "rows selected");
        });
    }

    private static Button button(WorkspaceView view, String id) {
        return (Button) view.lookup(id);
    }

    /** The rollback's plan dialog, once it shows. */
    private static DialogPane rollbackPlan(WindowDriver ui) {
        WindowDriver.waitUntil("the rollback plan shows", () -> WindowDriver.onFx(() -> !ui.anywhere("#rollback-summary").isEmpty()));
        return WindowDriver.onFx(() -> {
            Node n = ui.<Node>anywhere("#rollback-summary").getFirst();
            while (!(n instanceof DialogPane)) {
                n = n.getParent();
            }
            return (DialogPane) n;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> steps(DialogPane plan) {
        return List.copyOf(((ListView<String>) plan.lookup("#rollback-steps")).getItems());
    }

    /** The folder as the store's latest snapshot has it, restored by the restore engine. */
    private static void restoreLatest(Path store, Path ws) throws IOException {
        try (PackSet packs = PackSet.open(store); Catalog catalog = Catalog.open(store).orElseThrow()) {
            var items = new ArrayList<RestoreItem>();
            for (ManifestEntry e : catalog.files(catalog.resolve("latest"))) {
                items.add(RestoreItem.of(e));
            }
            var result = new Restorer(2).run(RestorePlanner.plan(packs, items, ws, false), RestoreListener.NONE);
            assertNotNull(result);
            assertTrue(result.ok(), () -> result.problems().toString());
        }
    }
}
