package dev.packinspector.app.packs;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.store.StoreFiles;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * The Packs view: the packs above, the store's other files below (catalog, tree pack, chkpt's
 * cache and lock, leftovers of a killed save), each with what it is. The files are listed, never
 * opened, and none of them is a problem.
 */
public final class StoreFilesView extends SplitPane {
    private final TableView<StoreFiles.Entry> files = new TableView<>();

    /** {@code packs} above, the other files of {@code session}'s store below. */
    public StoreFilesView(PacksView packs, ObservableValue<StoreSession> session) {
        setId("packs-pane");
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        files.setId("store-files");
        files.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        files.setPlaceholder(new Label("A bare packs folder: no catalog or other store files"));
        files.getColumns().setAll(java.util.List.of(
                Columns.name("File", 220, StoreFiles.Entry::path),
                Columns.number("Size", 90, f -> f.size() < 0 ? "folder" : Format.bytes(f.size()), StoreFiles.Entry::size),
                Columns.sorted("What it is", 600, dev.packinspector.app.common.Look.<StoreFiles.Entry>of(StoreFiles.Entry::what)
                        .withHover(StoreFiles.Entry::what), java.util.Comparator.comparing(StoreFiles.Entry::what))));
        Columns.fit(files, files.getColumns().getLast(), 200);
        dev.packinspector.app.common.TypeToFind.install(files, StoreFiles.Entry::path);
        var title = new Label("Other files of the store");
        title.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
        title.setPadding(new Insets(6, 6, 4, 6));
        var lower = new BorderPane(files);
        lower.setTop(title);
        getItems().setAll(packs, lower);
        setDividerPositions(0.62);
        session.addListener((obs, old, now) -> show(now));
    }

    private void show(StoreSession session) {
        files.setItems(FXCollections.observableArrayList(session == null ? java.util.List.of() : session.storeFiles()));
    }

    public TableView<StoreFiles.Entry> files() {
        return files;
    }
}
