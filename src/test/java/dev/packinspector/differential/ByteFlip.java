package dev.packinspector.differential;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** One byte of one store file changed: which file (relative to the store), where, from what to what. */
record ByteFlip(String file, long offset, int before, int after) {
    /**
     * The files a flip may land in, by kind: pack data ({@code .dat} or its parts), {@code .idx},
     * parts manifests, the catalog and the tree pack ({@code trees/}). Kinds that the
     * store has none of are left out.
     */
    static List<List<String>> candidates(Path store) throws IOException {
        var data = new ArrayList<String>();
        var indexes = new ArrayList<String>();
        var manifests = new ArrayList<String>();
        try (Stream<Path> files = Files.list(store.resolve("packs"))) {
            for (String name : files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList()) {
                (name.endsWith(".idx") ? indexes : name.endsWith(".parts.json") ? manifests : data).add("packs/" + name);
            }
        }
        var kinds = new ArrayList<List<String>>(List.of(data, indexes, manifests, List.of("catalog.sqlite")));
        if (Files.isRegularFile(store.resolve("trees/trees.dat"))) {
            kinds.add(List.of("trees/trees.dat", "trees/trees.idx"));
        }
        kinds.removeIf(List::isEmpty);
        return kinds;
    }

    /**
     * A flip by a random non-zero XOR at a random place of a random file of a random kind of
     * {@code store}: each kind is as likely as any other, so the small catalog and indexes are hit
     * as often as the large pack data.
     */
    static ByteFlip random(Path store, SplittableRandom random) throws IOException {
        List<List<String>> kinds = candidates(store);
        List<String> files = kinds.get(random.nextInt(kinds.size()));
        String file = files.get(random.nextInt(files.size()));
        long size = Files.size(store.resolve(file));
        long offset = random.nextLong(size);
        int before = byteAt(store.resolve(file), offset);
        return new ByteFlip(file, offset, before, before ^ (1 + random.nextInt(255)));
    }

    /** Changes the byte in {@code copy}, a copy of the store (never the store itself). */
    void applyTo(Path copy) throws IOException {
        try (var f = new RandomAccessFile(copy.resolve(file).toFile(), "rw")) {
            f.seek(offset);
            f.write(after);
        }
    }

    private static int byteAt(Path file, long offset) throws IOException {
        try (var f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(offset);
            return f.read();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at offset %d: 0x%02x -> 0x%02x", file, offset, before, after);
    }
}
