package dev.packinspector.app.common;

import javafx.scene.Node;

/** Style classes that come and go with a state. */
public final class Css {
    private Css() {
    }

    /**
     * Gives {@code node} the style class {@code name} exactly while {@code on} holds: once, however
     * often it is set (a class added per keystroke and removed once would stay).
     */
    public static void flag(Node node, String name, boolean on) {
        node.getStyleClass().removeAll(name);
        if (on) {
            node.getStyleClass().add(name);
        }
    }
}
