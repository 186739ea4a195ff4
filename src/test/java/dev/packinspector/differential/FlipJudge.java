package dev.packinspector.differential;

import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Decides what a damaged copy of a store does to Pack Inspector. {@link Verdict#REPORTED}: verify
 * has a finding, or stops with a {@link StoreException} (a clear, typed error). Otherwise
 * {@link Verdict#HARMLESS} if every snapshot still restores exactly as the workspace was;
 * {@link Verdict#MISSED} if one does not (verify said nothing about damage that matters), and
 * {@link Verdict#CRASHED} if anything throws an exception that is not a {@link StoreException}.
 * A catalog flip that only turns a manifest mode into another file or link mode is found because
 * verify compares each snapshot's manifest with its walk of the tree pack, the one other copy.
 */
final class FlipJudge {
    enum Verdict { REPORTED, HARMLESS, MISSED, CRASHED }

    record Outcome(Verdict verdict, String detail) {
        boolean acceptable() {
            return verdict == Verdict.REPORTED || verdict == Verdict.HARMLESS;
        }
    }

    private FlipJudge() {
    }

    static Outcome judge(RealStore original, ByteFlip flip, Path damaged, Path scratch) throws IOException {
        VerifyReport report;
        try {
            report = PackInspectorRuns.verify(damaged);
        } catch (StoreException e) {
            return new Outcome(Verdict.REPORTED, "verify stops: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return crashed("verify", e);
        }
        if (!report.findings().isEmpty()) {
            return new Outcome(Verdict.REPORTED, report.findings().getFirst() + (report.findings().size() > 1
                    ? " (and " + (report.findings().size() - 1) + " more)" : ""));
        }
        var why = new ArrayList<String>();
        for (RealStore.Save save : original.saves()) {
            Path target = scratch.resolve("restore-" + save.number());
            try {
                RestoreResult r = PackInspectorRuns.restore(damaged, save.snapshotId(), target);
                if (!r.ok()) {
                    why.add(save + ": restore reports " + r.problems());
                }
                Differences.exact(save.expected(), FolderState.scan(target)).forEach(d -> why.add(save + ": " + d));
            } catch (StoreException | UnknownSnapshotException | IllegalArgumentException e) {
                why.add(save + ": restore stops: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                return crashed("restore of " + save, e);
            } finally {
                Workspace.deleteTree(target);
            }
        }
        if (why.isEmpty()) {
            return new Outcome(Verdict.HARMLESS, "every snapshot restores exactly");
        }
        String missed = "verify finds nothing, but " + String.join("; ", why.subList(0, Math.min(5, why.size())))
                + (why.size() > 5 ? "; and " + (why.size() - 5) + " more" : "");
        return new Outcome(Verdict.MISSED, missed);
    }

    private static Outcome crashed(String during, Throwable e) {
        var trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return new Outcome(Verdict.CRASHED, during + " throws " + trace);
    }
}
