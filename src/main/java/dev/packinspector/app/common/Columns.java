package dev.packinspector.app.common;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * Table columns that show one text per row, worked out from the row's value. A column of sizes,
 * counts or ratios sorts by the value, not by its text (976 KB before 9.4 MB is wrong); a column of
 * names sorts naturally ({@code bytes_6} before {@code bytes_15}).
 */
public final class Columns {
    /** Text order with runs of digits compared as numbers, case-insensitive first, then exactly. */
    public static final Comparator<String> NATURAL = Columns::natural;

    private Columns() {
    }

    /** A column showing {@code value}'s text that sorts by {@code order} of the rows (nulls last). */
    public static <T> TableColumn<T, T> sorted(String title, double width, Function<T, String> value, Comparator<T> order) {
        var c = new TableColumn<T, T>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : value.apply(row));
            }
        });
        c.setComparator(Comparator.nullsLast(order));
        return c;
    }

    /** A column of a number shown as {@code value}'s text, right-aligned, sorting by {@code number}. */
    public static <T> TableColumn<T, T> number(String title, double width, Function<T, String> value, ToDoubleFunction<T> number) {
        var c = sorted(title, width, value, Comparator.comparingDouble(number));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** A column of names, in natural order. */
    public static <T> TableColumn<T, T> name(String title, double width, Function<T, String> value) {
        return sorted(title, width, value, Comparator.comparing(value, NATURAL));
    }

    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                var numberA = new java.math.BigInteger(a.substring(i, endA));
                var numberB = new java.math.BigInteger(b.substring(j, endB));
                int byNumber = numberA.compareTo(numberB);
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                int byChar = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
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
