package dev.packinspector.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Letters typed select the first row starting with them; a pause starts a new word; one letter again steps on. */
class TypeToFindTest {
    private static final long SECOND = 1_000_000_000L;
    private final List<String> names = List.of("docs", "README.md", "renamed", "revert-a.txt", "revert-b.bin", "src", "swap");
    private int selected = -1;
    private final TypeToFind find = new TypeToFind(names::size, names::get, () -> selected, i -> selected = i);

    @Test
    void lettersTypedTogetherFindTheFirstNameStartingWithThem() {
        assertTrue(find.typed("r", 0));
        assertEquals(1, selected, "README.md: case is ignored");
        find.typed("e", SECOND / 10);
        find.typed("v", SECOND / 5);
        assertEquals(3, selected, "rev: revert-a.txt");
        find.typed("x", SECOND / 4);
        assertEquals(3, selected, "revx matches nothing: the selection stays");
    }

    @Test
    void aPauseStartsANewWord() {
        find.typed("s", 0);
        assertEquals(5, selected);
        find.typed("d", 2 * SECOND);
        assertEquals(0, selected, "d alone, not sd");
    }

    @Test
    void oneLetterAgainStepsThroughTheNamesStartingWithIt() {
        find.typed("s", 0);
        assertEquals(5, selected);
        find.typed("s", SECOND / 10);
        assertEquals(6, selected, "swap, the next s");
        find.typed("s", SECOND / 5);
        assertEquals(5, selected, "round again to src");
    }

    @Test
    void controlKeysAndALeadingSpaceAreLeftToTheTable() {
        assertFalse(find.typed("\t", 0));
        assertFalse(find.typed(" ", 0));
        assertFalse(find.typed("", 0));
        assertEquals(-1, selected);
    }
}
