package dev.packinspector.app.preview;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.store.ObjectContent;
import java.nio.charset.Charset;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * An object as text with line numbers, in a virtualised list: the first window shows at once and
 * "Show more" decodes the next one, so a huge log costs only what has been looked at.
 */
public final class TextView extends BorderPane {
    static final int WINDOW = 256 << 10;

    private final Tasks tasks;
    /** The window of text being read: a newer object cancels it. */
    private final Tasks.Latest reading = new Tasks.Latest();
    private final ListView<String> lines = new ListView<>();
    private final Label state = new Label();
    private final Button more = new Button("Show more");
    private final HBox bar;
    private ObjectContent content;
    private TextChunks chunks;
    private Charset charset;
    private long next;

    TextView(Tasks tasks) {
        this.tasks = tasks;
        lines.setId("preview-text");
        lines.getStyleClass().addAll("monospace", atlantafx.base.theme.Styles.DENSE);
        // one line of text a row, as dense as an editor (and as the diffs)
        lines.setFixedCellSize(20);
        lines.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : String.format("%6d  %s", getIndex() + 1, line));
            }
        });
        more.setId("text-more");
        more.setTooltip(new Tooltip("Decode the next " + Format.bytes(WINDOW) + " of this object"));
        more.setOnAction(e -> more());
        state.setId("text-state");
        bar = new HBox(8, state, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setCenter(lines);
    }

    public ListView<String> lines() {
        return lines;
    }

    /** Shows one line of explanation instead of text ("Loading…", "binary content", an error). */
    void message(String text) {
        reading.cancel();
        content = null;
        setBottom(null);
        lines.setItems(FXCollections.observableArrayList());
        lines.setPlaceholder(new Label(text));
    }

    /**
     * Shows the first lines of {@code object}, decoded (off the FX thread) from its first
     * {@code headBytes} bytes by {@code chunks}, which decodes the windows that follow.
     */
    void show(ObjectContent object, Charset charset, TextChunks chunks, List<String> firstLines, int headBytes) {
        reading.cancel();
        content = object;
        this.charset = charset;
        this.chunks = chunks;
        lines.setItems(FXCollections.observableArrayList(firstLines));
        lines.setPlaceholder(new Label("(empty)"));
        lines.scrollTo(0);
        next = 0;
        append(List.of(), headBytes);
    }

    /** Decodes a head read from an object: its lines, or none if it is not text. Runs off the FX thread. */
    static List<String> firstLines(TextChunks chunks, byte[] head) {
        return chunks.next(head, head.length < WINDOW);
    }

    private void append(List<String> added, int bytes) {
        boolean last = bytes < WINDOW;
        lines.getItems().addAll(added);
        next += bytes;
        if (last) {
            setBottom(next > WINDOW ? bar : null);
            state.setText(Format.count(lines.getItems().size()) + " lines, " + charset.name());
            more.setDisable(true);
        } else {
            state.setText(Format.bytes(next) + " shown (" + charset.name() + ")");
            more.setDisable(false);
            setBottom(bar);
        }
    }

    private void more() {
        ObjectContent object = content;
        TextChunks decoding = chunks;
        long from = next;
        if (object == null) {
            return;
        }
        more.setDisable(true);
        tasks.job("Reading text from " + Format.count(from), p -> {
            byte[] bytes = object.read(from, WINDOW);
            return new Window(decoding.next(bytes, bytes.length < WINDOW), bytes.length);
        }).quiet().in(reading).onSuccess(read -> append(read.lines(), read.bytes()))
                .onError(Exception.class, e -> state.setText("cannot read further: " + Errors.sentence(e))).run();
    }

    /** The lines one window of bytes completed. */
    private record Window(List<String> lines, int bytes) {
    }
}
