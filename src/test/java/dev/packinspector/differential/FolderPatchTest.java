package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code diff STORE A --folder FOLDER} is a patch GNU patch applies: the snapshot chkpt-2f794af
 * saved, restored into an empty folder and patched with {@code patch -p1}, gives back every text
 * file of the folder byte for byte (edits, lines added at the end, a last line losing or gaining
 * its newline, CRLF lines, Latin-1 bytes, an emptied file, files added and removed, a name with
 * spaces), and a changed binary file is named, not shown.
 */
class FolderPatchTest {
    private Path scratch;

    @BeforeEach
    void makeScratch() throws IOException {
        scratch = Files.createTempDirectory("folder-patch-").toRealPath();
    }

    @AfterEach
    void removeScratch() throws IOException {
        Workspace.deleteTree(scratch);
    }

    @Test
    void theDiffOfAFolderPatchesItsSnapshotIntoTheFolder() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/patch")), "GNU patch is not installed: .ci/run installs it");
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(scratch.resolve("home"));
        Path ws = Files.createDirectory(scratch.resolve("ws"));
        var lines = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            lines.append("line ").append(i).append('\n');
        }
        write(ws, "src/long.txt", lines.toString());
        write(ws, "no-newline.txt", "one\ntwo");
        write(ws, "gains-no-newline.txt", "one\ntwo\n");
        write(ws, "crlf.txt", "a\r\nb\r\nc\r\n");
        Files.write(ws.resolve("latin1.txt"), "caf\u00e9\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        write(ws, "to-empty.txt", "something\n");
        write(ws, "removed.txt", "going away\n");
        write(ws, "a file with spaces.txt", "first\n");
        Files.write(ws.resolve("data.bin"), new byte[] {1, 0, 2, 0, 3});
        chkpt.save(ws, home, "first", 0);
        Path store = ChkptBinary.storeIn(home);

        write(ws, "src/long.txt", lines.toString().replace("line 7\n", "line seven\n").replace("line 30\n", "") + "line 41\n");
        write(ws, "no-newline.txt", "one\ntwo\n");
        write(ws, "gains-no-newline.txt", "one\ntwo");
        write(ws, "crlf.txt", "a\r\nB\r\nc\r\n");
        Files.write(ws.resolve("latin1.txt"), "caf\u00e9\nna\u00efve!\n".getBytes(StandardCharsets.ISO_8859_1));
        write(ws, "to-empty.txt", "");
        Files.delete(ws.resolve("removed.txt"));
        write(ws, "a file with spaces.txt", "first\nsecond\n");
        write(ws, "added/new.txt", "brand new\nfile");
        Files.write(ws.resolve("data.bin"), new byte[] {1, 0, 2, 0, 4});

        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run("diff", store.toString(), "latest", "--folder", ws.toString());
        assertEquals(Cli.OK, exit, err.toString(StandardCharsets.UTF_8));
        String patch = out.toString(StandardCharsets.ISO_8859_1);
        assertTrue(patch.contains("Binary files a/data.bin and b/data.bin differ\n"), patch);

        Path restored = Files.createDirectory(scratch.resolve("restored"));
        PackInspectorRuns.restore(store, "latest", restored);
        Process p = new ProcessBuilder("/usr/bin/patch", "-p1", "--batch", "--quiet").directory(restored.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write(out.toByteArray());
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said + "\n" + patch);
        for (String text : List.of("src/long.txt", "no-newline.txt", "gains-no-newline.txt", "crlf.txt", "latin1.txt", "a file with spaces.txt",
                "added/new.txt")) {
            assertArrayEquals(Files.readAllBytes(ws.resolve(text)), Files.readAllBytes(restored.resolve(text)), text);
        }
        assertEquals(0, Files.size(restored.resolve("to-empty.txt")), "emptied");
        assertTrue(Files.notExists(restored.resolve("removed.txt")), "removed");

        var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(Cli.USAGE, new Cli(new ByteArrayOutputStream(), quiet).run("diff", store.toString(), "latest"), "no newer side");
        assertEquals(Cli.USAGE, new Cli(new ByteArrayOutputStream(), quiet).run("diff", store.toString(), "latest", "latest", "--folder", ws.toString()),
                "both newer sides");
        assertEquals(Cli.USAGE, new Cli(new ByteArrayOutputStream(), quiet).run("diff", store.toString(), "latest", "--folder", ws.toString(), "--json"),
                "a unified diff has no JSON");
    }

    private static void write(Path ws, String path, String content) throws IOException {
        Path file = ws.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
