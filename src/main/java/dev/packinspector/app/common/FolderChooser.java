package dev.packinspector.app.common;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Asks the user for a folder; tests replace the system dialog with their own answer. */
@FunctionalInterface
public interface FolderChooser {
    /** The chosen folder, or null if the user cancelled. */
    Path choose(Window owner, String title);

    static FolderChooser system() {
        return (owner, title) -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File f = chooser.showDialog(owner);
            return f == null ? null : f.toPath();
        };
    }
}
