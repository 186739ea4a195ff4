package dev.packinspector.app;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ObjectContent;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The selected object: text with line numbers, a hex dump that pages through any size, the image,
 * a link's target, and where it lives and which snapshots use it. Only what is shown is decoded,
 * off the FX thread; in the background the whole object is decoded once more to learn its size
 * and check it against its id. A newer selection cancels the older loads.
 */
final class PreviewPane extends BorderPane {
    private static final int MAX_IMAGE = 64 << 20;
    private static final long USES_AFTER_MS = 250;

    private final BackgroundTasks executor;
    private final TaskPanel tasks;
    private final Label title = new Label("Preview");
    private final TextView text = new TextView(this::load);
    private final HexView hex = new HexView(this::load);
    private final StackPane image = new StackPane();
    private final GridPane info = new GridPane();
    private final Label integrity = new Label();
    private final Label size = new Label();
    private final TabPane tabs = new TabPane();
    private final Tab textTab = new Tab("Text", text);
    private final Tab hexTab = new Tab("Hex", hex);
    private final Tab imageTab = new Tab("Image");
    private final Tab infoTab = new Tab("Info");
    private final Button saveButton = new Button("Save as…");
    private final Button openButton = new Button("Open");
    private final Label damaged = new Label();
    private final java.util.function.BiConsumer<String, Throwable> onDamaged;
    private final Tab treeTab = new Tab("Tree");
    private final TreeListing listing = new TreeListing();
    private final List<Task<?>> loading = new ArrayList<>();
    private StoreSession session;
    private ObjectLocation location;
    /** The object shown: a background result for any other (a cancelled load can still finish) is dropped. */
    private ObjectContent current;

    /**
     * {@code onDamaged} hears of each object or tree found damaged while previewed (what it is, in
     * words, and why), so the Problems view gains it at once.
     */
    PreviewPane(BackgroundTasks executor, TaskPanel tasks, Runnable save, Runnable open, java.util.function.BiConsumer<String, Throwable> onDamaged) {
        this.executor = executor;
        this.tasks = tasks;
        this.onDamaged = onDamaged;
        setId("preview");
        title.setId("preview-title");
        title.setPadding(new Insets(6));
        title.setMinWidth(0);
        image.setId("preview-image");
        info.setId("preview-info");
        info.setHgap(10);
        info.setVgap(4);
        info.setPadding(new Insets(8));
        integrity.setId("preview-integrity");
        imageTab.setContent(new ScrollPane(image));
        infoTab.setContent(new ScrollPane(info));
        tabs.getTabs().setAll(textTab, hexTab, imageTab, infoTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        treeTab.setClosable(false);
        treeTab.setContent(listing);
        listing.setOnOpen(entry -> {
            if (session == null) {
                return;
            }
            if (entry.kind() == dev.packinspector.store.tree.TreeEntry.Kind.DIR) {
                showTree(session, entry.id(), listing.pathOf(entry));
            } else {
                String path = listing.pathOf(entry) != null ? listing.pathOf(entry) : entry.name();
                show(session, entry.id(), new ManifestEntry(path, entry.id(), entry.size(), entry.unsignedMode(), null));
            }
        });
        saveButton.setId("preview-save");
        saveButton.setTooltip(new Tooltip("Write this object to a file of your choice"));
        saveButton.setOnAction(e -> save.run());
        openButton.setId("preview-open");
        openButton.setTooltip(new Tooltip("Open this object in the system's default application"));
        openButton.setOnAction(e -> open.run());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var top = new HBox(6, title, spacer, saveButton, openButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 6, 0, 0));
        damaged.setId("preview-damaged");
        damaged.setWrapText(true);
        damaged.setMaxWidth(Double.MAX_VALUE);
        damaged.setPadding(new Insets(6, 8, 6, 8));
        damaged.setStyle("-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis; -fx-font-weight: bold;");
        damaged.setVisible(false);
        damaged.setManaged(false);
        // above the tabs, so no tab shows damaged content without it
        setTop(new javafx.scene.layout.VBox(top, damaged));
        setCenter(tabs);
        clear("Select a file or an index entry to preview it");
    }

    void clear(String why) {
        cancelLoads();
        showDamaged(null);
        location = null;
        current = null;
        title.setText("Preview");
        text.message(why);
        hex.clear(why);
        image.getChildren().setAll(new Label(why));
        info.getChildren().setAll(new Label(why));
        saveButton.setDisable(true);
        openButton.setDisable(true);
    }

    ObjectLocation location() {
        return location;
    }

    TabPane tabs() {
        return tabs;
    }

    /** What the background check said of the object shown ("verified: …", "DAMAGED: …", "checking…"). */
    String integrity() {
        return integrity.getText();
    }

    TextView text() {
        return text;
    }

    HexView hex() {
        return hex;
    }

    /** Shows object {@code id} of {@code s}; {@code entry} (may be null) tells its path, size and mode. */
    void show(StoreSession s, ObjectId id, ManifestEntry entry) {
        cancelLoads();
        showDamaged(null);
        blobTabs();
        session = s;
        ObjectLocation at = s.packs().locate(id).orElse(null);
        if (at == null) {
            clear("Object " + id + " is in none of the readable packs");
            title.setText(entry == null ? id.shortHex(12) + "…" : entry.path());
            return;
        }
        location = at;
        title.setText(entry == null ? id.shortHex(12) + "…" : entry.path());
        saveButton.setDisable(false);
        openButton.setDisable(false);
        var content = new ObjectContent(at);
        current = content;
        boolean link = entry != null && (entry.mode() & 0170000) == 0120000;
        text.message("Loading…");
        image.getChildren().setAll(new Label("Loading…"));
        hex.show(content, entry == null ? -1 : entry.size());
        load(new Task<Head>() {
            @Override
            protected Head call() throws Exception {
                return Head.read(content);
            }

            @Override
            protected void succeeded() {
                if (content != current) {
                    return;
                }
                showHead(content, getValue(), link);
                // The whole-object check starts once the first window is on screen, not in its way.
                scan(content);
            }

            @Override
            protected void failed() {
                if (content != current) {
                    return;
                }
                text.message("Cannot read this object: " + StatusLine.sentence(getException()));
                image.getChildren().setAll(new Label(""));
                markDamaged(getException());
            }
        });
        showInfo(id, entry);
    }

    /** What the first window of an object is, decoded off the FX thread. */
    private record Head(byte[] bytes, ObjectPreview.Kind kind, Charset charset, TextChunks chunks, List<String> lines) {
        static Head read(ObjectContent content) throws java.io.IOException {
            byte[] bytes = content.read(0, TextView.WINDOW);
            ObjectPreview.Kind kind = ObjectPreview.kind(bytes);
            Charset charset = kind == ObjectPreview.Kind.TEXT ? ObjectPreview.charset(bytes) : null;
            if (charset == null) {
                return new Head(bytes, kind, null, null, List.of());
            }
            var chunks = new TextChunks(charset);
            return new Head(bytes, kind, charset, chunks, TextView.firstLines(chunks, bytes));
        }
    }

    private void showHead(ObjectContent content, Head head, boolean link) {
        ObjectPreview.Kind kind = head.kind();
        if (link) {
            text.message("Symbolic link → " + new String(head.bytes(), StandardCharsets.UTF_8));
        } else if (kind == ObjectPreview.Kind.EMPTY) {
            text.message("(empty object)");
        } else if (head.charset() != null) {
            text.show(content, head.charset(), head.chunks(), head.lines(), head.bytes().length);
        } else {
            text.message("Binary content: see Hex");
        }
        if (kind == ObjectPreview.Kind.IMAGE) {
            loadImage(content);
        } else {
            image.getChildren().setAll(new Label("Not an image (PNG, JPEG, GIF or BMP)"));
        }
        // Keep the tab the user chose unless it has nothing to show for this object.
        Tab current = tabs.getSelectionModel().getSelectedItem();
        if (kind == ObjectPreview.Kind.IMAGE && current == textTab) {
            tabs.getSelectionModel().select(imageTab);
        } else if (kind == ObjectPreview.Kind.BINARY && (current == textTab || current == imageTab)) {
            tabs.getSelectionModel().select(hexTab);
        } else if (kind == ObjectPreview.Kind.TEXT && current == imageTab) {
            tabs.getSelectionModel().select(textTab);
        }
    }

    private void loadImage(ObjectContent content) {
        image.getChildren().setAll(new Label("Loading image…"));
        load(new Task<Image>() {
            @Override
            protected Image call() throws Exception {
                return new Image(new ByteArrayInputStream(content.read(0, MAX_IMAGE)));
            }

            @Override
            protected void succeeded() {
                if (content != current) {
                    return;
                }
                Image img = getValue();
                if (img.isError()) {
                    image.getChildren().setAll(new Label("The image cannot be decoded: " + StatusLine.sentence(img.getException())));
                } else {
                    var view = new ImageView(img);
                    view.setPreserveRatio(true);
                    image.getChildren().setAll(view);
                }
            }
        });
    }

    private void showInfo(ObjectId id, ManifestEntry entry) {
        info.getChildren().clear();
        int row = 0;
        row = infoRow(row, "Object id", id.toHex());
        if (entry != null) {
            row = infoRow(row, "Path", entry.path());
            row = infoRow(row, "Mode", Format.mode(entry.mode()));
        }
        size.setText(entry != null ? sizeText(entry.size()) : "…");
        row = infoRow(row, "Size", size);
        row = infoRow(row, "Pack", location.pack().name() + (location.pack().chunked() ? " (chunked)" : ""));
        row = infoRow(row, "Offset in .dat", Format.count(location.offset()));
        row = infoRow(row, "Compressed", sizeText(location.compressedSize()));
        integrity.setText("checking…");
        integrity.getStyleClass().remove("danger");
        row = infoRow(row, "Content", integrity);
        var used = new Label("looking up snapshots…");
        used.setId("preview-used-by");
        infoRow(row, "Used by", used);
        if (session.catalog().isEmpty()) {
            used.setText("(no catalog)");
            return;
        }
        Catalog catalog = session.catalog().get();
        load(new Task<List<Catalog.PathRow>>() {
            @Override
            protected List<Catalog.PathRow> call() throws Exception {
                // the lookup reads every manifest row: wait until the selection has settled, so
                // stepping through files does not queue one scan per file (a newer selection cancels this)
                Thread.sleep(USES_AFTER_MS);
                return catalog.usesOf(id, 50, this::isCancelled);
            }

            @Override
            protected void succeeded() {
                var sb = new StringBuilder();
                for (Catalog.PathRow r : getValue()) {
                    sb.append(r.snapshotId(), 0, Math.min(13, r.snapshotId().length())).append("…  ").append(r.path()).append('\n');
                }
                used.setText(getValue().isEmpty() ? "no snapshot" : sb.toString().strip() + (getValue().size() == 50 ? "\n…" : ""));
            }

            @Override
            protected void failed() {
                used.setText("cannot read the catalog: " + StatusLine.sentence(getException()));
            }
        });
    }

    /** Decodes the whole object once in the background: learns its size and checks it against its id. */
    private void scan(ObjectContent content) {
        String name = title.getText();
        var check = new Task<Boolean>() {
            {
                updateTitle("Checking " + name);
            }

            @Override
            protected Boolean call() throws Exception {
                long total = content.sizeBound();
                long start = System.nanoTime();
                return content.scan(this::isCancelled, done -> {
                    updateProgress(done, Math.max(1, total));
                    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                    updateMessage(Format.bytes(done) + " of " + Format.bytes(total) + " · " + Format.bytes((long) (done / seconds)) + "/s");
                });
            }

            @Override
            protected void succeeded() {
                if (content != current) {
                    return;
                }
                if (getValue()) {
                    integrity.setText("verified: its XXH3-128 is its id");
                    size.setText(sizeText(content.size()));
                    hex.sizeKnown(content, content.size());
                } else {
                    integrity.setText("not checked (cancelled)");
                }
            }

            @Override
            protected void failed() {
                if (content == current) {
                    markDamaged(getException());
                }
            }
        };
        loading.add(check);
        tasks.runQuietly(check);
    }

    private void markDamaged(Throwable e) {
        if (location != null) {
            markDamaged(e, e instanceof dev.packinspector.store.StoreException se && se.kind() == dev.packinspector.store.ProblemKind.CONTENT_HASH_MISMATCH
                    ? "Damaged: this content does not hash to its id, so it is not what chkpt saved. "
                    : "Damaged: this object cannot be read whole. ", "object " + location.id() + " in pack " + location.pack().name());
        }
    }

    /** Info's verdict, the banner over every tab ({@code banner} then the reason) and the Problems view, for {@code what}. */
    private void markDamaged(Throwable e, String banner, String what) {
        integrity.setText("DAMAGED: " + StatusLine.sentence(e));
        if (!integrity.getStyleClass().contains("danger")) {
            integrity.getStyleClass().add("danger");
        }
        showDamaged(banner + StatusLine.sentence(e));
        onDamaged.accept(what, e);
    }

    /** The tabs of a blob, in place of a tree's. */
    private void blobTabs() {
        if (!tabs.getTabs().contains(textTab)) {
            tabs.getTabs().setAll(textTab, hexTab, imageTab, infoTab);
        }
    }

    /**
     * Shows tree {@code id} of {@code s}'s tree pack as its folder listing (name, kind, mode,
     * size, id); opening a folder shows its subtree, opening a file or link previews its object.
     * {@code path} is where the tree sits in a snapshot, or null if unknown.
     */
    void showTree(StoreSession s, ObjectId id, String path) {
        cancelLoads();
        showDamaged(null);
        session = s;
        location = null;
        current = null;
        saveButton.setDisable(true);
        openButton.setDisable(true);
        title.setText(path == null || path.isEmpty() ? "Tree " + id.shortHex(12) + "…" : path + "/");
        if (!tabs.getTabs().contains(treeTab)) {
            tabs.getTabs().setAll(treeTab, infoTab);
        }
        tabs.getSelectionModel().select(treeTab);
        listing.loading(path);
        info.getChildren().clear();
        int row = infoRow(0, "Tree id", id.toHex());
        var where = s.trees().pack().map(p -> {
            int at = p.index().find(id);
            return at < 0 ? "a loose tree file" : "trees.dat at offset " + Format.count(p.index().offset(at)) + ", " + sizeText(p.index().length(at));
        }).orElse("a loose tree file");
        row = infoRow(row, "Stored in", where);
        integrity.setText("checking…");
        integrity.getStyleClass().remove("danger");
        row = infoRow(row, "Content", integrity);
        var entries = new Label("…");
        infoRow(row, "Entries", entries);
        load(new Task<List<dev.packinspector.store.tree.TreeEntry>>() {
            @Override
            protected List<dev.packinspector.store.tree.TreeEntry> call() throws Exception {
                return s.trees().read(id);
            }

            @Override
            protected void succeeded() {
                if (session != s || current != null) {
                    return;
                }
                listing.show(path, getValue());
                entries.setText(Format.count(getValue().size()));
                integrity.setText("verified: it decodes and its XXH3-128 is its id");
            }

            @Override
            protected void failed() {
                if (session != s || current != null) {
                    return;
                }
                listing.failed("Cannot read this tree: " + StatusLine.sentence(getException()));
                markDamaged(getException(), "Damaged: this tree cannot be read as chkpt wrote it. ", "tree " + id);
            }
        });
    }

    TreeListing listing() {
        return listing;
    }

    /** The banner over every tab; null hides it. */
    private void showDamaged(String text) {
        damaged.setText(text == null ? "" : text);
        damaged.setVisible(text != null);
        damaged.setManaged(text != null);
    }

    /** The damaged banner's text, empty when the object shown is not known to be damaged. */
    String damagedBanner() {
        return damaged.isVisible() ? damaged.getText() : "";
    }

    private static String sizeText(long n) {
        return Format.bytes(n) + " (" + Format.count(n) + " bytes)";
    }

    private int infoRow(int row, String key, String value) {
        var v = new Label(value);
        v.setWrapText(true);
        return infoRow(row, key, v);
    }

    private int infoRow(int row, String key, Label value) {
        var k = new Label(key);
        k.getStyleClass().add("text-muted");
        k.setMinWidth(Region.USE_PREF_SIZE);
        info.add(k, 0, row);
        info.add(value, 1, row);
        return row + 1;
    }

    private void load(Task<?> task) {
        loading.add(task);
        executor.submit(task);
    }

    private void cancelLoads() {
        loading.forEach(Task::cancel);
        loading.clear();
    }
}
