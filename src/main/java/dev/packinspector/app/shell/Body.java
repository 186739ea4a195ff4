package dev.packinspector.app.shell;

import dev.packinspector.app.session.StoreSession;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The middle of the window: the start page while no store is open, the store's views once one is,
 * and the running tasks floating over the bottom-right corner (a row coming or going repaints
 * only itself, never re-lays out the views: measured, a full repaint is 60+ ms without a GPU).
 */
final class Body extends StackPane {
    Body(ObservableValue<StoreSession> session, Supplier<Node> startPage, Node views, Node tasks) {
        StackPane.setAlignment(tasks, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(tasks, new Insets(0, 16, 12, 0));
        getChildren().setAll(startPage.get(), tasks);
        session.addListener((obs, old, now) -> {
            if (now != null || getScene() != null && getScene().getWindow().isShowing()) { // not while the window closes
                getChildren().set(0, now == null ? startPage.get() : views);
            }
        });
    }
}
