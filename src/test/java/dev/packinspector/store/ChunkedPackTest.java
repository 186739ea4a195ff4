package dev.packinspector.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The chunked store is save 1 of basic with its .dat split into parts: it must read identically. */
class ChunkedPackTest {
    private static final String NAME = "153340218cf51ec2";

    @Test
    void chunkedPackReadsIdenticallyToTheSingleFilePack() throws Exception {
        try (PackSet chunked = PackSet.open(Fixtures.store("chunked"));
                PackSet single = PackSet.open(Fixtures.store("basic").resolve("packs"), java.util.List.of(NAME))) {
            Pack c = chunked.readablePacks().getFirst();
            Pack s = single.readablePacks().getFirst();
            assertTrue(c.chunked());
            assertEquals(s.entryCount(), c.entryCount());
            assertEquals(s.data().size(), c.data().size());
            byte[] joined = Files.readAllBytes(Fixtures.store("basic").resolve("packs/pack-" + NAME + ".dat"));
            assertArrayEquals(joined, c.data().slice(0, c.data().size()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
            for (int i = 0; i < c.entryCount(); i++) {
                assertEquals(s.index().id(i), c.index().id(i));
                ObjectLocation at = chunked.locate(c.index().id(i)).orElseThrow();
                assertArrayEquals(single.read(at.id()), chunked.read(at.id()), at.id().toHex());
            }
        }
    }

    @Test
    void someEntryStraddlesAPartBoundaryAndErrorsNameThePartFile() throws Exception {
        try (PackSet chunked = PackSet.open(Fixtures.store("chunked"))) {
            Pack pack = chunked.readablePacks().getFirst();
            int straddling = 0;
            for (int i = 0; i < pack.entryCount(); i++) {
                long start = pack.index().offset(i);
                long end = start + Pack.ENTRY_HEADER_BYTES + pack.index().compressedSize(i) - 1;
                if (!pack.data().fileAt(start).equals(pack.data().fileAt(end))) {
                    straddling++;
                }
            }
            assertTrue(straddling > 0, "the fixture has entries across part boundaries");
            Path second = pack.data().fileAt(310_239);
            assertEquals("pack-" + NAME + ".dat.part-000001", second.getFileName().toString());
            assertEquals(0, pack.data().offsetInFile(310_239));
            assertNotEquals(pack.data().fileAt(310_238), second);
        }
    }
}
