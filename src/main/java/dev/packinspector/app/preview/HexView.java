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
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A hex dump of an object of any size, one 64 KB page at a time: previous / next, go to an
 * offset, or drag the slider anywhere in the object. Only the page shown is read (off the FX
 * thread), so a multi-GB object costs one page of memory. A line holds 16 bytes, or 8 or 4 when
 * the pane is too narrow for more, so the ASCII column is never cut.
 */
public final class HexView extends BorderPane {
    public static final int PAGE = 64 << 10;
    /** What a dump line needs beside its characters: the list's border, the cell's padding and a vertical scroll bar. */
    private static final double LINE_ROOM = 40;

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
    /** The page shown, to lay out again when the width changes how many bytes a line holds. */
    private byte[] shownPage = new byte[0];
    /** Bytes a line holds: 16, or 8 or 4 in a narrow pane. */
    private int perLine = 16;
    /** The offset digits of the lines shown: 8, or 10 for an object over 4 GiB or of a size not known yet. */
    private int shownDigits = 10;
    /** The width of one character of the dump's font, once a cell has it (0 before). */
    private double charWidth;

    public HexView(Tasks tasks) {
        this.tasks = tasks;
        lines.setId("preview-hex");
        lines.getStyleClass().addAll("monospace", atlantafx.base.theme.Styles.DENSE);
        // one line of text a row, as dense as an editor (and as the diffs)
        lines.setFixedCellSize(20);
        lines.setCellFactory(v -> {
            var cell = new ListCell<String>() {
                @Override
                protected void updateItem(String line, boolean empty) {
                    super.updateItem(line, empty);
                    setText(empty ? null : line);
                }
            };
            // the font comes with the style sheet: only then is it known how much a line fits
            cell.fontProperty().addListener((obs, old, font) -> fontSeen(font));
            return cell;
        });
        lines.widthProperty().addListener((obs, old, w) -> fitLines());
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
        var buttons = new HBox(6, prev, next, goTo);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // where the page is, under the buttons: beside them a narrow pane cut it off
        HBox.setHgrow(slider, Priority.ALWAYS);
        position.setMinWidth(Region.USE_PREF_SIZE);
        var where = new HBox(8, slider, position);
        where.setAlignment(Pos.CENTER_LEFT);
        var bar = new VBox(4, buttons, where);
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
        shownPage = new byte[0];
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
        fitLines(); // offsets take 8 digits once the object is known to be under 4 GiB
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
            show(offset - offset % PAGE, (int) (offset % PAGE));
        } catch (NumberFormatException e) {
            markInvalid();
        }
    }

    private void markInvalid() {
        Css.flag(goTo, "danger", true);
    }

    /** Shows the page holding {@code offset}, selecting the line of byte {@code selectByte} of that page (-1: none). */
    private void show(long offset, int selectByte) {
        ObjectContent object = content;
        long target = offset - offset % PAGE;
        if (object == null) {
            return;
        }
        reading.cancel(); // whatever is still loading is now out of date
        if (target == page && selectByte < 0) {
            showPosition(shownBytes);
            return;
        }
        position.setText("reading bytes from " + Format.count(target) + "…");
        tasks.job("Reading bytes " + Format.count(target), p -> object.read(target, PAGE))
                .quiet().in(reading).onSuccess(read -> showPage(object, target, read, selectByte))
                .onError(Exception.class, e -> position.setText("cannot read: " + Errors.sentence(e))).run();
    }

    private void showPage(ObjectContent object, long target, byte[] read, int selectByte) {
        sizeKnown(object, object.size());
        int shown = read.length;
        if (shown == 0 && target > 0) {
            // past the end (the size was not known yet): say so, and show the last page
            markInvalid();
            show(Math.max(0, object.size() - 1), -1);
            return;
        }
        page = target;
        shownBytes = shown;
        shownPage = read;
        lines.setItems(FXCollections.observableArrayList(dump()));
        lines.setPlaceholder(new Label("(empty object)"));
        if (selectByte >= 0 && selectByte < shown) {
            selectLine(selectByte / perLine);
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

    private void selectLine(int line) {
        lines.getSelectionModel().select(line);
        lines.scrollTo(Math.max(0, line - 3));
    }

    /** The page shown as dump lines of {@link #perLine} bytes (a 64 KB page formats in about a millisecond). */
    private List<String> dump() {
        int digits = ObjectPreview.offsetDigits(size);
        shownDigits = digits;
        var text = new ArrayList<String>(shownPage.length / perLine + 1);
        for (int i = 0; i < shownPage.length; i += perLine) {
            text.add(ObjectPreview.hexLine(page + i, digits, shownPage, i, Math.min(perLine, shownPage.length - i), perLine));
        }
        return text;
    }

    private void fontSeen(Font font) {
        if (font == null) {
            return;
        }
        var probe = new Text("0".repeat(64));
        probe.setFont(font);
        double w = probe.getLayoutBounds().getWidth() / 64;
        if (w != charWidth) {
            charWidth = w;
            fitLines();
        }
    }

    /**
     * As many bytes a line as the list is wide enough for (its cell's padding and a scroll bar
     * besides): 16, 8 or 4 (16 before the width is known); lays the page out again, keeping the
     * selected bytes selected.
     */
    private void fitLines() {
        double room = lines.getWidth() - LINE_ROOM;
        int digits = ObjectPreview.offsetDigits(size);
        int fits = 16;
        if (charWidth > 0 && lines.getWidth() > 0) {
            while (fits > 4 && room < charWidth * ObjectPreview.hexLineChars(digits, fits)) {
                fits /= 2;
            }
        }
        if (fits == perLine && digits == shownDigits) {
            return;
        }
        int selected = lines.getSelectionModel().getSelectedIndex();
        int selectedByte = selected < 0 ? -1 : selected * perLine;
        perLine = fits;
        if (shownPage.length > 0) {
            lines.setItems(FXCollections.observableArrayList(dump()));
            if (selectedByte >= 0) {
                selectLine(selectedByte / perLine);
            }
        }
    }

    private void showPosition(long shown) {
        if (page < 0) {
            return;
        }
        position.setText("bytes " + Format.count(page) + "–" + Format.count(page + shown) + (size >= 0 ? " of " + Format.count(size) : ""));
    }
}
