package dev.packinspector.app.common;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * Columns of a tree table whose rows are {@code T}s, as {@link Columns} makes them for flat
 * tables: sizes, counts and offsets sort by value, names naturally. Rows that are folders stay
 * before the other rows of their parent whichever way a column sorts, and are sorted among
 * themselves. Each folder's children are sorted when the folder is opened (JavaFX sorts a tree
 * level by level), so lazily built children are sorted too.
 */
public final class TreeColumns<T> {
    private final Predicate<T> folder;

    /** Columns for rows of which {@code folder} are kept first; {@code t -> false} for none. */
    public TreeColumns(Predicate<T> folder) {
        this.folder = folder;
    }

    /** A column showing each row as {@code look} says, sorting by {@code order} (folders first). */
    public TreeTableColumn<T, T> sorted(String title, double width, Look<T> look, Comparator<T> order) {
        var c = new TreeTableColumn<T, T>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null : cell.getValue().getValue()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(T row, boolean empty) {
                super.updateItem(row, empty);
                look.show(this, empty ? null : row);
            }
        });
        Comparator<T> byValue = Comparator.nullsLast(order);
        c.setComparator((a, b) -> {
            boolean folderA = a != null && folder.test(a);
            boolean folderB = b != null && folder.test(b);
            if (folderA != folderB) {
                // the table swaps the pair to sort a column descending: undo that here, so folders stay first
                int first = folderA ? -1 : 1;
                return c.getSortType() == TreeTableColumn.SortType.DESCENDING ? -first : first;
            }
            return byValue.compare(a, b);
        });
        return c;
    }

    public TreeTableColumn<T, T> sorted(String title, double width, Function<T, String> text, Comparator<T> order) {
        return sorted(title, width, Look.of(text), order);
    }

    /** A column of text in natural order. */
    public TreeTableColumn<T, T> name(String title, double width, Function<T, String> text) {
        return sorted(title, width, text, Comparator.comparing(text, Columns.NATURAL));
    }

    /** A column of names in natural order, each after the icon of its kind (null: none). */
    public TreeTableColumn<T, T> name(String title, double width, Function<T, String> text, Function<T, FileKind> kind) {
        return sorted(title, width, Look.of(text).withKind(kind), Comparator.comparing(text, Columns.NATURAL));
    }

    /** A column of a number shown as {@code text}, right-aligned, sorting by {@code number}. */
    public TreeTableColumn<T, T> number(String title, double width, Function<T, String> text, ToDoubleFunction<T> number) {
        var c = sorted(title, width, text, Comparator.comparingDouble(number));
        c.setStyle(Columns.RIGHT);
        return c;
    }

    /** A column of modes as {@code ls -l} shows them, the octal on hover, sorting by the mode (negative: none). */
    public TreeTableColumn<T, T> mode(String title, ToLongFunction<T> mode) {
        var c = sorted(title, Columns.MODE_WIDTH, Look.mode(mode), Comparator.comparingLong(mode));
        c.getStyleClass().add("monospace");
        return c;
    }

    /** As {@link Columns#fit}: every column keeps its width but {@code flex}, which takes the rest, down to {@code flexMin}. */
    public static <T> void fit(TreeTableView<T> tree, TreeTableColumn<T, ?> flex, double flexMin) {
        Columns.fixWidths(tree.getColumns(), flex, flexMin);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }
}
