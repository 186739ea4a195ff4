package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The output of a line-oriented command, as git writes it: each record ends with a newline, fields
 * are tab-separated and a path is quoted ({@link PathText#quote}) when it holds a character that
 * could break the line or the field. With {@code -z} each record ends with NUL instead and paths
 * are written as stored, so a reader gets the exact names back by splitting on NUL.
 */
final class Records implements Closeable {
    private final Writer out;
    private final boolean nul;

    Records(OutputStream stdout, boolean nul) {
        this.out = Output.text(stdout);
        this.nul = nul;
    }

    /** {@code path} for a field of a record. */
    String path(String path) {
        if (!nul) {
            return PathText.quote(path);
        }
        // no file name holds a NUL, but a damaged catalog row may: raw, it would end the record early
        return path.indexOf('\0') < 0 ? path : PathText.quote(path);
    }

    /** Free text (a message) for a field: on one line and without tabs, whatever it holds. */
    static String text(String text) {
        return PathText.oneLine(text);
    }

    /** Writes one record and its end. */
    void write(CharSequence record) throws IOException {
        out.append(record).append(nul ? '\0' : '\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
