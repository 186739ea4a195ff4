package dev.packinspector.cli;

import dev.packinspector.mount.StoreMount;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mount} without {@code --foreground}, as sshfs and {@code borg mount} do it: the same
 * command with {@code --foreground} in a process of its own (its own session, so closing the
 * terminal does not end it), waited for until the folder is mounted, then left running. What it
 * reports from then on goes to a log file, named when it starts; if it fails to mount, its error
 * is told here and its exit status is this command's.
 */
final class MountInBackground {
    /** How long the mount may take to appear (opening a large store's index comes first). */
    private static final long WAIT_SECONDS = 120;
    /** Tells the process in the background its log, which it removes if it ends with nothing to report. */
    static final String LOG_VARIABLE = "PACKINSPECTOR_MOUNT_LOG";

    private final Path point;
    private final PrintStream err;

    MountInBackground(Path point, PrintStream err) {
        this.point = point;
        this.err = err;
    }

    int start() throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(thisCommand());
        command.add("--foreground");
        Path log = Files.createTempFile(logFolder(), "pack-inspector-mount-", ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put(LOG_VARIABLE, log.toString());
        Process child = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!StoreMount.isMounted(point)) {
            if (child.waitFor(100, TimeUnit.MILLISECONDS)) {
                for (String line : Files.readAllLines(log)) {
                    err.println(line);
                }
                Files.deleteIfExists(log);
                return child.exitValue();
            }
            if (System.nanoTime() > deadline) {
                child.destroy();
                throw new IOException("the mount did not appear at " + point + " within " + WAIT_SECONDS + " s; see " + log);
            }
        }
        err.println("pack-inspector: mounted at " + point + " (read-only) by process " + child.pid() + " in the background; fusermount3 -u "
                + point + " unmounts it; it reports problems to " + log);
        return Cli.OK;
    }

    /** How this process was started: its executable (as the kernel has it) and every argument (from /proc). */
    private static List<String> thisCommand() throws IOException {
        Path cmdline = Path.of("/proc/self/cmdline");
        List<String> args = new ArrayList<>();
        if (Files.isReadable(cmdline)) {
            String all = new String(Files.readAllBytes(cmdline), java.nio.charset.StandardCharsets.UTF_8);
            args.addAll(List.of(all.split("\0")));
        }
        if (args.isEmpty()) {
            throw new IOException("cannot start a background process here (this system does not say how this one was started); use --foreground");
        }
        args.set(0, ProcessHandle.current().info().command().orElse(args.getFirst()));
        return args;
    }

    /** The user's runtime folder (private, emptied at logout) if there is one, else the temp folder. */
    private static Path logFolder() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime);
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
