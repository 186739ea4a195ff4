package dev.packinspector.app.restore;

import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.mount.StoreMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Browsing a store in the desktop's file manager: the store is mounted read-only ({@link StoreMount})
 * in a folder of its own under the user's runtime folder, and the folder asked for (the mount, a
 * snapshot in it, a folder of a snapshot) is opened in the file manager. A store is mounted once
 * however often it is asked for; its mount is a row of the task panel, whose Unmount lets it go;
 * unmounted from outside, the row ends by itself. Closing the window unmounts them all (and the
 * process ending does, through {@link StoreMount}). What the mount finds wrong (a damaged file read) goes to the status line.
 */
public final class MountFlow implements AutoCloseable {
    private final Tasks tasks;
    private final StatusLine status;
    private final Consumer<Path> fileManager;
    private Path root;
    /** The stores mounted or being mounted, by store folder (changed on the FX thread; read at exit too). */
    private final Map<Path, Mounted> mounts = new java.util.concurrent.ConcurrentHashMap<>();

    /** One store's mount: what to open once it is there, and the mount itself. */
    private static final class Mounted {
        final List<String> toOpen = new ArrayList<>();
        volatile StoreMount mount;
        Path point;
    }

    /** Mounts go under {@code root} (made if missing); {@code fileManager} opens a folder in the desktop's file manager. */
    public MountFlow(Tasks tasks, StatusLine status, Consumer<Path> fileManager, Path root) {
        this.tasks = tasks;
        this.status = status;
        this.fileManager = fileManager;
        this.root = root;
    }

    /** Where a window's mounts go: {@code $XDG_RUNTIME_DIR/pack-inspector} (private to the user, emptied at logout), else the temp folder's. */
    public static Path defaultRoot() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "pack-inspector");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "pack-inspector-" + System.getProperty("user.name"));
    }

    /**
     * Opens {@code inside} ("" for the mount itself, {@code by-id/<snapshot id>/a/b} deeper) of the
     * mount of {@code store}, named {@code name} for the user, in the file manager, mounting it first
     * if this window has not.
     */
    public void show(Path store, String name, String inside) {
        Mounted m = mounts.get(store);
        if (m != null && m.point != null) {
            open(m.point, inside);
            return;
        }
        if (m != null) {
            m.toOpen.add(inside); // being mounted: opened once it is there
            return;
        }
        Mounted now = new Mounted();
        now.toOpen.add(inside);
        mounts.put(store, now);
        String folderName = safeName(name);
        tasks.job(name + " mounted as a folder", progress -> {
            Path point = freeFolder(folderName);
            StoreMount mount;
            try {
                mount = StoreMount.mount(store, point, null, problem -> Platform.runLater(() -> status.error("The mount of " + name,
                        new IOException(problem))));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(point);
                throw e;
            }
            now.mount = mount;
            Platform.runLater(() -> mounted(now, name, point));
            progress.message(point + " (read-only)");
            try {
                while (!progress.isCancelled() && mount.mounted()) {
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                // Unmount, or the window closing
            } finally {
                unmount(mount, point);
            }
            return point;
        }).quiet().standing("Unmount", "Unmount this folder: the file manager's windows on it close their view; the store stays as it is")
                .report(p -> "The mount of " + name + " at " + p + " was unmounted from outside")
                .onCancel(() -> status.info("Unmounted " + name))
                .onError(IOException.class, e -> status.error("Mounting " + name + " failed", e))
                .andFinally(() -> mounts.remove(store, now)).run();
    }

    /** Mounts from now on go under {@code folder} (tests keep theirs in a temp folder). */
    public void root(Path folder) {
        root = folder;
    }

    /** True while {@code store} is mounted (or being mounted) by this window. */
    public boolean mounted(Path store) {
        return mounts.containsKey(store);
    }

    private void mounted(Mounted m, String name, Path point) {
        m.point = point;
        // said here too: where no file manager is registered, opening the folder shows nothing
        status.info(name + " is mounted read-only at " + point);
        for (String inside : m.toOpen) {
            open(point, inside);
        }
        m.toOpen.clear();
    }

    private void open(Path point, String inside) {
        Path folder = inside.isEmpty() ? point : point.resolve(inside);
        if (!Files.isDirectory(folder)) {
            folder = folder.getParent(); // a file: its folder
        }
        fileManager.accept(folder);
    }

    /** An empty folder under the root for a mount named {@code name}: {@code name}, else {@code name (2)}, … */
    private Path freeFolder(String name) throws IOException {
        Files.createDirectories(root);
        for (int i = 1; ; i++) {
            Path p = root.resolve(i == 1 ? name : name + " (" + i + ")");
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken (by another window's mount, or left by one that was killed): the next
            }
        }
    }

    /** A folder name from a store's name: one line, no slash, not too long. */
    static String safeName(String name) {
        String n = name.replace('/', '-').replaceAll("\\p{Cntrl}", " ").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "store";
        }
        while (n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 200) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    private static void unmount(StoreMount mount, Path point) {
        try {
            mount.close();
            Files.deleteIfExists(point);
        } catch (IOException e) {
            System.err.println("pack-inspector: " + e.getMessage());
        }
    }

    private void unmountAll() {
        for (Mounted m : List.copyOf(mounts.values())) {
            StoreMount mount = m.mount;
            if (mount != null) {
                unmount(mount, mount.point());
            }
        }
    }

    /** Unmounts every mount of the window, now (the window is closing; a process that ends otherwise unmounts through StoreMount). */
    @Override
    public void close() {
        unmountAll();
    }
}
