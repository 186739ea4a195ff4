package dev.packinspector.restore;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A store written by our PackWriter for tests that need more data than the fixtures hold. */
public final class GeneratedStore {
    private GeneratedStore() {
    }

    /** Writes {@code files} objects of {@code size} bytes (half noise, half text) into {@code packsDir}; returns items in a/b/ folders. */
    public static List<RestoreItem> write(Path packsDir, int files, int size, long seed) throws IOException {
        var random = new SplittableRandom(seed);
        var items = new ArrayList<RestoreItem>();
        try (PackWriter writer = new PackWriter(packsDir)) {
            for (int i = 0; i < files; i++) {
                byte[] content = new byte[size];
                random.nextBytes(content);
                for (int j = size / 2; j < size; j++) {
                    content[j] = (byte) ('a' + j % 23);
                }
                ObjectId id = writer.add(content);
                items.add(new RestoreItem("dir-" + (i % 7) + "/file-" + i + ".bin", id, size, 0100644, null));
            }
            writer.finish();
        }
        return items;
    }

    /** Writes the items as "path id size" lines, for a child process. */
    static String encode(List<RestoreItem> items) {
        var sb = new StringBuilder();
        for (RestoreItem i : items) {
            sb.append(i.path()).append(' ').append(i.id()).append(' ').append(i.size()).append('\n');
        }
        return sb.toString();
    }

    static List<RestoreItem> decode(String text) {
        var items = new ArrayList<RestoreItem>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            items.add(new RestoreItem(f[0], ObjectId.parse(f[1]), Long.parseLong(f[2]), 0100644, null));
        }
        return items;
    }
}
