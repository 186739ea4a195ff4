package dev.packinspector.app.history;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Dialogs;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.PackSet;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window with the line diff of two versions of a file, read and compared in the background. */
public final class CompareWindow {
    private CompareWindow() {
    }

    /** Opens the window at once and fills it when the comparison is ready; returns the list shown, for tests. */
    public static ListView<String> show(Window owner, Tasks tasks, PackSet packs, ManifestEntry older, ManifestEntry newer, String olderLabel,
            String newerLabel) {
        var lines = new ListView<String>();
        lines.setId("diff-lines");
        lines.getStyleClass().add("monospace");
        lines.setPlaceholder(new Label("Comparing…"));
        lines.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed", "diff-hunk");
                setText(empty ? null : line);
                if (!empty && line != null) {
                    if (line.startsWith("@@")) {
                        getStyleClass().add("diff-hunk");
                    } else if (line.startsWith("+") && !line.startsWith("+++")) {
                        getStyleClass().add("diff-added");
                    } else if (line.startsWith("-") && !line.startsWith("---")) {
                        getStyleClass().add("diff-removed");
                    }
                }
            }
        });
        var title = new Label(newer.path() + ": " + olderLabel + " → " + newerLabel);
        title.setStyle("-fx-padding: 8");
        var pane = new BorderPane(lines);
        pane.setTop(title);
        var stage = new Stage();
        stage.setTitle("Compare " + newer.path());
        Dialogs.show(stage, new Scene(pane, 900, 640), owner);
        tasks.job("Comparing " + newer.path(), p -> older.size() > TextDiff.MAX_BYTES || newer.size() > TextDiff.MAX_BYTES ? TextDiff.tooLarge()
                : TextDiff.of(older.path() + " (" + olderLabel + ")", packs.read(older.blob()), newer.path() + " (" + newerLabel + ")",
                        packs.read(newer.blob()))).onSuccess(d -> {
                            if (d.why() != null) {
                                lines.setPlaceholder(new Label(d.why()));
                            } else {
                                lines.getItems().setAll(d.lines());
                            }
                        }).onError(Exception.class, e -> lines.setPlaceholder(new Label("Cannot compare: " + Errors.sentence(e)))).run();
        return lines;
    }
}
