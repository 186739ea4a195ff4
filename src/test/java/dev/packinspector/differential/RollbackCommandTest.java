package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pack-inspector rollback} on a folder chkpt-2f794af saved and an agent then changed: the
 * plan it prints (text and JSON), a rollback of one path, then of the rest, what it leaves alone
 * (what chkpt leaves out of its saves, the store), and its usage errors.
 */
class RollbackCommandTest {
    @Test
    void theDryRunShowsThePlanAndTheRollbackCarriesItOut(@TempDir Path tmp) throws Exception {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path ws = Files.createDirectory(tmp.resolve("my project")).toRealPath();
        write(ws.resolve("README.md"), "# project\n");
        write(ws.resolve("src/main.rs"), "fn main() {}\n");
        write(ws.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(ws.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(ws.resolve("docs"), Path.of("src"));
        write(ws.resolve("tab\there.txt"), "odd name\n");
        chkpt.save(ws, home, "before the agent", 0);
        Path store = ChkptBinary.storeIn(home);
        var fingerprint = StoreFingerprint.of(store);

        write(ws.resolve("src/main.rs"), "fn main() { broken }\n");
        Files.setPosixFilePermissions(ws.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.delete(ws.resolve("README.md"));
        Files.delete(ws.resolve("docs"));
        write(ws.resolve("docs/new.md"), "the agent's docs\n");
        write(ws.resolve("scratch/a.txt"), "a");
        write(ws.resolve("scratch/b.txt"), "b");
        write(ws.resolve("tab\there.txt"), "edited\n");
        write(ws.resolve("target/debug/app"), "build output chkpt leaves out");
        write(ws.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Map<String, String> env = Map.of("HOME", home.toString());

        PackInspectorProcess.Run plan = PackInspectorProcess.run(tmp, env, "rollback", ws.toString(), "--dry-run");
        assertEquals(0, plan.exit(), plan.toString());
        assertEquals("""
                trash\tdocs\tfolder of 1 file
                trash\tscratch\tfolder of 2 files
                write\tREADME.md
                write\tdocs
                replace\tsrc/main.rs
                replace\t"tab\\there.txt"
                mode\trun.sh
                """, plan.stdout());
        assertTrue(plan.stderr().contains("plan: 2 to the trash, 2 to write, 2 to replace, 1 modes, 0 refused; nothing done (--dry-run)"), plan.stderr());
        JsonNode json = new ObjectMapper().readTree(PackInspectorProcess.run(tmp, env, "rollback", ws.toString(), "--dry-run", "--json").stdout());
        assertEquals(ws.toString(), json.get("folder").asText());
        assertEquals(7, json.get("steps").size());
        assertEquals("tab\there.txt", json.get("steps").get(5).get("path").asText());
        assertEquals("100644", json.get("steps").get(6).get("now").get("mode").asText());
        assertEquals("100755", json.get("steps").get(6).get("snapshot").get("mode").asText());
        assertEquals(2, json.get("steps").get(1).get("files").asInt());

        PackInspectorProcess.Run one = PackInspectorProcess.run(tmp, env, "rollback", ws.toString(), "--path", "src");
        assertEquals(0, one.exit(), one.toString());
        assertEquals("fn main() {}\n", Files.readString(ws.resolve("src/main.rs")));
        assertEquals("edited\n", Files.readString(ws.resolve("tab\there.txt")), "what was not asked for is left");
        assertTrue(one.stdout().startsWith("1 written (13 B), 0 modes put back; to the trash (" + home.resolve(".local/share/Trash")
                + "): 0 moved there, 1 old versions of replaced files; 0 empty folders removed, 0 refused or failed"), one.stdout());

        PackInspectorProcess.Run rest = PackInspectorProcess.run(tmp, env, "rollback", ws.toString());
        assertEquals(0, rest.exit(), rest.toString());
        assertEquals("", PackInspectorProcess.run(tmp, env, "status", ws.toString()).stdout(), "the folder is the snapshot's");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.resolve("run.sh"))));
        assertEquals(Path.of("src"), Files.readSymbolicLink(ws.resolve("docs")));
        assertFalse(Files.exists(ws.resolve("scratch")));
        assertEquals("build output chkpt leaves out", Files.readString(ws.resolve("target/debug/app")));
        assertEquals("ref: refs/heads/main\n", Files.readString(ws.resolve(".git/HEAD")));
        Path trash = home.resolve(".local/share/Trash");
        assertEquals("the agent's docs\n", Files.readString(trash.resolve("files/docs/new.md")));
        assertEquals("fn main() { broken }\n", Files.readString(trash.resolve("files/main.rs")), "a replaced file's old version is in the trash");
        assertEquals("edited\n", Files.readString(trash.resolve("files/tab\there.txt")));
        assertTrue(Files.readString(trash.resolve("info/scratch.trashinfo")).contains("Path=" + ws.toString().replace(" ", "%20") + "/scratch\n"));
        assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");

        PackInspectorProcess.Run again = PackInspectorProcess.run(tmp, env, "rollback", ws.toString(), "--dry-run");
        assertEquals("", again.stdout(), "nothing left to do");
    }

    @Test
    void usageErrorsSayWhat(@TempDir Path tmp) throws Exception {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path ws = Files.createDirectory(tmp.resolve("ws")).toRealPath();
        write(ws.resolve("a.txt"), "a");
        chkpt.save(ws, home, "one", 0);
        Map<String, String> env = Map.of("HOME", home.toString());
        Path store = ChkptBinary.storeIn(home);
        assertUsage(tmp, env, "is a store: name the folder chkpt saved", "rollback", store.toString());
        assertUsage(tmp, env, "--json and -z print the plan: use them with --dry-run", "rollback", ws.toString(), "--json");
        assertUsage(tmp, env, "neither the snapshot nor the folder has anything at 'nope'", "rollback", ws.toString(), "--path", "nope");
        assertUsage(tmp, env, "--path '../x': the path contains '..'", "rollback", ws.toString(), "--path", "../x");
        PackInspectorProcess.Run unknown = PackInspectorProcess.run(tmp, env, "rollback", ws.toString(), "no-such-snapshot");
        assertEquals(Cli.USAGE, unknown.exit(), unknown.toString());
        assertTrue(unknown.stderr().contains("no-such-snapshot"), unknown.stderr());
    }

    private static void assertUsage(Path tmp, Map<String, String> env, String message, String... args) throws IOException {
        PackInspectorProcess.Run r = PackInspectorProcess.run(tmp, env, args);
        assertEquals(Cli.USAGE, r.exit(), r.toString());
        assertTrue(r.stderr().contains(message), r.stderr());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
