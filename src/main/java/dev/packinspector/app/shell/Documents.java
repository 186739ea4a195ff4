package dev.packinspector.app.shell;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.HostServices;

/**
 * Shows a file in the system's application for its kind (the desktop's {@code HostServices}); a
 * window without them (tests) records nothing. Tests of the window put their own viewer here.
 */
final class Documents implements Consumer<Path> {
    private Consumer<Path> viewer;

    Documents(HostServices host) {
        viewer = host == null ? file -> { } : file -> host.showDocument(file.toUri().toString());
    }

    @Override
    public void accept(Path file) {
        viewer.accept(file);
    }

    /** Shows files with {@code v} from now on. */
    void viewer(Consumer<Path> v) {
        viewer = v;
    }
}
