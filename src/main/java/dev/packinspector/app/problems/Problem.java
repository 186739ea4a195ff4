package dev.packinspector.app.problems;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.session.Damage;
import dev.packinspector.restore.Cause;
import dev.packinspector.restore.Finding;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One row of the Problems view: what is wrong (in words), in which file and where, the detail, the
 * whole sentence, and the pack and object to go to (null where there is none). UI-free.
 */
public record Problem(String what, String file, long offset, String detail, String sentence, String pack, ObjectId object) {

    /** A row with nothing to go to. */
    Problem(String what, String file, long offset, String detail, String sentence) {
        this(what, file, offset, detail, sentence, null, null);
    }

    static Problem of(Finding f) {
        Problem p = of(f.kind(), f.file(), f.offset(), f.message());
        return p.goingTo(f.pack() != null ? f.pack() : p.pack(), f.object());
    }

    private Problem goingTo(String toPack, ObjectId toObject) {
        return new Problem(what, file, offset, detail, sentence, toPack, toObject);
    }

    /** A cause, its detail saying what it takes with it. */
    static Problem of(Cause c) {
        Problem p = of(c.finding());
        String takes = c.intactIn() != null ? "an intact copy is in pack " + c.intactIn() + ", so nothing is lost"
                : c.fileCount() > 0 ? Format.count(c.fileCount(), "snapshot file") + " cannot be restored"
                : c.lostObjects().isEmpty() ? "" : Format.count(c.lostObjects().size(), "object") + " lost, used by no snapshot";
        return takes.isEmpty() ? p : new Problem(p.what(), p.file(), p.offset(), p.detail() + " — " + takes, p.sentence(), p.pack(), p.object());
    }

    /** A finding that only follows from its cause. */
    static Problem also(Finding f) {
        Problem p = of(f);
        return new Problem("Also: " + p.what().toLowerCase(Locale.ROOT), p.file(), p.offset(), p.detail(), p.sentence(), p.pack(), p.object());
    }

    /**
     * A snapshot file a cause takes with it, its snapshot named as its user knows it ({@code name}
     * of its id: time and message); its sentence names the snapshot's id and its object, to go to.
     */
    static Problem affected(Cause.AffectedFile f, java.util.function.UnaryOperator<String> name) {
        String object = f.object() == null ? "" : "object " + f.object();
        return new Problem("Affected file", f.path(), -1, "snapshot " + name.apply(f.snapshot()) + (object.isEmpty() ? "" : " · " + object),
                f.path() + " in snapshot " + f.snapshot() + (object.isEmpty() ? "" : " needs " + object), null, f.object());
    }

    static Problem of(StoreException e) {
        return of(e.kind(), e.file(), e.offset(), e.getMessage());
    }

    static Problem catalog(String message) {
        return new Problem("Catalog unreadable", "catalog.sqlite", -1, message, "catalog: " + message);
    }

    private static Problem of(ProblemKind kind, Path file, long offset, String message) {
        String where = file == null ? "" : file + (offset >= 0 ? " at offset " + offset : "") + ": ";
        String detail = message.startsWith(where) ? message.substring(where.length()) : message;
        String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
        return new Problem(words(kind), name, offset, detail, kind + ": " + message, packOf(name), null);
    }

    /** The pack a file of the store belongs to: {@code 0123abcd} for {@code pack-0123abcd.dat} or {@code .idx}; else null. */
    static String packOf(String fileName) {
        return PACK_FILE.matcher(fileName).matches() ? fileName.substring(5, fileName.length() - 4) : null;
    }

    private static final java.util.regex.Pattern PACK_FILE = java.util.regex.Pattern.compile("pack-[0-9a-f]{16}\\.(dat|idx)");

    /** A damage seen while previewing. */
    static Problem of(Damage d) {
        Throwable e = d.cause();
        Problem p = e instanceof StoreException se ? of(se)
                : new Problem("Unreadable", "", -1, Errors.sentence(e), "UNREADABLE: " + d.what() + ": " + Errors.sentence(e));
        return p.goingTo(d.pack() != null ? d.pack() : p.pack(), d.object());
    }

    /** {@code CONTENT_HASH_MISMATCH} as "Content hash mismatch". */
    static String words(ProblemKind kind) {
        String s = kind.name().replace('_', ' ').toLowerCase(Locale.ROOT).replace("lz4", "LZ4").replace("idx", ".idx").replace("dat ", ".dat ");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
