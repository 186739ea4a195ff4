package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "files", mixinStandardHelpOptions = true,
        description = {"A snapshot's manifest: mode (octal), size, id, path. Tab-separated, sorted by path.",
            "A path holding a control character, tab, newline, backslash or double quote is quoted as git quotes it; -z writes it as stored."})
final class FilesCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "STORE", description = "a chkpt store folder")
    private Path store;

    @Parameters(index = "1", paramLabel = "SNAPSHOT", description = "a snapshot id, a unique prefix of one, or 'latest'")
    private String snapshot;

    @Option(names = "--json", description = "print a JSON array")
    private boolean json;

    @Mixin
    private NulOption z;

    @Override
    public Integer call() throws Exception {
        z.refuseWith(json);
        List<ManifestEntry> files;
        try (Catalog catalog = Catalog.open(store).orElseThrow(() -> RestoreCommand.noCatalog(store))) {
            Snapshot chosen = catalog.resolve(snapshot);
            files = catalog.files(chosen);
        }
        if (json) {
            try (JsonGenerator g = Output.json(root.stdout)) {
                g.writeStartArray();
                for (ManifestEntry f : files) {
                    g.writeStartObject();
                    g.writeStringField("path", f.path());
                    g.writeStringField("id", f.blob() == null ? null : f.blob().toHex());
                    g.writeNumberField("size", f.size());
                    g.writeStringField("mode", Long.toOctalString(f.mode()));
                    if (f.problem() != null) {
                        g.writeStringField("problem", f.problem());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeRaw('\n');
            }
        } else {
            try (Records out = z.open(root.stdout)) {
                for (ManifestEntry f : files) {
                    out.write(Long.toOctalString(f.mode()) + '\t' + f.size() + '\t' + (f.blob() == null ? "-" : f.blob().toHex()) + '\t'
                            + out.path(f.path()));
                }
            }
        }
        return Cli.OK;
    }
}
