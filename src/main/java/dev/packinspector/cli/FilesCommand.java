package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "files",
        description = {"A snapshot's manifest: mode (octal), size, id, path. Tab-separated, sorted by path.",
            "A path holding a control character, tab, newline, backslash or double quote is quoted as git quotes it; -z writes it as stored."})
final class FilesCommand extends Subcommand {
    @Mixin
    private StoreArgument.Folder store;

    @Mixin
    private SnapshotArgument snapshot;

    @Mixin
    private OutputFormat.JsonArray format;

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        List<ManifestEntry> files;
        try (Catalog catalog = store.catalog()) {
            files = catalog.files(snapshot.in(catalog));
        }
        if (format.json()) {
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
}
