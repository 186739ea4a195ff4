package dev.packinspector.app.shell;

import dev.packinspector.Version;
import dev.packinspector.app.common.Dialogs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Help menu's windows, one of each at a time: the keyboard shortcuts (as the menus define
 * them), the README (bundled with the application, so it reads offline and matches this
 * version), and About (versions and licences). Each opens, and closes on Esc or Ctrl+W, through
 * {@link Dialogs}.
 */
final class Help {
    /** The README as the build bundles it, beside this class. */
    static final String README = "README.md";
    private static final String LICENCES = "None declared by the project yet (it has no LICENSE file). The libraries it bundles keep "
            + "their own: JavaFX (GPL v2 with the Classpath Exception), AtlantaFX (MIT), ControlsFX (BSD 3-Clause), juniversalchardet "
            + "(MPL 1.1, GPL or LGPL), and under the Apache License 2.0: SQLite JDBC, Jackson, picocli, Commons Compress, lz4-java, "
            + "hash4j, java-diff-utils, zero-allocation-hashing.";

    private final Window owner;
    private Stage shortcuts;
    private Stage readme;

    Help(Window owner) {
        this.owner = owner;
    }

    /** Shows {@code list} grouped by menu, in the order the menus hold them. */
    void shortcuts(List<WindowCommands.Shortcut> list) {
        if (raise(shortcuts)) {
            return;
        }
        var grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(24);
        grid.setVgap(4);
        grid.setPadding(new Insets(16, 20, 16, 20));
        int row = 0;
        String group = null;
        for (WindowCommands.Shortcut s : list) {
            if (!s.where().equals(group)) {
                group = s.where();
                var title = new Label(group);
                title.getStyleClass().add("title-4");
                title.setPadding(new Insets(row == 0 ? 0 : 10, 0, 2, 0));
                grid.add(title, 0, row++, 2, 1);
            }
            var keys = new Label(s.keys());
            keys.getStyleClass().addAll("shortcut-keys", "monospace");
            grid.add(new Label(s.what()), 0, row);
            grid.add(keys, 1, row++);
        }
        var scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        // the root paints the theme's background (a scroll pane is transparent: the scene's white would show)
        shortcuts = window("Keyboard shortcuts", new Scene(new StackPane(scroll), 520, 640));
    }

    /** Shows the README bundled with this build. */
    void readme() {
        if (raise(readme)) {
            return;
        }
        var text = new TextArea(readmeText());
        text.setId("readme-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("monospace");
        readme = window("README", new Scene(text, 860, 700));
    }

    /** The README's text, or a sentence saying where it is when this build did not bundle it (classes run from an IDE). */
    static String readmeText() {
        try (InputStream in = Help.class.getResourceAsStream(README)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "The README could not be read: " + e.getMessage();
        }
        return "This build does not bundle the README: it is README.md at the top of Pack Inspector's source tree.";
    }

    /** The version of this build, of Java and of JavaFX, and the licences. */
    void about() {
        var grid = new GridPane();
        grid.setId("about");
        grid.setHgap(16);
        grid.setVgap(6);
        row(grid, 0, "Version", Version.current(), "about-version");
        row(grid, 1, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")", "about-java");
        row(grid, 2, "JavaFX", System.getProperty("javafx.runtime.version", "unknown"), "about-javafx");
        row(grid, 3, "System", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                "about-os");
        var licences = row(grid, 4, "Licence", LICENCES, "about-licence");
        licences.setWrapText(true);
        licences.setPrefWidth(420);
        var alert = Dialogs.fit(new Alert(Alert.AlertType.INFORMATION), owner);
        alert.setTitle("About Pack Inspector");
        alert.setHeaderText("Pack Inspector " + Version.current() + "\nBrowse, verify and restore chkpt stores");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    private static Label row(GridPane grid, int at, String name, String value, String id) {
        var label = new Label(name);
        label.getStyleClass().add("muted");
        var v = new Label(value);
        v.setId(id);
        grid.add(label, 0, at);
        grid.add(v, 1, at);
        return v;
    }

    private Stage window(String title, Scene scene) {
        var stage = new Stage();
        stage.setTitle(title + " — Pack Inspector");
        Dialogs.show(stage, scene, owner);
        return stage;
    }

    /** Brings {@code w} to the front if it is showing; false if there is none to bring. */
    private static boolean raise(Stage w) {
        if (w == null || !w.isShowing()) {
            return false;
        }
        w.toFront();
        w.requestFocus();
        return true;
    }
}
