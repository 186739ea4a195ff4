package dev.packinspector.differential;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a damaged copy of a store does to Pack Inspector. {@link Verdict#REPORTED}: verify
 * has a finding, or stops with a {@link StoreException} (a clear, typed error). Otherwise
 * {@link Verdict#HARMLESS} if every snapshot still restores exactly as the workspace was;
 * {@link Verdict#MISSED} if one does not (verify said nothing about damage that matters), and
 * {@link Verdict#CRASHED} if anything throws an exception that is not a {@link StoreException}.
 * One kind of miss is {@link Verdict#AWAITS_TREE_CHECK} instead, see {@link #CATALOG_CHECKED_AGAINST_TREES}.
 */
final class FlipJudge {
    /**
     * Whether verify compares each snapshot's manifest with its walk of the tree pack. Until it
     * does, a catalog flip that only turns a manifest row's mode into another file or link mode
     * (0644 into 0645, a file into a symlink of the same object) cannot be found: SQLite keeps no
     * second copy of that column, only {@code trees/} does. Such a flip is counted as
     * {@link Verdict#AWAITS_TREE_CHECK} and printed; set this to true when the tree check is
     * merged, and it fails like any other miss.
     */
    static final boolean CATALOG_CHECKED_AGAINST_TREES = false;

    enum Verdict { REPORTED, HARMLESS, AWAITS_TREE_CHECK, MISSED, CRASHED }

    record Outcome(Verdict verdict, String detail) {
        boolean acceptable() {
            return verdict == Verdict.REPORTED || verdict == Verdict.HARMLESS || verdict == Verdict.AWAITS_TREE_CHECK;
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
            } catch (StoreException | IllegalArgumentException e) {
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
        if (!CATALOG_CHECKED_AGAINST_TREES && flip.file().equals("catalog.sqlite") && onlyModesDiffer(original, damaged)) {
            return new Outcome(Verdict.AWAITS_TREE_CHECK, "only a manifest mode changed, which only trees/ also records: " + missed);
        }
        return new Outcome(Verdict.MISSED, missed);
    }

    /** True if every snapshot of {@code damaged} lists the same rows as the original but for the mode of at least one. */
    private static boolean onlyModesDiffer(RealStore original, Path damaged) {
        boolean some = false;
        try {
            for (RealStore.Save save : original.saves()) {
                List<ManifestEntry> was = PackInspectorRuns.manifest(original.store(), save.snapshotId());
                List<ManifestEntry> is = PackInspectorRuns.manifest(damaged, save.snapshotId());
                if (was.size() != is.size()) {
                    return false;
                }
                for (int i = 0; i < was.size(); i++) {
                    ManifestEntry a = was.get(i);
                    ManifestEntry b = is.get(i);
                    if (!a.path().equals(b.path()) || !a.blob().equals(b.blob()) || a.size() != b.size() || !b.usable()) {
                        return false;
                    }
                    some |= a.mode() != b.mode();
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return some;
    }

    private static Outcome crashed(String during, Throwable e) {
        var trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return new Outcome(Verdict.CRASHED, during + " throws " + trace);
    }
}
