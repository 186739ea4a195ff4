package dev.packinspector.workspace;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.PathText;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.history.SnapshotDiff.Change;
import dev.packinspector.history.SnapshotDiff.Kind;
import dev.packinspector.store.PackSet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder's changes since a snapshot ({@link WorkspaceStatus}) as a unified diff in git's shape,
 * which {@code patch -p1} and {@code git apply} apply to the snapshot's files: per change a
 * {@code diff --git} line,
 * the mode lines git writes (new, deleted, old and new mode, rename from and to), then the text's
 * hunks with 3 lines of context, {@code \ No newline at end of file} where a side ends without one.
 * A side that is binary (a NUL in its first 8,000 bytes, git's rule) or larger than
 * {@value #MAX_BYTES} bytes is named, not shown, and so is one that could not be read (a catalog
 * row without an id, a file the scan could not read). The snapshot's side is read from the store
 * (verified against its id), the folder's from the folder (a symlink's side is its target). Paths
 * are written as UTF-8 (C-quoted where git would), the text's lines as their bytes, whatever
 * their encoding, so that the patch gives back each file byte for byte.
 */
public final class FolderPatch {
    static final int MAX_BYTES = 16 << 20;
    private static final int CONTEXT = 3;
    private static final int BINARY_PROBE = 8000;

    private FolderPatch() {
    }

    public static void write(SnapshotDiff diff, PackSet packs, Path workspace, OutputStream stream) throws IOException {
        Path root = workspace.toRealPath();
        var out = new Text(stream);
        for (Change c : diff.changes()) {
            ManifestEntry before = c.before();
            ManifestEntry after = c.after();
            // the diff --git line names both sides even where one is missing; ---/+++ say /dev/null there
            String a = "a/" + (before != null ? before : after).path();
            String b = "b/" + (after != null ? after : before).path();
            out.write("diff --git " + PathText.quote(a) + " " + PathText.quote(b) + "\n");
            if (c.kind() == Kind.ADDED) {
                out.write("new file mode " + Long.toOctalString(after.mode()) + "\n");
            } else if (c.kind() == Kind.REMOVED) {
                out.write("deleted file mode " + Long.toOctalString(before.mode()) + "\n");
            } else {
                if (before.mode() != after.mode()) {
                    out.write("old mode " + Long.toOctalString(before.mode()) + "\nnew mode " + Long.toOctalString(after.mode()) + "\n");
                }
                if (c.kind() == Kind.RENAMED) {
                    out.write("rename from " + PathText.quote(before.path()) + "\nrename to " + PathText.quote(after.path()) + "\n");
                }
            }
            if (before != null && after != null && before.blob() != null && before.blob().equals(after.blob())) {
                continue; // the same content: mode or name only
            }
            String problem = before != null && before.problem() != null ? before.problem() : after != null ? after.problem() : null;
            if (problem != null || before != null && before.blob() == null) {
                out.write("(its text cannot be shown: " + (problem != null ? problem : "no object id in the catalog") + ")\n");
                continue;
            }
            if (before != null && before.size() > MAX_BYTES || after != null && after.size() > MAX_BYTES) {
                out.write("(a side is larger than " + (MAX_BYTES >> 20) + " MB: its text is not shown)\n");
                continue;
            }
            byte[] old = before == null ? new byte[0] : packs.read(before.blob());
            byte[] now = after == null ? new byte[0] : folderSide(root.resolve(after.path()), after);
            String from = before == null ? "/dev/null" : PathText.quote(a);
            String to = after == null ? "/dev/null" : PathText.quote(b);
            if (binary(old) || binary(now)) {
                out.write("Binary files " + from + " and " + to + " differ\n");
                continue;
            }
            // as git does, a name with a space ends with a tab, so that GNU patch reads it whole
            out.write("--- " + from + (from.contains(" ") ? "\t" : "") + "\n+++ " + to + (to.contains(" ") ? "\t" : "") + "\n");
            hunks(lines(old), lines(now), out);
        }
    }

    private static byte[] folderSide(Path file, ManifestEntry row) throws IOException {
        return WorkspaceScan.readUpTo(file, row, MAX_BYTES + 1);
    }

    /** Headers as UTF-8, lines of content as the bytes they were read from. */
    private record Text(OutputStream out) {
        void write(String header) throws IOException {
            out.write(header.getBytes(StandardCharsets.UTF_8));
        }

        void content(String line) throws IOException {
            out.write(line.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static boolean binary(byte[] bytes) {
        for (int i = 0, n = Math.min(bytes.length, BINARY_PROBE); i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A hunk's header as a unified diff writes it: a side of no lines starts at the line before
     * ({@code @@ -0,0 +1,2 @@} for a new file), where java-diff-utils writes the line after.
     */
    static String header(String line) {
        var m = HEADER.matcher(line);
        if (!m.matches()) {
            return line;
        }
        return "@@ -" + range(m.group(1), m.group(2)) + " +" + range(m.group(3), m.group(4)) + " @@" + m.group(5);
    }

    private static String range(String start, String count) {
        int s = Integer.parseInt(start);
        return count != null && Integer.parseInt(count) == 0 ? Math.max(0, s - 1) + ",0" : s + (count == null ? "" : "," + count);
    }

    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(.*)");

    /** The lines of {@code bytes} (one char a byte), each with its newline; the last without one if the text ends without one. */
    static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        var lines = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static void hunks(List<String> old, List<String> now, Text out) throws IOException {
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a", "b", old, DiffUtils.diff(old, now), CONTEXT);
        for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
            if (line.startsWith("@@")) {
                out.write(header(line) + "\n");
            } else if (line.endsWith("\n")) {
                out.content(line);
            } else {
                out.content(line);
                out.write("\n\\ No newline at end of file\n");
            }
        }
    }

}
