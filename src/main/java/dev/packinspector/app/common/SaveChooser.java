package dev.packinspector.app.common;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user where to save a file; tests replace the system dialog with their own answer. */
@FunctionalInterface
public interface SaveChooser {
    /**
     * The chosen file, or null if the user cancelled. {@code kinds} are pairs of a description and
     * a glob ({@code "Zip archive", "*.zip"}); the first is offered first.
     */
    Path choose(Window owner, String title, String suggestedName, String... kinds);

    static SaveChooser system() {
        return (owner, title, suggestedName, kinds) -> {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            for (int i = 0; i + 1 < kinds.length; i += 2) {
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kinds[i], kinds[i + 1]));
            }
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        };
    }
}
