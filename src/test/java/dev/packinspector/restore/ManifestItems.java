package dev.packinspector.restore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Restore items and expectations taken straight from a fixture's manifest.json, independent of the catalog code (public: the GUI tests check restores with it too). */
public final class ManifestItems {
    private ManifestItems() {
    }

    public static List<RestoreItem> items(JsonNode snapshot) {
        var items = new ArrayList<RestoreItem>();
        for (JsonNode f : snapshot.get("files")) {
            items.add(new RestoreItem(f.get("path").asText(), ObjectId.parse(f.get("blob_hash").asText()),
                    f.get("size").asLong(), f.get("mode").asLong(), null));
        }
        return items;
    }

    /** Asserts that every manifest entry is in {@code target} exactly: content, permission bits, link target. */
    public static void assertRestored(JsonNode snapshot, Path target) throws IOException {
        for (JsonNode f : snapshot.get("files")) {
            Path p = target.resolve(f.get("path").asText());
            String what = f.get("path").asText();
            if (f.get("type").asText().equals("symlink")) {
                if (!Files.isSymbolicLink(p)) {
                    throw new AssertionError(what + " is not a symlink");
                }
                assertEquals(f.get("link_target").asText(), Files.readSymbolicLink(p).toString(), what);
            } else {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new AssertionError(what + " is not a regular file");
                }
                assertEquals(f.get("sha256").asText(), Fixtures.sha256(Files.readAllBytes(p)), what);
                int mode = PosixModes.bits(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                assertEquals(Integer.toOctalString((int) (f.get("mode").asLong() & 0777)), Integer.toOctalString(mode), what + " mode");
            }
        }
    }

    /** A copy of {@code snapshot} listing only the files whose path {@code keep} accepts (for checking a restored selection). */
    public static JsonNode only(JsonNode snapshot, java.util.function.Predicate<String> keep) {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) snapshot).deepCopy();
        var files = copy.putArray("files");
        snapshot.get("files").forEach(f -> {
            if (keep.test(f.get("path").asText())) {
                files.add(f.deepCopy());
            }
        });
        return copy;
    }

    /** The paths the snapshot lists, sorted. */
    public static List<String> paths(JsonNode snapshot) {
        var out = new ArrayList<String>();
        snapshot.get("files").forEach(f -> out.add(f.get("path").asText()));
        return out.stream().sorted().toList();
    }

    private static void assertEquals(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }
}
