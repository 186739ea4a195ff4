package dev.packinspector.app.objects;

import dev.packinspector.app.common.Css;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.store.ObjectId;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.TextFields;

/**
 * Every index entry of every readable pack in id order, then every tree of the tree pack (Kind
 * column), read from the mappings as rows scroll into view, so a million entries cost no more
 * than a hundred. Filter by id prefix
 * (a binary search, instant); sort by any column (pack, offset and size in the background);
 * restore selected objects, or drag them out of the window.
 */
public final class IndexView extends BorderPane {
    private final TableView<Integer> table = new TableView<>();
    private final TextField filter = TextFields.createClearableTextField();
    private final Label count = new Label();
    private final Tasks tasks;
    /** The sort running: a newer sort, filter or store cancels it. */
    private final Tasks.Latest sorting = new Tasks.Latest();
    private IndexRows source = IndexRows.EMPTY;
    private RowList rows = RowList.range(0, 0, false);
    private final ShownRows shown = new ShownRows();
    /** What the table's selection put in the preview, cleared with that selection. */
    private PreviewModel.Target previewed;

    /** What the window does with this view's selection. */
    public interface Actions {
        /** Restore the objects (as files named by their ids) into a folder the user chooses. */
        void restore(List<ObjectId> ids);

        /** The objects restored into a temp folder, ready to be dropped elsewhere; null if not possible now. */
        List<File> dragOut(List<ObjectId> ids);

        /** Save one object's content where the user chooses. */
        void saveAs(ObjectId id);
        /** Show which snapshots and paths use object {@code id}. */
        void uses(ObjectId id);
    }

    /** The index entries of {@code session}'s store, whichever is open; selecting one previews it in {@code preview}. */
    public IndexView(Tasks tasks, ObservableValue<StoreSession> session, PreviewModel preview, Actions actions) {
        this.tasks = tasks;
        setId("index-view");
        filter.setId("index-filter");
        filter.setPromptText("Filter by id prefix…");
        filter.setTooltip(new Tooltip("Type the first hex digits of an object id"));
        filter.textProperty().addListener((obs, old, text) -> applyFilter());
        HBox.setHgrow(filter, Priority.ALWAYS);
        var top = new HBox(8, filter, count);
        top.setPadding(new Insets(6));
        setTop(top);

        table.setId("index-table");
        table.setItems(shown);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setPlaceholder(new Label("No entries: no readable pack, or no id starts with that prefix"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<Integer, String> kind = textColumn("Kind", 56, IndexRows.Entry::kind);
        TableColumn<Integer, String> id = textColumn("Id", 290, e -> e.id().toHex());
        id.setId("col-id");
        id.getStyleClass().add("monospace");
        TableColumn<Integer, String> pack = textColumn("Pack", 170, IndexRows.Entry::pack);
        pack.getStyleClass().add("monospace");
        TableColumn<Integer, Long> offset = numberColumn("Offset", IndexRows.Entry::offset);
        TableColumn<Integer, Long> size = numberColumn("Compressed", IndexRows.Entry::compressedSize);
        table.getColumns().setAll(List.of(kind, id, pack, offset, size));
        // the id is what this table is for: it stays whole; the pack takes what is left, offset and size go first when narrow
        dev.packinspector.app.common.Columns.fit(table, pack, 90);
        dev.packinspector.app.common.Columns.dropWhenNarrow(table, table.getColumns(), List.of(size, offset, kind));
        dev.packinspector.app.common.TypeToFind.install(table, row -> at(row).id().toHex());
        table.setSortPolicy(t -> {
            sort();
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row == null) {
                preview.clear(previewed);
            } else {
                IndexRows.Entry e = at(row);
                previewed = e.tree() ? preview.tree(e.id(), null) : preview.object(e.id());
            }
        });
        var copy = new MenuItem("Copy id");
        copy.setId("copy-object-id");
        copy.setAccelerator(KeyCombination.keyCombination("Shortcut+C"));
        copy.setOnAction(e -> copySelectedIds());
        var uses = new MenuItem("Show uses");
        uses.setId("show-uses");
        uses.setOnAction(e -> {
            List<ObjectId> ids = selectedIds();
            if (ids.size() == 1) {
                actions.uses(ids.getFirst());
            }
        });
        var menu = new ContextMenu(copy, uses);
        menu.getItems().addAll(restoreItems(actions));
        menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            copy.setDisable(table.getSelectionModel().getSelectedItems().isEmpty());
            // trees are used by other trees, not by snapshot paths
            uses.setDisable(selectedIds().size() != 1 || table.getSelectionModel().getSelectedItems().size() != 1);
        });
        table.setContextMenu(menu);
        table.setOnDragDetected(e -> {
            List<ObjectId> ids = selectedIds();
            List<File> out = ids.isEmpty() ? null : actions.dragOut(ids);
            if (out != null && !out.isEmpty()) {
                var content = new ClipboardContent();
                content.putFiles(out);
                table.startDragAndDrop(TransferMode.COPY).setContent(content);
            }
            e.consume();
        });
        table.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copySelectedIds();
            }
        });
        setCenter(table);
        session.addListener((obs, old, now) -> show(now == null ? IndexRows.EMPTY : IndexRows.of(now.packs(), now.trees())));
    }

    /** The table menu's restore items: the selected objects, or one object saved where the user chooses. */
    private List<MenuItem> restoreItems(Actions actions) {
        dev.packinspector.app.common.RowMenus.selectOnRightClick(table);
        var selected = table.getSelectionModel().getSelectedItems();
        var restore = new MenuItem("Restore selection…");
        restore.setId("menu-restore-objects");
        restore.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(selected::isEmpty, selected));
        restore.setOnAction(e -> actions.restore(selectedIds()));
        var save = new MenuItem("Save as…");
        save.setId("menu-save-object");
        save.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> selected.size() != 1
                || selected.getFirst() == null || at(selected.getFirst()).tree(), selected));
        save.setOnAction(e -> {
            List<ObjectId> ids = selectedIds();
            if (ids.size() == 1) {
                actions.saveAs(ids.getFirst());
            }
        });
        return List.of(restore, save);
    }

    private TableColumn<Integer, String> textColumn(String title, double width, java.util.function.Function<IndexRows.Entry, String> value) {
        var c = new TableColumn<Integer, String>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(at(cell.getValue()))));
        return c;
    }

    private TableColumn<Integer, Long> numberColumn(String title, ToLongFunction<IndexRows.Entry> value) {
        var c = new TableColumn<Integer, Long>(title);
        c.setPrefWidth(110);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsLong(at(cell.getValue()))));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private IndexRows.Entry at(int row) {
        return source.at(row);
    }

    /** Shows {@code rows}: a store's blob entries, then its trees. */
    private void show(IndexRows rows) {
        // nothing of the old store stays selected (row numbers of the new one would preview its entries unasked)
        table.getSelectionModel().clearSelection();
        this.source = rows;
        filter.clear();
        applyFilter();
        // Rows are row numbers: equal numbers of another store would keep showing the old cells.
        table.refresh();
    }

    /** Shows only ids starting with {@code prefix} (also used by tests and the find shortcut). */
    public void filter(String prefix) {
        filter.setText(prefix);
    }

    public TextField filterField() {
        return filter;
    }

    public TableView<Integer> table() {
        return table;
    }

    private void applyFilter() {
        sorting.cancel();
        // the rows change under the selection: keeping its row numbers would select (and preview) other objects
        table.getSelectionModel().clearSelection();
        String text = filter.getText().trim().toLowerCase(java.util.Locale.ROOT);
        if (!text.isEmpty() && (text.length() > 32 || !dev.packinspector.store.ObjectId.isHex(text))) {
            Css.flag(filter, "danger", true);
            count.setText("not hex");
            rows = RowList.range(0, 0, false);
        } else {
            Css.flag(filter, "danger", false);
            rows = source.withPrefix(text);
            count.setText(Format.count(rows.size()) + " of " + Format.count(source.size()) + " entries");
        }
        table.getSortOrder().clear();
        shown.set(rows);
        table.scrollTo(0);
    }

    private void sort() {
        sorting.cancel();
        if (table.getSortOrder().isEmpty()) {
            shown.set(rows);
            return;
        }
        TableColumn<Integer, ?> column = table.getSortOrder().getFirst();
        boolean descending = column.getSortType() == TableColumn.SortType.DESCENDING;
        boolean byId = column.getId() != null && column.getId().equals("col-id");
        if (byId && rows.oneRun()) {
            // one run of rows is in id order already
            shown.set(rows.inOrder(descending));
            return;
        }
        RowList current = rows;
        Comparator<Integer> by = switch (column.getText()) {
            case "Id" -> (a, b) -> at(a).id().compareTo(at(b).id());
            case "Kind" -> Comparator.comparing(r -> at(r).kind());
            case "Pack" -> Comparator.comparing(r -> at(r).pack());
            case "Offset" -> Comparator.comparingLong(r -> at(r).offset());
            default -> Comparator.comparingLong(r -> at(r).compressedSize());
        };
        Comparator<Integer> order = descending ? by.reversed() : by;
        tasks.job("Sorting " + Format.count(current.size()) + " entries", p -> {
            Integer[] boxed = new Integer[current.size()];
            Arrays.setAll(boxed, current::get);
            Arrays.sort(boxed, order);
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }).in(sorting).onSuccess(sorted -> shown.set(RowList.permutation(sorted)))
                .report(sorted -> "Sorted by " + column.getText().toLowerCase(java.util.Locale.ROOT)).run();
    }

    /** The ids of the selected blob rows, in the table's order (trees are no files to restore). */
    public List<ObjectId> selectedIds() {
        var ids = new ArrayList<ObjectId>();
        for (Integer row : table.getSelectionModel().getSelectedItems()) {
            if (row != null && !at(row).tree()) {
                ids.add(at(row).id());
            }
        }
        return ids;
    }

    private void copySelectedIds() {
        var ids = new StringBuilder();
        for (Integer row : table.getSelectionModel().getSelectedItems()) {
            ids.append(at(row).id().toHex()).append('\n');
        }
        if (!ids.isEmpty()) {
            var content = new ClipboardContent();
            content.putString(ids.toString().strip());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
