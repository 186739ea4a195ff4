package dev.packinspector.cli;

import dev.packinspector.mount.StoreMount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code mount STORE MOUNTPOINT [--snapshot S] [--foreground]}: the store's snapshots as a read-only folder, until unmounted. */
final class MountCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final PositionalParamSpec point = add(Arguments.parameter("1", "MOUNTPOINT", Path.class, "an empty folder to mount the store at"));

    private final OptionSpec snapshot = add(Arguments.option("--snapshot", "S", String.class,
            "mount only this snapshot (an id, a unique prefix, or 'latest'), at MOUNTPOINT itself"));

    private final OptionSpec foreground = add(Arguments.flag("--foreground",
            "stay until unmounted (Ctrl-C or SIGTERM unmounts) and report problems here; without it the mount goes on in the background"
                    + " and the command returns once it is mounted"));

    MountCommand() {
        super("mount", "Shows the store's snapshots as a read-only folder through FUSE, until fusermount3 -u MOUNTPOINT (or, with --foreground,"
                + " Ctrl-C or SIGTERM):",
                "one folder per snapshot named by its local time and message, 'latest' (a link to the newest) and by-id/<snapshot id>; in each,"
                        + " the snapshot's files with their sizes, permission bits, symlinks and the snapshot's time. Snapshots chkpt saves"
                        + " meanwhile appear within seconds; names the restore rule refuses are left out and listed.",
                "Files are read from the packs as they are read (only the blocks a read needs are decoded, and kept for the next reads);"
                        + " a file read whole is checked against its object id, and if it is damaged that read and every later one fails"
                        + " (EIO) and the file is named. Every write is refused (read-only file system). Needs /dev/fuse and the fuse3 package.");
    }

    @Override
    public Integer call() throws Exception {
        Path at = Arguments.<Path>value(point).toAbsolutePath().normalize();
        if (!Arguments.<Boolean>value(foreground)) {
            try {
                StoreMount.requireEmptyFolder(at);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return new MountInBackground(at, stderr()).start();
        }
        StoreMount mount;
        var reported = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            mount = StoreMount.mount(store.path(), at, Arguments.value(snapshot), problem -> {
                reported.set(true);
                stderr().println("pack-inspector: " + problem);
                stderr().flush();
            });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        var ended = new CountDownLatch(1);
        Thread unmount = new Thread(() -> {
            closeQuietly(mount, reported.get());
            ended.countDown();
        }, "pack-inspector-unmount");
        Runtime.getRuntime().addShutdownHook(unmount);
        stderr().println("pack-inspector: mounted at " + mount.point() + " (read-only); Ctrl-C or fusermount3 -u " + mount.point() + " unmounts it");
        stderr().flush();
        // ends when unmounted from outside; Ctrl-C and SIGTERM end it through the hook
        while (mount.mounted() && !ended.await(500, TimeUnit.MILLISECONDS)) {
            // watching the mount table
        }
        if (ended.getCount() > 0) {
            Runtime.getRuntime().removeShutdownHook(unmount);
            stderr().println("pack-inspector: " + mount.point() + " was unmounted");
            closeQuietly(mount, reported.get());
        }
        return Cli.OK;
    }

    /** Unmounts; started by {@link MountInBackground} with nothing reported, removes its log too. */
    private void closeQuietly(StoreMount mount, boolean reported) {
        try {
            mount.close();
            String log = System.getenv(MountInBackground.LOG_VARIABLE);
            if (log != null && !reported) {
                java.nio.file.Files.deleteIfExists(Path.of(log));
            }
        } catch (IOException e) {
            stderr().println("pack-inspector: " + e.getMessage());
        }
        stderr().flush();
    }
}
