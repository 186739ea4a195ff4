package dev.packinspector.restore;

import java.util.List;

/**
 * What {@code verify} checked and found: packs seen and fully checked, objects decoded and
 * hashed, their content bytes, catalog rows checked, every finding, and the same findings grouped
 * into {@link Cause}s (what a user reads), snapshot trees walked and compared with their manifests,
 * and notes (harmless findings, never counted as problems). Incomplete packs (chkpt still
 * writing, the tree pack included) are counted, not findings.
 */
public record VerifyReport(int packs, int packsChecked, int incompletePacks, long objects, long contentBytes,
        long catalogRows, long treeWalks, List<Finding> findings, List<Cause> causes, List<Finding> notes, boolean cancelled,
        long elapsedNanos) {

    public VerifyReport {
        findings = List.copyOf(findings);
        causes = List.copyOf(causes);
        notes = List.copyOf(notes);
    }

    /** Snapshot files that cannot be restored because of some cause (each counted once per cause). */
    public long affectedFiles() {
        return causes.stream().mapToLong(Cause::fileCount).sum();
    }

    public boolean ok() {
        return findings.isEmpty() && !cancelled;
    }

    /** Content bytes verified per second. */
    public double bytesPerSecond() {
        return elapsedNanos <= 0 ? 0 : contentBytes * 1e9 / elapsedNanos;
    }
}
