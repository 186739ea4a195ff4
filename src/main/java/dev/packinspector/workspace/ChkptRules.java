package dev.packinspector.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import nl.basjes.gitignore.GitIgnore;

/**
 * What chkpt-2f794af leaves out of a save (scanner/matcher.rs): every path with a component named
 * {@code .git}, {@code .chkpt} or {@code target}, at any depth, file or folder; the dependency folders
 * ({@code node_modules}, {@code .venv}, ...) the same way unless the save had {@code --include-deps};
 * and what the workspace's own {@code .chkptignore} (gitignore patterns, read from the workspace's
 * top folder only) ignores, a folder's pattern covering everything beneath it.
 */
public final class ChkptRules {
    private static final Set<String> ALWAYS_EXCLUDED = Set.of(".git", ".chkpt", "target");
    private static final Set<String> DEPENDENCY_DIRS = Set.of("node_modules", ".venv", "venv", "__pypackages__", ".tox", ".nox", ".gradle", ".m2");
    /** The workspace's ignore file. */
    public static final String IGNORE_FILE = ".chkptignore";

    private final boolean includeDeps;
    private final GitIgnore ignore;

    private ChkptRules(boolean includeDeps, GitIgnore ignore) {
        this.includeDeps = includeDeps;
        this.ignore = ignore;
    }

    /** The rules of a save of {@code workspace}, with or without {@code --include-deps}. */
    public static ChkptRules of(Path workspace, boolean includeDeps) throws IOException {
        Path file = workspace.resolve(IGNORE_FILE);
        // chkpt reads it if it exists, through a link too
        GitIgnore ignore = Files.isRegularFile(file) ? new GitIgnore(Files.readString(file, StandardCharsets.UTF_8)) : null;
        return new ChkptRules(includeDeps, ignore);
    }

    /**
     * Whether a snapshot was saved with {@code --include-deps}, as far as its paths tell: it was if
     * one of them runs through a dependency folder (a save without the option could not hold it).
     */
    public static boolean includedDeps(Collection<String> paths) {
        for (String path : paths) {
            for (String dir : DEPENDENCY_DIRS) {
                // a quick look for the name first: most paths hold none of them
                if (path.contains(dir) && Arrays.asList(path.split("/")).contains(dir)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True if a scan never reaches {@code relative}: it, as a file or a folder, or one of its folders
     * is left out. A rollback touches none of it.
     */
    public boolean leftOut(String relative) {
        for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
            if (ignored(relative.substring(0, slash), true)) {
                return true;
            }
        }
        return ignored(relative, false) || ignored(relative, true);
    }

    /** True if chkpt leaves {@code relative} (a '/'-separated path under the workspace) out of a save. */
    public boolean ignored(String relative, boolean folder) {
        for (String component : relative.split("/")) {
            if (ALWAYS_EXCLUDED.contains(component) || !includeDeps && DEPENDENCY_DIRS.contains(component)) {
                return true;
            }
        }
        if (ignore == null) {
            return false;
        }
        Boolean matched = ignore.isIgnoredFile(folder ? relative + "/" : relative);
        return matched != null && matched;
    }
}
