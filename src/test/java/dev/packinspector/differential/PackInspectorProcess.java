package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Pack Inspector's command line in a JVM of its own, as a user runs it, with exactly the environment given (and PATH, and a UTF-8 locale). */
final class PackInspectorProcess {
    private PackInspectorProcess() {
    }

    record Run(int exit, String stdout, String stderr) {
    }

    /** Runs {@code args} to the end; its output goes through files in {@code scratch}. */
    static Run run(Path scratch, Map<String, String> environment, String... args) throws IOException {
        Path out = Files.createTempFile(scratch, "out-", ".txt");
        Path err = Files.createTempFile(scratch, "err-", ".txt");
        Process p = builder(environment, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pack-inspector ends");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts {@code args}, its output and errors both into {@code output}. */
    static Process start(Path output, Map<String, String> environment, String... args) throws IOException {
        return builder(environment, args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static ProcessBuilder builder(Map<String, String> environment, String... args) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("jlink", "java-options.txt").toAbsolutePath(), "-cp", System.getProperty("java.class.path"), "dev.packinspector.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().putAll(environment);
        return builder;
    }
}
