package dev.packinspector.app;

import dev.packinspector.restore.Finding;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One row of the Problems view: what is wrong (in words), in which file and where, the detail, and
 * the whole sentence (which also names the pack or object to go to). UI-free.
 */
record Problem(String what, String file, long offset, String detail, String sentence) {

    static Problem of(Finding f) {
        return of(f.kind(), f.file(), f.offset(), f.message());
    }

    static Problem of(StoreException e) {
        return of(e.kind(), e.file(), e.offset(), e.getMessage());
    }

    static Problem of(RestoreProblem p) {
        String what = "Not restored" + (p.kind() == null ? "" : ": " + words(p.kind()).toLowerCase(Locale.ROOT));
        return new Problem(what, p.path(), -1, p.message(), "restore: " + p.path() + ": " + p.message()
                + (p.id() == null ? "" : " (object " + p.id() + ")"));
    }

    static Problem catalog(String message) {
        return new Problem("Catalog unreadable", "catalog.sqlite", -1, message, "catalog: " + message);
    }

    private static Problem of(ProblemKind kind, Path file, long offset, String message) {
        String where = file == null ? "" : file + (offset >= 0 ? " at offset " + offset : "") + ": ";
        String detail = message.startsWith(where) ? message.substring(where.length()) : message;
        return new Problem(words(kind), file == null || file.getFileName() == null ? "" : file.getFileName().toString(), offset, detail,
                kind + ": " + message);
    }

    /** {@code CONTENT_HASH_MISMATCH} as "Content hash mismatch". */
    static String words(ProblemKind kind) {
        String s = kind.name().replace('_', ' ').toLowerCase(Locale.ROOT).replace("lz4", "LZ4").replace("idx", ".idx").replace("dat ", ".dat ");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
