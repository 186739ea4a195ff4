package dev.packinspector.restore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Names of the files a restore writes before renaming them into place. Only files with exactly
 * this shape are ever deleted from a target: they are what a killed earlier restore left behind.
 */
final class TempFiles {
    private static final Set<StandardOpenOption> CREATE_NEW_WRITE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final Pattern NAME = Pattern.compile("\\.pack-inspector-[0-9a-z]{1,13}\\.tmp");

    private TempFiles() {
    }

    static Path next(Path folder) {
        return folder.resolve(".pack-inspector-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".tmp");
    }

    /**
     * Creates the temp file {@code temp} for {@code item}: with its permissions when the umask
     * leaves them whole ({@link #createsWithMode}; one system call a file fewer than a chmod
     * afterwards), else with the default mode, for the caller to set.
     */
    static FileChannel create(Path temp, RestoreItem item) throws IOException {
        if (createsWithMode(item)) {
            return FileChannel.open(temp, CREATE_NEW_WRITE, PosixModes.fileAttribute(item.permissions()));
        }
        return FileChannel.open(temp, CREATE_NEW_WRITE);
    }

    /** True when {@link #create} gives the file the item's permissions. */
    static boolean createsWithMode(RestoreItem item) {
        int mode = item.permissions();
        int umask = Umask.current();
        return mode >= 0 && umask >= 0 && (mode & umask) == 0;
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
