package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFiles;
import java.io.Writer;
import java.util.List;

final class InfoCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final JsonTable json = add(new JsonTable());

    InfoCommand() {
        super("info", "The store's files other than its packs (catalog and SQLite's files beside it, tree pack, index.bin,"
                + " lock, leftovers of a killed save): path, size (- for a folder), what it is. Tab-separated.",
                "Nothing is opened: only listed. None of these files is a problem.");
    }

    @Override
    public Integer call() throws Exception {
        try (PackSet packs = store.packs()) {
            // refuses a folder that is no store, in the sentence every other command uses
        }
        List<StoreFiles.Entry> files = StoreFiles.of(store.path());
        if (json.on()) {
            Output.jsonArray(stdout(), files, (g, f) -> {
                g.writeStringField("path", f.path());
                if (f.size() >= 0) {
                    g.writeNumberField("size", f.size());
                }
                g.writeStringField("what", f.what());
            });
        } else {
            try (Writer out = Output.text(stdout())) {
                for (StoreFiles.Entry f : files) {
                    out.write(PathText.quote(f.path()) + '\t' + (f.size() < 0 ? "-" : Long.toString(f.size())) + '\t' + f.what() + '\n');
                }
            }
        }
        return Cli.OK;
    }
}
