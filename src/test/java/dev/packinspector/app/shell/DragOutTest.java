package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.restore.ObjectExport;
import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.restore.ManifestItems;
import dev.packinspector.restore.RestoreChecks;
import dev.packinspector.restore.RestoreItems;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dragging files out of the tree restores them into a fresh temp folder first; too large a selection is refused with a hint. */
class DragOutTest extends MainWindowTestBase {
    private final JsonNode newest = Shown.newestSnapshot("basic");

    @BeforeEach
    void openBasic() {
        ui.openAndShowFiles(Fixtures.store("basic"));
    }

    @Test
    void theDraggedSelectionIsRestoredIntoATempFolderWithTheManifestsContent() throws IOException {
        List<ManifestEntry> selection = select("docs", "link-to-readme", "scripts/run.sh");

        List<File> dragged = WindowDriver.onFx(() -> window().export().forDrag(RestoreItems.of(selection)));

        assertNotNull(dragged);
        Path folder = dragged.getFirst().toPath().getParent();
        try {
            assertTrue(dragged.stream().allMatch(f -> f.toPath().getParent().equals(folder)), "one folder holds them all: " + dragged);
            assertTrue(folder.getFileName().toString().startsWith("pack-inspector-drag-"), folder.toString());
            assertTrue(folder.toRealPath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toRealPath()), "a temp folder: " + folder);
            assertEquals(List.of("docs", "link-to-readme", "scripts"), dragged.stream().map(File::getName).sorted().toList(),
                    "the top-level names of the selection");
            JsonNode expected = ManifestItems.only(newest, p -> p.startsWith("docs/") || p.equals("link-to-readme") || p.equals("scripts/run.sh"));
            ManifestItems.assertRestored(expected, folder);
            assertEquals(ManifestItems.paths(expected), RestoreChecks.restoredPaths(folder), "only the selection");
            RestoreChecks.assertNoTempFiles(folder);
        } finally {
            deleteTree(folder);
        }
    }

    @Test
    void objectsDraggedFromTheIndexArriveAsFilesNamedByTheirIds() throws IOException {
        JsonNode readme = Shown.file(newest, "README.md");
        JsonNode big = Shown.file(newest, "assets/random-2m.bin");
        List<String> ids = List.of(readme.get("blob_hash").asText(), big.get("blob_hash").asText());
        WindowDriver.onFx(() -> {
            window().select(Navigation.View.OBJECTS);
            var table = ui.index().table();
            table.getSelectionModel().clearSelection();
            for (int row = 0; row < table.getItems().size(); row++) {
                if (ids.contains(ui.session().packs().entryAt(table.getItems().get(row)).id().toHex())) {
                    table.getSelectionModel().select(row);
                }
            }
        });

        List<File> dragged = WindowDriver.onFx(() -> window().export().forDrag(RestoreItems.objects(ui.index().selectedIds())));

        assertNotNull(dragged);
        Path folder = dragged.getFirst().toPath().getParent();
        try {
            assertEquals(ids.stream().sorted().toList(), dragged.stream().map(File::getName).sorted().toList());
            for (JsonNode file : List.of(readme, big)) {
                byte[] content = Files.readAllBytes(folder.resolve(file.get("blob_hash").asText()));
                assertEquals(file.get("sha256").asText(), Fixtures.sha256(content), file.get("path").asText());
            }
        } finally {
            deleteTree(folder);
        }
    }

    @Test
    void aSelectionOverTheLimitIsRefusedWithAStatusMessage() {
        ManifestEntry big = WindowDriver.onFx(() -> ui.snapshots().selectedEntries().stream()
                .filter(e -> e.path().equals("assets/random-2m.bin")).findFirst().orElseThrow());
        var many = new ArrayList<ManifestEntry>();
        for (int i = 0; many.stream().mapToLong(ManifestEntry::size).sum() <= ObjectExport.DRAG_OUT_LIMIT; i++) {
            many.add(new ManifestEntry("copies/random-" + i + ".bin", big.blob(), big.size(), big.mode(), null));
        }

        List<File> dragged = WindowDriver.onFx(() -> window().export().forDrag(RestoreItems.of(many)));

        assertNull(dragged, "nothing to drag");
        String status = ui.status();
        assertTrue(status.startsWith("That selection is ") && status.contains("use Restore…"), status);
        assertFalse(WindowDriver.onFx(() -> ui.tasks().busy()));
    }

    /** Selects the tree rows of {@code paths} (folders included) and returns what the view then calls the selection. */
    private List<ManifestEntry> select(String... paths) {
        return WindowDriver.onFx(() -> {
            var tree = ui.snapshots().fileTree();
            tree.getSelectionModel().clearSelection();
            for (String p : paths) {
                TreeItem<FileNode> item = Shown.item(tree.getRoot(), p);
                for (TreeItem<FileNode> up = item.getParent(); up != null; up = up.getParent()) {
                    up.setExpanded(true);
                }
                tree.getSelectionModel().select(tree.getRow(item));
            }
            return ui.snapshots().selectedEntries();
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
