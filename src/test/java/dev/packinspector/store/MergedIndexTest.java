package dev.packinspector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The merged index of a pack set against a model (every pack's ids, sorted, pack order kept among
 * equal ids), for sizes around the points where its fan-out grows, for ids at the ends of the
 * range, ids sharing their top bits, and ids held by several packs.
 */
class MergedIndexTest {
    private static final byte[] FRAME = FrameEncoder.encode(new byte[0]);

    record Held(ObjectId id, String pack) {
    }

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("one id", List.of(1)),
                Arguments.of("two ids", List.of(2)),
                Arguments.of("three ids in two packs", List.of(1, 2)),
                Arguments.of("a bucket's worth either side of 64", List.of(63, 65)),
                Arguments.of("1,000 in three packs", List.of(500, 300, 200)),
                Arguments.of("past the largest fan-out", List.of(70_000, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void findsEveryIdAsTheModelDoes(String name, List<Integer> perPack, @TempDir Path dir) throws IOException {
        var random = new Random(perPack.hashCode());
        List<ObjectId> shared = List.of(new ObjectId(0, 0), new ObjectId(-1L, -1L), new ObjectId(0x8000_0000_0000_0000L, 1));
        var written = new ArrayList<List<ObjectId>>();
        var absent = new ArrayList<ObjectId>();
        for (int count : perPack) {
            var ids = new ArrayList<ObjectId>();
            for (int i = 0; i < count; i++) {
                // a third random, a third sharing the top 48 bits, a third from the ends and the middle of the range
                long hi = switch (i % 3) {
                    case 0 -> random.nextLong();
                    case 1 -> 0x1234_5678_9abc_0000L | random.nextInt(4);
                    default -> shared.get(random.nextInt(shared.size())).hi();
                };
                ids.add(i < shared.size() ? shared.get(i) : new ObjectId(hi, random.nextLong()));
                absent.add(new ObjectId(hi, random.nextLong()));
            }
            written.add(ids);
        }
        Files.createDirectories(dir.resolve("packs"));
        var packNames = new ArrayList<String>();
        for (List<ObjectId> ids : written) {
            try (var writer = new PackWriter(dir.resolve("packs"))) {
                for (ObjectId id : ids) {
                    writer.addPreCompressed(id, FRAME);
                }
                packNames.add(writer.finish());
            }
        }
        try (PackSet packs = PackSet.open(dir)) {
            List<String> order = packs.readablePacks().stream().map(Pack::name).toList();
            var model = new ArrayList<Held>();
            for (int p = 0; p < written.size(); p++) {
                for (ObjectId id : written.get(p).stream().distinct().toList()) {
                    model.add(new Held(id, packNames.get(p)));
                }
            }
            model.sort(Comparator.comparing(Held::id).thenComparing(h -> order.indexOf(h.pack())));

            assertThat(packs.entryCount()).isEqualTo(model.size());
            for (int row = 0; row < model.size(); row++) {
                ObjectLocation at = packs.entryAt(row);
                assertThat(new Held(at.id(), at.pack().name())).as("row %d", row).isEqualTo(model.get(row));
            }
            var holders = new HashMap<ObjectId, List<String>>();
            var firstRow = new HashMap<ObjectId, Integer>();
            for (int row = 0; row < model.size(); row++) {
                holders.computeIfAbsent(model.get(row).id(), id -> new ArrayList<>()).add(model.get(row).pack());
                firstRow.putIfAbsent(model.get(row).id(), row);
            }
            for (var held : holders.entrySet()) {
                assertThat(packs.locateAll(held.getKey()).stream().map(l -> l.pack().name()).toList()).isEqualTo(held.getValue());
                assertThat(packs.locate(held.getKey()).orElseThrow().pack().name()).isEqualTo(held.getValue().get(0));
                assertThat(packs.firstRowAtOrAfter(held.getKey())).isEqualTo(firstRow.get(held.getKey()));
            }
            List<ObjectId> ids = model.stream().map(Held::id).toList();
            for (ObjectId id : absent) {
                assertThat(packs.locate(id).isPresent()).as(id.toString()).isEqualTo(holders.containsKey(id));
                int low = 0;
                int high = ids.size();
                while (low < high) {
                    int mid = (low + high) >>> 1;
                    if (ids.get(mid).compareTo(id) < 0) {
                        low = mid + 1;
                    } else {
                        high = mid;
                    }
                }
                assertThat(packs.firstRowAtOrAfter(id)).isEqualTo(low);
            }
            String prefix = "1234";
            var range = packs.rowsWithPrefix(prefix);
            assertThat(range.size()).isEqualTo((int) model.stream().filter(h -> h.id().toHex().startsWith(prefix)).count());
        }
    }
}
