package dev.packinspector.app.common;

import java.util.function.Function;
import javafx.scene.control.Cell;
import javafx.scene.control.Tooltip;

/**
 * How a row shows in one column: its text, optionally the icon of its kind and a tooltip (the
 * whole text where the cell shows less, an octal mode). Applied to table and tree cells alike.
 */
public record Look<T>(Function<T, String> text, Function<T, FileKind> kind, Function<T, String> hover) {
    public static <T> Look<T> of(Function<T, String> text) {
        return new Look<>(text, null, null);
    }

    /** This look with the icon of each row's kind (null: no icon) before its text. */
    public Look<T> withKind(Function<T, FileKind> kindOf) {
        return new Look<>(text, kindOf, hover);
    }

    /** This look with a tooltip (null or empty: none). */
    public Look<T> withHover(Function<T, String> hoverOf) {
        return new Look<>(text, kind, hoverOf);
    }

    /** Shows {@code row} in {@code cell}, or nothing for an empty cell (null row). */
    void show(Cell<?> cell, T row) {
        cell.setText(row == null ? null : oneLine(text.apply(row)));
        if (kind != null) {
            FileKind.show(cell, row == null ? null : kind.apply(row));
        }
        if (hover != null) {
            String tip = row == null ? null : hover.apply(row);
            if (tip == null || tip.isEmpty()) {
                cell.setTooltip(null);
            } else if (cell.getTooltip() == null) {
                cell.setTooltip(new Tooltip(tip));
            } else {
                cell.getTooltip().setText(tip);
            }
        }
    }

    /** {@code text} on one line, as every row is one line high: a line break in a name shows as ↵. */
    static String oneLine(String text) {
        return text == null || text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace("\r\n", "↵").replace('\n', '↵').replace('\r', '↵');
    }

    /** A mode as {@code ls -l} shows it, the octal on hover; blank when unknown (negative). */
    public static <T> Look<T> mode(java.util.function.ToLongFunction<T> mode) {
        return Look.<T>of(r -> Format.permissions(mode.applyAsLong(r)))
                .withHover(r -> mode.applyAsLong(r) < 0 ? null : "Mode " + Format.mode(mode.applyAsLong(r)) + " (octal)");
    }
}
