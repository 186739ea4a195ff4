package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one rule for showing a snapshot id where space is short, whatever a damaged catalog holds. */
class SnapshotShortIdTest {
    private static Snapshot withId(String id) {
        return new Snapshot(id, "2026-01-01T00:00:00+00:00", null, null, null, 0, 0, 0, null, null);
    }

    @Test
    void aChkptIdIsShortenedToItsTimePart() {
        assertEquals("019b7711-987b", withId("019b7711-987b-7fde-8880-4df361597a77").shortId());
        assertEquals("019b7711-987b", Snapshot.shortId("019b7711-987b-7fde-8880-4df361597a77"));
    }

    @Test
    void aShortIdIsShownWhole() {
        assertEquals("abc", withId("abc").shortId());
        assertEquals("019b7711-987b", Snapshot.shortId("019b7711-987b"));
    }

    @Test
    void anEmptyOrMissingIdGivesAnEmptyText() {
        assertEquals("", withId("").shortId());
        assertEquals("", withId(null).shortId());
        assertEquals("", Snapshot.shortId(null));
    }
}
