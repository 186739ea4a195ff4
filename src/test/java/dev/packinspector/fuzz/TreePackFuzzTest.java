package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeDecoder;
import dev.packinspector.store.tree.TreeEntry;
import dev.packinspector.store.tree.TreePack;
import dev.packinspector.store.tree.TreeWalk;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any bytes as {@code trees.idx} and {@code trees.dat} (input: u32 LE length of the .idx, the .idx,
 * then the .dat), from native memory: opening, validating, reading every tree and walking from
 * each either work or end in a StoreException; nothing else, and no hang. Since a fuzzer cannot
 * forge ids, each tree is also walked through its decoded entries without the id check, so that
 * the walker meets the shapes the fuzzer builds (cycles, shared subtrees, bad names). Seeds: the
 * real stores' tree packs. The second target is the bare tree-object decoder.
 */
class TreePackFuzzTest {
    private static final Path FOLDER = Path.of("in-memory", "trees");
    /** Small limits: an input of a few KiB can describe a walk of billions of entries. */
    private static final TreeWalk.Limits LIMITS = new TreeWalk.Limits(256, 100_000);

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "2h")
    void aTreePackOpensValidatesReadsAndWalksOrIsRefused(byte[] input) {
        int idxLength = input.length < 4 ? 0 : Math.min(input.length - 4, ByteBuffer.wrap(input, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF);
        byte[] idx = Arrays.copyOfRange(input, Math.min(4, input.length), Math.min(4, input.length) + Math.max(0, idxLength));
        byte[] dat = Arrays.copyOfRange(input, Math.min(input.length, 4 + Math.max(0, idxLength)), input.length);
        try (TreePack pack = TreePack.inMemory(FOLDER, dat, idx)) {
            pack.validate(problem -> { });
            Map<ObjectId, List<TreeEntry>> unchecked = new HashMap<>();
            for (int i = 0; i < pack.treeCount(); i++) {
                ObjectId id = pack.index().id(i);
                try {
                    pack.read(i);
                } catch (StoreException expected) {
                    // a damaged tree is refused with its place
                }
                try {
                    unchecked.put(id, TreeDecoder.decode(pack.object(i), pack.datFile(), pack.index().offset(i), id));
                } catch (StoreException expected) {
                    // as above
                }
            }
            var verified = new TreeWalk(pack::find, LIMITS);
            var forged = new TreeWalk(id -> Optional.ofNullable(unchecked.get(id)), LIMITS);
            for (int i = 0; i < pack.treeCount(); i++) {
                ObjectId root = pack.index().id(i);
                walk(verified, root);
                walk(forged, root);
                forged.files(root, problem -> { });
            }
        } catch (StoreException refused) {
            // refused at open, naming the file
        }
    }

    private static void walk(TreeWalk walk, ObjectId root) {
        try {
            walk.files(root);
            walk.files(root, "a/b");
        } catch (StoreException expected) {
            // a typed refusal is the contract
        }
    }

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "30m")
    void aTreeObjectDecodesOrIsRefused(byte[] object) {
        try {
            TreeDecoder.decode(object, FOLDER.resolve("tree"));
        } catch (StoreException expected) {
            // a typed, located refusal is the contract
        }
    }
}
