package dev.packinspector.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder and save dialogs open where the last one of their kind was answered, else in the fallback (chkpt's stores folder). */
class ChoosersTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/packinspector-test/" + UUID.randomUUID());
    private final Settings settings = new Settings(prefs);

    @AfterEach
    void forget() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void theStoreDialogStartsInTheStoresFolderThenBesideTheLastStoreChosen(@TempDir Path home) throws IOException {
        Path stores = Files.createDirectories(home.resolve(".chkpt/stores"));
        Path project = Files.createDirectories(home.resolve("work/project-a"));
        var startedIn = new ArrayList<Path>();
        var answers = new ArrayList<>(List.of(project, home.resolve("work/project-b")));
        FolderChooser chooser = FolderChooser.remembering(settings, "store", stores, (owner, title, start) -> {
            startedIn.add(start);
            return answers.removeFirst();
        });

        assertEquals(project, chooser.choose(null, "Open"));
        chooser.choose(null, "Open");

        assertEquals(List.of(stores, home.resolve("work")), startedIn, "first chkpt's stores, then the folder holding the last choice");
        assertEquals(home.resolve("work"), new Settings(prefs).folder("store"), "kept for the next run");
    }

    @Test
    void eachPurposeKeepsItsOwnFolderAndACancelChangesNothing(@TempDir Path home) throws IOException {
        Path restored = Files.createDirectories(home.resolve("restored/here"));
        FolderChooser restore = FolderChooser.remembering(settings, "restore", null, (owner, title, start) -> restored);
        restore.choose(null, "Restore");
        var startedIn = new ArrayList<Path>();
        FolderChooser cancelled = FolderChooser.remembering(settings, "store", null, (owner, title, start) -> {
            startedIn.add(start);
            return null;
        });

        assertNull(cancelled.choose(null, "Open"));
        cancelled.choose(null, "Open");

        assertEquals(java.util.Arrays.asList(null, null), startedIn, "no store folder chosen yet and no fallback: the system's default");
        assertEquals(home.resolve("restored"), settings.folder("restore"));
        assertNull(settings.folder("store"));
    }

    @Test
    void aRememberedFolderThatIsGoneFallsBack(@TempDir Path home) throws IOException {
        Path stores = Files.createDirectories(home.resolve("stores"));
        settings.folder("store", home.resolve("unplugged-disk"));
        assertEquals(stores, FolderChooser.startIn(settings, "store", stores));
        assertNull(FolderChooser.startIn(settings, "store", home.resolve("no-such-folder")), "a fallback that does not exist is no start either");
    }

    @Test
    void theSaveDialogStartsWhereTheLastFileOfItsKindWasSaved(@TempDir Path home) throws IOException {
        Path exports = Files.createDirectories(home.resolve("exports"));
        var startedIn = new ArrayList<Path>();
        var suggested = new ArrayList<String>();
        SaveChooser chooser = SaveChooser.remembering(settings, "export", (owner, title, start, name, kinds) -> {
            startedIn.add(start);
            suggested.add(name);
            return exports.resolve(name);
        });

        chooser.choose(null, "Export", "snapshot-1.tar", "Tar", "*.tar");
        chooser.choose(null, "Export", "snapshot-2.tar", "Tar", "*.tar");

        assertEquals(java.util.Arrays.asList(null, exports), startedIn);
        assertEquals(List.of("snapshot-1.tar", "snapshot-2.tar"), suggested);
    }
}
