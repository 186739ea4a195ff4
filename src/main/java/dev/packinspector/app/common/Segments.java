package dev.packinspector.app.common;

import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import org.controlsfx.control.SegmentedButton;

/** Segmented buttons of which exactly one is on, as a view's display modes are. */
public final class Segments {
    private Segments() {
    }

    /**
     * {@code choices} as one segmented control with the first on. One is always on: pressing the
     * one that is on keeps it on. {@code changed} runs when another is chosen. No choice is ever
     * cut to an ellipsis.
     */
    public static SegmentedButton oneOf(Runnable changed, ToggleButton... choices) {
        for (ToggleButton b : choices) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        var control = new SegmentedButton(choices);
        control.setToggleGroup(new ToggleGroup());
        choices[0].setSelected(true);
        control.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                changed.run();
            }
        });
        return control;
    }
}
