package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What a restore must never leave in its target, checked the same way by the engine's and the window's tests. */
public final class RestoreChecks {
    private RestoreChecks() {
    }

    /** True for the temp files a restore writes before renaming them into place. */
    public static boolean isTemp(Path file) {
        return TempFiles.isTemp(file);
    }

    public static void assertNoTempFiles(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> files = Files.walk(target)) {
            List<Path> temps = files.filter(TempFiles::isTemp).toList();
            assertTrue(temps.isEmpty(), () -> "temp files left: " + temps);
        }
    }

    /** Every file under a final name is complete and correct ({@code expected}: path to id); returns how many there are. */
    public static int assertNoPartialFiles(Path target, Map<String, ObjectId> expected) throws IOException {
        int complete = 0;
        if (!Files.exists(target)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (TempFiles.isTemp(f)) {
                    continue;
                }
                String rel = target.relativize(f).toString();
                assertEquals(expected.get(rel), dev.packinspector.store.Xxh3.idOfFile(f), "complete content under the final name " + rel);
                complete++;
            }
        }
        return complete;
    }

    /** The files and links under {@code target} (not folders), as sorted relative paths. */
    public static List<String> restoredPaths(Path target) throws IOException {
        var out = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(target)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(f)) {
                    out.add(target.relativize(f).toString());
                }
            }
        }
        return out.stream().sorted().toList();
    }
}
