package dev.packinspector.app.history;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Segments;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.history.TextDiff.Hunk;
import dev.packinspector.app.history.TextDiff.Kind;
import dev.packinspector.app.history.TextDiff.Line;
import dev.packinspector.app.history.TextDiff.Span;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.PackSet;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A line diff as dense as an editor's: one monospace row per line with both line numbers,
 * unified or side by side (a toggle), added and removed lines tinted and the words that changed
 * inside them marked. {@link #compare} reads two versions in the background and shows their diff.
 */
public final class DiffView extends BorderPane {
    /** How the two versions are laid out. */
    public enum Mode { UNIFIED, SIDE_BY_SIDE }

    /** A row of the list: a hunk's header, one line (unified), or an older and a newer line side by side (either may be null). */
    public sealed interface Row permits HunkRow, LineRow, PairRow {
    }

    public record HunkRow(Hunk hunk) implements Row {
    }

    public record LineRow(Line line) implements Row {
    }

    public record PairRow(Line left, Line right) implements Row {
    }

    /** Rows are one line of monospace text apart, as in an editor. */
    static final double ROW_HEIGHT = 20;

    private final ListView<Row> rows = new ListView<>();
    private final ToggleButton unified = new ToggleButton("Unified");
    private final ToggleButton sideBySide = new ToggleButton("Side by side");
    private final Label summary = new Label();
    private final Label placeholder = new Label();
    private TextDiff diff;
    private String numberFormat = "%d";

    /** A diff view whose bar holds {@code extras} (a title, buttons) after the mode toggle and the summary. */
    public DiffView(Node... extras) {
        getStyleClass().add("diff-view");
        rows.setId("diff-lines");
        rows.getStyleClass().addAll("diff-lines", "monospace");
        rows.setFixedCellSize(ROW_HEIGHT);
        rows.setCellFactory(v -> new RowCell());
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(12));
        rows.setPlaceholder(placeholder);
        unified.setId("diff-unified");
        unified.setTooltip(new Tooltip("Removed and added lines one under the other"));
        sideBySide.setId("diff-side-by-side");
        sideBySide.setTooltip(new Tooltip("The older version on the left, the newer on the right"));
        var modes = Segments.oneOf(this::showRows, unified, sideBySide);
        summary.setId("diff-summary");
        summary.getStyleClass().add("muted");
        summary.setMinWidth(0);
        var bar = new HBox(8, modes, summary);
        bar.getChildren().addAll(extras);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);
        setCenter(rows);
        message("");
    }

    public ListView<Row> lines() {
        return rows;
    }

    /** The diff shown, or null while none is (loading, or a message instead). */
    public TextDiff diff() {
        return diff;
    }

    /** What shows instead of lines ("Comparing…", why there is no diff); empty when lines show. */
    public String message() {
        return diff == null ? placeholder.getText() : "";
    }

    public Mode mode() {
        return sideBySide.isSelected() ? Mode.SIDE_BY_SIDE : Mode.UNIFIED;
    }

    public void mode(Mode mode) {
        (mode == Mode.SIDE_BY_SIDE ? sideBySide : unified).setSelected(true);
    }

    /** Shows {@code text} in place of lines. */
    void message(String text) {
        diff = null;
        rows.getItems().clear();
        summary.setText("");
        placeholder.setText(text);
    }

    void show(TextDiff d) {
        if (d.why() != null) {
            message(d.why());
            return;
        }
        diff = d;
        int widest = 1;
        for (Hunk h : d.hunks()) {
            widest = Math.max(widest, Math.max(h.oldStart() + h.oldCount(), h.newStart() + h.newCount()));
        }
        numberFormat = "%" + String.valueOf(widest).length() + "d";
        summary.setText("+" + Format.count(d.added()) + " −" + Format.count(d.removed()) + " lines · " + Format.count(d.hunks().size(), "hunk"));
        showRows();
    }

    /** Where a version's bytes come from: the store's packs, or a folder on disk. */
    @FunctionalInterface
    public interface Contents {
        byte[] read(ManifestEntry version) throws Exception;
    }

    /**
     * Reads {@code older} and {@code newer} (either null: the file is not in that version) from
     * {@code packs} off the FX thread and shows their diff; a newer call in {@code slot} cancels it.
     */
    void compare(Tasks tasks, Tasks.Latest slot, PackSet packs, ManifestEntry older, ManifestEntry newer) {
        Contents fromPacks = e -> packs.read(e.blob());
        compare(tasks, slot, older, fromPacks, newer, fromPacks);
    }

    /** As above, each version read from where its {@link Contents} say. */
    void compare(Tasks tasks, Tasks.Latest slot, ManifestEntry older, Contents olderContents, ManifestEntry newer, Contents newerContents) {
        slot.cancel();
        String same = sameContent(older, newer);
        if (same != null) {
            message(same);
            return;
        }
        if (older != null && older.blob() == null || newer != null && newer.blob() == null) {
            ManifestEntry without = older != null && older.blob() == null ? older : newer;
            message("Cannot compare: " + (without.problem() != null ? without.path() + ": " + without.problem() : "the catalog names no object for " + without.path()));
            return;
        }
        if (older != null && older.size() > TextDiff.MAX_BYTES || newer != null && newer.size() > TextDiff.MAX_BYTES) {
            show(TextDiff.tooLarge());
            return;
        }
        message("Comparing…");
        String path = (newer != null ? newer : older).path();
        tasks.job("Comparing " + path, p -> TextDiff.of(older == null ? null : olderContents.read(older), newer == null ? null : newerContents.read(newer)))
                .quiet().in(slot).onSuccess(this::show).onError(Exception.class, e -> message("Cannot compare: " + Errors.sentence(e))).run();
    }

    /** Why two versions with one content have no line diff to show (a rename, a mode change), or null if their contents differ. */
    private static String sameContent(ManifestEntry older, ManifestEntry newer) {
        if (older == null || newer == null || older.blob() == null || newer.blob() == null || !older.blob().equals(newer.blob())) {
            return null;
        }
        String mode = modeChange(older, newer);
        String renamed = older.path().equals(newer.path()) ? "" : "Renamed from " + older.path() + ". ";
        return renamed + (mode != null ? "Only the mode changed (" + mode.substring("mode ".length()) + "); the content is the same."
                : "The content is the same.");
    }

    /** "mode -rw-r--r-- → -rwxr-xr-x" when the two versions' modes differ, else null. */
    static String modeChange(ManifestEntry before, ManifestEntry after) {
        if (before == null || after == null || before.mode() == after.mode()) {
            return null;
        }
        return "mode " + Format.permissions(before.mode()) + " → " + Format.permissions(after.mode());
    }

    private void showRows() {
        var out = new ArrayList<Row>();
        if (diff != null) {
            for (Hunk h : diff.hunks()) {
                out.add(new HunkRow(h));
                if (mode() == Mode.UNIFIED) {
                    h.lines().forEach(l -> out.add(new LineRow(l)));
                } else {
                    pairs(h.lines(), out);
                }
            }
        }
        rows.getItems().setAll(out);
    }

    /** Side by side: context lines face themselves, a run of removed lines faces the run of added lines after it. */
    static void pairs(List<Line> lines, List<Row> out) {
        int i = 0;
        while (i < lines.size()) {
            Line l = lines.get(i);
            if (l.kind() == Kind.CONTEXT) {
                out.add(new PairRow(l, l));
                i++;
                continue;
            }
            var removed = new ArrayList<Line>();
            var added = new ArrayList<Line>();
            while (i < lines.size() && lines.get(i).kind() == Kind.REMOVED) {
                removed.add(lines.get(i++));
            }
            while (i < lines.size() && lines.get(i).kind() == Kind.ADDED) {
                added.add(lines.get(i++));
            }
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                out.add(new PairRow(k < removed.size() ? removed.get(k) : null, k < added.size() ? added.get(k) : null));
            }
        }
    }

    // ---- cells ----------------------------------------------------------------------------------

    private final class RowCell extends ListCell<Row> {
        private static final List<String> KINDS = List.of("diff-added", "diff-removed", "diff-hunk");

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            getStyleClass().removeAll(KINDS);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            switch (row) {
                case HunkRow h -> {
                    getStyleClass().add("diff-hunk");
                    setGraphic(text(h.hunk().header(), false));
                }
                case LineRow l -> {
                    kind(this, l.line().kind());
                    var box = new HBox(number(l.line().oldNumber()), number(l.line().newNumber()), sign(l.line().kind()));
                    spans(box, l.line());
                    setGraphic(box);
                }
                case PairRow p -> setGraphic(new HBox(half(p.left(), true), half(p.right(), false)));
            }
        }

        @Override
        protected void layoutChildren() {
            // side by side, the two halves share the row's whole width
            if (getItem() instanceof PairRow && getGraphic() instanceof Region r) {
                r.setPrefWidth(Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()));
            }
            super.layoutChildren();
        }

        private HBox half(Line line, boolean older) {
            var box = new HBox();
            box.getStyleClass().add("diff-half");
            box.setMinWidth(0);
            box.setPrefWidth(0);
            HBox.setHgrow(box, Priority.ALWAYS);
            var clip = new Rectangle();
            clip.widthProperty().bind(box.widthProperty());
            clip.heightProperty().bind(box.heightProperty());
            box.setClip(clip);
            if (line == null) {
                box.getStyleClass().add("diff-none");
                return box;
            }
            Kind kind = line.kind();
            kind(box, kind);
            box.getChildren().addAll(number(older ? line.oldNumber() : line.newNumber()), sign(kind));
            spans(box, line);
            return box;
        }

        private void spans(HBox box, Line line) {
            for (Span s : line.spans()) {
                box.getChildren().add(text(s.text(), s.changed()));
            }
        }

        private Label number(int n) {
            String shown = n == 0 ? " ".repeat(String.format(numberFormat, 1).length()) : String.format(numberFormat, n);
            var l = text(shown + " ", false);
            l.getStyleClass().add("diff-number");
            return l;
        }

        private Label sign(Kind kind) {
            return text(kind == Kind.ADDED ? " + " : kind == Kind.REMOVED ? " - " : "   ", false);
        }

        private static void kind(Node node, Kind kind) {
            if (kind != Kind.CONTEXT) {
                node.getStyleClass().add(kind == Kind.ADDED ? "diff-added" : "diff-removed");
            }
        }

        private static Label text(String text, boolean changed) {
            var l = new Label(text.replace("\t", "    "));
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.getStyleClass().add(changed ? "diff-changed" : "diff-text");
            return l;
        }
    }
}
