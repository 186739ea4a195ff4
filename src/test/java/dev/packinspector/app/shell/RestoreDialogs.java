package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.packinspector.app.restore.RestoreFlow;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/** The restore plan and report dialogs as a test finds them: by the ids of their parts, on whatever window shows them. */
final class RestoreDialogs {
    private final WindowDriver ui;

    RestoreDialogs(WindowDriver ui) {
        this.ui = ui;
    }

    /** The plan dialog, once it shows. */
    DialogPane plan() {
        return await("#plan-summary", "the restore plan");
    }

    /** The report of a finished or cancelled restore (or export), once it shows. */
    DialogPane report() {
        return await("#report-summary", "the restore report");
    }

    boolean planShown() {
        return !ui.anywhere("#plan-summary").isEmpty();
    }

    boolean reportShown() {
        return !ui.anywhere("#report-summary").isEmpty();
    }

    private DialogPane await(String part, String what) {
        WindowDriver.waitUntil(what + " shows", () -> !ui.anywhere(part).isEmpty());
        return WindowDriver.onFx(() -> {
            Node n = ui.<Node>anywhere(part).getFirst();
            while (!(n instanceof DialogPane)) {
                n = n.getParent();
            }
            return (DialogPane) n;
        });
    }

    /** The dialog's window title. */
    static String title(DialogPane pane) {
        return WindowDriver.onFx(() -> ((Stage) pane.getScene().getWindow()).getTitle());
    }

    static String text(DialogPane pane, String id) {
        return WindowDriver.onFx(() -> {
            Label l = (Label) pane.lookup("#" + id);
            assertNotNull(l, id);
            return l.getText();
        });
    }

    static boolean visible(DialogPane pane, String id) {
        return WindowDriver.onFx(() -> pane.lookup("#" + id) != null && pane.lookup("#" + id).isVisible());
    }

    /** The dialog's button labelled {@code text}. */
    static Button button(DialogPane pane, String text) {
        return WindowDriver.onFx(() -> {
            for (ButtonType t : pane.getButtonTypes()) {
                if (t.getText().equals(text)) {
                    return (Button) pane.lookupButton(t);
                }
            }
            throw new AssertionError("no button " + text + " in " + pane.getButtonTypes());
        });
    }

    static Button restore(DialogPane plan) {
        return WindowDriver.onFx(() -> (Button) plan.lookupButton(RestoreFlow.RESTORE));
    }

    /** The rows of the dialog's file table ({@code plan-table} or {@code report-table}) as "path action reason". */
    @SuppressWarnings("unchecked")
    static List<String> rows(DialogPane pane, String id) {
        return WindowDriver.onFx(() -> {
            var table = (TableView<Object>) pane.lookup("#" + id);
            var columns = table.getColumns();
            return table.getItems().stream().map(r -> text(columns.get(0), r) + " " + text(columns.get(2), r) + " " + text(columns.get(3), r))
                    .map(String::strip).toList();
        });
    }

    /** What a column shows for a row, through its cell factory as the table would. */
    @SuppressWarnings("unchecked")
    private static String text(javafx.scene.control.TableColumn<Object, ?> column, Object row) {
        var c = (javafx.scene.control.TableColumn<Object, Object>) column;
        var cell = c.getCellFactory().call(c);
        var updateItem = findUpdateItem(cell.getClass());
        try {
            updateItem.setAccessible(true);
            updateItem.invoke(cell, row, false);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return cell.getText() == null ? "" : cell.getText();
    }

    private static java.lang.reflect.Method findUpdateItem(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            try {
                return t.getDeclaredMethod("updateItem", Object.class, boolean.class);
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        throw new AssertionError("no updateItem in " + type);
    }
}
