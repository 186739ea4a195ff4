package dev.packinspector.app.snapshots;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.FileKind;
import dev.packinspector.catalog.ManifestEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot's manifest as folders and files: each folder knows the total size and file count
 * beneath it. Built from entries sorted by path; UI-free so the tree can be tested alone.
 */
public final class FileNode {
    private final String name;
    private final String path;
    private final ManifestEntry entry;
    private final Map<String, FileNode> children = new LinkedHashMap<>();
    private long size;
    private int files;

    private FileNode(String name, String path, ManifestEntry entry) {
        this.name = name;
        this.path = path;
        this.entry = entry;
    }

    /** The tree of {@code entries} whose path contains {@code filter} (case-insensitive; empty = all). */
    static FileNode tree(List<ManifestEntry> entries, String filter) {
        var root = new FileNode("", "", null);
        String needle = filter.toLowerCase(Locale.ROOT);
        for (ManifestEntry e : entries) {
            if (!needle.isEmpty() && !e.path().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            FileNode folder = root;
            String[] parts = e.path().split("/");
            StringBuilder at = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                at.append(i == 0 ? "" : "/").append(parts[i]);
                String p = at.toString();
                folder.size += e.size();
                folder.files++;
                folder = folder.children.computeIfAbsent(parts[i], n -> new FileNode(n, p, null));
            }
            folder.size += e.size();
            folder.files++;
            var leaf = new FileNode(parts[parts.length - 1], e.path(), e);
            leaf.size = e.size();
            leaf.files = 1;
            folder.children.put(leaf.name + (folder.children.containsKey(leaf.name) ? "\0" + e.path() : ""), leaf);
        }
        return root;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    /** The manifest entry of a file or link; null for a folder. */
    ManifestEntry entry() {
        return entry;
    }

    public boolean folder() {
        return entry == null;
    }

    public long size() {
        return size;
    }

    public int files() {
        return files;
    }

    /** Folders first, then files, each by name in natural order ({@code bytes_6} before {@code bytes_15}). */
    List<FileNode> children() {
        var out = new ArrayList<>(children.values());
        out.sort((a, b) -> a.folder() != b.folder() ? (a.folder() ? -1 : 1) : Columns.NATURAL.compare(a.name, b.name));
        return out;
    }

    /** What the row is: a folder, a file (executable or not), a link. */
    FileKind kind() {
        return entry == null ? FileKind.FOLDER : FileKind.of(entry.mode());
    }

    /** Every file and link at or beneath this node. */
    List<ManifestEntry> entries() {
        var out = new ArrayList<ManifestEntry>();
        collect(out);
        return out;
    }

    private void collect(List<ManifestEntry> out) {
        if (entry != null) {
            out.add(entry);
        }
        children.values().forEach(c -> c.collect(out));
    }
}
