package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** snapshots, files, restore, extract and verify, run in-process against the fixtures. */
class CliRestoreTest {
    private record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String store(String name) {
        return Fixtures.store(name).toString();
    }

    @Test
    void snapshotsAreListedNewestFirstWithTheirTotals() {
        JsonNode snaps = Fixtures.manifest("basic").get("snapshots");
        var expected = new ArrayList<String>();
        for (int i = snaps.size() - 1; i >= 0; i--) {
            JsonNode s = snaps.get(i);
            expected.add(s.get("id").asText() + "\t" + s.get("created_at").asText() + "\t" + s.get("total_files").asLong() + "\t"
                    + s.get("total_bytes").asLong() + "\t" + s.get("message").asText());
        }
        assertEquals(expected, run("snapshots", store("basic")).lines());
    }

    @Test
    void filesPrintsTheManifestAlsoThroughAMetadataOnlySnapshot() throws Exception {
        JsonNode first = Fixtures.manifest("alias").get("snapshots").get(0);
        var expected = new ArrayList<String>();
        for (JsonNode f : first.get("files")) {
            expected.add(f.get("mode_octal").asText() + "\t" + f.get("size").asLong() + "\t" + f.get("blob_hash").asText() + "\t" + f.get("path").asText());
        }
        assertEquals(expected, run("files", store("alias"), "latest").lines(), "the second save reuses the first's manifest");
        JsonNode json = new ObjectMapper().readTree(run("files", "--json", store("alias"), Snapshot.shortId(first.get("id").asText())).out());
        assertEquals(first.get("files").size(), json.size());
        assertEquals(first.get("files").get(0).get("path").asText(), json.get(0).get("path").asText());
    }

    @Test
    void snapshotReferencesThatNameNothingOrSeveralAreUsageErrors() {
        Result ambiguous = run("files", store("basic"), "019b");
        assertEquals(2, ambiguous.exit());
        assertTrue(ambiguous.err().contains("ambiguous"), ambiguous.err());
        assertEquals(2, run("files", store("basic"), "ffff").exit());
        assertEquals(3, run("snapshots", store("basic") + "/packs/../../chunked/packs/nowhere").exit());
    }

    @ParameterizedTest
    @MethodSource("dev.packinspector.Fixtures#goodStores")
    void restoreLatestReproducesTheManifestAndARerunWritesNothing(String name, @TempDir Path target) throws Exception {
        Result r = run("restore", store(name), "latest", target.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode snaps = Fixtures.manifest(name).get("snapshots");
        JsonNode latest = snaps.get(snaps.size() - 1);
        if (latest.get("files").isEmpty()) {
            latest = snaps.get(0);
        }
        for (JsonNode f : latest.get("files")) {
            Path p = target.resolve(f.get("path").asText());
            if (f.get("type").asText().equals("symlink")) {
                assertEquals(f.get("link_target").asText(), Files.readSymbolicLink(p).toString());
            } else {
                assertEquals(f.get("sha256").asText(), Fixtures.sha256(Files.readAllBytes(p)), f.get("path").asText());
            }
        }
        Result again = run("restore", store(name), "latest", target.toString());
        assertTrue(again.out().startsWith("0 written"), again.out());
    }

    @Test
    void restoreOfSelectedPathsAndDryRun(@TempDir Path target) throws Exception {
        Result dry = run("restore", store("basic"), "latest", target.toString(), "--path", "docs", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertFalse(Files.exists(target.resolve("docs")), "a dry run writes nothing");
        assertTrue(dry.out().contains("write\tdocs/guide/intro.md"), dry.out());
        Result r = run("restore", store("basic"), "latest", target.toString(), "--path", "docs", "--path", "scripts/run.sh");
        assertEquals(0, r.exit(), r.err());
        try (var files = Files.walk(target)) {
            List<String> restored = files.filter(Files::isRegularFile).map(p -> target.relativize(p).toString()).sorted().toList();
            assertTrue(restored.stream().allMatch(p -> p.startsWith("docs/") || p.equals("scripts/run.sh")), restored.toString());
            assertTrue(restored.contains("scripts/run.sh"));
        }
        assertTrue(Files.isExecutable(target.resolve("scripts/run.sh")), "mode 100755 restored");
        assertEquals(2, run("restore", store("basic"), "latest", target.toString(), "--path", "no/such/thing").exit());
        assertEquals(2, run("restore", store("basic"), "latest", target.toString(), "--path", "../x").exit());
    }

    @ParameterizedTest
    @MethodSource("unsafeCases")
    void unsafeManifestsAreRefusedWithExitCode1AndNothingLandsOutside(String name, @TempDir Path scratch) throws Exception {
        Path target = scratch.resolve("target");
        Result r = run("restore", store(name), "latest", target.toString());
        assertEquals(1, r.exit(), r.err());
        for (JsonNode p : Fixtures.manifest(name).get("expected").get("affected_paths")) {
            assertTrue(r.err().contains(p.asText()), "refusal names " + p.asText() + ": " + r.err());
        }
        try (var outside = Files.list(scratch)) {
            assertEquals(List.of(target), outside.toList());
        }
        assertFalse(Files.exists(Path.of("/tmp/chkpt-fixture-absolute.txt")));
        assertFalse(Files.exists(target.resolve("escape"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(target.resolve("hello.txt")), "the safe entries are restored");
    }

    static List<String> unsafeCases() {
        return List.of("corrupt/path_traversal", "corrupt/absolute_path", "corrupt/symlink_escape");
    }

    @Test
    void extractWritesObjectsByIdAlsoFromABarePacksFolder(@TempDir Path dir) throws Exception {
        JsonNode file = Fixtures.manifest("basic").get("snapshots").get(0).get("files").get(0);
        String id = file.get("blob_hash").asText();
        Result r = run("extract", store("chunked") + "/packs", id.substring(0, 10), "--to", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(file.get("sha256").asText(), Fixtures.sha256(Files.readAllBytes(dir.resolve(id))));
        Result missing = run("extract", store("corrupt/missing_blob"), "f4a779f77e2ba0fcbc98b641129a4bf4", "--to", dir.toString());
        assertEquals(1, missing.exit(), missing.err());
        assertTrue(missing.err().contains("f4a779f77e2ba0fcbc98b641129a4bf4"), missing.err());
    }

    @ParameterizedTest
    @MethodSource("dev.packinspector.Fixtures#goodStores")
    void verifyOfAGoodStoreIsClean(String name) throws Exception {
        Result r = run("verify", "--json", store(name));
        assertEquals(0, r.exit(), r.out());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertTrue(report.get("ok").asBoolean());
        assertEquals(0, report.get("problems").size());
    }

    @ParameterizedTest
    @MethodSource("dev.packinspector.Fixtures#corruptCases")
    void verifyFindsEveryCorruptCaseWithItsCategory(String name) throws Exception {
        JsonNode expected = Fixtures.manifest(name).get("expected");
        String category = expected.get("category").asText();
        Result r = run("verify", "--json", store(name));
        JsonNode report = new ObjectMapper().readTree(r.out());
        if (category.equals("INDEX_MISSING") || category.equals("INDEX_SIZE_INVALID")) {
            assertEquals(1, report.get("incomplete_packs").asInt(), "shown as incomplete: chkpt may still be writing it");
            assertTrue(report.get("catalog_rows").asLong() > 0);
            assertEquals(1, r.exit(), "its objects are missing for the catalog");
            return;
        }
        assertEquals(1, r.exit(), r.out());
        boolean found = false;
        for (JsonNode p : report.get("problems")) {
            found |= p.get("kind").asText().equals(category);
        }
        assertTrue(found, name + ": expected " + category + " in " + r.out());
    }
}
