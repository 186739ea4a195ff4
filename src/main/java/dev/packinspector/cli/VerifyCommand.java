package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.restore.CatalogReferences;
import dev.packinspector.restore.Finding;
import dev.packinspector.restore.Restorer;
import dev.packinspector.restore.StoreVerifier;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.PackSet;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks every pack (header, count, index order and bounds, entry headers, layout, name recomputed from"
                + " its bytes), decodes every object and compares its XXH3-128 with its id, runs SQLite's integrity check on"
                + " the catalog, and checks that every catalog reference points at a pack that holds the object, that the"
                + " catalog gives each object one size, and that every snapshot's files can be found and restored.",
                "Prints each problem with its file and offset, then a summary. Exit code 1 if anything is wrong."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "STORE", description = "a chkpt store folder or a bare packs/ folder")
    private Path store;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: one per core)")
    private int threads = Restorer.defaultThreads();

    @Option(names = "--json", description = "print the report as JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        var progress = new TerminalProgress(root.stderr, "verifying", !json && TerminalProgress.stderrIsTerminal());
        VerifyReport report;
        try (PackSet packs = PackSet.open(store); var catalog = new Closing<>(Catalog.open(store))) {
            var verifier = new StoreVerifier(threads);
            report = verifier.verify(packs, catalog.value().map(CatalogReferences::new).orElse(null), json ? RestoreListenerSilence.INSTANCE : progress);
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
        try (Writer out = Output.text(root.stdout)) {
            out.write(String.format(Locale.ROOT, "%d packs (%d checked, %d incomplete), %,d objects, %s of content, %,d catalog rows in %.2f s (%s/s)%n",
                    r.packs(), r.packsChecked(), r.incompletePacks(), r.objects(), TerminalProgress.bytes(r.contentBytes()), r.catalogRows(),
                    r.elapsedNanos() / 1e9, TerminalProgress.bytes((long) r.bytesPerSecond())));
            out.write(r.ok() ? "no problems found\n" : r.findings().size() + " problem" + (r.findings().size() == 1 ? "" : "s") + " found\n");
        }
    }

    private void writeJson(VerifyReport r) throws Exception {
        try (JsonGenerator g = Output.json(root.stdout)) {
            g.writeStartObject();
            g.writeBooleanField("ok", r.ok());
            g.writeNumberField("packs", r.packs());
            g.writeNumberField("packs_checked", r.packsChecked());
            g.writeNumberField("incomplete_packs", r.incompletePacks());
            g.writeNumberField("objects", r.objects());
            g.writeNumberField("content_bytes", r.contentBytes());
            g.writeNumberField("catalog_rows", r.catalogRows());
            g.writeNumberField("seconds", r.elapsedNanos() / 1e9);
            g.writeArrayFieldStart("problems");
            for (Finding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("kind", f.kind().name());
                g.writeStringField("file", f.file() == null ? null : f.file().toString());
                if (f.offset() >= 0) {
                    g.writeNumberField("offset", f.offset());
                }
                g.writeStringField("message", f.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
