package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import java.util.List;

final class FilesCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final SnapshotArgument snapshot = add(new SnapshotArgument());

    private final OutputFormat format = add(OutputFormat.jsonArray());

    FilesCommand() {
        super("files", "A snapshot's manifest: mode (octal), size, id, path. Tab-separated, sorted by path.",
                "A path holding a control character, tab, newline, backslash or double quote is quoted as git quotes it; -z writes it as stored.");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
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
}
