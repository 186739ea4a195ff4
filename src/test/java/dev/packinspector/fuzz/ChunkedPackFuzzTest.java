package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.Fixtures;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Any text as a chunked pack's parts manifest, beside the chunked fixture's real part files and
 * index: the pack opens (and validates) or is refused with a StoreException; a manifest can never
 * name a file outside the packs folder. Seeds: the fixture's own parts.json.
 */
class ChunkedPackFuzzTest {
    private static final String NAME = "153340218cf51ec2";
    private static final Path DIR = copyOfChunkedFixture();

    private static Path copyOfChunkedFixture() {
        try {
            Path dir = Scratch.folder("chunked");
            try (Stream<Path> files = Files.list(Fixtures.store("chunked").resolve("packs"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "30m")
    void aPartsManifestOpensOrIsRefused(byte[] manifest) throws IOException {
        Files.write(DIR.resolve("pack-" + NAME + ".dat.parts.json"), manifest);
        try (PackSet packs = PackSet.open(DIR)) {
            for (Pack pack : packs.readablePacks()) {
                pack.validate(false, problem -> { });
            }
        } catch (StoreException expected) {
            // refused, with the manifest's name
        }
    }
}
