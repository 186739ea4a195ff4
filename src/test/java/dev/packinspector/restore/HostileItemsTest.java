package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackWriter;
import dev.packinspector.store.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile manifest, as a crafted catalog would hand it to the restore: every entry that could
 * write outside the target, through a link, as a device, or with content that is not what it
 * claims is refused or fails with its reason; the honest entries beside them are restored; and
 * nothing at all appears outside the target.
 */
class HostileItemsTest {
    /** Names a Linux file system holds and chkpt saves and restores: nothing here may be refused. */
    static final List<String> LEGAL_NAMES = List.of("back\\slash.txt", "a:b*c?.txt", "\"quoted\" 'single'", "$HOME`x`", "tab\there",
            "new\nline", "ctrl-\u0001-\u001b-\u007f", "-leading-dash", "trailing-dot.", "trailing-space ", " leading-space", "caf\ufffd",
            "...", ".hidden", "C:\\windows", "\u00e9\u0301-combined", "\ud83c\udf89", "y".repeat(255));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hostileEntriesAreRefusedWithReasonsAndNothingIsWrittenOutsideTheTarget(@TempDir Path work) throws Exception {
        Path packs = Files.createDirectories(work.resolve("store/packs"));
        Path target = work.resolve("target");
        ObjectId hello;
        ObjectId outside;
        ObjectId bomb;
        try (PackWriter writer = new PackWriter(packs)) {
            hello = writer.add(bytes("hello"));
            outside = writer.add(bytes("../../outside"));
            bomb = writer.add(new byte[16 << 20]); // 16 MiB of zeros: a few KB compressed
            writer.finish();
        }
        long file = 0100644;
        long link = 0120777;
        var items = new ArrayList<RestoreItem>(List.of(
                new RestoreItem("../escape.txt", hello, 5, file, null),
                new RestoreItem("/etc/escape.txt", hello, 5, file, null),
                new RestoreItem("a//double-slash.txt", hello, 5, file, null),
                new RestoreItem("nul\0name.txt", hello, 5, file, null),
                new RestoreItem("x".repeat(300) + ".txt", hello, 5, file, null),
                new RestoreItem("link-out", outside, 13, link, null),
                new RestoreItem("link-out/beneath.txt", hello, 5, file, null),
                new RestoreItem("link-alone", outside, 13, link, null),
                new RestoreItem("dev-node", hello, 5, 0020644, null),
                new RestoreItem("fifo", hello, 5, 0010644, null),
                new RestoreItem("dup.txt", hello, 5, file, null),
                new RestoreItem("dup.txt", outside, 13, file, null),
                new RestoreItem("wrong-size.txt", hello, 3, file, null),
                new RestoreItem("bomb.bin", bomb, 10, file, null),
                new RestoreItem("Case.txt", hello, 5, file, null),
                new RestoreItem("case.txt", outside, 13, file, null)));
        for (String legal : LEGAL_NAMES) {
            items.add(new RestoreItem("legal/" + legal, hello, 5, file, null));
        }
        for (int i = 0; i < 3000; i++) {
            items.add(new RestoreItem("shared/copy-" + i + ".txt", hello, 5, file, null));
        }

        RestoreResult result;
        RestorePlan plan;
        try (PackSet set = PackSet.open(work.resolve("store"))) {
            plan = RestorePlanner.plan(set, items, target, false);
            result = new Restorer(2).run(plan, RestoreListener.NONE);
        }
        Map<String, RestoreProblem> problems = new HashMap<>();
        plan.refused().forEach(p -> problems.put(p.path(), p));
        result.problems().forEach(p -> problems.put(p.path(), p));
        for (String unsafe : List.of("../escape.txt", "/etc/escape.txt", "a//double-slash.txt", "nul\0name.txt",
                "link-out/beneath.txt", "link-out")) {
            assertEquals(ProblemKind.UNSAFE_PATH, kindOf(problems, unsafe), unsafe);
        }
        // a name longer than the file system allows fails that one file, with the file system's reason
        assertEquals(ProblemKind.WRITE_FAILED, kindOf(problems, "x".repeat(300) + ".txt"));
        assertTrue(problems.get("x".repeat(300) + ".txt").message().contains("File name too long"), problems.get("x".repeat(300) + ".txt").message());
        // every name POSIX can hold comes back exactly as stored
        for (String legal : LEGAL_NAMES) {
            assertFalse(problems.containsKey("legal/" + legal), () -> "refused legal/" + legal + ": " + problems.get("legal/" + legal));
            assertArrayEquals(bytes("hello"), Files.readAllBytes(target.resolve("legal/" + legal)), legal);
        }
        assertEquals(ProblemKind.UNSUPPORTED_ENTRY, kindOf(problems, "dev-node"));
        assertEquals(ProblemKind.UNSUPPORTED_ENTRY, kindOf(problems, "fifo"));
        assertEquals(ProblemKind.SIZE_MISMATCH, kindOf(problems, "wrong-size.txt"));
        assertEquals(ProblemKind.SIZE_MISMATCH, kindOf(problems, "bomb.bin"));
        assertTrue(problems.containsKey("dup.txt"), "two entries for one path: refused, not a coin toss");
        problems.values().forEach(p -> assertFalse(p.message().isBlank(), p.path() + " has a reason"));

        // what is fine is restored, exactly
        assertArrayEquals(bytes("hello"), Files.readAllBytes(target.resolve("Case.txt")));
        assertArrayEquals(bytes("../../outside"), Files.readAllBytes(target.resolve("case.txt")));
        for (int i = 0; i < 3000; i++) {
            assertArrayEquals(bytes("hello"), Files.readAllBytes(target.resolve("shared/copy-" + i + ".txt")));
        }
        // a link with entries beneath it was crafted (a scan never records that): neither is written;
        // a link pointing out of the target is restored as a link (its target is data, never followed)
        assertFalse(Files.exists(target.resolve("link-out"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(target.resolve("link-alone")));
        assertEquals(Path.of("../../outside"), Files.readSymbolicLink(target.resolve("link-alone")));
        assertFalse(Files.exists(target.resolve("wrong-size.txt"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(target.resolve("bomb.bin"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(target.resolve("dev-node"), LinkOption.NOFOLLOW_LINKS));
        RestoreChecks.assertNoTempFiles(target);

        // nothing anywhere but the store and the target
        try (Stream<Path> all = Files.walk(work)) {
            List<String> elsewhere = all.filter(p -> !p.startsWith(work.resolve("store")) && !p.startsWith(target) && !p.equals(work))
                    .map(Path::toString).collect(Collectors.toList());
            assertEquals(List.of(), elsewhere);
        }
    }

    private static ProblemKind kindOf(Map<String, RestoreProblem> problems, String path) {
        RestoreProblem p = problems.get(path);
        assertTrue(p != null, () -> path + " should have been refused or failed; problems: " + problems.keySet());
        return p.kind();
    }
}
