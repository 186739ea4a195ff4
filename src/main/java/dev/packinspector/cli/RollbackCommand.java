package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.restore.Restorer;
import dev.packinspector.restore.SnapshotFiles;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.tree.TreeStore;
import dev.packinspector.workspace.ChkptRules;
import dev.packinspector.workspace.Rollback;
import dev.packinspector.workspace.RollbackPlan;
import dev.packinspector.workspace.RollbackPlanner;
import dev.packinspector.workspace.Trash;
import dev.packinspector.workspace.WorkspaceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code rollback FOLDER [SNAPSHOT] [--path P]... [--dry-run]}: puts a folder chkpt saved back as a snapshot has it. */
final class RollbackCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.workspace());

    private final PositionalParamSpec snapshot = add(Arguments.optionalParameter("1", "SNAPSHOT", String.class,
            "the snapshot to go back to: an id, a unique prefix, or 'latest' (the default)"));

    private final OptionSpec paths = add(Arguments.repeatable("--path", "P", String.class,
            "put back only this file or folder (repeatable), relative to FOLDER; as stored or as printed, in double quotes"));

    private final OptionSpec dryRun = add(Arguments.flag("--dry-run", "print the plan and touch nothing"));

    private final OptionSpec threads = add(Arguments.option("--threads", "N", int.class, Restorer.defaultThreads(),
            "worker threads (default: one per core)"));

    private final OutputFormat format = add(OutputFormat.json());

    RollbackCommand() {
        super("rollback", "Puts the folder (or the listed paths of it) back as the snapshot has it: content, permissions and symlinks.",
                "What the snapshot does not have, and what a new version replaces, goes to the desktop trash (freedesktop.org: restore it"
                        + " from your file manager); nothing is deleted but the folders it leaves empty. What chkpt leaves out of its saves (.git, target, .chkptignore) is"
                        + " never touched, nor is the store.",
                "The plan, one line per path in the order it is carried out: trash, write (the folder lacks it), replace (the old version"
                        + " to the trash), mode (permissions only). Each file is written to a temp file, verified and renamed into place,"
                        + " so a killed rollback leaves every file old or new; run it again to finish.",
                "--json and -z print the plan; they need --dry-run.");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        if (format.isAsked() && !Arguments.on(dryRun)) {
            throw new UsageException("--json and -z print the plan: use them with --dry-run");
        }
        int workers = Arguments.value(threads);
        if (workers < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        Path workspace = store.given();
        Path storeFolder = store.path();
        if (storeFolder.equals(workspace)) {
            throw new UsageException(workspace + " is a store: name the folder chkpt saved");
        }
        if (!Files.isDirectory(workspace)) {
            throw new UsageException(workspace + " is not a folder");
        }
        Trash trash = Trash.ofThisProcess();
        try (Catalog catalog = store.catalog(); TreeStore trees = store.trees(); PackSet packs = store.packs()) {
            Snapshot s = catalog.resolve(Arguments.value(snapshot) == null ? "latest" : Arguments.value(snapshot));
            List<ManifestEntry> files = SnapshotFiles.of(catalog, trees, s);
            ChkptRules rules = WorkspaceStatus.rules(workspace, files);
            List<ManifestEntry> now = WorkspaceStatus.scan(storeFolder, workspace, rules);
            RollbackPlan plan;
            try {
                plan = RollbackPlanner.plan(workspace, s, files, now, rules, storedPaths(files, now), List.of(trash.homeTrash(), storeFolder));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (Arguments.on(dryRun)) {
                printPlan(plan);
                return plan.refused().isEmpty() ? Cli.OK : Cli.PROBLEMS;
            }
            var progress = new TerminalProgress(stderr(), "rolling back", TerminalProgress.stderrIsTerminal());
            Rollback.Result result = new Rollback(trash, workers).run(plan, packs, new Listening(progress));
            progress.finish();
            for (RestoreProblem p : result.problems()) {
                stderr().println("pack-inspector: " + PathText.quote(p.path()) + ": " + p.message());
            }
            try (var out = Output.text(stdout())) {
                out.write(String.format(Locale.ROOT, "%,d written (%s), %,d modes put back; to the trash (%s): %,d moved there, %,d old versions"
                        + " of replaced files; %,d empty folders removed, %,d refused or failed%n", result.restore().written(),
                        TerminalProgress.bytes(result.restore().bytesWritten()), result.restore().modesFixed(), trash.homeTrash(),
                        result.trashed(), result.keptCopies(), result.foldersRemoved(), result.problems().size()));
            }
            return result.ok() ? Cli.OK : Cli.PROBLEMS;
        }
    }

    /** Each --path as stored or as printed: the first reading that names something on either side. */
    private List<String> storedPaths(List<ManifestEntry> files, List<ManifestEntry> now) {
        var out = new ArrayList<String>();
        for (String argument : Arguments.<String>values(paths)) {
            List<String> readings = PathText.readings(argument);
            out.add(readings.stream().filter(r -> names(files, r) || names(now, r)).findFirst().orElse(readings.get(0)));
        }
        return out;
    }

    private static boolean names(List<ManifestEntry> rows, String path) {
        String folder = path.endsWith("/") ? path : path + "/";
        return rows.stream().anyMatch(e -> e.path().equals(path) || e.path().startsWith(folder));
    }

    private void printPlan(RollbackPlan plan) throws java.io.IOException {
        if (format.isJson()) {
            Output.json(stdout(), g -> {
                g.writeStartObject();
                g.writeStringField("folder", plan.workspace().toString());
                g.writeStringField("snapshot", plan.snapshot().id());
                g.writeArrayFieldStart("steps");
                for (RollbackPlan.Step step : plan.steps()) {
                    g.writeStartObject();
                    g.writeStringField("action", step.action().word());
                    g.writeStringField("path", step.path());
                    if (step.folder()) {
                        g.writeBooleanField("folder", true);
                        g.writeNumberField("files", step.files());
                    }
                    if (step.snapshot() != null) {
                        JsonWriting.entry(g, "snapshot", step.snapshot());
                    }
                    if (step.now() != null) {
                        JsonWriting.entry(g, "now", step.now());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("refused");
                for (RollbackPlan.Refusal r : plan.refused()) {
                    g.writeStartObject();
                    g.writeStringField("path", r.path());
                    g.writeStringField("why", r.why());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            return;
        }
        try (Records out = format.records(stdout())) {
            for (RollbackPlan.Step step : plan.steps()) {
                String what = step.folder() ? "\tfolder of " + step.files() + (step.files() == 1 ? " file" : " files") : "";
                out.write(step.action().word() + '\t' + out.path(step.path()) + what);
            }
            for (RollbackPlan.Refusal r : plan.refused()) {
                out.write("refuse\t" + out.path(r.path()) + '\t' + Records.text(r.why()));
            }
        }
        stderr().println(String.format(Locale.ROOT, "plan: %,d to the trash, %,d to write, %,d to replace, %,d modes, %,d refused; nothing done (--dry-run)",
                plan.count(RollbackPlan.Action.TRASH), plan.count(RollbackPlan.Action.WRITE), plan.count(RollbackPlan.Action.REPLACE),
                plan.count(RollbackPlan.Action.MODE), plan.refused().size()));
    }

    /** The restore engine's progress on the terminal, and each trashed item not at all (the summary counts them). */
    private record Listening(TerminalProgress progress) implements Rollback.Listener {
        @Override
        public void progress(dev.packinspector.restore.Progress p) {
            progress.progress(p);
        }
    }
}
