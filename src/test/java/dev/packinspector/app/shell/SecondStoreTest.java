package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.app.packs.PackRow;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.shell.Navigation.View;
import dev.packinspector.catalog.Snapshot;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Opening one store, using every view, then opening another: every view shows only the second
 * store, nothing of the first, and nothing fails on the way (Compare once kept the first store's
 * snapshots and failed with "snapshot … is not in this index").
 */
class SecondStoreTest extends MainWindowTestBase {
    @Test
    void afterASecondStoreIsOpenedEveryViewShowsOnlyIt() {
        StoreSession first = ui.openAndShowFiles(Fixtures.store("real/head-basic"));
        useEveryView();
        WindowDriver.waitUntil("the first store is compared", () -> ui.compare().diff() != null);
        WindowDriver.waitUntil("the first store's space is worked out", () -> ui.space().report() != null);

        StoreSession second = ui.openAndShowFiles(Fixtures.store("basic"));
        assertTrue(!first.path().equals(second.path()));
        Set<String> secondSnapshots = second.snapshots().stream().map(Snapshot::id).collect(Collectors.toSet());
        assertEquals(new PreviewModel.Nothing(PreviewModel.PROMPT), WindowDriver.onFx(() -> window().preview().target().get()),
                "nothing of the first store is previewed");
        assertNull(WindowDriver.onFx(() -> ui.preview().shown().location()));

        // every view, visited again
        useEveryView();
        WindowDriver.waitUntil("Compare offers the second store's snapshots and compares them", () -> ui.compare().diff() != null
                && ids(ui.compare().choices()).equals(secondSnapshots));
        WindowDriver.waitUntil("Space reports on the second store", () -> ui.space().report() != null
                && ui.space().report().snapshots().stream().map(s -> s.snapshot().id()).collect(Collectors.toSet()).equals(secondSnapshots));
        WindowDriver.waitUntil("the window's tasks have ended", () -> !ui.tasks().busy());

        assertEquals(secondSnapshots, WindowDriver.onFx(() -> ids(ui.snapshots().snapshotTable().getItems())));
        assertEquals(second.packs().packs().stream().map(dev.packinspector.store.PackStatus::name).collect(Collectors.toSet()),
                WindowDriver.onFx(() -> ui.packsView().getItems().stream().filter(p -> !p.kind().equals("trees")).map(PackRow::name)
                        .collect(Collectors.toSet())));
        assertEquals(second.packs().entryCount() + Math.max(0, second.trees().treeCount()),
                (long) WindowDriver.onFx(() -> ui.index().table().getItems().size()), "Objects lists the second store's entries");
        assertEquals(List.of(), WindowDriver.onFx(() -> List.copyOf(ui.problems().items())), "the second store has no problems");
        String status = ui.status();
        assertFalse(status.contains("failed") || status.contains("not in this"), status);
        WindowDriver.waitUntil("the entry selected in Objects is previewed", () -> ui.preview().shown().location() != null);
        assertTrue(WindowDriver.onFx(() -> second.packs().locate(ui.preview().shown().location().id()).isPresent()), "the preview is of the second store");
        assertTrue(ui.navigation().contains("Snapshots   " + second.snapshots().size()), ui.navigation()::toString);
    }

    /** Visits each view as a user does: Objects with an entry previewed, Search with a query, the others shown. */
    private void useEveryView() {
        for (View v : View.values()) {
            WindowDriver.onFx(() -> window().select(v));
            if (v == View.OBJECTS) {
                WindowDriver.onFx(() -> ui.index().table().getSelectionModel().select(0));
            }
            if (v == View.SEARCH) {
                WindowDriver.waitUntil("the snapshots are indexed", () -> ui.search().ready());
                WindowDriver.onFx(() -> ui.search().query().set("a"));
            }
        }
        WindowDriver.onFx(() -> window().select(View.SNAPSHOTS));
    }

    private static Set<String> ids(List<Snapshot> snapshots) {
        return snapshots.stream().map(Snapshot::id).collect(Collectors.toSet());
    }
}
