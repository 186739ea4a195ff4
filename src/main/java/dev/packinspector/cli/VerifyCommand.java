package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.catalog.PathText;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LegacyVerifier;
import dev.packinspector.restore.CatalogReferences;
import dev.packinspector.restore.Cause;
import dev.packinspector.restore.Finding;
import dev.packinspector.restore.Restorer;
import dev.packinspector.restore.StoreVerifier;
import dev.packinspector.restore.TreeCheck;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFormat;
import dev.packinspector.store.tree.TreeStore;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.OptionSpec;

final class VerifyCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folderOrPacks());

    private final OptionSpec threadsOption = add(Arguments.option("--threads", "N", int.class, Restorer.defaultThreads(),
            "worker threads (default: one per core)"));

    private final OptionSpec jsonFlag = add(Arguments.flag("--json", "print the report as JSON"));

    VerifyCommand() {
        super("verify", "Checks every pack (header, count, index order and bounds, entry headers, layout, name recomputed from"
                        + " its bytes), decodes every object and compares its XXH3-128 with its id, runs SQLite's integrity check on"
                        + " the catalog, checks that every catalog reference points at a pack that holds the object, that the catalog"
                        + " gives each object one size and that every snapshot's files can be found and restored, and checks the tree"
                        + " pack like a pack (each tree's id recomputed) and that each snapshot's tree walk equals its manifest.",
                "Prints each cause with its file and offset, then, indented, what it takes with it (findings that follow from it,"
                        + " lost objects, the snapshot files that need them), then a summary. Exit code 1 if anything is wrong.",
                "On a store of chkpt 0.1.x: parses every snapshot file, walks every snapshot's trees (each re-hashed), decodes every"
                        + " object they use and compares its BLAKE3 with its id and its size with the trees'; temp files and objects or trees"
                        + " no snapshot uses are notes.");
    }

    @Override
    public Integer call() throws Exception {
        boolean json = Arguments.on(jsonFlag);
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            LegacyVerifier.Report legacy = LegacyVerifier.verify(LegacyStore.open(at), Arguments.value(threadsOption));
            if (json) {
                LegacyVerifyOutput.json(stdout(), legacy);
            } else {
                LegacyVerifyOutput.text(stdout(), legacy);
            }
            return legacy.ok() ? Cli.OK : Cli.PROBLEMS;
        }
        var progress = new TerminalProgress(stderr(), "verifying", !json && TerminalProgress.stderrIsTerminal());
        VerifyReport report;
        try (PackSet packs = store.packs(); var catalog = store.catalogIfAny(); TreeStore trees = store.trees()) {
            var verifier = new StoreVerifier(Arguments.value(threadsOption));
            report = verifier.verify(packs, catalog.value().map(CatalogReferences::new).orElse(null),
                    trees.folderExists() ? new TreeCheck(trees, catalog.value().orElse(null)) : null,
                    json ? RestoreListenerSilence.INSTANCE : progress);
        }
        progress.finish();
        if (json) {
            writeJson(report);
        } else {
            writeText(report);
        }
        return report.ok() ? Cli.OK : Cli.PROBLEMS;
    }

    private void writeText(VerifyReport r) throws Exception {
        try (Writer out = Output.text(stdout())) {
            for (Cause c : r.causes()) {
                writeCause(out, c);
            }
            for (Finding note : r.notes()) {
                out.write("note\t" + note.kind() + "\t" + PathText.oneLine(note.message()) + "\n");
            }
            out.write(String.format(Locale.ROOT, "%d packs (%d checked, %d incomplete), %,d objects, %s of content, %,d catalog rows, %,d snapshot %s"
                    + " compared with their manifests in %.2f s (%s/s)%n",
                    r.packs(), r.packsChecked(), r.incompletePacks(), r.objects(), TerminalProgress.bytes(r.contentBytes()), r.catalogRows(),
                    r.treeWalks(), r.treeWalks() == 1 ? "tree" : "trees", r.elapsedNanos() / 1e9, TerminalProgress.bytes((long) r.bytesPerSecond())));
            out.write(r.ok() ? "no problems found\n" : summary(r) + "\n");
        }
    }

    /** "2 problems found; 6 snapshot files cannot be restored": causes, and the files they take with them. */
    static String summary(VerifyReport r) {
        return summary(r.causes().size(), r.affectedFiles(), r.cancelled());
    }

    /** The summary of {@code n} causes taking {@code files} snapshot files with them. */
    static String summary(int n, long files, boolean cancelled) {
        return n + (n == 1 ? " problem" : " problems") + " found" + (cancelled ? " before verify was cancelled" : "")
                        + (files == 0 ? "" : "; " + files + (files == 1 ? " snapshot file cannot" : " snapshot files cannot") + " be restored");
    }

    /** The cause on one line, then what it takes with it, indented by a tab. */
    private static void writeCause(Writer out, Cause c) throws java.io.IOException {
        out.write(c.finding().kind() + "\t" + PathText.oneLine(c.finding().message()) + "\n");
        for (Finding also : c.alsoSeen()) {
            out.write("\talso\t" + also.kind() + "\t" + PathText.oneLine(also.message()) + "\n");
        }
        if (c.intactIn() != null) {
            out.write("\tintact copy in pack " + c.intactIn() + ": nothing is lost\n");
        }
        if (c.lostObjects().size() > 1 || (c.lostObjects().size() == 1 && c.fileCount() == 0)) {
            out.write("\tlost\t" + c.lostObjects().size() + (c.lostObjects().size() == 1 ? " object" : " objects") + "\n");
        }
        for (Cause.AffectedFile f : c.files()) {
            out.write("\tfile\t" + f.snapshot() + "\t" + PathText.quote(f.path()) + (f.object() == null ? "" : "\t" + f.object().toHex()) + "\n");
        }
        if (c.fileCount() > c.files().size()) {
            out.write("\t... and " + (c.fileCount() - c.files().size()) + " more files\n");
        }
    }

    private void writeJson(VerifyReport r) throws Exception {
        Output.json(stdout(), g -> {
            g.writeStartObject();
            g.writeBooleanField("ok", r.ok());
            g.writeNumberField("packs", r.packs());
            g.writeNumberField("packs_checked", r.packsChecked());
            g.writeNumberField("incomplete_packs", r.incompletePacks());
            g.writeNumberField("objects", r.objects());
            g.writeNumberField("content_bytes", r.contentBytes());
            g.writeNumberField("catalog_rows", r.catalogRows());
            g.writeNumberField("snapshot_trees_compared", r.treeWalks());
            g.writeNumberField("seconds", r.elapsedNanos() / 1e9);
            g.writeNumberField("causes", r.causes().size());
            g.writeNumberField("affected_files", r.affectedFiles());
            g.writeArrayFieldStart("problems");
            for (Cause c : r.causes()) {
                g.writeStartObject();
                writeFindingFields(g, c.finding());
                if (!c.alsoSeen().isEmpty()) {
                    g.writeArrayFieldStart("also");
                    for (Finding also : c.alsoSeen()) {
                        g.writeStartObject();
                        writeFindingFields(g, also);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                if (c.intactIn() != null) {
                    g.writeStringField("intact_copy_in", c.intactIn());
                }
                g.writeArrayFieldStart("lost_objects");
                for (var id : c.lostObjects()) {
                    g.writeString(id.toHex());
                }
                g.writeEndArray();
                g.writeNumberField("affected_file_count", c.fileCount());
                g.writeArrayFieldStart("affected_files");
                for (Cause.AffectedFile f : c.files()) {
                    g.writeStartObject();
                    g.writeStringField("snapshot", f.snapshot());
                    g.writeStringField("path", f.path());
                    g.writeStringField("id", f.object() == null ? null : f.object().toHex());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (Finding note : r.notes()) {
                g.writeStartObject();
                writeFindingFields(g, note);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void writeFindingFields(JsonGenerator g, Finding f) throws java.io.IOException {
        g.writeStringField("kind", f.kind().name());
        g.writeStringField("file", f.file() == null ? null : f.file().toString());
        if (f.offset() >= 0) {
            g.writeNumberField("offset", f.offset());
        }
        g.writeStringField("message", f.message());
        if (f.pack() != null) {
            g.writeStringField("pack", f.pack());
        }
        if (f.object() != null) {
            g.writeStringField("id", f.object().toHex());
        }
        if (f.snapshot() != null) {
            g.writeStringField("snapshot", f.snapshot());
        }
        if (f.path() != null) {
            g.writeStringField("path", f.path());
        }
    }
}
