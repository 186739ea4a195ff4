package dev.packinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --self-test} in its own JVM, without a display, as CI runs it on the packaged image: it
 * opens the window on the Headless platform, opens a store, previews a file and exits 0; it exits
 * 1 with the reason when it cannot.
 */
class SelfTestTest {
    private record Run(int exit, String output) {
    }

    private static Run selfTest(String... args) throws IOException, InterruptedException {
        return selfTestOn(null, args);
    }

    /** The self-test with DISPLAY set to {@code display} (none if null). */
    private static Run selfTestOn(String display, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the launchers' JVM options, from their one file
                "@" + Path.of("jlink", "java-options.txt").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--self-test"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the self-test ends by itself");
        return new Run(p.exitValue(), output);
    }

    @Test
    void walksEveryStoreInOneWindowAndReportsDamageAsTheStoresNotAsAFailure() throws Exception {
        Path basic = Fixtures.store("basic");
        Path real = Fixtures.store("real/head-basic");
        Path damaged = Fixtures.store("corrupt/content_hash_mismatch");
        Run run = selfTest(basic.toString(), damaged.toString(), real.toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("(Headless platform)"), run.output());
        String views = "visited Snapshots, Workspace, Packs, Objects, Problems, Search, Compare, Space, preview Text, preview Hex, preview Image, preview Info, restore plan; ";
        assertTrue(run.output().contains("self-test: " + basic + ": " + views + "2 snapshots, 2 packs, 40 objects, 0 problems\n"), run.output());
        assertTrue(run.output().contains("self-test: " + real + ": " + views + "4 snapshots, 3 packs, 45 objects, 0 problems\n"), run.output());
        assertTrue(run.output().contains("self-test: " + damaged + ": " + views + "1 snapshot, 1 pack, 5 objects, 1 problem; DAMAGED: 1 problem (first: CONTENT_HASH_MISMATCH"),
                run.output());
        assertTrue(run.output().strip().endsWith("self-test: ok"), run.output());
    }

    @Test
    void withoutAStoreItUsesTheDemoStore() throws Exception {
        Run run = selfTest();
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("demo-store: visited Snapshots") && run.output().contains("2 snapshots, 2 packs, 10 objects, 0 problems"), run.output());
    }

    @Test
    void aFolderThatIsNoStoreFailsWithTheReason(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("notes.txt"), "hello");
        Run run = selfTest(empty.toString());
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("self-test: FAILED: cannot open " + empty + ": ") && run.output().contains("not a chkpt store"), run.output());
    }

    @Test
    void aDisplayThatIsNotThereFailsWithTheReasonAndExits() throws Exception {
        // JavaFX's exit waited forever for the toolkit that had failed to start
        Run run = selfTestOn(":97");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("self-test: FAILED: ") && run.output().contains("DISPLAY"), run.output());
    }
}
