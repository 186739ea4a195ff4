package dev.packinspector.cli;

import dev.packinspector.catalog.ManifestEntry;

/** Pieces of text output several commands share. */
final class TextWriting {
    private TextWriting() {
    }

    /** {@code id size mode}, tab-separated; {@code -} for an id the row cannot name. */
    static String entry(ManifestEntry e) {
        return (e.blob() == null ? "-" : e.blob().toHex()) + '\t' + e.size() + '\t' + Long.toOctalString(e.mode());
    }

    /** A path or message made safe for one tab-separated field. */
    static String field(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\t', ' ');
    }
}
