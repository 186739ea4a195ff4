package dev.packinspector.app.history;

import dev.packinspector.app.history.SearchView.FileRow;
import dev.packinspector.app.history.SearchView.Row;
import dev.packinspector.app.history.SearchView.UseRow;
import dev.packinspector.app.history.SearchView.VersionRow;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.PathVersions;
import dev.packinspector.history.StoreIndex;
import java.util.LinkedHashSet;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/** What the rows selected in Search's results stand for: versions to restore or compare, the snapshots they name. */
final class SearchSelection {
    private SearchSelection() {
    }

    static List<VersionRow> versions(TreeTableView<Row> results) {
        return results.getSelectionModel().getSelectedItems().stream().filter(i -> i != null && i.getValue() instanceof VersionRow)
                .map(i -> (VersionRow) i.getValue()).toList();
    }

    /** The two versions to compare, older first: the two selected of one path, or the one selected and the one before it; else null. */
    static PathVersions.Version[] comparison(TreeTableView<Row> results) {
        List<TreeItem<Row>> items = results.getSelectionModel().getSelectedItems().stream()
                .filter(i -> i != null && i.getValue() instanceof VersionRow).toList();
        if (items.size() == 2 && items.get(0).getParent() == items.get(1).getParent()) {
            VersionRow a = (VersionRow) items.get(0).getValue();
            VersionRow b = (VersionRow) items.get(1).getValue();
            return a.number() < b.number() ? new PathVersions.Version[] {a.version(), b.version()}
                    : new PathVersions.Version[] {b.version(), a.version()};
        }
        if (items.size() == 1 && ((VersionRow) items.getFirst().getValue()).number() > 1) {
            TreeItem<Row> item = items.getFirst();
            int at = item.getParent().getChildren().indexOf(item);
            return new PathVersions.Version[] {((VersionRow) item.getParent().getChildren().get(at - 1).getValue()).version(),
                ((VersionRow) item.getValue()).version()};
        }
        return null;
    }

    /** The version of {@code p} in the latest snapshot holding it (not the last to appear: a file can go back to an older content). */
    static PathVersions.Version latest(PathVersions p, StoreIndex index) {
        PathVersions.Version best = p.versions().getLast();
        int at = -1;
        for (PathVersions.Version v : p.versions()) {
            int n = index == null ? -1 : index.numberOf(v.snapshots().getLast());
            if (n > at) {
                at = n;
                best = v;
            }
        }
        return best;
    }

    /** The snapshots a row names: a version's, or those using a dropped file's content. */
    static List<Snapshot> snapshotsOf(Row row) {
        return switch (row) {
            case VersionRow v -> v.version().snapshots();
            case UseRow u -> List.of(u.use().snapshot());
            case FileRow f -> f.found().uses().stream().map(StoreIndex.Use::snapshot).distinct().toList();
            default -> List.of();
        };
    }

    /** Each row names its snapshots, with their ids, on hover; "Copy snapshot ids" copies those of the rows selected. */
    static void nameSnapshots(TreeTableView<Row> results) {
        results.setRowFactory(v -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : SnapshotNames.tip(snapshotsOf(row)));
            }
        });
        var copyIds = new MenuItem("Copy snapshot ids");
        copyIds.setId("copy-snapshot-ids");
        copyIds.setOnAction(e -> copySnapshotIds(results));
        results.setContextMenu(new ContextMenu(copyIds));
    }

    /** Copies the ids of the snapshots the selected rows name. */
    static void copySnapshotIds(TreeTableView<Row> results) {
        var ids = new LinkedHashSet<String>();
        for (TreeItem<Row> item : results.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() != null) {
                snapshotsOf(item.getValue()).forEach(s -> ids.add(s.id()));
            }
        }
        SnapshotNames.copyIds(ids);
    }
}
