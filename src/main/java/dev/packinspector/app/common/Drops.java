package dev.packinspector.app.common;

import java.nio.file.Path;
import javafx.scene.input.Dragboard;

/** What a drag onto the window carries. */
public final class Drops {
    private Drops() {
    }

    /** The one folder a drag carries, or null. */
    public static Path folder(Dragboard board) {
        if (board.hasFiles() && board.getFiles().size() == 1 && board.getFiles().getFirst().isDirectory()) {
            return board.getFiles().getFirst().toPath();
        }
        return null;
    }
}
