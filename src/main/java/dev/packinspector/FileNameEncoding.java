package dev.packinspector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Java names files in the charset of the locale it started in ({@code sun.jnu.encoding}) and
 * cannot change it afterwards: under the C/POSIX locale (cron, {@code env -i}, a bare ssh or
 * container shell) every non-ASCII name is unnameable and a restore would lose it. The shell
 * launchers export a UTF-8 locale; the packaged native launcher cannot, so {@link #ensureUtf8}
 * starts the same program once more with {@code LC_ALL=C.UTF-8} (C.UTF-8 ships with glibc).
 */
final class FileNameEncoding {
    private static final String RETRY = "PACK_INSPECTOR_UTF8_RETRY";

    private FileNameEncoding() {
    }

    static boolean utf8() {
        return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
    }

    /**
     * If file names are not UTF-8 and this is the packaged launcher, runs it again in a UTF-8
     * locale and returns its exit code; otherwise returns -1 and the caller goes on.
     */
    static int ensureUtf8(String[] args) {
        String launcher = System.getProperty("jpackage.app-path");
        if (utf8() || launcher == null || System.getenv(RETRY) != null) {
            return -1;
        }
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put(RETRY, "1");
        // the launcher marks the JVM it starts with this; inherited, it makes the new launcher skip its own set-up
        builder.environment().remove("_JPACKAGE_LAUNCHER");
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
