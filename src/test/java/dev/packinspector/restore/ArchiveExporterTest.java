package dev.packinspector.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Snapshots exported as zip, tar and tar.gz, read back and checked against manifest.json; hostile entries left out. */
class ArchiveExporterTest {
    private static final Instant TIME = Instant.parse("2026-01-01T01:00:00Z");

    /** What an archive holds for one path: content SHA-256 (or link target), permission bits, kind. */
    record Held(String sha256OrTarget, int permissions, boolean link) {
    }

    private static JsonNode newest() {
        var snaps = new ArrayList<JsonNode>();
        Fixtures.manifest("basic").get("snapshots").forEach(snaps::add);
        snaps.sort(java.util.Comparator.comparing(s -> s.get("created_at").asText()));
        return snaps.getLast();
    }

    private static List<RestoreItem> items() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            Snapshot latest = catalog.resolve("latest");
            var items = new ArrayList<RestoreItem>();
            for (ManifestEntry e : catalog.files(latest)) {
                items.add(RestoreItem.of(e));
            }
            return items;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snapshot.tar", "snapshot.zip", "snapshot.tar.gz"})
    void anArchiveHoldsEveryFileAndLinkWithItsModeAndVerifiedContent(String name, @TempDir Path dir) throws Exception {
        Path archive = dir.resolve(name);
        ArchiveExporter.Result result;
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            result = new ArchiveExporter(packs).export(items(), archive, false, TIME, () -> false, n -> { });
        }
        var expected = new HashMap<String, Held>();
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            for (JsonNode f : newest().get("files")) {
                int mode = f.get("mode").asInt();
                boolean link = (mode & 0170000) == 0120000;
                String what = link ? new String(packs.read(ObjectId.parse(f.get("blob_hash").asText())), StandardCharsets.UTF_8)
                        : f.get("sha256").asText();
                expected.put(f.get("path").asText(), new Held(what, mode & 0777, link));
            }
        }
        assertThat(result.refused()).isEmpty();
        assertThat(result.files()).isEqualTo(expected.size());
        assertThat(result.bytes()).isEqualTo(newest().get("total_bytes").asLong());
        assertThat(read(archive)).isEqualTo(expected);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly(name);
    }

    /** Files.createTempFile gives 0600 whatever the umask; an archive is the user's file and gets what any new file of theirs gets. */
    @ParameterizedTest
    @ValueSource(strings = {"snapshot.tar", "snapshot.zip", "snapshot.tar.gz"})
    void anArchiveGetsTheModeOfAPlainNewFileInItsFolder(String name, @TempDir Path dir) throws Exception {
        Path archive = dir.resolve(name);
        try (PackSet packs = PackSet.open(Fixtures.store("real/head-basic"))) {
            List<RestoreItem> latest;
            try (Catalog catalog = Catalog.open(Fixtures.store("real/head-basic")).orElseThrow()) {
                latest = catalog.files(catalog.resolve("latest")).stream().map(RestoreItem::of).toList();
            }
            new ArchiveExporter(packs).export(latest, archive, false, TIME, () -> false, n -> { });
            var plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
            assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(plain);
            // replacing an archive gives the new one the same mode, not the temp file's
            new ArchiveExporter(packs).export(latest, archive, true, TIME, () -> false, n -> { });
            assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(plain);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("plain", name);
    }

    private static Map<String, Held> read(Path archive) throws Exception {
        var held = new HashMap<String, Held>();
        if (archive.toString().endsWith(".zip")) {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                    assertThat(e.getLastModifiedTime().toInstant()).isEqualTo(TIME);
                    if (e.isDirectory()) {
                        continue;
                    }
                    byte[] content = zip.getInputStream(e).readAllBytes();
                    boolean link = (e.getUnixMode() & 0170000) == 0120000;
                    held.put(e.getName(), new Held(link ? new String(content, StandardCharsets.UTF_8) : Fixtures.sha256(content),
                            e.getUnixMode() & 0777, link));
                }
            }
            return held;
        }
        InputStream file = Files.newInputStream(archive);
        try (ArchiveInputStream<TarArchiveEntry> tar = new TarArchiveInputStream(archive.toString().endsWith(".gz") ? new GZIPInputStream(file) : file)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                assertThat(e.getLastModifiedTime().toInstant()).isEqualTo(TIME);
                if (e.isDirectory()) {
                    continue;
                }
                held.put(e.getName(), e.isSymbolicLink() ? new Held(e.getLinkName(), e.getMode() & 0777, true)
                        : new Held(Fixtures.sha256(tar.readAllBytes()), e.getMode() & 0777, false));
            }
        }
        return held;
    }

    @Test
    void leavesOutWhatARestoreWouldRefuseAndSaysWhy(@TempDir Path dir) throws Exception {
        var good = items().stream().filter(i -> i.path().equals("README.md")).findFirst().orElseThrow();
        var link = items().stream().filter(RestoreItem::symlink).findFirst().orElseThrow();
        List<RestoreItem> hostile = List.of(good,
                new RestoreItem("../escape.txt", good.id(), good.size(), good.mode(), null),
                new RestoreItem("/etc/passwd", good.id(), good.size(), good.mode(), null),
                new RestoreItem("README.md", good.id(), good.size(), good.mode(), null),
                new RestoreItem("device", good.id(), good.size(), 020644, null),
                link,
                new RestoreItem(link.path() + "/beneath", good.id(), good.size(), good.mode(), null),
                new RestoreItem("wrong-size", good.id(), good.size() + 1, good.mode(), null),
                new RestoreItem("missing", ObjectId.parse("00000000000000000000000000000001"), 3, 0100644, null),
                new RestoreItem("unusable", null, 3, 0100644, "text 3 integer"));
        Path archive = dir.resolve("hostile.tar");
        ArchiveExporter.Result result;
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            result = new ArchiveExporter(packs).export(hostile, archive, false, TIME, () -> false, n -> { });
        }
        assertThat(result.refused()).extracting(RestoreProblem::path).containsExactlyInAnyOrder("../escape.txt", "/etc/passwd", "README.md",
                "device", link.path() + "/beneath", "wrong-size", "missing", "unusable");
        assertThat(read(archive).keySet()).containsExactlyInAnyOrder("README.md", link.path());
    }

    @Test
    void aTarThatCannotFitIsRefusedBeforeAnythingIsWrittenAndACompressedOneIsTried(@TempDir Path dir) throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            long contents = items().stream().mapToLong(i -> Math.max(0, i.size())).sum();
            var exporter = new ArchiveExporter(packs, folder -> contents - 1);
            assertThatThrownBy(() -> exporter.export(items(), dir.resolve("new/x.tar"), false, TIME, () -> false, n -> { }))
                    .isInstanceOf(NoRoomException.class).hasMessageContaining("has " + dev.packinspector.Sizes.bytes(contents - 1) + " free")
                    .hasMessageContaining("(at " + dir + ")");
            assertThat(Files.list(dir)).isEmpty();
            assertThat(exporter.export(items(), dir.resolve("x.tar.gz"), false, TIME, () -> false, n -> { }).files()).isPositive();
            assertThat(new ArchiveExporter(packs, folder -> contents).export(items(), dir.resolve("x.tar"), false, TIME, () -> false, n -> { })
                    .files()).as("contents that just fit are written").isPositive();
        }
    }

    @Test
    void aCancelledExportLeavesNoArchiveAndAnExistingOneIsKept(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("x.zip");
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            var exporter = new ArchiveExporter(packs);
            int[] polls = {0};
            assertThatThrownBy(() -> exporter.export(items(), archive, false, TIME, () -> ++polls[0] > 5, n -> { }))
                    .isInstanceOf(CancellationException.class);
            assertThat(Files.list(dir)).isEmpty();
            Files.writeString(archive, "mine");
            assertThatThrownBy(() -> exporter.export(items(), archive, false, TIME, () -> false, n -> { }))
                    .isInstanceOf(FileAlreadyExistsException.class);
            assertThat(Files.readString(archive)).isEqualTo("mine");
            assertThatThrownBy(() -> exporter.export(items(), Fixtures.store("basic").resolve("inside.tar"), false, TIME, () -> false, n -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the store");
            assertThatThrownBy(() -> exporter.export(items(), dir.resolve("x.rar"), false, TIME, () -> false, n -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".zip, .tar");
        }
    }

    @Test
    void aCancelAtAnyPollOfEitherFormatEndsTheExportWithNothingLeft(@TempDir Path dir) throws Exception {
        var legacy = dev.packinspector.legacy.LegacyStore.open(Fixtures.store("legacy/basic"));
        List<RestoreItem> looseItems = LooseObjects.items(new dev.packinspector.legacy.LegacyWalk(legacy).of(legacy.resolve("latest")));
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            List<RestoreItem> packItems = items();
            for (int stopAt = 1; stopAt <= 60; stopAt++) {
                int[] polls = {0};
                int at = stopAt;
                boolean loose = stopAt % 2 == 0;
                var exporter = loose ? new ArchiveExporter(new LooseObjects(legacy), FreeSpace.SYSTEM) : new ArchiveExporter(packs);
                Path archive = dir.resolve("x" + stopAt + ".tar.gz");
                try {
                    exporter.export(loose ? looseItems : packItems, archive, false, TIME, () -> ++polls[0] >= at, n -> { });
                    assertThat(polls[0]).as("finished before poll %d", at).isLessThan(at);
                    Files.delete(archive);
                } catch (CancellationException expected) {
                    // cancelled where it was asked: during a check or a copy
                }
                assertThat(Files.list(dir)).as("after a cancel at poll %d", at).isEmpty();
            }
        }
    }

    @Test
    void aPlanIsWrittenAsCsvAndJsonRowByRow(@TempDir Path dir) throws Exception {
        RestorePlan plan;
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            var items = new ArrayList<>(items());
            items.add(new RestoreItem("../up", items.getFirst().id(), 1, 0100644, null));
            plan = RestorePlanner.plan(packs, items, dir.resolve("target"), false);
        }
        var csv = new java.io.StringWriter();
        PlanExport.csv(plan, csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("action,path,id,size,mode,detail");
        assertThat(lines).hasSize(1 + PlanExport.rows(plan).size());
        JsonNode readme = newest().get("files").get(0);
        assertThat(lines).contains("write," + readme.get("path").asText() + "," + readme.get("blob_hash").asText() + ","
                + readme.get("size").asLong() + "," + readme.get("mode_octal").asText() + ",");
        assertThat(lines).anyMatch(l -> l.startsWith("refuse,../up,"));
        var out = new java.io.ByteArrayOutputStream();
        PlanExport.json(plan, out);
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray());
        assertThat(json.get("files_to_write").asInt()).isEqualTo(newest().get("files").size());
        assertThat(json.get("refused").asInt()).isEqualTo(1);
        assertThat(json.get("actions")).hasSize(lines.size() - 1);
        assertThat(PlanExport.field("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(PlanExport.field("=cmd()")).isEqualTo("'=cmd()");
    }
}
