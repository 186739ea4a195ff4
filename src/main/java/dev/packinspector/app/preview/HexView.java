package dev.packinspector.app.preview;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Css;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.store.ObjectContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A hex dump of an object of any size, one 64 KB page at a time: previous / next, go to an
 * offset, or drag the slider anywhere in the object. Only the page shown is decoded (off the FX
 * thread), so a multi-GB object costs one page of memory.
 */
public final class HexView extends BorderPane {
    public static final int PAGE = 64 << 10;

    private final Tasks tasks;
    /** The page being read: a newer request cancels it and drops its late result. */
    private final Tasks.Latest reading = new Tasks.Latest();
    private final ListView<String> lines = new ListView<>();
    private final Button prev = new Button("◀");
    private final Button next = new Button("▶");
    private final TextField goTo = new TextField();
    private final Slider slider = new Slider();
    private final Label position = new Label();
    private ObjectContent content;
    private long size = -1;
    private long page = -1;
    private boolean sliding;
    private int shownBytes;

    public HexView(Tasks tasks) {
        this.tasks = tasks;
        lines.setId("preview-hex");
        lines.getStyleClass().addAll("monospace", atlantafx.base.theme.Styles.DENSE);
        // one line of text a row, as dense as an editor (and as the diffs)
        lines.setFixedCellSize(20);
        prev.setId("hex-prev");
        next.setId("hex-next");
        prev.setTooltip(new Tooltip("Previous 64 KB"));
        next.setTooltip(new Tooltip("Next 64 KB"));
        prev.setOnAction(e -> show(Math.max(0, page - PAGE), -1));
        next.setOnAction(e -> show(page + PAGE, -1));
        goTo.setId("hex-goto");
        goTo.setPromptText("Go to offset");
        goTo.setPrefColumnCount(10);
        goTo.setTooltip(new Tooltip("A byte offset: decimal, or hex with 0x"));
        goTo.setOnAction(e -> goTo(goTo.getText()));
        slider.setId("hex-slider");
        slider.setTooltip(new Tooltip("Drag to move through the whole object"));
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                show(Math.round(slider.getValue()), -1);
            }
        });
        slider.valueProperty().addListener((obs, old, v) -> {
            if (!sliding && !slider.isValueChanging()) {
                show(Math.round(v.doubleValue()), -1);
            }
        });
        slider.setMaxWidth(Double.MAX_VALUE);
        position.setId("hex-position");
        var buttons = new HBox(6, prev, next, goTo, position);
        buttons.setAlignment(Pos.CENTER_LEFT);
        var bar = new VBox(4, buttons, slider);
        bar.setPadding(new Insets(4));
        setTop(bar);
        setCenter(lines);
        clear("");
    }

    void clear(String why) {
        reading.cancel();
        content = null;
        page = -1;
        shownBytes = 0;
        size = -1;
        lines.getItems().clear();
        lines.setPlaceholder(new Label(why));
        position.setText("");
        slider.setVisible(false);
        prev.setDisable(true);
        next.setDisable(true);
    }

    /** Shows the first page of {@code object}; {@code knownSize} is -1 if the size is not known yet. */
    public void show(ObjectContent object, long knownSize) {
        clear("Loading…");
        content = object;
        sizeKnown(object, knownSize);
        show(0, -1);
    }

    /** {@code object}'s length became known (from the catalog or a full scan): the slider can span it. */
    public void sizeKnown(ObjectContent object, long n) {
        if (n < 0 || object == null || object != content) {
            return;
        }
        size = n;
        sliding = true;
        slider.setMax(Math.max(1, n - 1));
        slider.setBlockIncrement(PAGE);
        slider.setVisible(n > PAGE);
        sliding = false;
        showPosition(shownBytes);
    }

    public ListView<String> lines() {
        return lines;
    }

    /** Moves to the page holding {@code text} (decimal, or hex with 0x) and selects its line. */
    public void goTo(String text) {
        try {
            String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
            long offset = t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            if (offset < 0 || (size >= 0 && offset >= size)) {
                throw new NumberFormatException();
            }
            Css.flag(goTo, "danger", false);
            show(offset - offset % PAGE, (int) (offset % PAGE / 16));
        } catch (NumberFormatException e) {
            markInvalid();
        }
    }

    private void markInvalid() {
        Css.flag(goTo, "danger", true);
    }

    private void show(long offset, int selectLine) {
        ObjectContent object = content;
        long target = offset - offset % PAGE;
        if (object == null) {
            return;
        }
        reading.cancel(); // whatever is still loading is now out of date
        if (target == page && selectLine < 0) {
            showPosition(shownBytes);
            return;
        }
        position.setText("reading bytes from " + Format.count(target) + "…");
        tasks.job("Reading bytes " + Format.count(target), p -> {
            byte[] bytes = object.read(target, PAGE);
            var text = new ArrayList<String>(bytes.length / 16 + 1);
            for (int i = 0; i < bytes.length; i += 16) {
                text.add(ObjectPreview.hexLine(target + i, bytes, i, Math.min(16, bytes.length - i)));
            }
            return new Page(text, bytes.length);
        }).quiet().in(reading).onSuccess(read -> showPage(object, target, read, selectLine))
                .onError(Exception.class, e -> position.setText("cannot read: " + Errors.sentence(e))).run();
    }

    private void showPage(ObjectContent object, long target, Page read, int selectLine) {
        sizeKnown(object, object.size());
        List<String> text = read.lines();
        int shown = read.bytes();
        if (shown == 0 && target > 0) {
            // past the end (the size was not known yet): say so, and show the last page
            markInvalid();
            show(Math.max(0, object.size() - 1), -1);
            return;
        }
        page = target;
        shownBytes = shown;
        lines.setItems(FXCollections.observableArrayList(text));
        lines.setPlaceholder(new Label("(empty object)"));
        if (selectLine >= 0 && selectLine < text.size()) {
            lines.getSelectionModel().select(selectLine);
            lines.scrollTo(Math.max(0, selectLine - 3));
        } else {
            lines.scrollTo(0);
        }
        prev.setDisable(target == 0);
        next.setDisable(shown < PAGE || (size >= 0 && target + PAGE >= size));
        sliding = true;
        slider.setValue(target);
        sliding = false;
        showPosition(shown);
    }

    /** One page: its dump lines, formatted off the FX thread, and how many bytes they show. */
    private record Page(List<String> lines, int bytes) {
    }

    private void showPosition(long shown) {
        if (page < 0) {
            return;
        }
        position.setText("bytes " + Format.count(page) + "–" + Format.count(page + shown) + (size >= 0 ? " of " + Format.count(size) : ""));
    }
}
