package dev.packinspector.cli;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.PathText;

/** Pieces of text output several commands share. */
final class TextWriting {
    private TextWriting() {
    }

    /** {@code id size mode}, tab-separated; {@code -} for an id the row cannot name. */
    static String entry(ManifestEntry e) {
        return (e.blob() == null ? "-" : e.blob().toHex()) + '\t' + e.size() + '\t' + Long.toOctalString(e.mode());
    }

    /** A path named in a message: {@code 'src/a.rs'}, or quoted as git quotes it if it needs that ({@code "odd/new\nline"}). */
    static String named(String path) {
        return PathText.needsQuoting(path) ? PathText.quote(path) : "'" + path + "'";
    }
}
