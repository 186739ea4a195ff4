package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code verify} prints causes, each followed by what it takes with it, and nests them in JSON. */
class CliVerifyTest {

    private static String[] run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new String[] {Integer.toString(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void anUnreadablePackIsOneCauseWithItsFilesIndentedBeneath() {
        String[] r = run("verify", Fixtures.store("corrupt/bad_magic").toString());
        assertEquals("1", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        assertTrue(lines.getFirst().startsWith("PACK_HEADER_INVALID\t"), r[1]);
        assertEquals("\tlost\t5 objects", lines.get(1));
        long files = lines.stream().filter(l -> l.startsWith("\tfile\t")).count();
        assertEquals(5, files, r[1]);
        assertEquals("1 problem found; 5 snapshot files cannot be restored", lines.getLast());
        assertEquals("", r[2], "findings are not repeated on stderr");
    }

    @Test
    void jsonNestsWhatFollowsFromACause() throws Exception {
        String[] r = run("verify", "--json", Fixtures.store("corrupt/lz4_bad_frame_magic").toString());
        assertEquals("1", r[0], r[2]);
        JsonNode report = new ObjectMapper().readTree(r[1]);
        assertEquals(1, report.get("causes").asInt());
        assertEquals(1, report.get("affected_files").asInt());
        JsonNode cause = report.get("problems").get(0);
        assertEquals("LZ4_CORRUPT", cause.get("kind").asText());
        assertEquals("9f793691762853473d33f140e80b8bbd", cause.get("id").asText());
        assertEquals("PACK_HASH_MISMATCH", cause.get("also").get(0).get("kind").asText());
        assertEquals("data/random.bin", cause.get("affected_files").get(0).get("path").asText());
    }

    @Test
    void realStoresWithHostileNamesVerifyClean() {
        for (String store : Fixtures.realStores()) {
            String[] r = run("verify", Fixtures.store(store).toString());
            assertEquals("0", r[0], store + ": " + r[1] + r[2]);
            assertEquals("no problems found", r[1].lines().toList().getLast(), store);
        }
    }
}
