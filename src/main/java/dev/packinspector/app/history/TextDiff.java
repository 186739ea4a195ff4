package dev.packinspector.app.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.packinspector.app.common.Format;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The unified diff (3 lines of context) of two versions of a file, or why there is none to show:
 * either side binary (a NUL in its first 8 KB) or larger than {@link #MAX_BYTES}. Pure; any thread.
 */
record TextDiff(List<String> lines, String why) {
    static final int MAX_BYTES = 8 << 20;
    private static final int CONTEXT = 3;

    static TextDiff of(String olderName, byte[] older, String newerName, byte[] newer) {
        if (older.length > MAX_BYTES || newer.length > MAX_BYTES) {
            return tooLarge();
        }
        if (binary(older) || binary(newer)) {
            return new TextDiff(List.of(), Arrays.equals(older, newer) ? "The versions have the same content"
                    : "Binary content: the versions differ (compare them in the Hex preview)");
        }
        List<String> a = new String(older, StandardCharsets.UTF_8).lines().toList();
        List<String> b = new String(newer, StandardCharsets.UTF_8).lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return new TextDiff(List.of(), "The versions have the same text (they differ only in mode, or in line endings)");
        }
        return new TextDiff(UnifiedDiffUtils.generateUnifiedDiff(olderName, newerName, a, patch, CONTEXT), null);
    }

    static TextDiff tooLarge() {
        return new TextDiff(List.of(), "The versions are too large to compare line by line (over " + Format.bytes(MAX_BYTES) + ")");
    }

    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
