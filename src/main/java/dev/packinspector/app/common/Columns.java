package dev.packinspector.app.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Table columns that show one text per row, worked out from the row's value. */
public final class Columns {
    private Columns() {
    }

    /**
     * Keeps every column but the last at least at its preferred width: with a policy that fits the
     * columns to the table, only the last one gives way, and the table scrolls if it must.
     */
    public static <T> void onlyLastFlexes(javafx.scene.control.TableView<T> table) {
        var columns = table.getColumns();
        for (int i = 0; i < columns.size() - 1; i++) {
            columns.get(i).setMinWidth(columns.get(i).getPrefWidth());
        }
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    public static <T> javafx.scene.control.TreeTableColumn<T, String> treeText(String title, double width, Function<T, String> value) {
        var c = new javafx.scene.control.TreeTableColumn<T, String>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue() == null ? "" : value.apply(cell.getValue().getValue())));
        return c;
    }

    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        var c = new TableColumn<T, String>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
