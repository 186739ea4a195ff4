package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.shell.DemoStore;
import dev.packinspector.app.snapshots.FileNode;
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
                    // each snapshot by its time and message, as its user knows it (the id is on hover)
                    String use = Format.time(snapshot.get("created_at").asText()) + " · " + snapshot.get("message").asText() + "  " + f.get("path").asText();
                    assertTrue(usedBy.lines().anyMatch(l -> l.strip().equals(use)), "used by " + use + ":\n" + usedBy);
                }
            }
        }
    }

    @Test
    void contentThatDoesNotHashToItsIdShowsUnderADamagedBannerInEveryTabAndJoinsTheProblems() {
        ui.openAndShowFiles(Fixtures.store("corrupt/content_hash_mismatch"));
        String blob = Fixtures.manifest("corrupt/content_hash_mismatch").get("expected").get("affected_blob_hashes").get(0).asText();
        assertEquals(List.of(), WindowDriver.onFx(() -> List.copyOf(ui.problems().items())), "nothing is known to be wrong yet");

        selectFile("hello.txt");

        WindowDriver.waitUntil("the damaged banner is up", () -> WindowDriver.onFx(() -> ui.preview().shown().damagedBanner()).startsWith("Damaged: "));
        String banner = WindowDriver.onFx(() -> ui.preview().shown().damagedBanner());
        assertTrue(banner.contains("does not hash to its id"), banner);
        for (int tab = 0; tab < 4; tab++) {
            int t = tab;
            WindowDriver.onFx(() -> ui.preview().parts().tabs().getSelectionModel().select(t));
            assertTrue(WindowDriver.onFx(() -> ui.node("#preview-damaged").isVisible()), "the banner shows over tab " + t);
        }
        List<String> problems = WindowDriver.onFx(() -> List.copyOf(ui.problems().items()));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.getFirst().startsWith("CONTENT_HASH_MISMATCH: ") && problems.getFirst().contains(blob), problems::toString);

        selectFile("empty.txt");
        WindowDriver.waitUntil("a healthy object has no banner", () -> WindowDriver.onFx(() -> ui.preview().shown().damagedBanner()).isEmpty()
                && WindowDriver.onFx(() -> ui.preview().shown().integrity()).startsWith("verified"));
        selectFile("hello.txt");
        WindowDriver.waitUntil("the banner is back", () -> !WindowDriver.onFx(() -> ui.preview().shown().damagedBanner()).isEmpty());
        assertEquals(1, WindowDriver.onFx(() -> ui.problems().items().size()), "the same damage is listed once");
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
        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));

        WindowDriver.onFx(() -> {
            ui.index().filter(blob);
            ui.index().table().getSelectionModel().select(0);
        });

        WindowDriver.waitUntil("the text tab shows the first line", () -> shown("#preview-text").contains(firstLine));
        WindowDriver.waitUntil("the info tab names the pack", () -> String.join("\n", shown("#preview-info")).contains(packOf(blob)));
        assertEquals(blob, WindowDriver.onFx(() -> ui.preview().shown().location().id().toHex()));
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
            var tree = ui.snapshots().fileTree();
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

    @Test
    void anImageThatCannotBeReadWholeEndsInAMessageNotALoadingLabel(@TempDir Path packs) throws IOException {
        // a PNG of two 4 MB blocks whose second block is cut short: its head reads, the whole image does not
        byte[] png = new byte[5 << 20];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, png, 0, magic.length);
        for (int i = magic.length; i < png.length; i++) {
            png[i] = (byte) (i * 31 >>> 7);
        }
        byte[] frame = dev.packinspector.store.FrameEncoder.encode(png);
        var id = dev.packinspector.store.ObjectId.of(png);
        try (var writer = new dev.packinspector.store.PackWriter(packs)) {
            writer.addPreCompressed(id, java.util.Arrays.copyOf(frame, frame.length - 1000));
            writer.finish();
        }
        ui.open(packs);
        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));
        WindowDriver.onFx(() -> ui.index().table().getSelectionModel().select(0));

        WindowDriver.waitUntil("the image tab says why there is no image", () -> ui.preview().shown().imageMessage().startsWith("The image cannot be read: "));
        String message = WindowDriver.onFx(() -> ui.preview().shown().imageMessage());
        assertTrue(!message.contains("Exception"), message);
        WindowDriver.waitUntil("the damaged banner is up", () -> ui.preview().shown().damagedBanner().startsWith("Damaged: "));
    }
}
