package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.app.snapshots.FileNode;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.ProblemKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A damaged pack next to healthy ones: the window names the problem in one sentence, the healthy
 * packs stay browsable, and Verify reports it. Each case's broken pack is put into a copy of the
 * basic store, so "the rest" is a real store with two snapshots.
 */
class CorruptStoreTest extends MainWindowTestBase {
    /** An exception class name or a stack frame: never for a user's eyes. */
    private static final Pattern TECHNICAL = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bat [a-z]\\w*(\\.\\w+)+\\(|\\n\\s+at ");
    private static final int BASIC_OBJECTS = 40;

    @TempDir
    Path store;

    @ParameterizedTest
    @ValueSource(strings = {"content_hash_mismatch", "bad_magic", "missing_idx", "unsorted_idx", "truncated_dat", "lz4_bad_frame_magic"})
    void aBrokenPackIsNamedInOneSentenceTheRestStaysUsableAndVerifyReportsIt(String name) throws IOException {
        JsonNode expected = Fixtures.manifest("corrupt/" + name).get("expected");
        String category = expected.get("category").asText();
        boolean wholePack = expected.get("scope").asText().equals("pack");
        String pack = basicWith(Fixtures.store("corrupt/" + name));

        ui.openAndShowFiles(store);

        List<String> onOpening = WindowDriver.onFx(() -> List.copyOf(ui.problems().items()));
        boolean incomplete = ProblemKind.valueOf(category).incomplete();
        if (incomplete) {
            // a pack chkpt may still be writing is not an error: the Packs view shows it as incomplete, with why
            assertEquals(List.of(), onOpening);
            assertTrue(ui.navigation().contains("Problems   0"), ui.navigation()::toString);
            var state = WindowDriver.onFx(() -> ui.packsView().getItems().stream().filter(p -> p.name().equals(pack)).findFirst().orElseThrow().status());
            assertEquals("incomplete", state.state().label());
            assertOneClearSentenceNaming(state.problem().getMessage(), pack);
        } else if (wholePack) {
            assertEquals(1, onOpening.size(), () -> "one problem: " + onOpening);
            assertOneClearSentenceNaming(onOpening.getFirst(), pack);
            assertTrue(ui.navigation().contains("Problems   1"), ui.navigation()::toString);
            assertEquals(BASIC_OBJECTS, (int) WindowDriver.onFx(() -> ui.session().packs().entryCount()), "the healthy packs' objects");
        } else {
            assertEquals(List.of(), onOpening, "the pack itself is sound; its bad entry shows when read or verified");
            assertTrue(WindowDriver.onFx(() -> ui.session().packs().entryCount()) > BASIC_OBJECTS);
        }
        assertNoTechnicalText(ui.status());

        // the healthy packs stay browsable: the index, the tree and the preview of a file
        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));
        WindowDriver.onFx(() -> ui.index().filter(""));
        assertTrue(WindowDriver.onFx(() -> ui.index().table().getItems().size()) >= BASIC_OBJECTS);
        WindowDriver.onFx(() -> window().select(Navigation.View.SNAPSHOTS));
        JsonNode readme = Shown.file(Shown.newestSnapshot("basic"), "README.md");
        String firstLine = new String(Shown.content("basic", readme), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        WindowDriver.onFx(() -> {
            var tree = ui.snapshots().fileTree();
            TreeItem<FileNode> item = Shown.item(tree.getRoot(), "README.md");
            tree.getSelectionModel().clearAndSelect(tree.getRow(item));
        });
        WindowDriver.waitUntil("README.md is previewed", () -> Shown.texts(ui.node("#preview-text")).contains(firstLine));

        WindowDriver.onFx(() -> window().select(Navigation.View.PROBLEMS));
        VerifyReport report = WindowDriver.await(WindowDriver.onFx(() -> ui.problems().verify()));

        List<String> found = WindowDriver.onFx(() -> List.copyOf(ui.problems().items()));
        found.forEach(this::assertNoTechnicalText);
        found.forEach(p -> assertFalse(p.contains("\n"), p));
        assertNoTechnicalText(ui.status());
        String summary = WindowDriver.onFx(() -> ((Label) ui.node("#verify-summary")).getText());
        if (incomplete) {
            // verify counts a pack chkpt may still be writing instead of reporting it: the window says it was not checked
            assertEquals(1, report.incompletePacks());
            assertTrue(summary.contains("1 incomplete pack not checked"), summary);
            assertTrue(ui.status().contains("1 incomplete pack"), ui.status());
        } else {
            assertFalse(report.ok());
            String naming = wholePack ? pack : expected.get("affected_blob_hashes").get(0).asText();
            assertTrue(found.stream().anyMatch(p -> p.startsWith(category + ": ") && p.contains(naming)),
                    () -> "verify reports " + category + " naming " + naming + ": " + found);
            assertTrue(summary.matches("[\\d,]+ problems? in [\\d,]+ objects? checked.*"), summary);
            assertTrue(ui.status().matches("Verify: [\\d,]+ problems? found.*"), ui.status());
        }
    }

    @org.junit.jupiter.api.Test
    void verifyShowsAnUnreadablePackAsOneCauseWithTheFilesItTakesBeneathIt() {
        ui.openAndShowFiles(Fixtures.store("corrupt/bad_magic"));
        WindowDriver.onFx(() -> window().select(Navigation.View.PROBLEMS));
        VerifyReport report = WindowDriver.await(WindowDriver.onFx(() -> ui.problems().verify()));
        assertEquals(1, report.causes().size(), report.causes()::toString);

        List<String> tree = WindowDriver.onFx(() -> ui.problems().tree());
        assertTrue(tree.getFirst().startsWith("PACK_HEADER_INVALID: "), tree::toString);
        List<String> files = tree.stream().filter(l -> l.startsWith("  Affected file: ")).toList();
        assertEquals(5, files.size(), tree::toString);
        for (JsonNode f : Fixtures.manifest("corrupt/bad_magic").get("snapshots").get(0).get("files")) {
            assertTrue(files.stream().anyMatch(l -> l.contains(f.get("path").asText()) && l.contains(f.get("blob_hash").asText())), f::toString);
        }
        String summary = WindowDriver.onFx(() -> ((Label) ui.node("#verify-summary")).getText());
        assertTrue(summary.startsWith("1 problem (5 snapshot files cannot be restored) in "), summary);
    }

    /** Copies basic into {@code store}, adds the broken case's pack files, and returns that pack's name. */
    private String basicWith(Path corrupt) throws IOException {
        Files.createDirectories(store.resolve("packs"));
        Files.copy(Fixtures.store("basic").resolve("catalog.sqlite"), store.resolve("catalog.sqlite"));
        String pack = null;
        for (Path dir : List.of(Fixtures.store("basic").resolve("packs"), corrupt.resolve("packs"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.copy(f, store.resolve("packs").resolve(f.getFileName()));
                    if (dir.startsWith(corrupt)) {
                        pack = f.getFileName().toString().replaceAll("^pack-([0-9a-f]{16})\\..*$", "$1");
                    }
                }
            }
        }
        return pack;
    }

    private void assertOneClearSentenceNaming(String problem, String pack) {
        assertTrue(problem.contains(pack), () -> problem + " names pack " + pack);
        assertFalse(problem.contains("\n"), () -> "one line: " + problem);
        assertNoTechnicalText(problem);
    }

    private void assertNoTechnicalText(String text) {
        assertFalse(TECHNICAL.matcher(text).find(), () -> "no exception names or stack traces: " + text);
    }
}
