package dev.packinspector.app.preview;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Segments;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The Image tab: the image fitted to the pane (never enlarged past its own size: a small image
 * stays sharp, centred) or at 1:1 to scroll around, by the toggle or a double-click; its pixel
 * size and the zoom beneath. A message instead when there is no image; an image that does not
 * decode says so in a sentence.
 */
public final class ImagePane extends BorderPane {
    private final ImageView view = new ImageView();
    private final StackPane canvas = new StackPane();
    private final ScrollPane scroll = new ScrollPane(canvas);
    private final Label message = new Label();
    private final StackPane messagePane = new StackPane(message);
    private final ToggleButton fit = new ToggleButton("Fit");
    private final ToggleButton actual = new ToggleButton("1:1");
    private final Label size = new Label();
    private final HBox bar;
    private Image image;

    ImagePane() {
        setId("preview-image");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        message.setWrapText(true);
        message.setPadding(new Insets(8));
        canvas.setAlignment(Pos.CENTER);
        canvas.getChildren().setAll(view);
        scroll.setPannable(true);
        // the canvas is at least the viewport: a smaller image sits in its middle
        scroll.viewportBoundsProperty().addListener((obs, old, b) -> layoutImage());
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && image != null) {
                (fit.isSelected() ? actual : fit).setSelected(true);
            }
        });
        fit.setId("image-fit");
        fit.setTooltip(new Tooltip("Fit the image to the pane (double-click the image to switch)"));
        actual.setId("image-actual");
        actual.setTooltip(new Tooltip("Show the image pixel for pixel, 1:1 (double-click the image to switch)"));
        var zoom = Segments.oneOf(this::layoutImage, fit, actual);
        size.setId("image-size");
        size.getStyleClass().add("muted");
        bar = new HBox(8, zoom, size);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setBottom(bar);
        message("");
    }

    /** Shows {@code text} instead of an image. */
    void message(String text) {
        image = null;
        view.setImage(null);
        message.setText(text);
        bar.setVisible(false);
        bar.setManaged(false);
        setCenter(messagePane);
    }

    /** What shows instead of an image; empty while one shows. */
    String message() {
        return image == null ? message.getText() : "";
    }

    /** Shows {@code img}, fitted to the pane. */
    void show(Image img) {
        image = img;
        view.setImage(img);
        fit.setSelected(true);
        bar.setVisible(true);
        bar.setManaged(true);
        setCenter(scroll);
        layoutImage();
    }

    /** The part of the pane the image is shown in. */
    public Bounds viewport() {
        return scroll.getViewportBounds();
    }

    public ImageView view() {
        return view;
    }

    /** The text under the image: "1920 × 1080 px · 43%". */
    public String sizeText() {
        return image == null ? "" : size.getText();
    }

    /** True at 1:1, false when fitted. */
    public boolean actualSize() {
        return actual.isSelected();
    }

    public void actualSize(boolean on) {
        (on ? actual : fit).setSelected(true);
    }

    private void layoutImage() {
        if (image == null) {
            return;
        }
        Bounds viewport = scroll.getViewportBounds();
        double w = image.getWidth();
        double h = image.getHeight();
        double scale = 1;
        if (fit.isSelected() && viewport.getWidth() > 0 && viewport.getHeight() > 0) {
            scale = Math.min(1, Math.min(viewport.getWidth() / w, viewport.getHeight() / h));
        }
        view.setFitWidth(w * scale);
        view.setFitHeight(h * scale);
        canvas.setMinSize(viewport.getWidth(), viewport.getHeight());
        scroll.setHbarPolicy(fit.isSelected() ? ScrollPane.ScrollBarPolicy.NEVER : ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(fit.isSelected() ? ScrollPane.ScrollBarPolicy.NEVER : ScrollPane.ScrollBarPolicy.AS_NEEDED);
        size.setText(String.format(Locale.ROOT, "%,d × %,d px · %s", (long) w, (long) h,
                scale == 1 ? "100%" : Math.round(scale * 100) + "% (fitted)"));
    }

    /**
     * Why an image that starts like a {@code format} file does not decode, as a sentence:
     * "This file's content is not a valid PNG image: its header is damaged." The decoder's words
     * are kept, cleaned, when they are not known.
     */
    static String notAnImage(String format, Throwable e) {
        String said = e == null ? "" : Errors.sentence(e);
        String reason = reason(said);
        return "This file's content is not a valid " + (format == null ? "" : format + " ") + "image: " + reason + ".";
    }

    private static String reason(String said) {
        String s = said.strip();
        while (s.endsWith("!") || s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        String low = s.toLowerCase(Locale.ROOT);
        if (low.isEmpty()) {
            return "it cannot be decoded";
        }
        if (low.contains("header") || low.contains("signature") || low.contains("ihdr")) {
            return "its header is damaged";
        }
        if (low.contains("crc")) {
            return "part of it fails its checksum";
        }
        if (low.contains("eof") || low.contains("end of") || low.contains("premature") || low.contains("truncat")) {
            return "it ends too early";
        }
        if (low.contains("unsupported")) {
            return "it uses a variant the decoder does not support (" + s + ")";
        }
        return "the decoder says “" + Character.toLowerCase(s.charAt(0)) + s.substring(1) + "”";
    }
}
