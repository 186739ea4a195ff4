package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.restore.SafePaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The restore's path rule, both ways. Input: UTF-8 bytes (undecodable ones become U+FFFD, as chkpt
 * stores them), taken once as a manifest path and once split at {@code /} into names, each made
 * legal (NUL out; empty, {@code .} and {@code ..} get an {@code x}) and joined again. (1) Whatever the rule accepts stays inside the target once resolved,
 * names a file beneath it (not the target itself) and has no NUL. (2) Every path of legal names
 * is accepted and resolves to exactly those names beneath the target, in order: the direction
 * whose absence let a rule refuse {@code back\slash.txt} through 10 million inputs. Seeds: the
 * hostile-but-legal names of the real chkpt fixtures and the refused shapes.
 */
class SafePathsFuzzTest {
    private static final Path TARGET = Path.of("/restore/target");

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "10m")
    void pathsAreAcceptedExactlyWhenTheyStayInside(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        anAcceptedPathStaysInside(text);
        var names = new ArrayList<String>();
        for (String part : text.split("/", -1)) {
            names.add(legalName(part));
        }
        legalNamesAreAccepted(names);
    }

    private static void anAcceptedPathStaysInside(String path) {
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
        for (String name : path.split("/", -1)) {
            if (name.isEmpty() || name.equals("..") || name.equals(".")) {
                throw new AssertionError("accepted a path with the component '" + name + "': " + path);
            }
        }
    }

    private static void legalNamesAreAccepted(List<String> names) {
        String path = String.join("/", names);
        String problem = SafePaths.problem(path);
        if (problem != null) {
            throw new AssertionError("refused a path of legal names " + names + ": " + problem);
        }
        Path resolved = TARGET.resolve(path);
        if (!resolved.normalize().equals(resolved) || resolved.getNameCount() != TARGET.getNameCount() + names.size()) {
            throw new AssertionError("legal names " + names + " resolve to " + resolved);
        }
        for (int i = 0; i < names.size(); i++) {
            if (!resolved.getName(TARGET.getNameCount() + i).toString().equals(names.get(i))) {
                throw new AssertionError("name " + i + " of " + names + " lands as " + resolved.getName(TARGET.getNameCount() + i));
            }
        }
    }

    /** Any text made a name POSIX allows: '/' and NUL out, and never empty, '.' or '..'. */
    private static String legalName(String text) {
        String name = text.replace("/", "").replace("\0", "");
        return name.isEmpty() || name.equals(".") || name.equals("..") ? name + "x" : name;
    }
}
