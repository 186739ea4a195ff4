package dev.packinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import dev.packinspector.catalog.PathText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names with a newline, control characters or a backslash, in the store the real chkpt wrote
 * ({@code real/head-basic}): every listing keeps one record per path, quoted as git quotes it,
 * {@code -z} gives the stored names back exactly, and a path as printed is accepted back.
 */
class CliQuotingTest {
    private static final String STORE = Fixtures.store("real/head-basic").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String NEWLINE = "odd/new\nline.txt";
    private static final String CONTROLS = "odd/ctrl-\u0001-\u001b-\u007f.txt";
    private static final String BACKSLASH = "odd/back\\slash.txt";
    /** What git 2.39 prints for them ({@code git ls-files}): the same with core.quotePath true or false. */
    private static final String NEWLINE_AS_GIT = "\"odd/new\\nline.txt\"";
    private static final String CONTROLS_AS_GIT = "\"odd/ctrl-\\001-\\033-\\177.txt\"";
    private static final String BACKSLASH_AS_GIT = "\"odd/back\\\\slash.txt\"";

    private record Result(int exit, byte[] stdout, String stderr) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** Records ended by newlines; the output must end with one. */
        List<String> lines() {
            return records('\n');
        }

        List<String> records(char end) {
            String t = text();
            assertThat(t).as("every record is ended").endsWith(String.valueOf(end));
            return Arrays.asList(t.substring(0, t.length() - 1).split(String.valueOf(end), -1));
        }

        JsonNode json() throws Exception {
            return JSON.readTree(stdout);
        }
    }

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** The snapshots of manifest.json, oldest first. */
    private static List<JsonNode> snapshots() {
        var out = new ArrayList<JsonNode>();
        Fixtures.manifest("real/head-basic").get("snapshots").forEach(out::add);
        out.sort(Comparator.comparing(s -> s.get("created_at").asText()));
        return out;
    }

    private static List<JsonNode> files(JsonNode snapshot) {
        return StreamSupport.stream(snapshot.get("files").spliterator(), false).toList();
    }

    private static JsonNode file(JsonNode snapshot, String path) {
        return files(snapshot).stream().filter(f -> f.get("path").asText().equals(path)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void filesPrintsOneLinePerManifestEntryWithOddNamesQuotedAsGitDoes(int save) {
        JsonNode snapshot = snapshots().get(save);
        var expected = new ArrayList<String>();
        for (JsonNode f : files(snapshot)) {
            expected.add(f.get("mode_octal").asText() + "\t" + f.get("size").asLong() + "\t" + f.get("blob_hash").asText() + "\t"
                    + PathText.quote(f.get("path").asText()));
        }
        Result r = run("files", STORE, snapshot.get("id").asText());
        assertEquals(0, r.exit(), r.stderr());
        assertThat(r.lines()).hasSize(save == 0 ? 38 : 36).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.lines().stream().map(l -> l.split("\t", 4)[3]))
                .contains(NEWLINE_AS_GIT, CONTROLS_AS_GIT, BACKSLASH_AS_GIT, "odd/latin1-caf\uFFFD.txt", "юникод/файл.txt", "emoji-🎉/party-🎈.txt");
    }

    @Test
    void filesWithZEndsRecordsWithNulAndGivesTheStoredPathsExactly() {
        JsonNode latest = snapshots().get(3);
        Result r = run("files", "-z", STORE, "latest");
        assertEquals(0, r.exit(), r.stderr());
        List<String> paths = r.records('\0').stream().map(record -> record.split("\t", 4)[3]).toList();
        assertThat(paths).hasSize(36).containsExactlyInAnyOrderElementsOf(files(latest).stream().map(f -> f.get("path").asText()).toList());
        assertThat(paths).contains(NEWLINE, CONTROLS, BACKSLASH);
    }

    @Test
    void jsonKeepsTheExactNames() throws Exception {
        Result files = run("files", "--json", STORE, "latest");
        var paths = new ArrayList<String>();
        files.json().forEach(f -> paths.add(f.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrderElementsOf(files(snapshots().get(3)).stream().map(f -> f.get("path").asText()).toList());

        JsonNode history = run("history", "--json", STORE, NEWLINE_AS_GIT).json();
        assertEquals(NEWLINE, history.get("path").asText());
        JsonNode found = run("find", "--json", STORE, "ctrl").json();
        assertEquals(CONTROLS, found.get("paths").get(0).get("path").asText());
        assertThat(run("files", "--json", "-z", STORE, "latest").exit()).as("-z has nothing to do with JSON").isEqualTo(2);
    }

    @Test
    void findAndHistoryQuotePathsAndAcceptThemAsPrinted() {
        JsonNode newline = file(snapshots().get(3), NEWLINE);
        String id = newline.get("blob_hash").asText();

        Result found = run("find", STORE, "odd/");
        assertEquals(0, found.exit(), found.stderr());
        assertThat(found.lines()).hasSize(7).anyMatch(l -> l.startsWith(NEWLINE_AS_GIT + "\t" + id + "\t22\t100644\t"))
                .anyMatch(l -> l.startsWith(CONTROLS_AS_GIT + "\t")).anyMatch(l -> l.startsWith(BACKSLASH_AS_GIT + "\t"));
        assertThat(run("find", "-z", STORE, "odd/").records('\0')).anyMatch(l -> l.startsWith(NEWLINE + "\t" + id));
        assertThat(run("find", STORE, NEWLINE_AS_GIT).lines()).hasSize(1).allMatch(l -> l.startsWith(NEWLINE_AS_GIT + "\t"));

        Result byId = run("find", STORE, "--id", id);
        assertThat(byId.lines()).hasSize(4).allMatch(l -> l.startsWith(id + "\t") && l.endsWith("\t" + NEWLINE_AS_GIT));

        for (String asTyped : List.of(NEWLINE_AS_GIT, NEWLINE)) {
            Result history = run("history", STORE, asTyped);
            assertEquals(0, history.exit(), history.stderr());
            assertThat(history.lines()).hasSize(1).allMatch(l -> l.contains("\t" + id + "\t22\t100644\t"));
        }
        Result none = run("history", STORE, "\"odd/none\\nsuch\"");
        assertEquals(1, none.exit());
        assertThat(none.stderr()).isEqualTo("pack-inspector: no snapshot holds \"odd/none\\nsuch\" (paths are relative, with /; try 'find')\n");
    }

    @Test
    void diffQuotesBothPathsOfARenameAndWritesThemRawWithZ(@TempDir Path dir) throws Exception {
        // the real store has no change to an odd name: rename one in a copy of the catalog
        Path store = Files.createDirectories(dir.resolve("store"));
        Files.copy(Path.of(STORE, "catalog.sqlite"), store.resolve("catalog.sqlite"));
        String renamed = "odd/tab\there \"q\".txt";
        List<JsonNode> s = snapshots();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("catalog.sqlite"));
                PreparedStatement update = c.prepareStatement("UPDATE snapshot_files SET path = ? WHERE snapshot_id = ? AND path = ?")) {
            update.setString(1, renamed);
            update.setString(2, s.get(3).get("id").asText());
            update.setString(3, NEWLINE);
            assertEquals(1, update.executeUpdate());
        }
        String a = s.get(0).get("id").asText();
        String b = s.get(3).get("id").asText();
        Result diff = run("diff", store.toString(), a, b);
        assertEquals(0, diff.exit(), diff.stderr());
        assertThat(diff.lines()).contains("R\t22\t" + NEWLINE_AS_GIT + "\t\"odd/tab\\there \\\"q\\\".txt\"");
        assertThat(run("diff", "-z", store.toString(), a, b).records('\0')).contains("R\t22\t" + NEWLINE + "\t" + renamed);
        JsonNode json = run("diff", "--json", store.toString(), a, b).json();
        var renames = new ArrayList<String>();
        json.get("changes").forEach(ch -> {
            if (ch.get("kind").asText().equals("renamed")) {
                renames.add(ch.get("before").get("path").asText() + " -> " + ch.get("path").asText());
            }
        });
        assertThat(renames).contains(NEWLINE + " -> " + renamed);
    }

    @Test
    void restoreTakesAPathAsPrintedAndWhichNamesItQuoted(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("target");
        Result r = run("restore", STORE, "latest", target.toString(), "--path", NEWLINE_AS_GIT, "--path", CONTROLS_AS_GIT);
        assertEquals(0, r.exit(), r.stderr());
        JsonNode latest = snapshots().get(3);
        for (String name : List.of(NEWLINE, CONTROLS)) {
            assertEquals(file(latest, name).get("sha256").asText(), Fixtures.sha256(Files.readAllBytes(target.resolve(name))), name);
        }
        try (var restored = Files.walk(target)) {
            assertThat(restored.filter(Files::isRegularFile).count()).as("only the two asked for").isEqualTo(2);
        }
        Result raw = run("restore", STORE, "latest", dir.resolve("raw").toString(), "--path", NEWLINE);
        assertEquals(0, raw.exit(), raw.stderr());
        assertThat(dir.resolve("raw").resolve(NEWLINE)).exists();

        // which names the local file and the stored paths using its content, each on its own line
        Path local = target.resolve(NEWLINE);
        Result which = run("which", STORE, local.toString());
        assertEquals(0, which.exit(), which.stderr());
        String id = file(latest, NEWLINE).get("blob_hash").asText();
        assertThat(which.lines()).hasSize(1 + 4).first().isEqualTo(PathText.quote(local.toString()) + "\t" + id + "\tin store");
        assertThat(which.lines().subList(1, 5)).allMatch(l -> l.endsWith("\t" + NEWLINE_AS_GIT));
        assertThat(run("which", "-z", STORE, local.toString()).records('\0')).first().isEqualTo(local + "\t" + id + "\tin store");

        Result nothing = run("restore", STORE, "latest", target.toString(), "--path", "\"odd/none\\nsuch\"");
        assertEquals(2, nothing.exit());
        assertThat(nothing.stderr()).endsWith("has nothing under \"odd/none\\nsuch\"\n").hasLineCount(1);
    }

    @Test
    void aDryRunPlanHasOneRecordPerActionInTextZAndCsv(@TempDir Path dir) throws Exception {
        String target = dir.resolve("target").toString();
        JsonNode plan = run("restore", STORE, "latest", target, "--dry-run", "--json").json();
        int actions = plan.get("actions").size();
        var paths = new ArrayList<String>();
        plan.get("actions").forEach(a -> paths.add(a.get("path").asText()));
        assertThat(paths).contains(NEWLINE, CONTROLS);

        List<String> text = run("restore", STORE, "latest", target, "--dry-run").lines();
        assertThat(text).hasSize(actions + 1).contains("write\t" + NEWLINE_AS_GIT, "write\t" + CONTROLS_AS_GIT).last().asString().startsWith("plan: ");
        assertThat(text.subList(0, actions).stream().map(l -> l.split("\t")[1]).toList())
                .containsExactlyElementsOf(paths.stream().map(PathText::quote).toList());

        List<String> z = run("restore", STORE, "latest", target, "--dry-run", "-z").records('\0');
        assertThat(z.subList(0, actions).stream().map(l -> l.split("\t")[1]).toList()).containsExactlyElementsOf(paths);

        List<List<String>> csv = Csv.parse(run("restore", STORE, "latest", target, "--dry-run", "--csv").text());
        assertThat(csv).hasSize(1 + actions);
        assertThat(csv.subList(1, csv.size()).stream().map(row -> row.get(1)).toList()).containsExactlyElementsOf(paths.stream()
                .map(p -> "=+-@".indexOf(p.charAt(0)) >= 0 ? "'" + p : p).toList());
        assertThat(run("restore", STORE, "latest", target, "-z").exit()).as("-z only prints a plan").isEqualTo(2);
    }

    @Test
    void refusalsOnStandardErrorNameEachPathQuotedOnOneLine(@TempDir Path dir) throws Exception {
        JsonNode plan = run("restore", STORE, "latest", dir.resolve("plan").toString(), "--dry-run", "--json").json();
        // whichever paths are refused (the backslash name, for now), each is named as git would print it
        var refused = new ArrayList<String>();
        var refusals = new ArrayList<String>();
        plan.get("actions").forEach(a -> {
            if (a.get("action").asText().equals("refuse")) {
                refused.add("pack-inspector: " + PathText.quote(a.get("path").asText()) + ": ");
                refusals.add("pack-inspector: " + PathText.quote(a.get("path").asText()) + ": " + PathText.oneLine(a.get("detail").asText()));
            }
        });
        Result restore = run("restore", STORE, "latest", dir.resolve("target").toString());
        assertThat(restore.stderr().lines().toList()).containsExactlyInAnyOrderElementsOf(refusals);
        Result export = run("export", STORE, "latest", dir.resolve("x.tar").toString());
        assertThat(export.stderr().lines().map(l -> l.substring(0, l.indexOf(": left out: ") + 2)).toList())
                .containsExactlyInAnyOrderElementsOf(refused);
    }

    @Test
    void statsKeepsNonAsciiFolderNamesReadable() {
        Result r = run("stats", STORE, "--folders", "latest");
        assertEquals(0, r.exit(), r.stderr());
        assertThat(r.lines()).anyMatch(l -> l.startsWith("юникод/ ")).anyMatch(l -> l.startsWith("emoji-🎉/ "));
    }

    @Test
    void lsAndHistoryEndRecordsWithNulUnderZ() {
        List<String> lines = run("ls", STORE).lines();
        assertThat(run("ls", "-z", STORE).records('\0')).isEqualTo(lines);
        List<String> history = run("history", STORE, "README.md").lines();
        assertThat(run("history", "-z", STORE, "README.md").records('\0')).isEqualTo(history);
    }

    /** Just enough of RFC 4180 to read the plan back: quoted fields may hold commas, quotes and line breaks. */
    private static final class Csv {
        static List<List<String>> parse(String text) {
            var rows = new ArrayList<List<String>>();
            var row = new ArrayList<String>();
            var field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            return rows;
        }
    }
}
