package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The command line, run in-process against the chkpt fixtures, with outputs checked against manifest.json. */
class CliTest {

    private record Result(int exit, byte[] stdout, String stderr) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        List<String> lines() {
            return text().lines().toList();
        }
    }

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static String store(String name) {
        return Fixtures.store(name).toString();
    }

    @Test
    void noCommandIsAUsageErrorThatSaysSoAndListsTheCommands() {
        Result r = run();
        assertEquals(Cli.USAGE, r.exit());
        assertTrue(r.stderr().startsWith("a command is required\n"), r.stderr());
        assertTrue(r.stderr().contains("Usage: pack-inspector") && r.stderr().contains("restore"), r.stderr());
    }

    @Test
    void everySubcommandWritesToTheStreamsOfTheCommandLineItRunsIn() {
        // (the commands reach them through the root, which Cli's factory hands each one it makes)
        Result r = run("snapshots", store("basic"));
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().length > 0 && r.stderr().isEmpty(), r.stderr());
    }

    @Test
    void packsListsEachPackWithEntriesBytesAndState() {
        JsonNode manifest = Fixtures.manifest("basic");
        var expected = new ArrayList<String>();
        for (JsonNode p : manifest.get("packs")) {
            expected.add(p.get("pack_hash").asText() + "\t" + p.get("entry_count").asInt() + "\t" + p.get("dat_size").asLong() + "\tok");
        }
        expected.sort(null);
        Result r = run("packs", store("basic"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(expected, r.lines());
        assertEquals(List.of("153340218cf51ec2\t35\t2238693\tchunked"), run("packs", store("chunked") + "/packs").lines());
    }

    @Test
    void packsReportsADamagedPackWithItsReasonAndExitCode3() throws Exception {
        Result r = run("packs", store("corrupt/bad_magic"));
        assertEquals(3, r.exit());
        assertTrue(r.text().contains("unreadable") && r.text().contains("pack-9ef89182289b4276.dat"), r.text());
        Result incomplete = run("packs", "--json", store("corrupt/missing_idx"));
        assertEquals(0, incomplete.exit(), "a pack chkpt is still writing is not an error");
        JsonNode json = new ObjectMapper().readTree(incomplete.stdout());
        assertEquals("incomplete", json.get(0).get("state").asText());
        assertEquals("INDEX_MISSING", json.get(0).get("problem").asText());
    }

    @Test
    void lsListsEveryEntryOfEveryPackSortedById() throws Exception {
        JsonNode manifest = Fixtures.manifest("basic");
        var expected = new TreeMap<String, String>();
        for (JsonNode p : manifest.get("packs")) {
            for (JsonNode e : p.get("entries_in_dat_order")) {
                String id = e.get("blob_hash").asText();
                expected.put(id, id + "\t" + p.get("pack_hash").asText() + "\t" + e.get("offset").asLong() + "\t" + e.get("compressed_size").asLong());
            }
        }
        Result r = run("ls", store("basic"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(new ArrayList<>(expected.values()), r.lines());

        Result one = run("ls", store("basic"), "--pack", "56901b23ea63a5a8", "--json");
        JsonNode rows = new ObjectMapper().readTree(one.stdout());
        assertEquals(5, rows.size());
        for (JsonNode row : rows) {
            assertEquals(expected.get(row.get("id").asText()), row.get("id").asText() + "\t" + row.get("pack").asText() + "\t"
                    + row.get("offset").asLong() + "\t" + row.get("compressed_size").asLong());
        }
    }

    @Test
    void lsOfAnUnknownPackIsAUsageError() {
        Result r = run("ls", store("basic"), "--pack", "0000000000000000");
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("no pack named '0000000000000000'"), r.stderr());
    }

    @Test
    void catWritesEveryObjectsExactBytesByIdOrUniquePrefix() {
        for (JsonNode file : Fixtures.manifest("basic").get("snapshots").get(1).get("files")) {
            String id = file.get("blob_hash").asText();
            Result full = run("cat", store("basic"), id);
            assertEquals(0, full.exit(), full.stderr());
            assertEquals(file.get("sha256").asText(), Fixtures.sha256(full.stdout()), file.get("path").asText());
            assertArrayEquals(full.stdout(), run("cat", store("basic"), id.substring(0, 8)).stdout());
        }
        for (JsonNode file : Fixtures.manifest("chunked").get("snapshots").get(0).get("files")) {
            Result chunked = run("cat", store("chunked"), file.get("blob_hash").asText());
            assertEquals(file.get("sha256").asText(), Fixtures.sha256(chunked.stdout()), file.get("path").asText());
        }
    }

    @Test
    void catRefusesBadIdsWithUsageErrorsAndCorruptObjectsWithExitCode3() {
        assertEquals(2, run("cat", store("basic"), "0c2").exit(), "prefix too short");
        assertEquals(2, run("cat", store("basic"), "ffffffff").exit(), "no such prefix");
        assertEquals(2, run("cat", store("basic"), "xyz0xyz0").exit(), "not hex");
        Result missing = run("cat", store("corrupt/missing_blob"), "f4a779f77e2ba0fcbc98b641129a4bf4");
        assertEquals(3, missing.exit());
        assertTrue(missing.stderr().contains("f4a779f77e2ba0fcbc98b641129a4bf4"), missing.stderr());
        Result corrupt = run("cat", store("corrupt/lz4_bad_frame_magic"),
                Fixtures.manifest("corrupt/lz4_bad_frame_magic").get("expected").get("affected_blob_hashes").get(0).asText());
        assertEquals(3, corrupt.exit());
        assertTrue(corrupt.stderr().contains("pack-9ef89182289b4276.dat at offset"), corrupt.stderr());
        assertEquals(3, run("packs", store("does-not-exist")).exit());
    }

    @Test
    void withoutACommandItPrintsUsageAndFails() {
        Result r = run();
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("Usage: pack-inspector"), r.stderr());
        assertEquals(0, run("ls", "--help").exit());
    }
}
