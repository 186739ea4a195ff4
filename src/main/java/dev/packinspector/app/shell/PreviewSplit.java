package dev.packinspector.app.shell;

import dev.packinspector.app.common.Settings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The selected part in the centre and the preview beside it. The preview can be hidden, as a mail
 * client's reading pane can (View ▸ Preview pane, F8, or its own Hide button), to give a table
 * the whole width; whether it is shown and where the divider sits are kept between runs.
 */
final class PreviewSplit extends SplitPane {
    private final Node preview;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "previewShown", true);
    private double divider;

    PreviewSplit(Node centre, Node preview, Settings settings) {
        super(centre, preview);
        this.preview = preview;
        divider = settings.number("divider", 0.55);
        setDividerPositions(divider);
        shown.set(settings.number("preview-shown", 1) > 0);
        show(shown.get());
        shown.addListener((obs, was, now) -> show(now));
    }

    /** True while the preview is shown; set it to show or hide the preview. */
    BooleanProperty previewShown() {
        return shown;
    }

    private void show(boolean on) {
        if (on && getItems().size() == 1) {
            getItems().add(preview);
            setDividerPositions(divider);
        } else if (!on && getItems().size() == 2) {
            divider = getDividerPositions()[0];
            getItems().remove(preview);
        }
    }

    /** Keeps whether the preview is shown and where the divider is (where it was, while the preview is hidden). */
    void save(Settings settings) {
        settings.put("divider", getItems().size() == 2 ? getDividerPositions()[0] : divider);
        settings.put("preview-shown", shown.get() ? 1 : 0);
    }
}
