package dev.packinspector.app;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The selected object: text with line numbers, a paged hex dump, the image, a link's target, and
 * where it lives and which snapshots use it. Only what is shown is decoded (the first 256 KB of
 * text, 64 KB of hex at a time), off the FX thread; a newer selection cancels the older loads.
 */
final class PreviewPane extends BorderPane {
    static final int TEXT_WINDOW = 256 << 10;
    static final int HEX_PAGE = 64 << 10;
    private static final int MAX_IMAGE = 64 << 20;

    private final BackgroundTasks executor;
    private final Label title = new Label("Nothing selected");
    private final ListView<String> text = new ListView<>();
    private final ListView<String> hex = new ListView<>();
    private final Label hexPosition = new Label();
    private final Button hexPrev = new Button("◀");
    private final Button hexNext = new Button("▶");
    private final StackPane image = new StackPane();
    private final GridPane info = new GridPane();
    private final TabPane tabs = new TabPane();
    private final Tab textTab = new Tab("Text");
    private final Tab hexTab = new Tab("Hex");
    private final Tab imageTab = new Tab("Image");
    private final Tab infoTab = new Tab("Info");
    private final List<Task<?>> loading = new ArrayList<>();
    private StoreSession session;
    private ObjectLocation location;
    private long size = -1;
    private long hexOffset;

    PreviewPane(BackgroundTasks executor, Runnable save, Runnable open) {
        this.executor = executor;
        setId("preview");
        title.setId("preview-title");
        title.setPadding(new Insets(6));
        text.setId("preview-text");
        text.getStyleClass().add("monospace");
        text.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : String.format("%5d  %s", getIndex() + 1, line));
            }
        });
        hex.setId("preview-hex");
        hex.getStyleClass().add("monospace");
        hexPrev.setTooltip(new Tooltip("Previous 64 KB"));
        hexNext.setTooltip(new Tooltip("Next 64 KB"));
        hexPrev.setOnAction(e -> loadHex(Math.max(0, hexOffset - HEX_PAGE)));
        hexNext.setOnAction(e -> loadHex(hexOffset + HEX_PAGE));
        var hexBar = new HBox(6, hexPrev, hexNext, hexPosition);
        hexBar.setAlignment(Pos.CENTER_LEFT);
        hexBar.setPadding(new Insets(4));
        var hexPane = new BorderPane(hex);
        hexPane.setTop(hexBar);
        image.setId("preview-image");
        info.setId("preview-info");
        info.setHgap(10);
        info.setVgap(4);
        info.setPadding(new Insets(8));
        textTab.setContent(text);
        hexTab.setContent(hexPane);
        imageTab.setContent(new ScrollPane(image));
        infoTab.setContent(new ScrollPane(info));
        tabs.getTabs().setAll(textTab, hexTab, imageTab, infoTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        var saveButton = new Button("Save as…");
        saveButton.setTooltip(new Tooltip("Write this object to a file of your choice"));
        saveButton.setOnAction(e -> save.run());
        var openButton = new Button("Open");
        openButton.setTooltip(new Tooltip("Open this object in the system's default application"));
        openButton.setOnAction(e -> open.run());
        var top = new HBox(6, title, new StackPane(), saveButton, openButton);
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);
        setCenter(tabs);
        clear("Select a file or an index entry to preview it");
    }

    void clear(String why) {
        cancelLoads();
        location = null;
        title.setText("Preview");
        text.getItems().clear();
        text.setPlaceholder(new Label(why));
        hex.getItems().clear();
        image.getChildren().setAll(new Label(why));
        info.getChildren().clear();
        hexPosition.setText("");
    }

    ObjectLocation location() {
        return location;
    }

    TabPane tabs() {
        return tabs;
    }

    /** Shows object {@code id} of {@code s}; {@code entry} (may be null) tells its path, size and mode. */
    void show(StoreSession s, ObjectId id, ManifestEntry entry) {
        cancelLoads();
        session = s;
        title.setText(entry == null ? id.shortHex(12) + "…" : entry.path());
        location = s.packs().locate(id).orElse(null);
        size = entry == null ? -1 : entry.size();
        if (location == null) {
            clear("Object " + id + " is in none of the readable packs");
            return;
        }
        boolean link = entry != null && (entry.mode() & 0170000) == 0120000;
        text.setItems(FXCollections.observableArrayList("Loading…"));
        load(new Task<byte[]>() {
            @Override
            protected byte[] call() throws Exception {
                return new ObjectReader().readRange(location, 0, TEXT_WINDOW);
            }

            @Override
            protected void succeeded() {
                showHead(getValue(), link);
            }

            @Override
            protected void failed() {
                clear("Cannot read this object: " + StatusLine.sentence(getException()));
            }
        });
        loadHex(0);
        showInfo(id, entry);
    }

    private void showHead(byte[] head, boolean link) {
        ObjectPreview.Kind kind = ObjectPreview.kind(head);
        if (link) {
            text.setItems(FXCollections.observableArrayList("Symbolic link → " + new String(head, java.nio.charset.StandardCharsets.UTF_8)));
        } else if (kind == ObjectPreview.Kind.TEXT) {
            List<String> lines = ObjectPreview.text(head).lines().toList();
            var items = FXCollections.observableArrayList(lines);
            if (head.length == TEXT_WINDOW) {
                items.add("… (first " + Format.bytes(TEXT_WINDOW) + " shown; see Hex for the rest)");
            }
            text.setItems(items);
        } else {
            text.setItems(FXCollections.observableArrayList(kind == ObjectPreview.Kind.EMPTY ? "(empty)" : "(binary content: see Hex)"));
        }
        if (kind == ObjectPreview.Kind.IMAGE) {
            loadImage();
            tabs.getSelectionModel().select(imageTab);
        } else {
            image.getChildren().setAll(new Label("Not an image (PNG, JPEG, GIF or BMP)"));
            tabs.getSelectionModel().select(kind == ObjectPreview.Kind.BINARY ? hexTab : textTab);
        }
    }

    private void loadImage() {
        ObjectLocation at = location;
        image.getChildren().setAll(new Label("Loading image…"));
        load(new Task<Image>() {
            @Override
            protected Image call() throws Exception {
                byte[] all = new ObjectReader().readRange(at, 0, MAX_IMAGE);
                return new Image(new ByteArrayInputStream(all));
            }

            @Override
            protected void succeeded() {
                Image img = getValue();
                if (img.isError()) {
                    image.getChildren().setAll(new Label("The image cannot be decoded: " + img.getException()));
                } else {
                    var view = new ImageView(img);
                    view.setPreserveRatio(true);
                    image.getChildren().setAll(view);
                }
            }
        });
    }

    private void loadHex(long offset) {
        ObjectLocation at = location;
        if (at == null) {
            return;
        }
        load(new Task<byte[]>() {
            @Override
            protected byte[] call() throws Exception {
                return new ObjectReader().readRange(at, offset, HEX_PAGE);
            }

            @Override
            protected void succeeded() {
                byte[] page = getValue();
                if (page.length == 0 && offset > 0) {
                    return;
                }
                hexOffset = offset;
                var lines = new ArrayList<String>(page.length / 16 + 1);
                for (int i = 0; i < page.length; i += 16) {
                    lines.add(ObjectPreview.hexLine(offset + i, page, i, Math.min(16, page.length - i)));
                }
                hex.setItems(FXCollections.observableArrayList(lines));
                hexPosition.setText("bytes " + Format.count(offset) + "–" + Format.count(offset + page.length)
                        + (size >= 0 ? " of " + Format.count(size) : ""));
                hexPrev.setDisable(offset == 0);
                hexNext.setDisable(page.length < HEX_PAGE);
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
            row = infoRow(row, "Size", Format.bytes(entry.size()) + " (" + Format.count(entry.size()) + " bytes)");
        }
        row = infoRow(row, "Pack", location.pack().name() + (location.pack().chunked() ? " (chunked)" : ""));
        row = infoRow(row, "Offset in .dat", Format.count(location.offset()));
        row = infoRow(row, "Compressed", Format.bytes(location.compressedSize()) + " (" + Format.count(location.compressedSize()) + " bytes)");
        int usedRow = row;
        var used = new Label("Looking up snapshots…");
        used.setId("preview-used-by");
        info.add(new Label("Used by"), 0, usedRow);
        info.add(used, 1, usedRow);
        if (session.catalog().isEmpty()) {
            used.setText("(no catalog)");
            return;
        }
        Catalog catalog = session.catalog().get();
        load(new Task<List<Catalog.PathRow>>() {
            @Override
            protected List<Catalog.PathRow> call() throws Exception {
                return catalog.usesOf(id, 50);
            }

            @Override
            protected void succeeded() {
                var sb = new StringBuilder();
                for (Catalog.PathRow r : getValue()) {
                    sb.append(r.snapshotId(), 0, 13).append("…  ").append(r.path()).append('\n');
                }
                used.setText(getValue().isEmpty() ? "no snapshot" : sb.toString().strip() + (getValue().size() == 50 ? "\n…" : ""));
            }
        });
    }

    private int infoRow(int row, String key, String value) {
        var v = new Label(value);
        v.setWrapText(true);
        info.add(new Label(key), 0, row);
        info.add(v, 1, row);
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
