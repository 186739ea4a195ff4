package dev.packinspector.app.shell;

import dev.packinspector.app.common.Drops;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.workspace.ChkptHome;
import dev.packinspector.workspace.StoreFolders;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.input.TransferMode;

/**
 * Drops on the window: a store folder opens, and so does a folder chkpt saved (its store); other
 * files and folders dropped while a store is open, the open store's own folder among them, are
 * looked up by content. (Drops on the restore area restore; the Snapshots view takes those.)
 */
final class WindowDrops {
    private WindowDrops() {
    }

    static void install(Scene scene, ObservableValue<StoreSession> session, ChkptHome home, Consumer<Path> open, Consumer<List<Path>> findContent) {
        scene.setOnDragOver(e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles() && (Drops.folder(e.getDragboard()) != null || session.getValue() != null)) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
        });
        scene.setOnDragDropped(e -> {
            Path folder = Drops.folder(e.getDragboard());
            boolean taken = true;
            if (folder != null && (session.getValue() == null || StoreFolders.looksLikeStore(folder)
                    || StoreFinder.isWorkspaceOfAnotherStore(folder, session.getValue().path(), home))) {
                open.accept(folder);
            } else if (session.getValue() != null && e.getDragboard().hasFiles()) {
                findContent.accept(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            } else {
                taken = false;
            }
            e.setDropCompleted(taken);
            e.consume();
        });
    }
}
