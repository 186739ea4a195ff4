package dev.packinspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AOT training runs every one of its commands cleanly on the demo store and leaves nothing
 * behind; the window's runs unseen (Headless, whatever display there is) and records a cache.
 */
class AotTrainingTest {
    @Test
    void everyTrainingCommandSucceedsAndItsFolderIsRemoved() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = leftovers(tmp);
        assertEquals(0, AotTraining.commandLine(), "a command of the training failed on the demo store");
        assertEquals(before, leftovers(tmp), "the training's temp folder is removed");
    }

    @Test
    void eachCommandWithACacheOfItsOwnTrainsCleanlyOnTheRealStore() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = leftovers(tmp);
        for (String name : AotTraining.OWN_CACHE.keySet()) {
            assertEquals(0, AotTraining.command(name), name + "'s training failed on the training store");
        }
        assertEquals(2, AotTraining.command("restore"), "a command without a cache of its own has no training");
        assertEquals(before, leftovers(tmp), "the trainings' temp folders are removed");
        assertEquals("packs", AotTraining.commandOf("--aot-training=command=packs"));
        assertEquals(null, AotTraining.commandOf("--aot-training=cli"));
    }

    /** The launcher script picks a command's own cache for exactly the commands that have a training. */
    @Test
    void theScriptListsTheCommandsThatHaveATraining() throws IOException {
        String script = Files.readString(Path.of("pack-inspector"));
        Matcher m = Pattern.compile("\\n\\s*([a-z |]+)\\) own=\"\\$1\" ;;").matcher(script);
        assertTrue(m.find(), "the script's list of commands with a cache of their own");
        var listed = new TreeSet<>(Arrays.stream(m.group(1).split("\\|")).map(String::strip).toList());
        assertEquals(new TreeSet<>(AotTraining.OWN_CACHE.keySet()), listed);
    }

    /**
     * (The cache itself cannot be recorded here: a cache takes only jars, and the tests run on
     * target/classes; jlink/test-image.sh checks that the app image starts from the one the
     * build recorded with {@code --aot-training=all}.)
     */
    @Test
    void theWindowsTrainingWalksTheDemoStoreWithoutShowingAWindow() throws Exception {
        var builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("jlink", "java-options.txt").toAbsolutePath(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--aot-training=window")).redirectErrorStream(true);
        // a display that is not there: a training that tried to show its window on it would fail
        builder.environment().put("DISPLAY", ":97");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the training ends by itself");
        assertEquals(0, p.exitValue(), output);
    }

    private static long leftovers(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("pack-inspector-aot-")).count();
        }
    }
}
