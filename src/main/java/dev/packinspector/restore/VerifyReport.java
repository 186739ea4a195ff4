package dev.packinspector.restore;

import java.util.List;

/**
 * What {@code verify} checked and found: packs seen and fully checked, objects decoded and
 * hashed, their content bytes, catalog rows checked, and every finding. Incomplete packs (chkpt
 * still writing) are counted, not findings.
 */
public record VerifyReport(int packs, int packsChecked, int incompletePacks, long objects, long contentBytes,
        long catalogRows, List<Finding> findings, boolean cancelled, long elapsedNanos) {

    public VerifyReport {
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return findings.isEmpty() && !cancelled;
    }

    /** Content bytes verified per second. */
    public double bytesPerSecond() {
        return elapsedNanos <= 0 ? 0 : contentBytes * 1e9 / elapsedNanos;
    }
}
