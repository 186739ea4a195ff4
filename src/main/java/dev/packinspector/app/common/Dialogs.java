package dev.packinspector.app.common;

import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Every dialog and secondary window opens the same way: sized to its content (never smaller than
 * it), resizable, centred on the window that opened it and wholly on that window's screen; Esc
 * and Ctrl+W close it, and it closes with that window (JavaFX leaves owned windows showing when
 * their owner is hidden, and a window left showing keeps the application running).
 */
public final class Dialogs {
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private Dialogs() {
    }

    /** Makes {@code dialog} a child of {@code owner} that opens as the class says; call before showing it. */
    public static <D extends Dialog<?>> D fit(D dialog, Window owner) {
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setOnShown(e -> {
            Window w = dialog.getDialogPane().getScene().getWindow();
            w.sizeToScene();
            centre(w, owner);
        });
        // Ctrl+W before any control sees it; Esc only if no control used it (as its Cancel button
        // would: close() answers with the cancel button, and refuses where there is none to answer with)
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (CLOSE.match(e)) {
                e.consume();
                dialog.close();
            }
        });
        dialog.getDialogPane().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                dialog.close();
            }
        });
        if (owner != null) {
            EventHandler<WindowEvent> ownerHidden = e -> dialog.getDialogPane().getScene().getWindow().hide();
            dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> owner.addEventHandler(WindowEvent.WINDOW_HIDDEN, ownerHidden));
            dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, e -> owner.removeEventHandler(WindowEvent.WINDOW_HIDDEN, ownerHidden));
        }
        return dialog;
    }

    /**
     * Opens {@code stage} (a secondary window holding {@code scene}) as a child of {@code owner}:
     * the scene's size is a wish, cut to the screen; centred on the owner; Esc and Ctrl+W close it.
     */
    public static void show(Stage stage, Scene scene, Window owner) {
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
        }
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (CLOSE.match(e)) {
                e.consume();
                stage.close();
            }
        });
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) { // unless a control used it (a search field clearing itself)
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        if (owner != null) {
            EventHandler<WindowEvent> ownerHidden = e -> stage.hide();
            owner.addEventHandler(WindowEvent.WINDOW_HIDDEN, ownerHidden);
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> owner.removeEventHandler(WindowEvent.WINDOW_HIDDEN, ownerHidden));
        }
        stage.setOnShown(e -> {
            Rectangle2D screen = screenOf(owner == null ? stage : owner);
            stage.setWidth(Math.min(stage.getWidth(), screen.getWidth()));
            stage.setHeight(Math.min(stage.getHeight(), screen.getHeight()));
            centre(stage, owner);
        });
        stage.show();
    }

    /** The keys that close a dialog or secondary window, as the platform writes them ("Esc, Ctrl+W"). */
    public static String closeKeys() {
        return new KeyCodeCombination(KeyCode.ESCAPE).getDisplayText() + ", " + CLOSE.getDisplayText();
    }

    /** Centres {@code w} on {@code owner} (on its screen when there is none), kept wholly within that screen's visual bounds. */
    public static void centre(Window w, Window owner) {
        Rectangle2D screen = screenOf(owner == null ? w : owner);
        double x = owner == null ? screen.getMinX() + (screen.getWidth() - w.getWidth()) / 2 : owner.getX() + (owner.getWidth() - w.getWidth()) / 2;
        double y = owner == null ? screen.getMinY() + (screen.getHeight() - w.getHeight()) / 3
                : owner.getY() + (owner.getHeight() - w.getHeight()) / 3;
        w.setX(clamp(x, screen.getMinX(), screen.getMaxX() - w.getWidth()));
        w.setY(clamp(y, screen.getMinY(), screen.getMaxY() - w.getHeight()));
    }

    /** The visual bounds of the screen that holds most of {@code w} (the primary screen if none does). */
    public static Rectangle2D screenOf(Window w) {
        double width = Double.isNaN(w.getWidth()) ? 1 : Math.max(1, w.getWidth());
        double height = Double.isNaN(w.getHeight()) ? 1 : Math.max(1, w.getHeight());
        var screens = Double.isNaN(w.getX()) ? java.util.List.<Screen>of() : Screen.getScreensForRectangle(w.getX(), w.getY(), width, height);
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, Math.max(min, max)));
    }
}
