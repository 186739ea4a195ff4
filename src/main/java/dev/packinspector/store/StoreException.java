package dev.packinspector.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A store file is unreadable or does not hold what the format promises. Carries the kind of
 * problem, the file and (where one applies) the byte offset, so that every layer above can show
 * one clear sentence and {@code verify} can list each finding.
 */
public final class StoreException extends IOException {
    private static final long serialVersionUID = 1L;
    /** Offset value meaning "the problem is not at one place in the file". */
    public static final long NO_OFFSET = -1;

    private final ProblemKind kind;
    private final transient Path file;
    private final long offset;
    private final String detail;

    public StoreException(ProblemKind kind, Path file, long offset, String detail) {
        this(kind, file, offset, detail, null);
    }

    public StoreException(ProblemKind kind, Path file, long offset, String detail, Throwable cause) {
        super(describe(file, offset, detail), cause);
        this.kind = kind;
        this.file = file;
        this.offset = offset;
        this.detail = detail;
    }

    private static String describe(Path file, long offset, String detail) {
        String where = file == null ? "" : file + (offset >= 0 ? " at offset " + offset : "") + ": ";
        return where + detail;
    }

    public ProblemKind kind() {
        return kind;
    }

    /** The file the problem is in, or null when it concerns no single file (an object not found). */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file and offset the message begins with. */
    public String detail() {
        return detail;
    }

    /** Byte offset in {@link #file()}, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }
}
