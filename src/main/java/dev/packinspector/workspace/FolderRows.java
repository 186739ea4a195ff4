package dev.packinspector.workspace;

import dev.packinspector.Errors;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.tree.StatCache;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A workspace folder's rows ({@link WorkspaceScan}) kept current: scanned whole once, then folder
 * by folder as they change ({@link #rescan}, which {@link FolderWatch} drives), each file hashed
 * only when its stat differs from when it was last hashed (or from chkpt's stat cache), by the
 * rule chkpt's save uses. A file changed within {@value #RACY_SECONDS} s of being hashed is not
 * remembered, so an edit in the same clock tick is never missed (git's "racy" rule). Not
 * thread-safe: one thread scans.
 */
public final class FolderRows {
    static final int RACY_SECONDS = 2;

    private final Path root;
    private final ChkptRules rules;
    private final StatCache cache;
    private final NavigableMap<String, ManifestEntry> rows = new TreeMap<>(WorkspaceScan::compareUtf8);
    /** Every folder the scan went into, by path ("" not included). */
    private final NavigableSet<String> folders = new TreeSet<>(WorkspaceScan::compareUtf8);
    private final Memo memo = new Memo();

    private FolderRows(Path root, ChkptRules rules, StatCache cache) {
        this.root = root;
        this.rules = rules;
        this.cache = cache;
    }

    /** The rows of {@code workspace} as they are now. */
    public static FolderRows scan(Path workspace, ChkptRules rules, StatCache cache) throws IOException {
        var rows = new FolderRows(workspace.toRealPath(), rules, cache);
        rows.scanAll();
        return rows;
    }

    /** The folder, by its physical path. */
    public Path root() {
        return root;
    }

    /** Scans the whole folder again (what changed since is hashed; the rest comes from memory). */
    public void scanAll() throws IOException {
        rows.clear();
        folders.clear();
        WorkspaceScan.walk(root, root, rules, memo, r -> rows.put(r.path(), r), folders::add);
    }

    /** The rows, sorted as the catalog sorts them. */
    public List<ManifestEntry> rows() {
        return List.copyOf(rows.values());
    }

    /** The folders beneath the root that a scan goes into (what a watch watches, with the root). */
    public List<Path> folders() {
        var out = new ArrayList<Path>(folders.size() + 1);
        out.add(root);
        for (String f : folders) {
            out.add(resolve(f));
        }
        return out;
    }

    /**
     * Brings the rows of the folders {@code changed} (physical paths under the root, the root
     * included) up to date: their files and links again, their new folders whole, and whatever
     * was beneath a folder that is gone or no longer a folder dropped. Returns the folders that
     * appeared (to watch them too).
     */
    public List<Path> rescan(Collection<Path> changed) throws IOException {
        var appeared = new ArrayList<Path>();
        var done = new HashSet<String>();
        for (Path dir : changed) {
            if (!dir.startsWith(root)) {
                continue;
            }
            String path = dir.equals(root) ? "" : WorkspaceScan.relative(root, dir);
            if (!done.add(path) || !path.isEmpty() && !folders.contains(path)) {
                continue; // a folder the scan never went into (left out, or gone with a parent already)
            }
            rescanOne(dir, path, appeared);
        }
        return appeared;
    }

    private void rescanOne(Path dir, String path, List<Path> appeared) throws IOException {
        String prefix = path.isEmpty() ? "" : path + "/";
        Set<String> seenRows = new HashSet<>();
        Set<String> seenFolders = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path child : entries) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                } catch (IOException e) {
                    ManifestEntry failed = new ManifestEntry(WorkspaceScan.relative(root, child), null, 0, 0, Errors.sentence(e));
                    rows.put(failed.path(), failed);
                    seenRows.add(failed.path());
                    continue;
                }
                String childPath = WorkspaceScan.relative(root, child);
                if (attrs.isDirectory()) {
                    if (rules.ignored(childPath, true)) {
                        continue;
                    }
                    seenFolders.add(childPath);
                    if (!folders.contains(childPath)) {
                        drop(childPath); // a file or link of that name was there
                        folders.add(childPath);
                        appeared.add(child);
                        WorkspaceScan.walk(root, child, rules, memo, r -> rows.put(r.path(), r), f -> {
                            if (folders.add(f)) {
                                appeared.add(resolve(f));
                            }
                        });
                    }
                    continue;
                }
                ManifestEntry row = WorkspaceScan.entry(root, child, attrs, rules, memo);
                if (row != null) {
                    rows.put(row.path(), row);
                    seenRows.add(row.path());
                }
            }
        } catch (NoSuchFileException | NotDirectoryException gone) {
            dropFolder(path);
            return;
        }
        // what was directly in the folder and is not there now
        for (String p : new ArrayList<>(under(rows.navigableKeySet(), prefix))) {
            if (p.indexOf('/', prefix.length()) < 0 && !seenRows.contains(p)) {
                rows.remove(p);
            }
        }
        for (String f : new ArrayList<>(under(folders, prefix))) {
            if (f.indexOf('/', prefix.length()) < 0 && !seenFolders.contains(f)) {
                dropFolder(f);
            }
        }
    }

    /** Forgets folder {@code path} and everything beneath it (a file now at its path stays). */
    private void dropFolder(String path) {
        if (path.isEmpty()) {
            rows.clear();
            folders.clear();
            return;
        }
        folders.remove(path);
        under(rows.navigableKeySet(), path + "/").clear();
        under(folders, path + "/").clear();
    }

    /** Forgets everything beneath {@code path} (the row at {@code path} itself too). */
    private void drop(String path) {
        rows.remove(path);
        under(rows.navigableKeySet(), path + "/").clear();
        under(folders, path + "/").clear();
    }

    /** The paths of {@code set} that start with {@code prefix} (which ends with '/', or is empty for all). */
    private static NavigableSet<String> under(NavigableSet<String> set, String prefix) {
        if (prefix.isEmpty()) {
            return set;
        }
        // in code point order, the paths starting with "a/" run from "a/" to just before "a0"
        String end = prefix.substring(0, prefix.length() - 1) + (char) ('/' + 1);
        return set.subSet(prefix, true, end, false);
    }

    private Path resolve(String path) {
        // a path that is not the name's bytes (it was not UTF-8) is found again by walking: rare, and only to watch it
        return root.resolve(path);
    }

    /** What this object's scans hashed, by stat, in front of chkpt's own stat cache. */
    private final class Memo implements WorkspaceScan.Ids {
        private record Stat(long size, long seconds, long nanos, long inode, long mode, ObjectId id) {
        }

        private final Map<String, Stat> known = new HashMap<>();

        @Override
        public ObjectId unchanged(String path, long size, long seconds, long nanos, long inode, long mode) {
            Stat s = known.get(path);
            if (s != null && s.size == size && s.seconds == seconds && s.nanos == nanos && s.inode == inode && s.mode == mode) {
                return s.id;
            }
            return cache.unchanged(path, size, seconds, nanos, inode, mode);
        }

        @Override
        public void seen(String path, long size, long seconds, long nanos, long inode, long mode, ObjectId id) {
            if (System.currentTimeMillis() / 1000 - seconds <= RACY_SECONDS) {
                known.remove(path);
            } else {
                known.put(path, new Stat(size, seconds, nanos, inode, mode, id));
            }
        }
    }
}
