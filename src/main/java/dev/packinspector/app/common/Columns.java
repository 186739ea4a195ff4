package dev.packinspector.app.common;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;

/**
 * Table columns that show one text per row, worked out from the row's value. A column of sizes,
 * counts or ratios sorts by the value, not by its text (976 KB before 9.4 MB is wrong); a column of
 * names sorts naturally ({@code bytes_6} before {@code bytes_15}). {@link TreeColumns} makes the
 * same columns for trees.
 */
public final class Columns {
    /** Text order with runs of digits compared as numbers, case-insensitive first, then exactly. */
    public static final Comparator<String> NATURAL = Columns::natural;
    /** Style of a column of numbers: right-aligned. */
    static final String RIGHT = "-fx-alignment: CENTER-RIGHT;";
    /** Width of a column of modes as {@code ls -l} shows them. */
    public static final double MODE_WIDTH = 100;

    private Columns() {
    }

    /** A column showing {@code value}'s text that sorts by {@code order} of the rows (nulls last). */
    public static <T> TableColumn<T, T> sorted(String title, double width, Function<T, String> value, Comparator<T> order) {
        return sorted(title, width, Look.of(value), order);
    }

    /** A column showing each row as {@code look} says, sorting by {@code order} of the rows (nulls last). */
    public static <T> TableColumn<T, T> sorted(String title, double width, Look<T> look, Comparator<T> order) {
        var c = new TableColumn<T, T>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T row, boolean empty) {
                super.updateItem(row, empty);
                look.show(this, empty ? null : row);
            }
        });
        c.setComparator(Comparator.nullsLast(order));
        return c;
    }

    /** A column of a number shown as {@code value}'s text, right-aligned, sorting by {@code number}. */
    public static <T> TableColumn<T, T> number(String title, double width, Function<T, String> value, ToDoubleFunction<T> number) {
        var c = sorted(title, width, value, Comparator.comparingDouble(number));
        c.setStyle(RIGHT);
        return c;
    }

    /** A column of names, in natural order. */
    public static <T> TableColumn<T, T> name(String title, double width, Function<T, String> value) {
        return sorted(title, width, value, Comparator.comparing(value, NATURAL));
    }

    /** A column of names, in natural order, each after the icon of its kind. */
    public static <T> TableColumn<T, T> name(String title, double width, Function<T, String> value, Function<T, FileKind> kind) {
        return sorted(title, width, Look.of(value).withKind(kind), Comparator.comparing(value, NATURAL));
    }

    /** A column of modes as {@code ls -l} shows them ({@code -rw-r--r--}), the octal on hover, sorting by the mode. */
    public static <T> TableColumn<T, T> mode(String title, ToLongFunction<T> mode) {
        var c = sorted(title, MODE_WIDTH, Look.mode(mode), Comparator.comparingLong(mode));
        c.getStyleClass().add("monospace");
        return c;
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
    public static <T> void onlyLastFlexes(TableView<T> table) {
        var columns = table.getColumns();
        for (int i = 0; i < columns.size() - 1; i++) {
            columns.get(i).setMinWidth(columns.get(i).getPrefWidth());
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /**
     * Fits the columns to the table's width: every column but {@code flex} keeps its preferred
     * width (sized to its content), {@code flex} takes what is left and gives way first, down to
     * {@code flexMin}; below the sum of those widths the table scrolls sideways.
     */
    public static <T> void fit(TableView<T> table, TableColumn<T, ?> flex, double flexMin) {
        fixWidths(table.getColumns(), flex, flexMin);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    /** Pins every column of {@code columns} but {@code flex} to its preferred width; {@code flex} may grow, down to {@code flexMin}. */
    static void fixWidths(List<? extends TableColumnBase<?, ?>> columns, TableColumnBase<?, ?> flex, double flexMin) {
        for (TableColumnBase<?, ?> c : columns) {
            if (c != flex) {
                c.setMinWidth(c.getPrefWidth());
                c.setMaxWidth(c.getPrefWidth());
            }
        }
        flex.setMinWidth(flexMin);
        // wider than any screen, but finite: with Double.MAX_VALUE, JavaFX's constrained policy gave the
        // column a width of 9.2e18 when its table grew at once (the preview hidden), pushing the others out
        flex.setMaxWidth(FLEX_MAX);
    }

    /** The most a flexible column grows to. */
    private static final double FLEX_MAX = 100_000;

    /**
     * Hides columns of {@code table} while their minimum widths add up to more than it has, the
     * first of {@code dropFirst} first, and shows them again once there is room: a narrow window
     * shows fewer columns, each whole, rather than all of them cut. What a hidden column says is on
     * hover or in the context menu (ids), or one click away.
     */
    public static void dropWhenNarrow(Control table, List<? extends TableColumnBase<?, ?>> all, List<? extends TableColumnBase<?, ?>> dropFirst) {
        Runnable fit = () -> {
            // the vertical scroll bar and the borders take some of the width
            double room = table.getWidth() - 24;
            double need = all.stream().mapToDouble(TableColumnBase::getMinWidth).sum();
            for (TableColumnBase<?, ?> c : dropFirst) {
                boolean show = need <= room;
                c.setVisible(show);
                if (!show) {
                    need -= c.getMinWidth();
                }
            }
        };
        table.widthProperty().addListener((obs, old, width) -> fit.run());
        fit.run();
    }

    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        var c = new TableColumn<T, String>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
