package dev.packinspector.app.preview;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.Damage;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ObjectContent;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeEntry;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.glyphfont.FontAwesome;
import org.controlsfx.glyphfont.Glyph;

/**
 * What {@link PreviewModel#target()} names: an object's text with line numbers, a hex dump that
 * pages through any size, the image, a link's target, and where it lives and which snapshots use
 * it; or a tree's folder listing. Only what is shown is decoded, off the FX thread; in the
 * background the whole object is decoded once more to learn its size and check it against its id.
 * A newer target cancels the older loads and drops their late results.
 */
public final class PreviewPane extends BorderPane {
    private static final int MAX_IMAGE = 64 << 20;

    private final Tasks tasks;
    private final ObservableValue<StoreSession> session;
    private final PreviewModel model;
    private final Consumer<Damage> onDamaged;
    /** Everything loading for the target shown; a new target cancels it all. */
    private final Tasks.Latest loads = new Tasks.Latest();
    private final Label title = new Label("Preview");
    private final TextView text;
    private final HexView hex;
    private final ImagePane image = new ImagePane();
    private final ObjectInfo info;
    private final TabPane tabs = new TabPane();
    private final Tab textTab;
    private final Tab hexTab;
    private final Tab imageTab = new Tab("Image");
    private final Tab infoTab = new Tab("Info");
    private final Tab treeTab = new Tab("Tree");
    private final TreeListing listing = new TreeListing();
    private final TreeCrumbs crumbs;
    /** The folder just opened in the listing, to extend the crumbs' trail (null: a tree reached otherwise). */
    private String opening;
    private final Button saveButton = new Button("Save as…");
    private final Button openButton = new Button("Open");
    /** The header line: the title, then the pane's buttons. */
    private final HBox top;
    private final Label damaged = new Label();
    private ObjectLocation location;

    /**
     * Shows what {@code model} names in {@code session}'s store; {@code save} and {@code open}
     * are its buttons; {@code onDamaged} hears of each object or tree found damaged while
     * previewed (what it is, in words, and why), so the Problems view gains it at once.
     */
    public PreviewPane(Tasks tasks, ObservableValue<StoreSession> session, PreviewModel model, Runnable save, Runnable open,
            Consumer<Damage> onDamaged) {
        this.tasks = tasks;
        this.session = session;
        this.model = model;
        this.onDamaged = onDamaged;
        this.text = new TextView(tasks);
        this.hex = new HexView(tasks);
        this.info = new ObjectInfo(tasks);
        this.textTab = new Tab("Text", text);
        this.hexTab = new Tab("Hex", hex);
        setId("preview");
        title.setId("preview-title");
        title.setPadding(new Insets(6));
        title.setMinWidth(0);
        imageTab.setContent(image);
        infoTab.setContent(info);
        tabs.getTabs().setAll(textTab, hexTab, imageTab, infoTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        treeTab.setClosable(false);
        this.crumbs = new TreeCrumbs(model::tree);
        var tree = new BorderPane(listing);
        tree.setTop(crumbs);
        BorderPane.setMargin(crumbs, new Insets(4, 6, 4, 6));
        treeTab.setContent(tree);
        listing.setOnOpen(entry -> {
            String path = listing.pathOf(entry);
            if (entry.kind() == TreeEntry.Kind.DIR) {
                opening = entry.name();
                model.tree(entry.id(), path);
            } else {
                model.file(new ManifestEntry(path != null ? path : entry.name(), entry.id(), entry.size(), entry.unsignedMode(), null));
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
        top = new HBox(6, title, spacer, saveButton, openButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 6, 0, 0));
        damaged.setId("preview-damaged");
        damaged.setWrapText(true);
        damaged.setMaxWidth(Double.MAX_VALUE);
        damaged.setPadding(new Insets(6, 8, 6, 8));
        damaged.setStyle("-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis; -fx-font-weight: bold;");
        showDamaged(null);
        // above the tabs, so no tab shows damaged content without it
        setTop(new VBox(top, damaged));
        setCenter(tabs);
        model.target().addListener((obs, old, target) -> show(target));
        show(model.target().get());
    }

    private void show(PreviewModel.Target target) {
        loads.cancel();
        showDamaged(null);
        location = null;
        saveButton.setDisable(true);
        openButton.setDisable(true);
        StoreSession s = session.getValue();
        switch (target) {
            case PreviewModel.Blob b when s != null -> showObject(s, b.id(), b.entry());
            case PreviewModel.Tree t when s != null -> showTree(s, t.id(), t.path());
            case PreviewModel.Nothing n -> nothing(n.why());
            default -> nothing(PreviewModel.PROMPT);
        }
        opening = null;
    }

    private void nothing(String why) {
        blobTabs();
        title.setText("Preview");
        text.message(why);
        hex.clear(why);
        image.message(why);
        info.clear(why);
    }

    /**
     * What the preview shows, in words: where the object lives (null if none is shown), what the
     * background check said ("verified: …", "DAMAGED: …", "checking…"), the image tab's message
     * (empty when it shows an image), the damaged banner (empty unless known damaged) and the
     * folders on the way to the tree shown.
     */
    public record Shown(ObjectLocation location, String integrity, String imageMessage, String damagedBanner, List<String> treeTrail) {
    }

    public Shown shown() {
        return new Shown(location, info.integrity(), image.message(), damaged.isVisible() ? damaged.getText() : "", crumbs.labels());
    }

    /** Ends the header with a button that hides the pane by {@code hide} (the shell shows it again: View ▸ Preview pane, F8). */
    public void hideWith(Runnable hide) {
        var close = new Button(null, new Glyph("FontAwesome", FontAwesome.Glyph.TIMES));
        close.setId("preview-hide");
        close.getStyleClass().addAll(atlantafx.base.theme.Styles.FLAT, atlantafx.base.theme.Styles.BUTTON_ICON);
        close.setTooltip(new Tooltip("Hide the preview (F8 shows it again)"));
        close.setOnAction(e -> hide.run());
        top.getChildren().add(close);
    }

    /** The parts a user works with: the tabs, the text, hex and image views, the tree listing. */
    public record Parts(TabPane tabs, TextView text, HexView hex, ImagePane image, TreeListing listing) {
    }

    public Parts parts() {
        return new Parts(tabs, text, hex, image, listing);
    }

    private void showObject(StoreSession s, ObjectId id, ManifestEntry entry) {
        blobTabs();
        title.setText(entry == null ? id.shortHex(12) + "…" : entry.path());
        ObjectLocation at = s.packs().locate(id).orElse(null);
        if (at == null) {
            nothing("Object " + id + " is in none of the readable packs");
            title.setText(entry == null ? id.shortHex(12) + "…" : entry.path());
            return;
        }
        location = at;
        saveButton.setDisable(false);
        openButton.setDisable(false);
        var content = new ObjectContent(at);
        boolean link = entry != null && (entry.mode() & 0170000) == 0120000;
        text.message("Loading…");
        image.message("Loading…");
        hex.show(content, entry == null ? -1 : entry.size());
        info.object(s, id, entry, at, loads);
        tasks.job("Reading " + title.getText(), p -> Head.read(content)).quiet().alongside(loads).onSuccess(head -> {
            showHead(content, head, link);
            // The whole-object check starts once the first window is on screen, not in its way.
            scan(content);
        }).onError(Exception.class, e -> {
            text.message("Cannot read this object: " + Errors.sentence(e));
            image.message("");
            objectDamaged(e);
        }).run();
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
            loadImage(content, ObjectPreview.imageFormat(head.bytes()));
        } else {
            image.message("Not an image (PNG, JPEG, GIF or BMP)");
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

    /** Decodes the image ({@code format} by its signature) off the FX thread; one that does not decode says why in a sentence. */
    private void loadImage(ObjectContent content, String format) {
        image.message("Loading image…");
        tasks.job("Reading the image", p -> new Image(new ByteArrayInputStream(content.read(0, MAX_IMAGE)))).quiet().alongside(loads)
                .onSuccess(img -> {
                    if (img.isError() || img.getWidth() <= 0) {
                        image.message(ImagePane.notAnImage(format, img.getException()));
                    } else {
                        image.show(img);
                    }
                })
                .onError(Exception.class, e -> image.message("The image cannot be read: " + Errors.sentence(e)))
                .run();
    }

    /** Decodes the whole object once in the background: learns its size and checks it against its id. */
    private void scan(ObjectContent content) {
        tasks.job("Checking " + title.getText(), p -> {
            long total = content.sizeBound();
            long start = System.nanoTime();
            return content.scan(p::isCancelled, done -> {
                p.progress(done, total);
                double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                p.message(Format.bytes(done) + " of " + Format.bytes(total) + " · " + Format.bytes((long) (done / seconds)) + "/s");
            });
        }).quiet().alongside(loads).onSuccess(whole -> {
            if (whole) {
                info.objectRead(content.size());
                hex.sizeKnown(content, content.size());
            } else {
                info.notChecked();
            }
        }).onError(Exception.class, this::objectDamaged).run();
    }

    private void objectDamaged(Throwable e) {
        if (location != null) {
            damaged(e, e instanceof StoreException se && se.kind() == ProblemKind.CONTENT_HASH_MISMATCH
                    ? "Damaged: this content does not hash to its id, so it is not what chkpt saved. "
                    : "Damaged: this object cannot be read whole. ",
                    new Damage("object " + location.id() + " in pack " + location.pack().name(), location.pack().name(), location.id(), e));
        }
    }

    /** Info's verdict, the banner over every tab ({@code banner} then the reason) and the Problems view, for {@code what}. */
    private void damaged(Throwable e, String banner, Damage seen) {
        info.damaged(e);
        showDamaged(banner + Errors.sentence(e));
        onDamaged.accept(seen);
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
    private void showTree(StoreSession s, ObjectId id, String path) {
        title.setText(path == null || path.isEmpty() ? "Tree " + id.shortHex(12) + "…" : path + "/");
        crumbs.shown(id, path, opening);
        opening = null;
        if (!tabs.getTabs().contains(treeTab)) {
            tabs.getTabs().setAll(treeTab, infoTab);
        }
        tabs.getSelectionModel().select(treeTab);
        listing.loading(path);
        info.tree(s, id);
        tasks.job("Reading tree " + id.shortHex(12), p -> s.trees().read(id)).quiet().alongside(loads).onSuccess(read -> {
            listing.show(path, read);
            info.treeRead(read.size());
        }).onError(Exception.class, e -> {
            listing.failed("Cannot read this tree: " + Errors.sentence(e));
            damaged(e, "Damaged: this tree cannot be read as chkpt wrote it. ", new Damage("tree " + id, null, null, e));
        }).run();
    }

    /** The banner over every tab; null hides it. */
    private void showDamaged(String text) {
        damaged.setText(text == null ? "" : text);
        damaged.setVisible(text != null);
        damaged.setManaged(text != null);
    }
}
