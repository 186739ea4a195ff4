package dev.packinspector.cli;

import dev.packinspector.mount.StoreMount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code mount STORE MOUNTPOINT [--snapshot S]}: the store's snapshots as a read-only folder, until unmounted. */
final class MountCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final PositionalParamSpec point = add(Arguments.parameter("1", "MOUNTPOINT", Path.class, "an empty folder to mount the store at"));

    private final OptionSpec snapshot = add(Arguments.option("--snapshot", "S", String.class,
            "mount only this snapshot (an id, a unique prefix, or 'latest'), at MOUNTPOINT itself"));

    MountCommand() {
        super("mount", "Shows the store's snapshots as a read-only folder through FUSE, until Ctrl-C, SIGTERM or fusermount3 -u MOUNTPOINT:",
                "one folder per snapshot named by its local time and message, 'latest' (a link to the newest) and by-id/<snapshot id>; in each,"
                        + " the snapshot's files with their sizes, permission bits, symlinks and the snapshot's time.",
                "Files are read from the packs as they are read (only the blocks a read needs are decoded); every write is refused"
                        + " (read-only file system). Needs /dev/fuse and the fuse3 package.");
    }

    @Override
    public Integer call() throws Exception {
        Path at = Arguments.value(point);
        StoreMount mount;
        try {
            mount = StoreMount.mount(store.path(), at.toAbsolutePath().normalize(), Arguments.value(snapshot),
                    problem -> stderr().println("pack-inspector: " + problem));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        var ended = new CountDownLatch(1);
        Thread unmount = new Thread(() -> {
            closeQuietly(mount);
            ended.countDown();
        }, "pack-inspector-unmount");
        Runtime.getRuntime().addShutdownHook(unmount);
        stderr().println("pack-inspector: mounted at " + mount.point() + " (read-only); Ctrl-C or fusermount3 -u " + mount.point() + " unmounts it");
        // ends when unmounted from outside; Ctrl-C and SIGTERM end it through the hook
        while (mount.mounted() && !ended.await(500, TimeUnit.MILLISECONDS)) {
            // watching the mount table
        }
        if (ended.getCount() > 0) {
            Runtime.getRuntime().removeShutdownHook(unmount);
            closeQuietly(mount);
            stderr().println("pack-inspector: " + mount.point() + " was unmounted");
        }
        return Cli.OK;
    }

    private void closeQuietly(StoreMount mount) {
        try {
            mount.close();
        } catch (IOException e) {
            stderr().println("pack-inspector: " + e.getMessage());
        }
    }
}
