package dev.packinspector.app.common;

import java.util.List;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard, for the Copy items of the context menus. */
public final class Clip {
    private Clip() {
    }

    /** Puts {@code lines}, one a line, on the clipboard as text; does nothing for none. */
    public static void copy(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var content = new ClipboardContent();
        content.putString(String.join("\n", lines));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The clipboard's text, or null. */
    public static String text() {
        return Clipboard.getSystemClipboard().getString();
    }
}
