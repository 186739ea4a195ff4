package dev.packinspector.app.preview;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.FileKind;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Look;
import dev.packinspector.app.common.TypeToFind;
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
 * A tree object as its folder listing: name (after its kind's icon), mode, size and id of each
 * entry, in the tree's order. Opening an entry (double-click or Enter) hands it on: a folder to show its subtree, a
 * file or link to preview its object.
 */
public final class TreeListing extends TableView<TreeEntry> {
    private String path;
    private Consumer<TreeEntry> onOpen = e -> { };

    TreeListing() {
        setId("preview-tree");
        getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        var name = Columns.name("Name", 200, TreeEntry::name, TreeListing::kind);
        getColumns().setAll(List.of(
                name,
                Columns.mode("Mode", TreeListing::mode),
                Columns.number("Size", 80, e -> e.kind() == TreeEntry.Kind.DIR ? "" : Format.bytes(e.size()), e -> e.kind() == TreeEntry.Kind.DIR ? -1 : e.size()),
                Columns.sorted("Id", 130, Look.<TreeEntry>of(e -> e.id().shortHex(12)).withHover(e -> e.id().toHex()), java.util.Comparator.comparing(TreeEntry::id))));
        getColumns().getLast().getStyleClass().add("monospace");
        Columns.fit(this, name, 120);
        Columns.dropWhenNarrow(this, getColumns(), List.of(getColumns().get(3), getColumns().get(2)));
        TypeToFind.install(this, TreeEntry::name);
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

    /** The entry's mode with the file type its kind says, where chkpt stored the permission bits alone. */
    static long mode(TreeEntry e) {
        long m = e.unsignedMode();
        if ((m & 0170000) != 0) {
            return m;
        }
        return m | switch (e.kind()) {
            case DIR -> 0040000;
            case SYMLINK -> 0120000;
            case FILE -> 0100000;
        };
    }

    private static FileKind kind(TreeEntry e) {
        return FileKind.of(mode(e));
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
