package dev.packinspector.restore;

import java.util.List;

/**
 * How a restore ended: files and links written, content bytes written, entries found identical,
 * identical files whose permissions were corrected, different files kept, and every refusal and
 * failure. A re-run after a cancel or crash finishes the job.
 */
public record RestoreResult(int written, long bytesWritten, int unchanged, int modesFixed, int conflictsKept,
        List<RestoreProblem> problems, boolean cancelled, long elapsedNanos) {

    public RestoreResult {
        problems = List.copyOf(problems);
    }

    /** True if everything planned is in place and nothing was refused, kept or failed. */
    public boolean ok() {
        return problems.isEmpty() && conflictsKept == 0 && !cancelled;
    }
}
