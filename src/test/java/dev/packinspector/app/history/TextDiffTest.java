package dev.packinspector.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line diff's hunks and numbers, checked against java-diff-utils' own unified diff; the word marks. */
class TextDiffTest {
    private static byte[] text(List<String> lines) {
        return lines.isEmpty() ? new byte[0] : (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hunksMatchTheUnifiedDiffOfJavaDiffUtilsOnRandomEdits() {
        var random = new Random(14);
        for (int round = 0; round < 300; round++) {
            var a = new ArrayList<String>();
            // no empty side: for one java-diff-utils writes "-1,0" where git writes "-0,0", as this diff does
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                a.add("line " + random.nextInt(20));
            }
            var b = new ArrayList<>(a);
            for (int edits = random.nextInt(6); edits > 0; edits--) {
                int at = b.isEmpty() ? 0 : random.nextInt(b.size());
                switch (random.nextInt(3)) {
                    case 0 -> b.add(at, "new " + random.nextInt(100));
                    case 1 -> {
                        if (!b.isEmpty()) {
                            b.remove(at);
                        }
                    }
                    default -> {
                        if (!b.isEmpty()) {
                            b.set(at, b.get(at) + " edited");
                        }
                    }
                }
            }
            if (b.isEmpty()) {
                continue;
            }
            TextDiff d = TextDiff.of(text(a), text(b));
            List<String> expected = a.equals(b) ? List.of() : UnifiedDiffUtils.generateUnifiedDiff("a", "b", a, DiffUtils.diff(a, b), 3);
            List<String> shown = d.why() == null ? d.unified("a", "b") : List.of();
            assertEquals(expected, shown, "round " + round + ": " + a + " -> " + b);
        }
    }

    @Test
    void everyLineCarriesItsNumbersInBothVersions() {
        List<String> a = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        List<String> b = List.of("1", "2", "3", "4", "five", "6", "7", "8", "9", "10", "11");
        TextDiff d = TextDiff.of(text(a), text(b));
        assertEquals(1, d.added() - d.removed());
        for (TextDiff.Hunk h : d.hunks()) {
            for (TextDiff.Line l : h.lines()) {
                if (l.kind() != TextDiff.Kind.ADDED) {
                    assertEquals(a.get(l.oldNumber() - 1), l.text());
                }
                if (l.kind() != TextDiff.Kind.REMOVED) {
                    assertEquals(b.get(l.newNumber() - 1), l.text());
                }
            }
        }
    }

    @Test
    void anAddedOrRemovedFileIsAllAddedOrAllRemoved() {
        TextDiff added = TextDiff.of(null, text(List.of("a", "b")));
        assertEquals(2, added.added());
        assertEquals("@@ -0,0 +1,2 @@", added.hunks().getFirst().header());
        TextDiff removed = TextDiff.of(text(List.of("a")), null);
        assertEquals(1, removed.removed());
    }

    @Test
    void onlyTheWordsThatChangedAreMarked() {
        var words = Words.between(List.of("version one of this line"), List.of("version two of this line"));
        assertEquals(List.of(new TextDiff.Span("version ", false), new TextDiff.Span("one", true), new TextDiff.Span(" of this line", false)),
                words[0].getFirst());
        assertEquals(List.of(new TextDiff.Span("version ", false), new TextDiff.Span("two", true), new TextDiff.Span(" of this line", false)),
                words[1].getFirst());
    }

    @Test
    void aRewrittenLineIsNotMarkedWordByWord() {
        var words = Words.between(List.of("fn main() { run(); }"), List.of("# a completely different comment here"));
        assertTrue(words[0].getFirst().stream().noneMatch(TextDiff.Span::changed));
        assertTrue(words[1].getFirst().stream().noneMatch(TextDiff.Span::changed));
    }

    @Test
    void severalLinesOfOneChangeKeepTheirLines() {
        var words = Words.between(List.of("let a = 1;", "let b = 2;"), List.of("let a = 10;", "", "let b = 2;"));
        assertEquals(2, words[0].size());
        assertEquals(3, words[1].size());
        assertEquals("let a = 10;", String.join("", words[1].get(0).stream().map(TextDiff.Span::text).toList()));
        assertEquals("", String.join("", words[1].get(1).stream().map(TextDiff.Span::text).toList()));
    }

    @Test
    void binaryAndIdenticalContentSayWhy() {
        assertTrue(TextDiff.of(new byte[] {1, 0, 2}, new byte[] {1, 0, 3}).why().startsWith("Binary content"));
        assertTrue(TextDiff.of(text(List.of("x")), text(List.of("x"))).why().startsWith("The versions have the same text"));
    }
}
