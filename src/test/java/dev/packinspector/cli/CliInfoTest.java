package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code info} lists the store's other files with what they are; a folder that is no store is refused. */
class CliInfoTest {

    @Test
    void infoNamesEachFileChkptKeeps() throws Exception {
        var out = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run("info", "--json", Fixtures.store("real/7f7f180-basic").toString());
        assertEquals(Cli.OK, exit);
        JsonNode files = new ObjectMapper().readTree(out.toByteArray());
        var paths = new java.util.ArrayList<String>();
        files.forEach(f -> paths.add(f.get("path").asText()));
        assertTrue(paths.containsAll(java.util.List.of("catalog.sqlite", "index.bin", "locks/project.lock", "trees/trees.dat", "trees/trees.idx")),
                paths::toString);
        files.forEach(f -> assertTrue(!f.get("what").asText().isBlank()));
    }

    @Test
    void aFolderThatIsNoStoreIsRefusedWithExitThree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        var err = new ByteArrayOutputStream();
        int exit = new Cli(new ByteArrayOutputStream(), new PrintStream(err, true, StandardCharsets.UTF_8)).run("info", empty.toString());
        assertEquals(Cli.UNREADABLE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a chkpt store"), err::toString);
    }

    @Test
    void aMissingFolderIsRefusedWithExitThree() {
        var err = new ByteArrayOutputStream();
        int exit = new Cli(new ByteArrayOutputStream(), new PrintStream(err, true, StandardCharsets.UTF_8)).run("info", "/no/such/store");
        assertEquals(Cli.UNREADABLE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such folder"));
    }
}
