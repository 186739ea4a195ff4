package dev.packinspector.history;

import dev.packinspector.catalog.ManifestEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of a snapshot with its space: {@code bytes} of every file beneath it, {@code
 * uniqueBytes} of the objects used beneath it and nowhere else, {@code files} beneath it;
 * sub-folders largest first, then the files directly in it ({@code ownFiles}), largest first.
 * The root has the empty name and path. Immutable.
 */
public record Folder(String name, String path, long bytes, long uniqueBytes, int files, List<Folder> children, List<File> ownFiles) {
    public Folder {
        children = List.copyOf(children);
        ownFiles = List.copyOf(ownFiles);
    }

    /** A file directly in a folder: its name, its manifest row, and whether its object is used by no other snapshot. */
    public record File(String name, ManifestEntry entry, boolean unique) {
        /** Its content bytes (0 when unknown). */
        public long bytes() {
            return Math.max(0, entry.size());
        }
    }

    /** The deepest folder holding both {@code a} and {@code b} ("" is the root). */
    static String commonFolder(String a, String b) {
        String[] x = a.isEmpty() ? new String[0] : a.split("/", -1);
        String[] y = b.isEmpty() ? new String[0] : b.split("/", -1);
        int n = 0;
        while (n < x.length && n < y.length && x[n].equals(y[n])) {
            n++;
        }
        return String.join("/", java.util.Arrays.asList(x).subList(0, n));
    }

    /** Collects files and unique bytes by folder path, then freezes into the tree. */
    static final class Builder {
        private final String name;
        private final String path;
        private final Map<String, Builder> children = new LinkedHashMap<>();
        private final List<File> ownFiles = new ArrayList<>();
        private long bytes;
        private long uniqueBytes;
        private int files;

        Builder(String name, String path) {
            this.name = name;
            this.path = path;
        }

        void addFile(String folder, ManifestEntry entry, boolean unique) {
            long size = Math.max(0, entry.size());
            List<Builder> chain = chain(folder);
            for (Builder b : chain) {
                b.bytes += size;
                b.files++;
            }
            String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
            chain.getLast().ownFiles.add(new File(name, entry, unique));
        }

        void addUnique(String folder, long size) {
            for (Builder b : chain(folder)) {
                b.uniqueBytes += size;
            }
        }

        /** This folder and each folder down to {@code folder}, made as needed. */
        private List<Builder> chain(String folder) {
            var out = new ArrayList<Builder>();
            out.add(this);
            if (folder.isEmpty()) {
                return out;
            }
            Builder at = this;
            for (String part : folder.split("/", -1)) {
                Builder parent = at;
                at = at.children.computeIfAbsent(part, p -> new Builder(p, parent.path.isEmpty() ? p : parent.path + "/" + p));
                out.add(at);
            }
            return out;
        }

        Folder build() {
            List<Folder> built = children.values().stream().map(Builder::build)
                    .sorted(Comparator.comparingLong(Folder::bytes).reversed().thenComparing(Folder::name)).toList();
            ownFiles.sort(Comparator.comparingLong(File::bytes).reversed().thenComparing(File::name));
            return new Folder(name, path, bytes, uniqueBytes, files, built, ownFiles);
        }
    }
}
