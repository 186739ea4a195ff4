package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Version;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Help: the keyboard shortcuts window (Ctrl+? and F1) lists every accelerator of the menus, the
 * README is the one bundled, About names the version; each closes on Esc and Ctrl+W. Every item of
 * every menu has a mnemonic.
 */
class HelpTest extends MainWindowTestBase {
    @Test
    void f1ShowsEveryAcceleratorTheMenusDefineAndEscClosesIt() {
        List<String> expected = WindowDriver.onFx(() -> {
            var out = new ArrayList<String>();
            for (Menu m : menuBar().getMenus()) {
                accelerators(m.getItems(), out);
            }
            return out;
        });
        assertTrue(expected.size() >= 15, "the menus define their shortcuts: " + expected);
        assertTrue(expected.contains("Open… " + shortcut("O")), expected::toString);

        press(KeyCode.F1);

        WindowDriver.waitUntil("the shortcuts window is shown", () -> !ui.anywhere("#shortcuts").isEmpty());
        List<String> listed = listedShortcuts();
        for (String e : expected) {
            assertTrue(listed.contains(e), e + " is listed in " + listed);
        }
        assertTrue(listed.contains("Keyboard shortcuts F1"), listed::toString);
        assertTrue(listed.stream().anyMatch(s -> s.startsWith("Close Esc")), "how to close a dialog is listed: " + listed);

        pressIn(shortcutsWindow(), KeyCode.ESCAPE);
        WindowDriver.waitUntil("Esc closed the shortcuts window", () -> ui.anywhere("#shortcuts").isEmpty());
    }

    @Test
    void ctrlQuestionMarkShowsTheShortcutsOnceAndCtrlWClosesThem() {
        press(KeyCode.SLASH, KeyCode.SHIFT, KeyCode.SHORTCUT);
        WindowDriver.waitUntil("the shortcuts window is shown", () -> !ui.anywhere("#shortcuts").isEmpty());
        press(KeyCode.F1);
        assertEquals(1, ui.anywhere("#shortcuts").size(), "asked twice, shown once");

        pressIn(shortcutsWindow(), KeyCode.W, KeyCode.SHORTCUT);
        WindowDriver.waitUntil("Ctrl+W closed the shortcuts window", () -> ui.anywhere("#shortcuts").isEmpty());
    }

    @Test
    void aboutNamesTheVersionJavaAndJavaFxAndClosesOnEsc() {
        WindowDriver.onFx(() -> item("Help", "About Pack Inspector").fire());

        WindowDriver.waitUntil("About is shown", () -> !ui.anywhere("#about").isEmpty());
        assertEquals(Version.current(), text("#about-version"));
        assertFalse(Version.current().equals(Version.UNKNOWN), "the build recorded its version");
        assertTrue(text("#about-java").startsWith(System.getProperty("java.version")), text("#about-java"));
        assertEquals(System.getProperty("javafx.runtime.version"), text("#about-javafx"));
        assertTrue(text("#about-licence").contains("JavaFX"), text("#about-licence"));

        Window about = WindowDriver.onFx(() -> ui.<Node>anywhere("#about").getFirst().getScene().getWindow());
        pressIn(about, KeyCode.ESCAPE);
        WindowDriver.waitUntil("Esc closed About", () -> ui.anywhere("#about").isEmpty());
    }

    @Test
    void readmeShowsTheBundledReadme() {
        WindowDriver.onFx(() -> item("Help", "README").fire());

        WindowDriver.waitUntil("the README is shown", () -> !ui.anywhere("#readme-text").isEmpty());
        String text = WindowDriver.onFx(() -> ui.<TextArea>anywhere("#readme-text").getFirst().getText());
        assertTrue(text.startsWith("# Pack Inspector"), text.substring(0, Math.min(80, text.length())));
        assertTrue(text.contains("## The desktop application"), "the whole README");
        Window readme = WindowDriver.onFx(() -> ui.<Node>anywhere("#readme-text").getFirst().getScene().getWindow());
        pressIn(readme, KeyCode.W, KeyCode.SHORTCUT);
        WindowDriver.waitUntil("Ctrl+W closed the README", () -> ui.anywhere("#readme-text").isEmpty());
    }

    @Test
    void everyMenuAndItemHasAMnemonicUniqueInItsMenu() {
        WindowDriver.onFx(() -> {
            var menus = new ArrayList<Character>();
            for (Menu m : menuBar().getMenus()) {
                menus.add(mnemonicOf(m));
                uniqueMnemonics(m);
            }
            assertEquals(menus.size(), menus.stream().distinct().count(), "menus " + menus);
        });
    }

    private static void uniqueMnemonics(Menu m) {
        if (m.getOnShowing() != null) {
            m.getOnShowing().handle(null); // Recent stores fills itself as it opens
        }
        var seen = new ArrayList<Character>();
        for (MenuItem i : m.getItems()) {
            if (i.getText() == null || !i.isMnemonicParsing()) {
                continue; // separators; a recent store's path and "(none yet)", shown as they are
            }
            seen.add(mnemonicOf(i));
            if (i instanceof Menu sub) {
                uniqueMnemonics(sub);
            }
        }
        assertEquals(seen.size(), seen.stream().distinct().count(), m.getText() + ": " + seen);
    }

    private static char mnemonicOf(MenuItem i) {
        int at = i.getText().indexOf('_');
        assertTrue(at >= 0 && at + 1 < i.getText().length(), "“" + i.getText() + "” has a mnemonic");
        return Character.toLowerCase(i.getText().charAt(at + 1));
    }

    private static void accelerators(List<MenuItem> items, List<String> out) {
        for (MenuItem i : items) {
            if (i instanceof Menu sub) {
                accelerators(sub.getItems(), out);
            } else if (i.getAccelerator() != null) {
                out.add(WindowCommands.plain(i.getText()) + " " + i.getAccelerator().getDisplayText());
            }
        }
    }

    /** The shortcuts window's rows, "what keys": a label in column 0 and its keys in column 1. */
    private List<String> listedShortcuts() {
        return WindowDriver.onFx(() -> {
            GridPane grid = ui.<GridPane>anywhere("#shortcuts").getFirst();
            var out = new ArrayList<String>();
            for (Node n : grid.getChildren()) {
                if (n.getStyleClass().contains("shortcut-keys")) {
                    int row = GridPane.getRowIndex(n);
                    Label what = (Label) grid.getChildren().stream()
                            .filter(c -> GridPane.getRowIndex(c) == row && GridPane.getColumnIndex(c) == 0).findFirst().orElseThrow();
                    out.add(what.getText() + " " + ((Label) n).getText());
                }
            }
            return out;
        });
    }

    private Window shortcutsWindow() {
        return WindowDriver.onFx(() -> ui.<Node>anywhere("#shortcuts").getFirst().getScene().getWindow());
    }

    private MenuBar menuBar() {
        return (MenuBar) ui.stage().getScene().lookup(".menu-bar");
    }

    private MenuItem item(String menu, String text) {
        Menu m = menuBar().getMenus().stream().filter(x -> WindowCommands.plain(x.getText()).equals(menu)).findFirst().orElseThrow();
        return m.getItems().stream().filter(i -> i.getText() != null && WindowCommands.plain(i.getText()).equals(text)).findFirst().orElseThrow();
    }

    private String text(String id) {
        return WindowDriver.onFx(() -> ui.<Label>anywhere(id).getFirst().getText());
    }

    private static String shortcut(String key) {
        return javafx.scene.input.KeyCombination.keyCombination("Shortcut+" + key).getDisplayText();
    }

    /** Presses {@code key} (with {@code modifiers}) in the main window. */
    private void press(KeyCode... keys) {
        pressIn(ui.stage(), keys);
    }

    private void pressIn(Window w, KeyCode... keys) {
        WindowDriver.onFx(() -> {
            w.requestFocus();
            return null;
        });
        robot.push(keys.length == 1 ? keys : rotate(keys));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code push} wants the modifiers first and the key last. */
    private static KeyCode[] rotate(KeyCode[] keys) {
        KeyCode[] out = new KeyCode[keys.length];
        System.arraycopy(keys, 1, out, 0, keys.length - 1);
        out[keys.length - 1] = keys[0];
        return out;
    }
}
