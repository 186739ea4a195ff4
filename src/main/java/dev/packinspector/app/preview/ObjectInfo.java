package dev.packinspector.app.preview;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Css;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Info tab: where an object or tree lives, its size, what the background check said of it
 * and, for an object, which snapshots use it (named as their users know them, ids on hover).
 */
final class ObjectInfo extends ScrollPane {
    private static final long USES_AFTER_MS = 250;
    private static final int USES_SHOWN = 50;

    private final Tasks tasks;
    private final GridPane grid = new GridPane();
    private final Label integrity = new Label();
    private final Label size = new Label();
    private final Label entries = new Label();

    ObjectInfo(Tasks tasks) {
        this.tasks = tasks;
        grid.setId("preview-info");
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        integrity.setId("preview-integrity");
        setContent(grid);
    }

    void clear(String why) {
        grid.getChildren().setAll(new Label(why));
    }

    /** Object {@code id} at {@code at}; {@code entry} (may be null) tells its path, mode and size; the snapshots using it are looked up in {@code loads}. */
    void object(StoreSession session, ObjectId id, ManifestEntry entry, ObjectLocation at, Tasks.Latest loads) {
        grid.getChildren().clear();
        int row = row(0, "Object id", id.toHex());
        if (entry != null) {
            row = row(row, "Path", entry.path());
            row = row(row, "Mode", Format.mode(entry.mode()));
        }
        size.setText(entry != null ? sizeText(entry.size()) : "…");
        row = row(row, "Size", size);
        row = row(row, "Pack", at.pack().name() + (at.pack().chunked() ? " (chunked)" : ""));
        row = row(row, "Offset in .dat", Format.count(at.offset()));
        row = row(row, "Compressed", sizeText(at.compressedSize()));
        row = checking(row);
        var used = new VBox(2, new Label("looking up snapshots…"));
        used.setId("preview-used-by");
        var key = new Label("Used by");
        key.getStyleClass().add("text-muted");
        key.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(key, 0, row);
        grid.add(used, 1, row);
        if (session.catalog().isEmpty()) {
            used.getChildren().setAll(new Label("(no catalog)"));
            return;
        }
        // a snapshot that shares another's manifest (chkpt's metadata-only save) uses what that one uses
        Map<String, List<Snapshot>> byManifest = new HashMap<>();
        session.snapshots().forEach(s -> byManifest.computeIfAbsent(s.manifestSnapshotId() != null ? s.manifestSnapshotId() : s.id(),
                k -> new ArrayList<>()).add(s));
        Catalog catalog = session.catalog().get();
        tasks.job("Finding the snapshots that use " + id.shortHex(12), p -> {
            // the lookup reads every manifest row: wait until the selection has settled, so
            // stepping through files does not queue one scan per file (a newer selection cancels this)
            Thread.sleep(USES_AFTER_MS);
            return catalog.usesOf(id, USES_SHOWN, p::isCancelled);
        }).quiet().alongside(loads).onSuccess(uses -> used.getChildren().setAll(usesOf(uses, byManifest)))
                .onError(Exception.class, e -> used.getChildren().setAll(new Label("cannot read the catalog: " + Errors.sentence(e)))).run();
    }

    /**
     * One line per use: the snapshot as its user knows it (time · message) and the path; the
     * snapshot's id on hover, and to copy with the path from the line's menu.
     */
    private static List<Label> usesOf(List<Catalog.PathRow> uses, Map<String, List<Snapshot>> byManifest) {
        if (uses.isEmpty()) {
            return List.of(new Label("no snapshot"));
        }
        var out = new ArrayList<Label>();
        for (Catalog.PathRow r : uses) {
            List<Snapshot> holders = byManifest.getOrDefault(r.snapshotId(), List.of());
            if (holders.isEmpty()) {
                out.add(use(Snapshot.shortId(r.snapshotId()) + "…", r.snapshotId(), r.path()));
            }
            for (Snapshot s : holders) {
                out.add(use(Format.snapshot(s), s.id(), r.path()));
            }
        }
        if (uses.size() == USES_SHOWN) {
            out.add(new Label("…"));
        }
        return out;
    }

    private static Label use(String snapshot, String id, String path) {
        var line = new Label(snapshot + "  " + path);
        line.setWrapText(true);
        line.setTooltip(new Tooltip("snapshot id " + id));
        var copyId = new MenuItem("Copy snapshot id");
        copyId.setOnAction(e -> copy(id));
        var copyPath = new MenuItem("Copy path");
        copyPath.setOnAction(e -> copy(path));
        line.setContextMenu(new ContextMenu(copyId, copyPath));
        return line;
    }

    private static void copy(String text) {
        var content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Tree {@code id} of {@code session}'s tree pack; its entry count follows with {@link #treeRead}. */
    void tree(StoreSession session, ObjectId id) {
        grid.getChildren().clear();
        int row = row(0, "Tree id", id.toHex());
        var where = session.trees().pack().map(p -> {
            int at = p.index().find(id);
            return at < 0 ? "a loose tree file" : "trees.dat at offset " + Format.count(p.index().offset(at)) + ", " + sizeText(p.index().length(at));
        }).orElse("a loose tree file");
        row = row(row, "Stored in", where);
        row = checking(row);
        entries.setText("…");
        row(row, "Entries", entries);
    }

    void treeRead(int count) {
        entries.setText(Format.count(count));
        verified("verified: it decodes and its XXH3-128 is its id");
    }

    /** The whole object was read: its size, and that it hashes to its id. */
    void objectRead(long bytes) {
        size.setText(sizeText(bytes));
        verified("verified: its XXH3-128 is its id");
    }

    void notChecked() {
        integrity.setText("not checked (cancelled)");
    }

    void damaged(Throwable e) {
        integrity.setText("DAMAGED: " + Errors.sentence(e));
        Css.flag(integrity, "danger", true);
    }

    /** What the background check said ("verified: …", "DAMAGED: …", "checking…"). */
    String integrity() {
        return integrity.getText();
    }

    private void verified(String text) {
        integrity.setText(text);
    }

    private int checking(int row) {
        integrity.setText("checking…");
        Css.flag(integrity, "danger", false);
        return row(row, "Content", integrity);
    }

    static String sizeText(long n) {
        return Format.bytes(n) + " (" + Format.count(n) + " bytes)";
    }

    private int row(int row, String key, String value) {
        var v = new Label(value);
        v.setWrapText(true);
        return row(row, key, v);
    }

    private int row(int row, String key, Label value) {
        var k = new Label(key);
        k.getStyleClass().add("text-muted");
        k.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(k, 0, row);
        grid.add(value, 1, row);
        return row + 1;
    }
}
