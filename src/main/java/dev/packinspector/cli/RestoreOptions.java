package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import dev.packinspector.restore.FreeSpace;
import dev.packinspector.restore.ObjectSource;
import dev.packinspector.restore.PlanExport;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestorePlan;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.Restorer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What restore and extract share: the options, planning, running with progress, and the summary. */
final class RestoreOptions implements Arguments.Part {
    private final OptionSpec dryRunFlag = Arguments.flag("--dry-run", "print the plan and write nothing");
    private final OptionSpec jsonFlag = Arguments.flag("--json", "with --dry-run: print the plan as JSON");
    private final OptionSpec csvFlag = Arguments.flag("--csv", "with --dry-run: print the plan as CSV (action, path, id, size, mode, detail)");
    private final OptionSpec nulFlag = Arguments.flag("-z", "with --dry-run: end each line of the plan with NUL instead of a newline and write"
            + " paths as stored, unquoted (as git's -z)");
    private final OptionSpec overwriteFlag = Arguments.flag("--overwrite", "replace files in TARGET that differ (default: keep them and report them)");
    private final OptionSpec threadsOption = Arguments.option("--threads", "N", int.class, Restorer.defaultThreads(),
            "worker threads (default: one per core)");

    @Override
    public void addTo(CommandSpec command) {
        for (OptionSpec option : new OptionSpec[] {dryRunFlag, jsonFlag, csvFlag, nulFlag, overwriteFlag, threadsOption}) {
            command.addOption(option);
        }
    }

    /**
     * Plans restoring {@code items} into {@code target} and prints the plan (--dry-run) or runs it; returns the exit code.
     * A target without room for the plan ({@code freeSpace} says how much it has) is a usage error, after the dry run's plan.
     */
    int restore(ObjectSource source, List<RestoreItem> items, Path target, FreeSpace freeSpace, OutputStream stdout, PrintStream stderr)
            throws Exception {
        int threads = Arguments.value(threadsOption);
        boolean dryRun = Arguments.on(dryRunFlag);
        boolean json = Arguments.on(jsonFlag);
        boolean csv = Arguments.on(csvFlag);
        boolean nul = Arguments.on(nulFlag);
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        if ((json || csv || nul) && !dryRun) {
            throw new UsageException("--json, --csv and -z print the plan: use them with --dry-run");
        }
        if ((json ? 1 : 0) + (csv ? 1 : 0) + (nul ? 1 : 0) > 1) {
            throw new UsageException("choose one of --json, --csv and -z");
        }
        RestorePlan plan = RestorePlanner.plan(source, items, target, Arguments.on(overwriteFlag), freeSpace);
        if (dryRun) {
            if (json) {
                PlanExport.json(plan, stdout);
            } else if (csv) {
                try (Writer out = Output.text(stdout)) {
                    PlanExport.csv(plan, out);
                }
            } else {
                printPlan(plan, nul, stdout);
            }
            refuseWithoutRoom(plan, "would be written");
            return plan.refused().isEmpty() && plan.conflicts().isEmpty() ? Cli.OK : Cli.PROBLEMS;
        }
        refuseWithoutRoom(plan, "was written");
        var progress = new TerminalProgress(stderr, "restoring", TerminalProgress.stderrIsTerminal());
        RestoreResult result = new Restorer(threads).run(plan, progress);
        progress.finish();
        if (result.cancelled()) {
            stderr.println(String.format(Locale.ROOT, "pack-inspector: the restore stopped after the error above: %,d of %,d files were not"
                    + " written (no partial file is left); run it again to restore the rest", plan.filesToWrite() - result.written(),
                    plan.filesToWrite()));
        }
        for (RestorePlan.Existing kept : plan.conflicts()) {
            stderr.println("pack-inspector: " + PathText.quote(kept.item().path()) + ": kept: the target has a different file (use --overwrite to replace it)");
        }
        try (Writer out = Output.text(stdout)) {
            out.write(String.format(Locale.ROOT, "%,d written (%s), %,d unchanged, %,d modes fixed, %,d kept, %,d refused or failed in %.2f s%n",
                    result.written(), TerminalProgress.bytes(result.bytesWritten()), result.unchanged(), result.modesFixed(),
                    result.conflictsKept(), result.problems().size(), result.elapsedNanos() / 1e9));
        }
        return result.ok() ? Cli.OK : Cli.PROBLEMS;
    }

    /**
     * A target that cannot hold the restore is refused as one that is not a folder is (exit code 2):
     * the command cannot be carried out as given, and no --force makes the disk larger.
     */
    private static void refuseWithoutRoom(RestorePlan plan, String nothing) {
        if (plan.spaceProblem() != null) {
            throw new UsageException(plan.spaceProblem() + " (nothing " + nothing + ")");
        }
    }

    private static void printPlan(RestorePlan plan, boolean nul, OutputStream stdout) throws Exception {
        try (Records out = new Records(stdout, nul)) {
            for (String folder : plan.folders()) {
                out.write("create folder\t" + out.path(folder));
            }
            for (RestorePlan.Write w : plan.writes()) {
                out.write((w.replaces() ? "replace\t" : "write\t") + out.path(w.item().path()));
            }
            for (RestorePlan.Existing e : plan.unchanged()) {
                out.write((e.modeDiffers() ? "fix mode\t" : "unchanged\t") + out.path(e.item().path()));
            }
            for (RestorePlan.Existing e : plan.conflicts()) {
                out.write("keep (differs)\t" + out.path(e.item().path()));
            }
            for (RestoreProblem p : plan.refused()) {
                out.write("refuse\t" + out.path(p.path()) + "\t" + Records.text(p.message()));
            }
            RestorePlan.Space space = plan.space();
            out.write(String.format(Locale.ROOT, "plan: %,d to write (%s), %,d unchanged, %,d kept, %,d refused; needs %s, %s free",
                    plan.filesToWrite(), TerminalProgress.bytes(plan.bytesToWrite()), plan.unchanged().size(),
                    plan.conflicts().size(), plan.refused().size(), TerminalProgress.bytes(space.neededBytes()),
                    TerminalProgress.bytes(space.usableBytes())));
        }
    }
}
