package dev.packinspector.app.common;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import javafx.scene.control.Control;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyEvent;

/**
 * Type-to-find in a table or tree, as file managers do it: the letters typed select the first row
 * (of those shown, top to bottom) whose name starts with them, ignoring case. A pause of a second
 * starts a new word; typing one letter again and again steps through the rows starting with it
 * (unless a name starts with the repeated letters).
 */
public final class TypeToFind {
    /** A pause longer than this starts a new word. */
    static final long PAUSE_NANOS = 1_000_000_000L;

    private final IntSupplier rows;
    private final IntFunction<String> nameAt;
    private final IntSupplier selected;
    private final IntConsumer select;
    private final StringBuilder typed = new StringBuilder();
    private long lastKey;

    TypeToFind(IntSupplier rows, IntFunction<String> nameAt, IntSupplier selected, IntConsumer select) {
        this.rows = rows;
        this.nameAt = nameAt;
        this.selected = selected;
        this.select = select;
    }

    /** Typing in {@code table} selects the first row whose {@code name} starts with what was typed. */
    public static <T> void install(TableView<T> table, Function<T, String> name) {
        var find = new TypeToFind(() -> table.getItems().size(), i -> name.apply(table.getItems().get(i)),
                () -> table.getSelectionModel().getSelectedIndex(), i -> {
                    table.getSelectionModel().clearAndSelect(i);
                    table.getFocusModel().focus(i);
                    table.scrollTo(Math.max(0, i - 3));
                });
        listen(table, find);
    }

    /** Typing in {@code tree} selects the first row shown (in an open folder) whose {@code name} starts with what was typed. */
    public static <T> void install(TreeTableView<T> tree, Function<T, String> name) {
        var find = new TypeToFind(tree::getExpandedItemCount, i -> {
            TreeItem<T> item = tree.getTreeItem(i);
            return item == null || item.getValue() == null ? null : name.apply(item.getValue());
        }, () -> tree.getSelectionModel().getSelectedIndex(), i -> {
            tree.getSelectionModel().clearAndSelect(i);
            tree.getFocusModel().focus(i);
            tree.scrollTo(Math.max(0, i - 3));
        });
        listen(tree, find);
    }

    private static void listen(Control control, TypeToFind find) {
        control.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (!e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown() && find.typed(e.getCharacter(), System.nanoTime())) {
                e.consume();
            }
        });
    }

    /** Takes {@code text} typed at {@code now} (nanoseconds); true if it was a letter to find by. */
    boolean typed(String text, long now) {
        if (text == null || text.isEmpty() || Character.isISOControl(text.codePointAt(0))) {
            return false;
        }
        if (now - lastKey > PAUSE_NANOS) {
            typed.setLength(0);
        }
        lastKey = now;
        if (typed.isEmpty() && text.isBlank()) {
            return false; // a space alone is the table's own key
        }
        typed.append(text.toLowerCase(Locale.ROOT));
        String word = typed.toString();
        int at = selected.getAsInt();
        boolean sameLetter = word.length() > 1 && word.chars().allMatch(c -> c == word.charAt(0));
        int found = next(word, 0);
        if (found < 0 && sameLetter) {
            found = next(word.substring(0, 1), at + 1);
        }
        if (found >= 0) {
            select.accept(found);
        }
        return true;
    }

    /** The first row from {@code from} on (wrapping round) whose name starts with {@code prefix}, or -1. */
    private int next(String prefix, int from) {
        int n = rows.getAsInt();
        for (int k = 0; k < n; k++) {
            int i = (Math.max(0, from) + k) % n;
            String name = nameAt.apply(i);
            if (name != null && name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
