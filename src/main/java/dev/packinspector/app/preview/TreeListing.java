package dev.packinspector.app.preview;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.Format;
import dev.packinspector.store.tree.TreeEntry;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * A tree object as its folder listing: name, kind, mode, size and id of each entry, in the tree's
 * order. Opening an entry (double-click or Enter) hands it on: a folder to show its subtree, a
 * file or link to preview its object.
 */
public final class TreeListing extends TableView<TreeEntry> {
    private String path;
    private Consumer<TreeEntry> onOpen = e -> { };

    TreeListing() {
        setId("preview-tree");
        getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        getColumns().setAll(List.of(
                Columns.name("Name", 200, TreeEntry::name),
                Columns.text("Kind", 70, e -> e.kind() == TreeEntry.Kind.DIR ? "folder" : e.kind() == TreeEntry.Kind.SYMLINK ? "link" : "file"),
                Columns.number("Mode", 70, e -> Long.toOctalString(e.unsignedMode()), TreeEntry::unsignedMode),
                Columns.number("Size", 90, e -> e.kind() == TreeEntry.Kind.DIR ? "" : Format.bytes(e.size()), e -> e.kind() == TreeEntry.Kind.DIR ? -1 : e.size()),
                Columns.text("Id", 280, e -> e.id().toHex())));
        Columns.onlyLastFlexes(this);
        setRowFactory(t -> {
            var row = new TableRow<TreeEntry>() {
                @Override
                protected void updateItem(TreeEntry e, boolean empty) {
                    super.updateItem(e, empty);
                    setTooltip(empty || e == null ? null
                            : new Tooltip(e.kind() == TreeEntry.Kind.DIR ? "Double-click to show this folder's tree" : "Double-click to preview its object"));
                }
            };
            row.setOnMouseClicked(m -> {
                if (m.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem());
                }
            });
            return row;
        });
        setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(getSelectionModel().getSelectedItem());
            }
        });
    }

    void setOnOpen(Consumer<TreeEntry> action) {
        onOpen = action;
    }

    void loading(String folder) {
        path = folder;
        getItems().clear();
        setPlaceholder(new Label("Loading…"));
    }

    void show(String folder, List<TreeEntry> entries) {
        path = folder;
        setPlaceholder(new Label("An empty tree: the snapshot of an empty folder"));
        setItems(FXCollections.observableArrayList(entries));
    }

    void failed(String why) {
        getItems().clear();
        setPlaceholder(new Label(why));
    }

    /** The entry's path in the snapshot, or null where the tree's own place is not known (opened from Objects). */
    String pathOf(TreeEntry e) {
        return path == null ? null : path.isEmpty() ? e.name() : path + "/" + e.name();
    }
}
