package dev.packinspector.restore;

/**
 * The one rule for which manifest paths may be joined onto a restore target, used by restore,
 * export, verify and the window. On POSIX the only separator is {@code /}, so every other byte
 * a file name can hold (backslash, colon, {@code *}, quotes, tab, newline, other control
 * characters, a leading dash, a trailing dot or space, U+FFFD) is part of a name and is restored
 * exactly as stored. Refused are only paths that could leave the target or are no relative path:
 * empty, absolute, with an empty, {@code .} or {@code ..} component, or with a NUL. Paths through
 * a symlink are refused where the links are known (the planner, the catalog check). A name too
 * long for the target's file system is not refused here: writing it fails that one file with
 * the file system's own reason. Stateless and thread-safe.
 */
public final class SafePaths {
    private SafePaths() {
    }

    /** Null if {@code path} is safe to join onto a target, else the reason it is not, as one clause. */
    public static String problem(String path) {
        if (path == null || path.isEmpty()) {
            return "the path is empty";
        }
        if (path.indexOf('\0') >= 0) {
            return "the path contains a NUL character, which no file name can hold";
        }
        if (path.startsWith("/")) {
            return "the path is absolute, so it would be written outside the target";
        }
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (end == start) {
                return "the path has an empty component (a '/' at its end or two in a row), so it is no relative file path";
            }
            if (end - start <= 2 && path.charAt(start) == '.' && (end - start == 1 || path.charAt(start + 1) == '.')) {
                return "the path contains '" + path.substring(start, end) + "', so it could name a file outside the target";
            }
            if (slash < 0) {
                return null;
            }
            start = slash + 1;
        }
    }

    /** The folder part of a safe path ("" at the top level). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
