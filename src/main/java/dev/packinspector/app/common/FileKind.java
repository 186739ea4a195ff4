package dev.packinspector.app.common;

import javafx.scene.control.Labeled;
import org.controlsfx.glyphfont.FontAwesome;
import org.controlsfx.glyphfont.Glyph;

/**
 * What a row of a file listing is, from its mode, and the icon that says so: a folder, a file, an
 * executable file, a symbolic link, or anything else (a device or fifo chkpt would not store).
 * The icons are the FontAwesome glyphs ControlsFX ships (no font is fetched); the stylesheet
 * colours them by their {@code kind-*} class.
 */
public enum FileKind {
    FOLDER(FontAwesome.Glyph.FOLDER, "folder"),
    FILE(FontAwesome.Glyph.FILE_ALT, "file"),
    EXECUTABLE(FontAwesome.Glyph.COG, "executable"),
    LINK(FontAwesome.Glyph.EXTERNAL_LINK, "link"),
    OTHER(FontAwesome.Glyph.QUESTION_CIRCLE, "other");

    private final FontAwesome.Glyph glyph;
    private final String word;

    FileKind(FontAwesome.Glyph glyph, String word) {
        this.glyph = glyph;
        this.word = word;
    }

    /** The kind of a {@code st_mode} as chkpt stores it; a plain file when the mode is unknown (negative). */
    public static FileKind of(long mode) {
        if (mode < 0) {
            return FILE;
        }
        long type = mode & 0170000;
        if (type == 0040000) {
            return FOLDER;
        }
        if (type == 0120000) {
            return LINK;
        }
        if (type == 0100000 || type == 0) {
            return Format.executable(mode) ? EXECUTABLE : FILE;
        }
        return OTHER;
    }

    /** The kind in one word ("folder", "executable"). */
    public String word() {
        return word;
    }

    /** Shows this kind's icon as {@code cell}'s graphic, reusing the icon it shows already; null clears it. */
    public static void show(Labeled cell, FileKind kind) {
        if (kind == null) {
            cell.setGraphic(null);
            return;
        }
        Glyph icon = cell.getGraphic() instanceof Glyph g && g.getStyleClass().contains("kind-icon") ? g : icon();
        icon.setIcon(kind.glyph);
        for (FileKind k : values()) {
            icon.getStyleClass().remove("kind-" + k.word);
        }
        icon.getStyleClass().add("kind-" + kind.word);
        cell.setGraphic(icon);
    }

    private static Glyph icon() {
        var g = new Glyph("FontAwesome", FontAwesome.Glyph.FILE_ALT);
        g.getStyleClass().add("kind-icon");
        g.setMinWidth(16);
        g.setPrefWidth(16);
        return g;
    }
}
