package dev.packinspector.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A snapshot reference that names no snapshot, or more than one: a user's {@code latest}, id or id
 * prefix that {@link Catalog#resolve} cannot settle, or a snapshot that an index or report built
 * from a catalog does not hold (one read from another catalog, or before a refresh). Carries the
 * reference as given, the {@link Reason}, the store where one applies, and for an ambiguous prefix
 * the first candidates and the number of matches; the message is the user's sentence. Unchecked:
 * the caller's input is wrong, not the store (the command line exits with code 2). Immutable.
 */
public final class UnknownSnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the reference names no single snapshot. */
    public enum Reason {
        /** No reference at all: null, empty or blank. */
        NOT_GIVEN,
        /** {@code latest} in a catalog that has no snapshots. */
        NO_SNAPSHOTS,
        /** No snapshot has that id or an id that starts with it. */
        NO_MATCH,
        /** Several snapshots' ids start with it: {@link #candidates()} lists the first. */
        AMBIGUOUS,
        /** An index or report was asked about a snapshot it was not built with. */
        NOT_INDEXED
    }

    private final Reason reason;
    private final String reference;
    private final transient Path store;
    private final transient List<Snapshot> candidates;
    private final long matches;

    private UnknownSnapshotException(Reason reason, String reference, Path store, List<Snapshot> candidates, long matches, String message) {
        super(message);
        this.reason = reason;
        this.reference = reference;
        this.store = store;
        this.candidates = List.copyOf(candidates);
        this.matches = matches;
    }

    static UnknownSnapshotException notGiven(String reference) {
        return new UnknownSnapshotException(Reason.NOT_GIVEN, reference, null, List.of(), 0,
                "no snapshot given: name one by id, unique id prefix or 'latest'");
    }

    static UnknownSnapshotException noSnapshots(String reference, Path store) {
        return new UnknownSnapshotException(Reason.NO_SNAPSHOTS, reference, store, List.of(), 0, "there are no snapshots in " + store);
    }

    static UnknownSnapshotException noMatch(String reference, Path store) {
        return new UnknownSnapshotException(Reason.NO_MATCH, reference, store, List.of(), 0, "no snapshot '" + reference + "' in " + store);
    }

    /** {@code shown}: the first candidates in id order; {@code matches}: how many there are in all. */
    static UnknownSnapshotException ambiguous(String reference, Path store, List<Snapshot> shown, long matches) {
        String listed = shown.stream().map(s -> s.id() + " (" + s.createdAt() + ")").collect(Collectors.joining(", "));
        return new UnknownSnapshotException(Reason.AMBIGUOUS, reference, store, shown, matches, "snapshot prefix '" + reference
                + "' is ambiguous in " + store + ": it matches " + matches + " snapshots: " + listed
                + (matches > shown.size() ? ", ..." : "") + "; give more of the id");
    }

    /** {@code snapshot} is not among those of {@code holder} ("index", "report"), which was built without it. */
    public static UnknownSnapshotException notIn(Snapshot snapshot, String holder) {
        return new UnknownSnapshotException(Reason.NOT_INDEXED, snapshot.id(), null, List.of(), 0,
                "snapshot " + snapshot.id() + " is not in this " + holder);
    }

    public Reason reason() {
        return reason;
    }

    /** True if several snapshots match the reference (see {@link #candidates()}). */
    public boolean ambiguous() {
        return reason == Reason.AMBIGUOUS;
    }

    /** The reference as the caller gave it (a snapshot's id for {@link Reason#NOT_INDEXED}); may be null for {@link Reason#NOT_GIVEN}. */
    public String reference() {
        return reference;
    }

    /** The store folder whose catalog was searched, or null where no catalog was ({@link Reason#NOT_GIVEN}, {@link Reason#NOT_INDEXED}). */
    public Path store() {
        return store;
    }

    /** For an ambiguous prefix, the first snapshots it matches (at most five, in id order); else empty. */
    public List<Snapshot> candidates() {
        return candidates == null ? List.of() : candidates;
    }

    /** For an ambiguous prefix, how many snapshots it matches in all (more than {@link #candidates()} may list); else 0. */
    public long matches() {
        return matches;
    }
}
