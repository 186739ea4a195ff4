package dev.packinspector.restore;

import java.nio.charset.StandardCharsets;

/**
 * Which manifest paths may be written under a restore target: relative, {@code /}-separated,
 * without empty, {@code .} or {@code ..} components, NUL or backslashes, each name at most 255
 * bytes. Anything else could land outside the target or mean different files on different
 * systems, so it is refused.
 */
public final class SafePaths {
    private static final int MAX_NAME_BYTES = 255;
    private static final int MAX_PATH_BYTES = 4000;

    private SafePaths() {
    }

    /** Null if {@code path} is safe to join onto a target, else the reason it is not. */
    public static String problem(String path) {
        if (path == null || path.isEmpty()) {
            return "the path is empty";
        }
        if (path.indexOf('\0') >= 0) {
            return "the path contains a NUL character";
        }
        if (path.startsWith("/")) {
            return "the path is absolute";
        }
        if (path.indexOf('\\') >= 0) {
            return "the path contains a backslash";
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return "the path is longer than " + MAX_PATH_BYTES + " bytes";
        }
        for (String name : path.split("/", -1)) {
            if (name.isEmpty()) {
                return "the path has an empty component";
            }
            if (name.equals(".") || name.equals("..")) {
                return "the path contains '" + name + "'";
            }
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return "a name in the path is longer than " + MAX_NAME_BYTES + " bytes";
            }
        }
        return null;
    }

    /** The folder part of a safe path ("" at the top level). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
