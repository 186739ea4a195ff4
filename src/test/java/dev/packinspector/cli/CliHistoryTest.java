package dev.packinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import dev.packinspector.ManifestDiff;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** find, history, diff, which and stats on the fixtures, with expected values from manifest.json. */
class CliHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int exit, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }

        JsonNode json() throws Exception {
            return JSON.readTree(stdout);
        }
    }

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String BASIC = Fixtures.store("basic").toString();

    private static List<JsonNode> snapshots() {
        var out = new ArrayList<JsonNode>();
        Fixtures.manifest("basic").get("snapshots").forEach(out::add);
        out.sort(Comparator.comparing(s -> s.get("created_at").asText()));
        return out;
    }

    @Test
    void diffListsChangesAsGitsNameStatusWithTotalsOnStandardError() throws Exception {
        List<JsonNode> s = snapshots();
        String a = s.get(0).get("id").asText();
        String b = s.get(1).get("id").asText();
        Result r = run("diff", BASIC, a.substring(0, 8), b);
        assertThat(r.exit()).as(r.stderr()).isZero();
        List<String> plain = r.lines().stream().map(l -> {
            String[] f = l.split("\t");
            return f[0].equals("R") ? "R " + f[2] + " -> " + f[3] : f[0] + " " + f[2];
        }).toList();
        assertThat(plain).containsExactlyElementsOf(ManifestDiff.lines(s.get(0), s.get(1)));
        assertThat(r.stderr()).contains("added").contains("renamed").contains("unchanged");

        JsonNode json = run("diff", BASIC, a, b, "--json").json();
        assertThat(json.get("from").asText()).isEqualTo(a);
        long added = plain.stream().filter(l -> l.startsWith("A ")).count();
        assertThat(json.get("added").get("files").asLong()).isEqualTo(added);
        assertThat(json.get("changes")).hasSize(plain.size());
        assertThat(run("diff", BASIC, a, "no-such-snapshot").exit()).isEqualTo(2);
    }

    @Test
    void findGivesEveryVersionOfEveryMatchingPath() {
        // by path, and a path's versions oldest first
        var expected = new java.util.LinkedHashSet<String>();
        for (JsonNode s : snapshots()) {
            for (JsonNode f : s.get("files")) {
                if (f.get("path").asText().endsWith(".rs")) {
                    expected.add(f.get("path").asText() + "\t" + f.get("blob_hash").asText() + "\t" + f.get("size").asLong() + "\t"
                            + f.get("mode_octal").asText());
                }
            }
        }
        Result r = run("find", BASIC, "*.rs");
        assertThat(r.exit()).isZero();
        assertThat(r.lines().stream().map(l -> l.substring(0, l.lastIndexOf('\t'))).toList())
                .containsExactlyElementsOf(expected.stream().sorted(Comparator.comparing(l -> l.substring(0, l.indexOf('\t')))).toList());
        assertThat(run("find", BASIC, "nothing-like-this").exit()).isEqualTo(1);
        assertThat(run("find", BASIC).exit()).isEqualTo(2);
        String id = snapshots().get(0).get("files").get(0).get("blob_hash").asText();
        assertThat(run("find", BASIC, "--id", id.substring(0, 6)).lines()).allMatch(l -> l.startsWith(id)).isNotEmpty();
    }

    @Test
    void historyListsAPathsVersionsOldestFirst() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode s : snapshots()) {
            s.get("files").forEach(f -> {
                if (f.get("path").asText().equals("README.md") && !ids.contains(f.get("blob_hash").asText())) {
                    ids.add(f.get("blob_hash").asText());
                }
            });
        }
        Result r = run("history", BASIC, "README.md");
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).extracting(l -> l.split("\t")[1]).containsExactlyElementsOf(ids);
        assertThat(run("history", BASIC, "README.md", "--json").json().get("versions")).hasSize(ids.size());
        Result none = run("history", BASIC, "no/such/file");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.stderr()).contains("no snapshot holds");
    }

    @Test
    void whichFindsContentAndExitsOneWhenSomeIsNotInTheStore(@TempDir Path dir) throws Exception {
        JsonNode readme = snapshots().get(0).get("files").get(0);
        Path copy = dir.resolve("copy.md");
        Result cat = run("cat", BASIC, readme.get("blob_hash").asText());
        Files.writeString(copy, cat.stdout());
        Result r = run("which", BASIC, copy.toString());
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.lines().get(0)).isEqualTo(copy + "\t" + readme.get("blob_hash").asText() + "\tin store");
        Set<String> uses = new TreeSet<>();
        for (JsonNode s : snapshots()) {
            s.get("files").forEach(f -> {
                if (f.get("blob_hash").equals(readme.get("blob_hash"))) {
                    uses.add(s.get("id").asText() + "\t" + f.get("path").asText());
                }
            });
        }
        assertThat(r.lines().subList(1, r.lines().size()).stream().map(l -> {
            String[] f = l.split("\t");
            return f[1] + "\t" + f[3];
        }).toList()).containsExactlyInAnyOrderElementsOf(uses);

        Path other = dir.resolve("other.txt");
        Files.writeString(other, "never saved");
        assertThat(run("which", BASIC, copy.toString(), other.toString()).exit()).isEqualTo(1);
        assertThat(run("which", BASIC, dir.resolve("missing").toString()).exit()).isEqualTo(3);
        JsonNode json = run("which", BASIC, dir.toString(), "--json").json();
        assertThat(json).hasSize(2);
    }

    @Test
    void statsGivesUniqueBytesPerSnapshotAndFolders() throws Exception {
        Map<String, Integer> using = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        for (JsonNode s : snapshots()) {
            Set<String> ids = new HashSet<>();
            s.get("files").forEach(f -> {
                ids.add(f.get("blob_hash").asText());
                sizes.put(f.get("blob_hash").asText(), f.get("size").asLong());
            });
            ids.forEach(id -> using.merge(id, 1, Integer::sum));
        }
        JsonNode json = run("stats", BASIC, "--json").json();
        List<JsonNode> expected = snapshots();
        for (int i = 0; i < expected.size(); i++) {
            Set<String> ids = new HashSet<>();
            expected.get(i).get("files").forEach(f -> ids.add(f.get("blob_hash").asText()));
            long unique = ids.stream().filter(id -> using.get(id) == 1).mapToLong(sizes::get).sum();
            JsonNode got = json.get("snapshots").get(i);
            assertThat(got.get("id").asText()).isEqualTo(expected.get(i).get("id").asText());
            assertThat(got.get("unique_bytes").asLong()).isEqualTo(unique);
            assertThat(got.get("bytes").asLong()).isEqualTo(expected.get(i).get("total_bytes").asLong());
        }
        assertThat(json.get("packs")).hasSize(2);
        Result text = run("stats", BASIC);
        assertThat(text.exit()).isZero();
        assertThat(text.stdout()).contains(expected.get(0).get("id").asText()).contains("ratio");

        JsonNode folders = run("stats", BASIC, "--folders", "latest", "--depth", "1", "--json").json();
        assertThat(folders.get("bytes").asLong()).isEqualTo(expected.get(expected.size() - 1).get("total_bytes").asLong());
        assertThat(folders.get("folders")).allMatch(f -> !f.has("folders"));
        assertThat(run("stats", BASIC, "--depth", "-1").exit()).isEqualTo(2);
    }
}
