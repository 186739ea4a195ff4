package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM in trouble mid-restore: with too little direct memory for the first block of a store the
 * real chkpt wrote (its LZ4 frames declare 4 MiB blocks, and the first such block needs that much
 * room), the file being written is named with the error, the run stops and says how many files it
 * did not write, the files written before it are whole, and nothing partial is left.
 * (Before, the error ended the worker thread and the file went unreported.)
 */
class CliRestoreErrorTest {
    @Test
    void anErrorInAWorkerNamesTheFileStopsTheRunAndLeavesNothingPartial(@TempDir Path work) throws Exception {
        Path target = work.resolve("target");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "@" + Path.of("jlink", "java-options.txt").toAbsolutePath(), "-XX:MaxDirectMemorySize=2m",
                "-cp", System.getProperty("java.class.path"), "dev.packinspector.Main",
                "restore", "--threads", "1", Fixtures.store("real/head-basic").toString(), "latest", target.toString())
                .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(work.resolve("err.txt"));
        assertEquals(Cli.PROBLEMS, p.exitValue(), err);
        List<String> failed = err.lines().filter(l -> l.contains("cannot write it: java.lang.OutOfMemoryError")).toList();
        assertEquals(1, failed.size(), err);
        assertTrue(err.contains("the restore stopped after the error above"), err);
        // what was written before the error is whole; the file being written is not there at all
        JsonNode snaps = Fixtures.manifest("real/head-basic").get("snapshots");
        Map<String, String> sha = new HashMap<>();
        int entries = 0; // files and links
        for (JsonNode f : snaps.get(snaps.size() - 1).get("files")) {
            entries += f.get("type").asText().equals("file") || f.get("type").asText().equals("symlink") ? 1 : 0;
            if (f.get("type").asText().equals("file")) {
                sha.put(f.get("path").asText(), f.get("sha256").asText());
            }
        }
        String failedPath = failed.get(0).substring("pack-inspector: ".length(), failed.get(0).indexOf(": cannot write it"));
        assertTrue(sha.containsKey(failedPath), failedPath);
        assertTrue(!Files.exists(target.resolve(failedPath), LinkOption.NOFOLLOW_LINKS), failedPath + " was left behind");
        int whole = 0;
        try (Stream<Path> left = Files.walk(target)) {
            for (Path f : left.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String rel = target.relativize(f).toString();
                assertEquals(sha.get(rel), Fixtures.sha256(Files.readAllBytes(f)), rel + " is not whole (temp files are never left either)");
                whole++;
            }
        }
        assertTrue(whole < sha.size(), "the run stopped");
        assertTrue(err.contains(String.format(Locale.ROOT, "%,d of %,d files were not written", entries - whole, entries)), err);
    }
}
