package dev.packinspector.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's umask, as Linux reports it in {@code /proc/self/status} (Java has no call for it);
 * -1 where it cannot be read. A file created with a mode that shares no bit with the umask gets
 * exactly that mode, so a restore need not set it again with a second system call.
 */
final class Umask {
    private static final int CURRENT = read();

    private Umask() {
    }

    /** The umask's bits, or -1 if not known. */
    static int current() {
        return CURRENT;
    }

    private static int read() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring("Umask:".length()).trim(), 8);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: the mode is set after the file is written, as always
        }
        return -1;
    }
}
