package dev.packinspector.app.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packinspector.Fixtures;
import dev.packinspector.store.ObjectId;
import org.junit.jupiter.api.Test;

/** A held store stays open though it is closed, until the last hold ends; a closed one cannot be held. */
class StoreSessionHoldTest {
    @Test
    void aHeldStoreClosesWhenItsLastHoldEnds() throws Exception {
        StoreSession s = StoreSession.open(Fixtures.store("basic"));
        ObjectId id = s.packs().entryAt(0).id();
        byte[] content = s.packs().read(id);
        StoreSession.Hold restoring = s.hold();
        StoreSession.Hold exporting = s.hold();

        s.close();
        assertArrayEquals(content, s.packs().read(id), "held: still open");
        restoring.close();
        restoring.close(); // twice is once
        assertArrayEquals(content, s.packs().read(id), "one hold left");
        exporting.close();

        assertThrows(IllegalStateException.class, () -> s.packs().read(id), "closed with its last hold");
        assertThrows(IllegalStateException.class, s::hold, "a closed store cannot be held");
    }
}
