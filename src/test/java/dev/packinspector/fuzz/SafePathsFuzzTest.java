package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.restore.SafePaths;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Any text as a manifest path: whatever the restore's path check accepts stays inside the target
 * folder once resolved, names a file (not the folder itself) and has no NUL; it never throws.
 */
class SafePathsFuzzTest {
    private static final Path TARGET = Path.of("/restore/target");

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "10m")
    void anAcceptedPathStaysInsideTheTarget(String path) {
        if (SafePaths.problem(path) != null) {
            return;
        }
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new AssertionError("accepted an empty path or one with NUL: " + path);
        }
        Path resolved;
        try {
            resolved = TARGET.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new AssertionError("accepted a path the file system cannot name: " + path, e);
        }
        if (!resolved.startsWith(TARGET) || resolved.equals(TARGET)) {
            throw new AssertionError("accepted a path that resolves to " + resolved + ": " + path);
        }
        for (Path part : Path.of(path)) {
            String name = part.toString();
            if (name.equals("..") || name.equals(".")) {
                throw new AssertionError("accepted a path with '" + name + "': " + path);
            }
        }
    }
}
