package dev.packinspector.app.shell;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.text.Text;

/**
 * What the window shows, read the way a user would (texts of lists and labels, tree items by
 * path), and what the fixture manifests say it should show. FX-thread methods say so.
 */
final class Shown {
    private Shown() {
    }

    /** Every text a node shows: a list's items, or the texts of the labels and text nodes beneath it. FX thread. */
    static List<String> texts(Node node) {
        var out = new ArrayList<String>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof ListView<?> list) {
            list.getItems().forEach(i -> out.add(String.valueOf(i)));
            return;
        }
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        } else if (node instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /** The tree item showing {@code path} (a file's or a folder's), or null. FX thread. */
    static TreeItem<FileNode> item(TreeItem<FileNode> root, String path) {
        if (root.getValue() != null && root.getValue().path().equals(path)) {
            return root;
        }
        for (TreeItem<FileNode> c : root.getChildren()) {
            TreeItem<FileNode> found = item(c, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The paths of the files and links beneath {@code item}. FX thread. */
    static List<String> filePaths(TreeItem<FileNode> item) {
        var out = new ArrayList<String>();
        if (item.getValue() != null && !item.getValue().folder()) {
            out.add(item.getValue().path());
        }
        item.getChildren().forEach(c -> out.addAll(filePaths(c)));
        return out;
    }

    /** The newest snapshot of a fixture's manifest. */
    static JsonNode newestSnapshot(String store) {
        return StreamSupport.stream(Fixtures.manifest(store).get("snapshots").spliterator(), false)
                .max(Comparator.comparing(s -> java.time.OffsetDateTime.parse(s.get("created_at").asText()))).orElseThrow();
    }

    /** The manifest entry of {@code path} in {@code snapshot}. */
    static JsonNode file(JsonNode snapshot, String path) {
        return StreamSupport.stream(snapshot.get("files").spliterator(), false).filter(f -> f.get("path").asText().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no " + path + " in the manifest"));
    }

    /** The content of a manifest entry, read from the store and checked against the manifest's SHA-256. */
    static byte[] content(String store, JsonNode file) {
        try (PackSet packs = PackSet.open(Fixtures.store(store))) {
            byte[] content = packs.read(ObjectId.parse(file.get("blob_hash").asText()));
            if (!Fixtures.sha256(content).equals(file.get("sha256").asText())) {
                throw new AssertionError("the store's content of " + file.get("path").asText() + " is not the manifest's");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True if some line of {@code lines} is the hex dump line for offset 0 of {@code content}, as
     * the pane's width lays it out: 16, 8 or 4 bytes a line, offsets of 8 or 10 digits.
     */
    static boolean hasHexLineForOffsetZero(List<String> lines, byte[] content) {
        for (int perLine : new int[] {16, 8, 4}) {
            for (int digits : new int[] {8, 10}) {
                if (lines.contains(dev.packinspector.app.preview.ObjectPreview.hexLine(0, digits, content, 0, Math.min(perLine, content.length), perLine))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text drawn for {@code item} in column {@code column} of {@code tree}: null until that row is drawn. On the FX thread. */
    static <T> String drawnText(javafx.scene.control.TreeTableView<T> tree, int column, javafx.scene.control.TreeItem<T> item) {
        var col = tree.getVisibleLeafColumn(column);
        return tree.lookupAll(".tree-table-cell").stream().filter(n -> n instanceof javafx.scene.control.TreeTableCell<?, ?>)
                .map(n -> (javafx.scene.control.TreeTableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == col && c.getTableRow() != null && c.getTableRow().getTreeItem() == item && !c.isEmpty())
                .map(javafx.scene.control.Labeled::getText).findFirst().orElse(null);
    }
}
