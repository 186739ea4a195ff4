package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.store.StoreFormat;
import dev.packinspector.workspace.ChkptHome;
import dev.packinspector.workspace.StoreFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder the published chkpt 0.1.2 saved names its store, as a folder current chkpt saved does:
 * found where 0.1.2 put it (under HOME, by the BLAKE3 of the physical path; CHKPT_HOME unread),
 * through a link too.
 */
class LegacyWorkspaceStoreTest {
    @Test
    void aFolderChkpt012SavedNamesTheStoreItWrote(@TempDir Path tmp) throws Exception {
        ChkptBinary chkpt = ChkptBinary.require("chkpt-0.1.2");
        Path home = Files.createDirectory(tmp.resolve("hóme"));
        Path workspace = Files.createDirectories(tmp.resolve("my wörk — space ✓"));
        Files.writeString(workspace.resolve("a.txt"), "hello");
        chkpt.save(workspace, home, "first", 0);
        Path store = ChkptBinary.storeIn(home);
        var chkptHome = new ChkptHome("/somewhere/else", home.toString(), tmp.resolve("no-such-home").toString());

        assertEquals(store.toRealPath(), chkptHome.legacyStoreFolderOf(workspace).toRealPath(), "CHKPT_HOME is not read by 0.1.x");
        Path found = StoreFolders.resolve(workspace, chkptHome);
        assertEquals(store.toRealPath(), found.toRealPath());
        assertEquals(true, StoreFormat.isLegacy(found));

        Path link = Files.createSymbolicLink(tmp.resolve("link"), workspace);
        assertEquals(store.toRealPath(), StoreFolders.resolve(link, chkptHome).toRealPath(), "the physical path is hashed");

        var noHome = new ChkptHome(null, "", home.toString());
        assertEquals(store.toRealPath(), StoreFolders.resolve(workspace, noHome).toRealPath(), "an empty HOME falls back to the user's home");
    }
}
