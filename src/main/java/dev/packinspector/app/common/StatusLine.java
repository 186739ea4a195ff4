package dev.packinspector.app.common;

import dev.packinspector.Errors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom line of the window: the last outcome (one clear sentence, with details on demand for
 * errors) on the left, store totals on the right. An error stays until the next outcome replaces
 * it or the user moves on ({@link #dismissError}: another view, store or command).
 */
public final class StatusLine extends HBox {
    private final Label message = new Label("Ready");
    private final Hyperlink details = new Hyperlink("Details…");
    private final Label totals = new Label();
    private Throwable lastError;
    private final java.util.List<java.util.function.BiConsumer<String, Throwable>> errorListeners = new java.util.ArrayList<>();

    public StatusLine() {
        setId("status");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        message.setId("status-message");
        totals.setId("status-totals");
        details.setVisible(false);
        details.setOnAction(e -> showDetails());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, details, spacer, totals);
    }

    public void info(String text) {
        lastError = null;
        details.setVisible(false);
        Css.flag(message, "danger", false);
        message.setText(text);
    }

    public void error(String what, Throwable e) {
        lastError = e;
        details.setVisible(e != null);
        Css.flag(message, "danger", true);
        message.setText(what + ": " + Errors.sentence(e));
        errorListeners.forEach(l -> l.accept(message.getText(), e));
    }

    /** Tells {@code listener} every error shown (the sentence and its cause), for whoever watches the window (the self-test). */
    public void onError(java.util.function.BiConsumer<String, Throwable> listener) {
        errorListeners.add(listener);
    }

    /**
     * Clears an error shown (nothing else): the user has moved on, to another view, another store or
     * another command, so an old failure no longer stands beside what they see. Its Details… go with it.
     */
    public void dismissError() {
        if (showsError()) {
            info("");
        }
    }

    /** True while the line shows an error (in red, with Details… when there is a trace). */
    public boolean showsError() {
        return message.getStyleClass().contains("danger");
    }

    public String text() {
        return message.getText();
    }

    public void totals(String text) {
        totals.setText(text);
    }

    private void showDetails() {
        if (lastError == null) {
            return;
        }
        var trace = new java.io.StringWriter();
        lastError.printStackTrace(new java.io.PrintWriter(trace));
        var area = new TextArea(trace.toString());
        area.setEditable(false);
        var alert = new Alert(Alert.AlertType.ERROR, Errors.sentence(lastError));
        alert.setHeaderText("What went wrong");
        alert.getDialogPane().setExpandableContent(area);
        Dialogs.fit(alert, getScene().getWindow()).show();
    }
}
