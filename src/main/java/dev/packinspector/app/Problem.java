package dev.packinspector.app;

import dev.packinspector.restore.Cause;
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

    /** A cause, its detail saying what it takes with it. */
    static Problem of(Cause c) {
        Problem p = of(c.finding());
        String takes = c.intactIn() != null ? "an intact copy is in pack " + c.intactIn() + ", so nothing is lost"
                : c.fileCount() > 0 ? Format.count(c.fileCount(), "snapshot file") + " cannot be restored"
                : c.lostObjects().isEmpty() ? "" : Format.count(c.lostObjects().size(), "object") + " lost, used by no snapshot";
        return takes.isEmpty() ? p : new Problem(p.what(), p.file(), p.offset(), p.detail() + " — " + takes, p.sentence());
    }

    /** A finding that only follows from its cause. */
    static Problem also(Finding f) {
        Problem p = of(f);
        return new Problem("Also: " + p.what().toLowerCase(Locale.ROOT), p.file(), p.offset(), p.detail(), p.sentence());
    }

    /** A snapshot file a cause takes with it; its sentence names its object, to go to. */
    static Problem affected(Cause.AffectedFile f) {
        String object = f.object() == null ? "" : "object " + f.object();
        return new Problem("Affected file", f.path(), -1, "snapshot " + f.snapshot() + (object.isEmpty() ? "" : " · " + object),
                f.path() + " in snapshot " + f.snapshot() + (object.isEmpty() ? "" : " needs " + object));
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
