package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.store.StoreFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store of the published chkpt 0.1.2, as its binary leaves it (with the empty {@code packs/}
 * folder git cannot keep in the fixture): no command calls it an empty store; each that needs the
 * catalog and packs of current chkpt says in one sentence what it is and which commands read it
 * (those are LegacyCommandsTest, CliLegacyVerifyTest). The store is untouched.
 */
class LegacyStoreRefusedTest {
    @Test
    void aCommandThatNeedsTheCurrentFormatSaysSoInsteadOfShowingItEmpty(@TempDir Path tmp) throws Exception {
        for (String fixture : List.of("legacy/basic", "legacy/dangling", "legacy/edge")) {
            Path store = tmp.resolve(fixture.replace('/', '-'));
            StoreFingerprint.copy(Fixtures.store(fixture), store);
            Files.createDirectories(store.resolve("packs"));
            var fingerprint = StoreFingerprint.of(store);
            Path mountPoint = Files.createDirectories(tmp.resolve("mount-point"));
            for (List<String> args : List.of(List.of("status"), List.of("mount", mountPoint.toString(), "--foreground"))) {
                var command = new java.util.ArrayList<>(args.subList(0, 1));
                command.add(store.toString());
                command.addAll(args.subList(1, args.size()));
                var out = new ByteArrayOutputStream();
                var err = new ByteArrayOutputStream();
                int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(command.toArray(String[]::new));
                String said = err.toString(StandardCharsets.UTF_8).strip();
                assertNotEquals(0, exit, command + ": " + out + said);
                assertEquals(1, said.lines().count(), command + ": " + said);
                assertTrue(said.contains(StoreFormat.LEGACY_NOT_READ), command + ": " + said);
                assertEquals("", out.toString(StandardCharsets.UTF_8), command + " prints nothing as if it were an empty store");
            }
            assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");
        }
    }

    @Test
    void theCurrentFormatAndOtherFoldersAreNotTakenForIt(@TempDir Path tmp) throws Exception {
        for (String store : Fixtures.realStores()) {
            assertTrue(!StoreFormat.isLegacy(Fixtures.store(store)), store);
        }
        assertTrue(!StoreFormat.isLegacy(tmp));
        Files.createDirectories(tmp.resolve("snapshots"));
        Files.writeString(tmp.resolve("snapshots/notes.txt"), "not a snapshot");
        assertTrue(!StoreFormat.isLegacy(tmp), "a snapshots folder without JSON");
        Files.writeString(tmp.resolve("snapshots/0190.json"), "{}");
        assertTrue(StoreFormat.isLegacy(tmp));
    }
}
