package dev.packinspector.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packinspector.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz target for packs reads them through {@link InMemoryPacks}; this keeps that path
 * equal to opening the files: on every single-file fixture pack, good or corrupt, the same
 * state, entries, problems, object bytes and messages (apart from the folder's name).
 */
class InMemoryPacksTest {

    static Stream<Path> packs() throws IOException {
        var stores = new ArrayList<String>(Fixtures.goodStores());
        stores.addAll(Fixtures.corruptCases());
        var found = new ArrayList<Path>();
        for (String store : stores) {
            Path dir = Fixtures.store(store).resolve("packs");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".dat"))
                        .filter(f -> Files.exists(f.resolveSibling(f.getFileName().toString().replace(".dat", ".idx"))))
                        .forEach(found::add);
            }
        }
        assertThat(found).hasSizeGreaterThan(15);
        return found.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("packs")
    void readsAPackInMemoryAsFromItsFiles(Path dat) throws IOException {
        String name = PackFiles.packNameOf(dat.getFileName().toString());
        Path dir = dat.getParent();
        byte[] idx = Files.readAllBytes(dir.resolve(PackFiles.idx(name)));
        List<String> fromFiles;
        try (PackSet packs = PackSet.open(dir, List.of(name))) {
            fromFiles = outcome(packs, dir);
        }
        List<String> fromMemory;
        try (PackSet packs = InMemoryPacks.of(name, idx, Files.readAllBytes(dat))) {
            fromMemory = outcome(packs, InMemoryPacks.FOLDER);
        }
        assertThat(fromMemory).isEqualTo(fromFiles).isNotEmpty();
    }

    /** Everything a reader of the set learns, one line each, with the folder written as DIR. */
    private static List<String> outcome(PackSet packs, Path dir) {
        var lines = new ArrayList<String>();
        for (PackStatus status : packs.packs()) {
            lines.add(status.name() + " " + status.state() + " " + status.dataBytes() + " " + status.entryCount()
                    + (status.problem() == null ? "" : " " + describe(status.problem(), dir)));
        }
        for (Pack pack : packs.readablePacks()) {
            pack.validate(true, problem -> lines.add("validate: " + describe(problem, dir)));
        }
        var reader = new ObjectReader();
        for (int row = 0; row < packs.entryCount(); row++) {
            ObjectLocation at = packs.entryAt(row);
            String entry = at.id() + " @" + at.offset() + " +" + at.compressedSize() + ": ";
            try {
                lines.add(entry + HexFormat.of().formatHex(reader.readAll(at)));
            } catch (IOException e) {
                lines.add(entry + describe(e, dir));
            }
        }
        return lines;
    }

    private static String describe(IOException e, Path dir) {
        String kind = e instanceof StoreException s ? s.kind() + " " + s.offset() + " " : "";
        return kind + e.getMessage().replace(dir.toString(), "DIR");
    }
}
