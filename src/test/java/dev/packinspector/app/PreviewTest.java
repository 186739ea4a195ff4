package dev.packinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TreeItem;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selecting a file (or an index entry) previews it: text, hex, image, and where it lives. Asserts
 * only what a user sees in each tab, not how the preview pages or decodes.
 */
class PreviewTest extends MainWindowTestBase {
    private static final String README_COPY = "copies/README-copy.md";

    @Test
    void aTextFileShowsItsFirstLineAndItsHexAndWhereItLives() {
        JsonNode newest = Shown.newestSnapshot("basic");
        JsonNode file = Shown.file(newest, README_COPY);
        byte[] content = Shown.content("basic", file);
        String firstLine = new String(content, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        ui.openAndShowFiles(Fixtures.store("basic"));

        selectFile(README_COPY);

        WindowDriver.waitUntil("the text tab shows the first line", () -> shown("#preview-text").contains(firstLine));
        WindowDriver.waitUntil("the hex tab shows offset 0", () -> Shown.hasHexLineForOffsetZero(shown("#preview-hex"), content));
        String blob = file.get("blob_hash").asText();
        WindowDriver.waitUntil("the info tab names the pack", () -> String.join("\n", shown("#preview-info")).contains(packOf(blob)));
        WindowDriver.waitUntil("the info tab lists the snapshots using it", () -> !String.join("\n", shown("#preview-used-by")).toLowerCase(java.util.Locale.ROOT).contains("looking up"));
        String usedBy = String.join("\n", shown("#preview-used-by"));
        for (JsonNode snapshot : Fixtures.manifest("basic").get("snapshots")) {
            for (JsonNode f : snapshot.get("files")) {
                if (f.get("blob_hash").asText().equals(blob)) {
                    String use = snapshot.get("id").asText().substring(0, 13) + "…  " + f.get("path").asText();
                    assertTrue(usedBy.lines().anyMatch(l -> l.strip().equals(use)), "used by " + use + ":\n" + usedBy);
                }
            }
        }
    }

    @Test
    void contentThatDoesNotHashToItsIdShowsUnderADamagedBannerInEveryTabAndJoinsTheProblems() {
        ui.openAndShowFiles(Fixtures.store("corrupt/content_hash_mismatch"));
        String blob = Fixtures.manifest("corrupt/content_hash_mismatch").get("expected").get("affected_blob_hashes").get(0).asText();
        assertEquals(List.of(), WindowDriver.onFx(() -> List.copyOf(window().problems().items())), "nothing is known to be wrong yet");

        selectFile("hello.txt");

        WindowDriver.waitUntil("the damaged banner is up", () -> WindowDriver.onFx(() -> window().preview().damagedBanner()).startsWith("Damaged: "));
        String banner = WindowDriver.onFx(() -> window().preview().damagedBanner());
        assertTrue(banner.contains("does not hash to its id"), banner);
        for (int tab = 0; tab < 4; tab++) {
            int t = tab;
            WindowDriver.onFx(() -> window().preview().tabs().getSelectionModel().select(t));
            assertTrue(WindowDriver.onFx(() -> ui.node("#preview-damaged").isVisible()), "the banner shows over tab " + t);
        }
        List<String> problems = WindowDriver.onFx(() -> List.copyOf(window().problems().items()));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.getFirst().startsWith("CONTENT_HASH_MISMATCH: ") && problems.getFirst().contains(blob), problems::toString);

        selectFile("empty.txt");
        WindowDriver.waitUntil("a healthy object has no banner", () -> WindowDriver.onFx(() -> window().preview().damagedBanner()).isEmpty()
                && WindowDriver.onFx(() -> window().preview().integrity()).startsWith("verified"));
        selectFile("hello.txt");
        WindowDriver.waitUntil("the banner is back", () -> !WindowDriver.onFx(() -> window().preview().damagedBanner()).isEmpty());
        assertEquals(1, WindowDriver.onFx(() -> window().problems().items().size()), "the same damage is listed once");
    }

    @Test
    void aBinaryFileShowsItsBytesInHex() {
        JsonNode file = Shown.file(Shown.newestSnapshot("basic"), "restored/blob-again.bin");
        byte[] content = Shown.content("basic", file);
        assertTrue(content.length > 16);
        ui.openAndShowFiles(Fixtures.store("basic"));

        selectFile("restored/blob-again.bin");

        WindowDriver.waitUntil("the hex tab shows offset 0", () -> Shown.hasHexLineForOffsetZero(shown("#preview-hex"), content));
        WindowDriver.waitUntil("the info tab names the pack", () -> String.join("\n", shown("#preview-info")).contains(packOf(file.get("blob_hash").asText())));
    }

    @Test
    void anIndexEntryPreviewsTheObjectItNames() {
        JsonNode file = Shown.file(Shown.newestSnapshot("basic"), "docs/guide/intro.md");
        byte[] content = Shown.content("basic", file);
        String firstLine = new String(content, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        String blob = file.get("blob_hash").asText();
        ui.open(Fixtures.store("basic"));
        WindowDriver.onFx(() -> window().select(MainWindow.View.OBJECTS));

        WindowDriver.onFx(() -> {
            window().index().filter(blob);
            window().index().table().getSelectionModel().select(0);
        });

        WindowDriver.waitUntil("the text tab shows the first line", () -> shown("#preview-text").contains(firstLine));
        WindowDriver.waitUntil("the info tab names the pack", () -> String.join("\n", shown("#preview-info")).contains(packOf(blob)));
        assertEquals(blob, WindowDriver.onFx(() -> window().preview().location().id().toHex()));
    }

    @Test
    void anImageShowsAtItsSize(@TempDir Path temp) throws IOException {
        Path demo = DemoStore.write(temp.resolve("demo"));
        ui.openAndShowFiles(demo);

        selectFile("assets/logo.png");

        WindowDriver.waitUntil("the image tab shows the image", () -> imageView() != null && imageView().getImage() != null);
        ImageView view = WindowDriver.onFx(this::imageView);
        assertNotNull(view);
        assertEquals(96, WindowDriver.onFx(() -> view.getImage().getWidth()), 0);
        assertEquals(96, WindowDriver.onFx(() -> view.getImage().getHeight()), 0);
        assertTrue(Files.isDirectory(demo));
    }

    /** Selects a file of the shown snapshot as a user does: opens its folders, then selects its row. */
    private void selectFile(String path) {
        WindowDriver.onFx(() -> {
            var tree = window().snapshots().fileTree();
            TreeItem<FileNode> item = Shown.item(tree.getRoot(), path);
            assertNotNull(item, path + " is in the tree");
            for (TreeItem<FileNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().clearAndSelect(tree.getRow(item));
            tree.scrollTo(tree.getRow(item));
        });
    }

    private List<String> shown(String id) {
        return Shown.texts(ui.node(id));
    }

    private ImageView imageView() {
        var found = new ArrayList<ImageView>();
        find(ui.node("#preview-image"), found);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static void find(Node node, List<ImageView> out) {
        if (node instanceof ImageView v) {
            out.add(v);
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> find(c, out));
        }
    }

    /** The pack holding {@code blob} according to the manifest's blob index. */
    private static String packOf(String blob) {
        for (JsonNode row : Fixtures.manifest("basic").get("blob_index")) {
            if (row.get("blob_hash").asText().equals(blob)) {
                return row.get("pack_hash").asText();
            }
        }
        throw new AssertionError("no pack for " + blob);
    }
}
