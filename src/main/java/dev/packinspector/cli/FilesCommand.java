package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.PathText;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LegacyWalk;
import dev.packinspector.store.StoreFormat;
import java.nio.file.Path;
import java.util.List;

final class FilesCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final SnapshotArgument snapshot = add(new SnapshotArgument());

    private final OutputFormat format = add(OutputFormat.jsonArray());

    FilesCommand() {
        super("files", "A snapshot's manifest: mode (octal), size, id, path. Tab-separated, sorted by path.",
                "A path holding a control character, tab, newline, backslash or double quote is quoted as git quotes it; -z writes it as stored.",
                "Also of a store of chkpt 0.1.x, from the snapshot's tree walk (ids are BLAKE3, 64 hex digits); a tree that cannot be read"
                        + " is named on stderr, and the exit code is 1.");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            return legacy(LegacyStore.open(at));
        }
        List<ManifestEntry> files;
        try (Catalog catalog = store.catalog()) {
            files = catalog.files(snapshot.in(catalog));
        }
        if (format.isJson()) {
            Output.jsonArray(stdout(), files, (g, f) -> {
                g.writeStringField("path", f.path());
                JsonWriting.entryFields(g, f);
            });
            return Cli.OK;
        }
        try (Records out = format.records(stdout())) {
            for (ManifestEntry f : files) {
                out.write(Long.toOctalString(f.mode()) + '\t' + f.size() + '\t' + (f.blob() == null ? "-" : f.blob().toHex()) + '\t'
                        + out.path(f.path()));
            }
        }
        return Cli.OK;
    }

    /** The files of a snapshot of a store of chkpt 0.1.x, from its tree walk; a tree that cannot be read is named on stderr (exit 1). */
    private int legacy(LegacyStore legacy) throws Exception {
        LegacyWalk.Files walked = new LegacyWalk(legacy).of(snapshot.in(legacy));
        if (format.isJson()) {
            Output.jsonArray(stdout(), walked.files(), (g, f) -> {
                g.writeStringField("path", f.path());
                g.writeStringField("id", f.object().toHex());
                g.writeNumberField("size", f.size());
                g.writeStringField("mode", Integer.toOctalString(f.mode()));
            });
        } else {
            writeLegacy(format, stdout(), walked.files());
        }
        reportLegacy(walked, stderr());
        return walked.problems().isEmpty() ? Cli.OK : Cli.PROBLEMS;
    }

    /** The lines of {@code files} of a store of chkpt 0.1.x: mode (octal), size, id, path. */
    static void writeLegacy(OutputFormat format, java.io.OutputStream stdout, List<LegacyWalk.File> files) throws java.io.IOException {
        try (Records out = format.records(stdout)) {
            for (LegacyWalk.File f : files) {
                out.write(Integer.toOctalString(f.mode()) + '\t' + f.size() + '\t' + f.object().toHex() + '\t' + out.path(f.path()));
            }
        }
    }

    /** Names on {@code err} each tree a walk could not read. */
    static void reportLegacy(LegacyWalk.Files walked, java.io.PrintStream err) {
        for (LegacyWalk.Problem p : walked.problems()) {
            err.println("pack-inspector: " + PathText.oneLine(p.error().getMessage()));
        }
    }
}
