package dev.packinspector.restore;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Names of the files a restore writes before renaming them into place. Only files with exactly
 * this shape are ever deleted from a target: they are what a killed earlier restore left behind.
 */
final class TempFiles {
    private static final Pattern NAME = Pattern.compile("\\.pack-inspector-[0-9a-z]{1,13}\\.tmp");

    private TempFiles() {
    }

    static Path next(Path folder) {
        return folder.resolve(".pack-inspector-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".tmp");
    }

    static boolean isTemp(Path file) {
        return NAME.matcher(file.getFileName().toString()).matches();
    }

    /** Deletes leftovers of earlier restores directly in {@code folder}, but none whose name {@code spared} accepts; returns how many. */
    static int clean(Path folder, java.util.function.Predicate<String> spared) throws IOException {
        int n = 0;
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".pack-inspector-*.tmp")) {
            for (Path f : files) {
                if (isTemp(f) && !spared.test(f.getFileName().toString()) && Files.deleteIfExists(f)) {
                    n++;
                }
            }
        }
        return n;
    }
}
