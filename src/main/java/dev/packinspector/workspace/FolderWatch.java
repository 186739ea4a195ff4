package dev.packinspector.workspace;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches the folders of a workspace ({@link FolderRows#folders}) for files created, deleted or
 * changed in them, through the system's file notifications (inotify on Linux: one watch per folder,
 * so a folder's change names the folder, and its rescan is all the work). All or nothing: where
 * the folders are more than the system allows (or {@value #MAX_FOLDERS}), nothing is watched and
 * the caller refreshes on request. Events come on a thread of its own.
 */
public final class FolderWatch implements AutoCloseable {
    /** Beyond this many folders a watch costs more kernel memory than a refresh by hand costs time. */
    public static final int MAX_FOLDERS = 20_000;

    /** Hears of changes, on the watch's thread. */
    public interface Listener {
        /** Something in {@code folder} was created, deleted or changed. */
        void changed(Path folder);

        /** The system lost events: everything may have changed. */
        void overflowed();
    }

    private final WatchService service;
    private final Listener listener;
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Thread thread;

    private FolderWatch(WatchService service, Listener listener) {
        this.service = service;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("pack-inspector-watch").unstarted(this::run);
    }

    /**
     * Watches {@code folders}, or returns null if it cannot watch them all (too many, or the system
     * refuses a watch), having watched none.
     */
    public static FolderWatch of(Collection<Path> folders, Listener listener) {
        if (folders.size() > Math.min(MAX_FOLDERS, systemLimit() / 2)) {
            return null;
        }
        WatchService service;
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        var watch = new FolderWatch(service, listener);
        if (!watch.add(folders)) {
            watch.close();
            return null;
        }
        watch.thread.start();
        return watch;
    }

    /** inotify's limit of watches per user, where the system says. */
    private static int systemLimit() {
        try {
            // read line by line: a /proc file says it is empty, and Files.readString believes it
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/fs/inotify/max_user_watches")).getFirst().strip());
        } catch (IOException | NumberFormatException | java.util.NoSuchElementException e) {
            return 8192;
        }
    }

    /** Watches {@code folders} too (folders that appeared); false if one could not be watched. */
    public synchronized boolean add(Collection<Path> folders) {
        boolean all = true;
        for (Path folder : folders) {
            if (keys.containsKey(folder)) {
                continue;
            }
            try {
                keys.put(folder, folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY));
            } catch (IOException | ClosedWatchServiceException e) {
                all = false; // gone already (its parent's rescan drops it), or no watch left
            }
        }
        return all;
    }

    /** How many folders are watched. */
    public synchronized int size() {
        return keys.size();
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = (Path) key.watchable();
                boolean overflow = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    overflow |= event.kind() == StandardWatchEventKinds.OVERFLOW;
                }
                if (!key.reset()) {
                    synchronized (this) {
                        keys.remove(folder);
                    }
                }
                if (overflow) {
                    listener.overflowed();
                } else {
                    listener.changed(folder);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the watch is over
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // a watch service that does not close cleanly holds nothing of the user's
        }
        thread.interrupt();
    }
}
