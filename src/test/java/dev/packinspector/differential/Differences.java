package dev.packinspector.differential;

import dev.packinspector.differential.FolderState.Entry;
import dev.packinspector.differential.FolderState.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How a restored folder differs from the workspace a snapshot was saved from. */
final class Differences {
    /** One difference: the path it concerns and what is wrong, in words. */
    record Difference(String path, String what) {
        @Override
        public String toString() {
            return what;
        }
    }

    private Differences() {
    }

    /**
     * Every way {@code restored} is not exactly {@code expected}: a path missing, of another kind,
     * with other content, link target or permission bits, a path or a folder too many (folders
     * are allowed only above an expected path). Empty if the restore is exact.
     */
    static List<Difference> exact(Map<String, Entry> expected, FolderState restored) {
        var out = new ArrayList<Difference>();
        for (var e : expected.entrySet()) {
            Entry got = restored.entries().get(e.getKey());
            Entry want = e.getValue();
            if (got == null) {
                out.add(new Difference(e.getKey(), "missing " + Shown.path(e.getKey()) + " (" + want + ")"));
            } else if (!got.sameContent(want)) {
                out.add(new Difference(e.getKey(), Shown.path(e.getKey()) + ": expected " + want + ", restored " + got));
            } else if (want.kind() == Kind.FILE && got.permissions() != want.permissions()) {
                out.add(new Difference(e.getKey(), Shown.path(e.getKey()) + ": expected mode " + Integer.toOctalString(want.permissions())
                        + ", restored " + Integer.toOctalString(got.permissions())));
            }
        }
        for (var e : restored.entries().entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                out.add(new Difference(e.getKey(), "extra " + Shown.path(e.getKey()) + " (" + e.getValue() + ")"));
            }
        }
        Set<String> ancestors = ancestors(expected.keySet());
        for (String folder : restored.folders()) {
            if (!ancestors.contains(folder)) {
                out.add(new Difference(folder, "extra folder " + Shown.path(folder)));
            }
        }
        return out;
    }

    /** The expected paths that {@code restored} holds with the right kind and content (modes aside). */
    static Set<String> contentRight(Map<String, Entry> expected, FolderState restored) {
        var right = new HashSet<String>();
        for (var e : expected.entrySet()) {
            Entry got = restored.entries().get(e.getKey());
            if (got != null && got.sameContent(e.getValue())) {
                right.add(e.getKey());
            }
        }
        return right;
    }

    static Set<String> ancestors(Set<String> paths) {
        var out = new HashSet<String>();
        for (String p : paths) {
            for (int slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) {
                out.add(p.substring(0, slash));
            }
        }
        return out;
    }
}
