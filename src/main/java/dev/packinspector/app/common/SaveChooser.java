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

    /** The system's save dialog, wherever it opens by itself. */
    static SaveChooser system() {
        return (owner, title, suggestedName, kinds) -> dialog(owner, title, null, suggestedName, kinds);
    }

    /**
     * The system's save dialog for one {@code purpose} ("export"): it opens in the folder the last
     * file for that purpose was saved in (else wherever the system opens it) and remembers the new one's.
     */
    static SaveChooser remembering(Settings settings, String purpose) {
        return remembering(settings, purpose, SaveChooser::dialog);
    }

    /** As {@link #remembering(Settings, String)}, asking {@code dialog} (tests pass their own). */
    static SaveChooser remembering(Settings settings, String purpose, Dialog dialog) {
        return (owner, title, suggestedName, kinds) -> {
            Path chosen = dialog.show(owner, title, settings.folder(purpose), suggestedName, kinds);
            if (chosen != null && chosen.toAbsolutePath().getParent() != null) {
                settings.folder(purpose, chosen.toAbsolutePath().getParent());
            }
            return chosen;
        };
    }

    /** A save dialog that opens in a given folder. */
    @FunctionalInterface
    interface Dialog {
        /** The chosen file, or null if the user cancelled; {@code start} may be null. */
        Path show(Window owner, String title, Path start, String suggestedName, String... kinds);
    }

    private static Path dialog(Window owner, String title, Path start, String suggestedName, String... kinds) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        for (int i = 0; i + 1 < kinds.length; i += 2) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kinds[i], kinds[i + 1]));
        }
        File f = chooser.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }
}
