package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.Fixtures;
import dev.packinspector.store.PackSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file is restored with exactly its recorded mode, whatever the umask: modes the umask leaves
 * whole are given as the file is created, the others are set after it is written (and a read-only
 * or empty mode does not stop the content being written).
 */
class RestoreModesTest {
    private static final int[] MODES = {0644, 0755, 0600, 0400, 0444, 0000, 0200, 0664, 0666, 0775, 0777, 0700, 0640, 0711};

    @Test
    void eachFileGetsExactlyItsModeWhateverTheUmaskTakesAway(@TempDir Path target) throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            var object = packs.entryAt(0);
            byte[] content = packs.read(object.id());
            var items = new ArrayList<RestoreItem>();
            for (int mode : MODES) {
                items.add(new RestoreItem(String.format("mode-%04o", mode), object.id(), content.length, RestoreItem.REGULAR | mode, null));
            }
            RestoreResult r = new Restorer(2).run(RestorePlanner.plan(packs, items, target, false), RestoreListener.NONE);
            assertEquals(List.of(), r.problems());
            for (int mode : MODES) {
                Path file = target.resolve(String.format("mode-%04o", mode));
                assertEquals(String.format("%04o", mode), String.format("%04o", PosixModes.bits(Files.getPosixFilePermissions(file))),
                        file + " under umask " + String.format("%04o", Umask.current()));
                assertEquals(content.length, Files.size(file));
            }
        }
    }

    @Test
    void theUmaskIsReadFromTheSystem() {
        // Linux reports it; the tests run under some umask, which has no bits beyond 0777
        int umask = Umask.current();
        assertEquals(0, umask & ~0777, String.format("%o", umask));
    }
}
