package dev.packinspector.history;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ContentId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed from one snapshot to another: paths added, removed, changed (other content, size
 * or mode), and renamed, where a removed path's object appears at an added path. Renames pair
 * removed and added paths of one object in path order; empty files are never paired, as every
 * empty file has the same id. Changes are in path order (a rename by its new path). Immutable.
 */
public record SnapshotDiff(Snapshot from, Snapshot to, List<Change> changes, Map<Kind, Total> totals, int unchanged) {

    public enum Kind {
        ADDED("A"), REMOVED("D"), CHANGED("M"), RENAMED("R");

        private final String letter;

        Kind(String letter) {
            this.letter = letter;
        }

        /** The letter git uses for it in {@code --name-status}. */
        public String letter() {
            return letter;
        }
    }

    /**
     * One change. {@code before} is null for an added path, {@code after} for a removed one; a
     * rename has both, with {@code before.path()} the old path.
     */
    public record Change(Kind kind, ManifestEntry before, ManifestEntry after) {
        /** The path in the newer snapshot, or the removed path. */
        public String path() {
            return after != null ? after.path() : before.path();
        }

        /** Content bytes on the side that exists now (the removed bytes for a removal). */
        public long bytes() {
            return after != null ? after.size() : before.size();
        }
    }

    /** How many changes of one kind, and their {@link Change#bytes()}. */
    public record Total(int files, long bytes) {
    }

    public SnapshotDiff {
        changes = List.copyOf(changes);
        totals = Map.copyOf(totals);
    }

    public Total total(Kind kind) {
        return totals.getOrDefault(kind, new Total(0, 0));
    }

    /** The changes from {@code fromFiles} (the manifest of {@code from}) to {@code toFiles}. A path listed twice counts once. */
    public static SnapshotDiff between(Snapshot from, List<ManifestEntry> fromFiles, Snapshot to, List<ManifestEntry> toFiles) {
        var before = new LinkedHashMap<String, ManifestEntry>(fromFiles.size() * 4 / 3 + 1);
        for (ManifestEntry e : fromFiles) {
            before.putIfAbsent(e.path(), e);
        }
        var changes = new ArrayList<Change>();
        var added = new ArrayList<ManifestEntry>();
        var seen = new java.util.HashSet<String>();
        int unchanged = 0;
        for (ManifestEntry e : toFiles) {
            if (!seen.add(e.path())) {
                continue;
            }
            ManifestEntry old = before.remove(e.path());
            if (old == null) {
                added.add(e);
            } else if (old.equals(e)) {
                unchanged++;
            } else {
                changes.add(new Change(Kind.CHANGED, old, e));
            }
        }
        var removedByObject = new HashMap<ContentId, ArrayDeque<ManifestEntry>>();
        var removed = new ArrayList<>(before.values());
        removed.sort(Comparator.comparing(ManifestEntry::path));
        for (ManifestEntry e : removed) {
            if (renamable(e)) {
                removedByObject.computeIfAbsent(e.blob(), id -> new ArrayDeque<>()).add(e);
            }
        }
        var renamedFrom = new java.util.HashSet<String>();
        added.sort(Comparator.comparing(ManifestEntry::path));
        for (ManifestEntry e : added) {
            ArrayDeque<ManifestEntry> candidates = renamable(e) ? removedByObject.get(e.blob()) : null;
            if (candidates != null && !candidates.isEmpty()) {
                ManifestEntry old = candidates.poll();
                renamedFrom.add(old.path());
                changes.add(new Change(Kind.RENAMED, old, e));
            } else {
                changes.add(new Change(Kind.ADDED, null, e));
            }
        }
        for (ManifestEntry e : removed) {
            if (!renamedFrom.contains(e.path())) {
                changes.add(new Change(Kind.REMOVED, e, null));
            }
        }
        changes.sort(Comparator.comparing(Change::path));
        var totals = new EnumMap<Kind, Total>(Kind.class);
        for (Change c : changes) {
            totals.merge(c.kind(), new Total(1, c.bytes()), (a, b) -> new Total(a.files() + b.files(), a.bytes() + b.bytes()));
        }
        return new SnapshotDiff(from, to, changes, totals, unchanged);
    }

    private static boolean renamable(ManifestEntry e) {
        return e.usable() && e.size() > 0;
    }
}
