package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.app.packs.PackRow;
import dev.packinspector.catalog.Snapshot;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** Sizes and counts sort by value, not by their text ("976 KB" after "9.4 MB" was the old order). */
class SortByValueTest extends MainWindowTestBase {
    @Test
    void packsAndSnapshotsSortBySizeAsNumbers() {
        ui.wide(); // every column shown, to click
        ui.openAndShowFiles(Fixtures.store("real/head-basic"));

        WindowDriver.onFx(() -> window().select(Navigation.View.PACKS));
        List<PackRow> packs = sortedDescending(ui.packsView(), "Data");
        assertTrue(packs.size() >= 3, packs::toString);
        assertEquals(packs.stream().sorted(Comparator.comparingLong(PackRow::dataBytes).reversed()).toList(), packs);

        WindowDriver.onFx(() -> window().select(Navigation.View.SNAPSHOTS));
        List<Snapshot> snapshots = sortedDescending(ui.snapshots().snapshotTable(), "Size");
        assertEquals(snapshots.stream().sorted(Comparator.comparingLong(Snapshot::totalBytes).reversed()).toList(), snapshots);
        List<Snapshot> byFiles = sortedDescending(ui.snapshots().snapshotTable(), "Files");
        assertEquals(byFiles.stream().sorted(Comparator.comparingLong(Snapshot::totalFiles).reversed()).toList(), byFiles);
    }

    /** Sorts {@code table} by its column {@code title}, largest first, by clicking its header twice; returns its rows. */
    private static <T> List<T> sortedDescending(TableView<T> table, String title) {
        WindowDriver.clickHeader(table, title);
        WindowDriver.clickHeader(table, title);
        return WindowDriver.onFx(() -> {
            TableColumn<T, ?> column = table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
            assertEquals(List.of(column), table.getSortOrder(), "the header's clicks sort by it alone");
            assertEquals(TableColumn.SortType.DESCENDING, column.getSortType(), "the second click sorts largest first");
            return List.copyOf(table.getItems());
        });
    }
}
