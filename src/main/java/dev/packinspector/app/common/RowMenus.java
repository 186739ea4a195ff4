package dev.packinspector.app.common;

import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ContextMenuEvent;

/**
 * A row's context menu acts on the row that was right-clicked, as in GNOME Files and every file
 * manager: a right-click on a row that is not selected selects it (alone) before the menu opens;
 * on a selected row it keeps the selection, so a menu can act on several rows. The menu key keeps
 * the selection as it is.
 */
public final class RowMenus {
    private RowMenus() {
    }

    public static void selectOnRightClick(TableView<?> table) {
        install(table, table.getSelectionModel(), TableRow.class);
    }

    public static void selectOnRightClick(TreeTableView<?> tree) {
        install(tree, tree.getSelectionModel(), TreeTableRow.class);
    }

    private static void install(Node control, MultipleSelectionModel<?> selection, Class<?> rowType) {
        control.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                return;
            }
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != control; n = n.getParent()) {
                if (rowType.isInstance(n) && n instanceof IndexedCell<?> row) {
                    if (!row.isEmpty() && row.getIndex() >= 0 && !selection.isSelected(row.getIndex())) {
                        selection.clearAndSelect(row.getIndex());
                    }
                    return;
                }
            }
        });
    }
}
