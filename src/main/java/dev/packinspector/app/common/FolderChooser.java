package dev.packinspector.app.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Asks the user for a folder; tests replace the system dialog with their own answer. */
@FunctionalInterface
public interface FolderChooser {
    /** The chosen folder, or null if the user cancelled. */
    Path choose(Window owner, String title);

    /** The system's folder dialog, wherever it opens by itself. */
    static FolderChooser system() {
        return (owner, title) -> dialog(owner, title, null);
    }

    /**
     * The system's folder dialog for one {@code purpose} ("store", "restore"): it opens in the
     * folder that held the last folder chosen for that purpose (so the last choice is one click
     * away, beside its siblings), or in {@code fallback} when there is none yet (null: wherever the
     * system opens it), and remembers the new choice in {@code settings}.
     */
    static FolderChooser remembering(Settings settings, String purpose, Path fallback) {
        return remembering(settings, purpose, fallback, FolderChooser::dialog);
    }

    /** As {@link #remembering(Settings, String, Path)}, asking {@code dialog} (tests pass their own). */
    static FolderChooser remembering(Settings settings, String purpose, Path fallback, Dialog dialog) {
        return (owner, title) -> {
            Path chosen = dialog.show(owner, title, startIn(settings, purpose, fallback));
            if (chosen != null) {
                settings.folder(purpose, chosen.getParent() != null ? chosen.getParent() : chosen);
            }
            return chosen;
        };
    }

    /** Where the dialog for {@code purpose} opens: the remembered folder, else {@code fallback} if it is a folder, else null. */
    static Path startIn(Settings settings, String purpose, Path fallback) {
        Path remembered = settings.folder(purpose);
        if (remembered != null) {
            return remembered;
        }
        return fallback != null && Files.isDirectory(fallback) ? fallback : null;
    }

    /** A folder dialog that opens in a given folder. */
    @FunctionalInterface
    interface Dialog {
        /** The chosen folder, or null if the user cancelled; {@code start} may be null. */
        Path show(Window owner, String title, Path start);
    }

    private static Path dialog(Window owner, String title, Path start) {
        var chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        File f = chooser.showDialog(owner);
        return f == null ? null : f.toPath();
    }
}
