package dev.packinspector.mount;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.SafePaths;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The folders a mounted store shows: at the top one folder per snapshot, named
 * {@code <local time> <message>} (unique, sortable, a safe file name), {@code latest} (a link to
 * the newest) and {@code by-id/<snapshot id>}; in each, the snapshot's files, links and the
 * folders above them, made from its rows when first looked into. Rows the restore rule refuses
 * ({@link SafePaths}) are left out and kept in {@link Dir#refused}. Thread-safe.
 */
final class MountTree {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss");
    static final int MAX_NAME_BYTES = 255;

    /** A node: a folder, or a row of a snapshot (a file or a link), or the {@code latest} link. */
    sealed interface Node permits Dir, Row, Link {
    }

    /** A folder; a snapshot's folder holds its rows once {@link #children} is first asked for. */
    static final class Dir implements Node {
        final Instant time;
        private final Function<Dir, Map<String, Node>> filler;
        private Map<String, Node> children;
        final List<String> refused = new ArrayList<>();

        Dir(Instant time, Function<Dir, Map<String, Node>> filler) {
            this.time = time;
            this.filler = filler;
        }

        synchronized Map<String, Node> children() {
            if (children == null) {
                children = filler.apply(this);
            }
            return children;
        }
    }

    /** A row of a snapshot. */
    record Row(ManifestEntry entry, Instant time) implements Node {
        boolean symlink() {
            return (entry.mode() & 0170000) == 0120000;
        }
    }

    /** A link of the mount's own ({@code latest}). */
    record Link(String target, Instant time) implements Node {
    }

    private final Dir root;
    /** Each snapshot's folder by snapshot id, for the tree made after a refresh to keep. */
    private final Map<String, Dir> bySnapshot = new HashMap<>();

    /**
     * The tree of {@code snapshots} (newest first), whose rows {@code rows} reads when a snapshot's
     * folder is first looked into; {@code only} set: that snapshot at the top itself. The rows the
     * restore rule refuses are told to {@code leftOut}, a line each, when their folder is made.
     * {@code before} (or null): the tree this one replaces, whose snapshot folders (and what they
     * have read) it keeps.
     */
    MountTree(List<Snapshot> snapshots, Function<Snapshot, List<ManifestEntry>> rows, Snapshot only, Consumer<String> leftOut,
            MountTree before) {
        if (only != null) {
            root = snapshotDir(only, rows, leftOut);
            return;
        }
        Instant newest = snapshots.isEmpty() ? Instant.EPOCH : time(snapshots.getFirst());
        var top = new TreeMap<String, Node>();
        var byId = new TreeMap<String, Node>();
        var used = new HashSet<String>();
        String latest = null;
        for (Snapshot s : snapshots) {
            String name = unique(nameOf(s), used);
            Dir kept = before == null ? null : before.bySnapshot.get(s.id());
            Dir d = kept != null ? kept : snapshotDir(s, rows, leftOut);
            bySnapshot.put(s.id(), d);
            top.put(name, d);
            byId.put(s.id(), d);
            if (latest == null) {
                latest = name;
            }
        }
        if (latest != null) {
            top.put("latest", new Link(latest, newest));
        }
        top.put("by-id", new Dir(newest, d -> byId));
        root = new Dir(newest, d -> top);
    }

    Dir root() {
        return root;
    }

    /** The node at {@code path} ("/" or "/a/b"), or null. */
    Node find(String path) {
        Node at = root;
        if (path.equals("/")) {
            return at;
        }
        for (String part : path.substring(1).split("/")) {
            if (!(at instanceof Dir d)) {
                return null;
            }
            at = d.children().get(part);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private static Dir snapshotDir(Snapshot s, Function<Snapshot, List<ManifestEntry>> rows, Consumer<String> leftOut) {
        Instant t = time(s);
        return new Dir(t, self -> {
            var children = new TreeMap<String, Node>();
            Map<String, Map<String, Node>> folders = new HashMap<>();
            folders.put("", children);
            for (ManifestEntry e : rows.apply(s)) {
                String problem = SafePaths.problem(e.path());
                if (problem != null || !e.usable()) {
                    self.refused.add(e.path() + ": " + (problem != null ? problem : e.problem()));
                    continue;
                }
                Map<String, Node> in = folder(folders, e.path(), t, self);
                if (in == null) {
                    continue;
                }
                String name = e.path().substring(e.path().lastIndexOf('/') + 1);
                if (in.putIfAbsent(name, new Row(e, t)) != null) {
                    self.refused.add(e.path() + ": listed twice, or a folder of that name is in the snapshot too");
                }
            }
            for (String r : self.refused) {
                leftOut.accept("left out of " + nameOf(s) + ": " + r);
            }
            return children;
        });
    }

    /** The children of the folder holding {@code path}, made as needed; null if a file stands on the way. */
    private static Map<String, Node> folder(Map<String, Map<String, Node>> folders, String path, Instant t, Dir snapshot) {
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        Map<String, Node> known = folders.get(parent);
        if (known != null) {
            return known;
        }
        Map<String, Node> above = folder(folders, parent, t, snapshot);
        if (above == null) {
            return null;
        }
        String name = parent.substring(parent.lastIndexOf('/') + 1);
        Node there = above.get(name);
        if (there != null && !(there instanceof Dir)) {
            snapshot.refused.add(path + ": '" + parent + "' is a file in the same snapshot");
            return null;
        }
        var children = new TreeMap<String, Node>();
        above.put(name, new Dir(t, d -> children));
        folders.put(parent, children);
        return children;
    }

    static Instant time(Snapshot s) {
        try {
            return OffsetDateTime.parse(s.createdAt()).toInstant();
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** {@code 2026-12-01 14.03.07 before refactor}: local time, then the message made a safe one-line name. */
    static String nameOf(Snapshot s) {
        String time = NAME_TIME.format(time(s).atZone(ZoneId.systemDefault()));
        String message = s.message() == null ? "" : s.message().replace('/', '-').replaceAll("[\\p{Cntrl}]", " ").strip();
        String name = message.isEmpty() ? time : time + " " + message;
        while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES - 8) {
            name = name.substring(0, name.length() - 1);
        }
        return name.strip();
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n) || n.equals("latest") || n.equals("by-id"); i++) {
            n = name + " (" + i + ")";
        }
        return n;
    }
}
