package dev.packinspector.store.tree;

import dev.packinspector.store.ObjectId;
import java.util.Comparator;

/**
 * A file or symlink of a snapshot as its trees list it: the full {@code /}-joined path, and the
 * entry's kind, blob id, u64 size (in a long) and u32 mode (in an int). Immutable.
 */
public record TreeFile(String path, TreeEntry.Kind kind, ObjectId id, long size, int mode) {
    /**
     * Paths by their UTF-8 bytes, unsigned: SQLite's {@code ORDER BY path}, which the catalog's
     * manifests use. That is code point order, which {@link String#compareTo} (UTF-16 units) is not
     * beyond U+FFFF.
     */
    public static final Comparator<String> PATH_ORDER = TreeFile::comparePaths;

    static TreeFile of(String path, TreeEntry entry) {
        return new TreeFile(path, entry.kind(), entry.id(), entry.size(), entry.mode());
    }

    public long unsignedMode() {
        return Integer.toUnsignedLong(mode);
    }

    private static int comparePaths(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
