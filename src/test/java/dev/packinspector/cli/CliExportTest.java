package dev.packinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export to archives and the restore plan as CSV and JSON, on the basic fixture. */
class CliExportTest {
    private static final String BASIC = Fixtures.store("basic").toString();

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode newest() {
        var snaps = new ArrayList<JsonNode>();
        Fixtures.manifest("basic").get("snapshots").forEach(snaps::add);
        snaps.sort(java.util.Comparator.comparing(s -> s.get("created_at").asText()));
        return snaps.getLast();
    }

    @Test
    void exportWritesTheSnapshotOrTheChosenPathsIntoAnArchive(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("all.zip");
        Result r = run("export", BASIC, "latest", zip.toString());
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith(newest().get("files").size() + " files");
        var expected = new TreeSet<String>();
        newest().get("files").forEach(f -> expected.add(f.get("path").asText() + " " + f.get("sha256").asText()));
        var held = new TreeSet<String>();
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(file.getEntries())) {
                if (!e.isDirectory()) {
                    byte[] content = file.getInputStream(e).readAllBytes();
                    // a link's entry holds its target, whose SHA-256 the manifest records too
                    held.add(e.getName() + " " + Fixtures.sha256(content));
                }
            }
        }
        assertThat(held).isEqualTo(expected);

        assertThat(run("export", BASIC, "latest", zip.toString()).exit()).as("an existing archive is kept").isEqualTo(2);
        assertThat(run("export", BASIC, "latest", dir.resolve("x.rar").toString()).exit()).isEqualTo(2);
        Result part = run("export", BASIC, "latest", dir.resolve("src.tar").toString(), "--path", "src");
        assertThat(part.exit()).isZero();
        long srcFiles = 0;
        for (JsonNode f : newest().get("files")) {
            srcFiles += f.get("path").asText().startsWith("src/") ? 1 : 0;
        }
        assertThat(part.stdout()).startsWith(srcFiles + " files");
    }

    @Test
    void aDryRunPrintsThePlanAsCsvOrJson(@TempDir Path dir) throws Exception {
        Result csv = run("restore", BASIC, "latest", dir.resolve("t").toString(), "--dry-run", "--csv");
        assertThat(csv.exit()).isZero();
        List<String> lines = csv.stdout().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("action,path,id,size,mode,detail");
        assertThat(lines.stream().filter(l -> l.startsWith("write,")).count()).isEqualTo(newest().get("files").size());
        Result json = run("restore", BASIC, "latest", dir.resolve("t").toString(), "--dry-run", "--json");
        JsonNode plan = new ObjectMapper().readTree(json.stdout());
        assertThat(plan.get("files_to_write").asInt()).isEqualTo(newest().get("files").size());
        assertThat(plan.get("bytes_to_write").asLong()).isEqualTo(newest().get("total_bytes").asLong());
        assertThat(Files.exists(dir.resolve("t"))).isFalse();
        assertThat(run("restore", BASIC, "latest", dir.resolve("t").toString(), "--csv").exit()).as("--csv needs --dry-run").isEqualTo(2);
    }

    @Test
    void anArchiveThatCannotBeWrittenIsOneSentenceNamingTheFile(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        Result r = run("export", BASIC, "latest", notAFolder.resolve("inside.zip").toString());
        assertThat(r.exit()).isEqualTo(Cli.UNREADABLE);
        assertThat(r.stderr()).isEqualTo("pack-inspector: already exists: " + notAFolder + "\n");
    }
}
