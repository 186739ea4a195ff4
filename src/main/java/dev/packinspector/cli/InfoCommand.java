package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import dev.packinspector.legacy.LegacyFiles;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFiles;
import dev.packinspector.store.StoreFormat;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

final class InfoCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final JsonTable json = add(new JsonTable());

    InfoCommand() {
        super("info", "The store's files other than its packs (catalog and SQLite's files beside it, tree pack, index.bin,"
                + " lock, leftovers of a killed save): path, size (- for a folder), what it is. Tab-separated.",
                "Nothing is opened: only listed. None of these files is a problem.",
                "Of a store of chkpt 0.1.x, every file and folder at its top, a folder with its count of files and their bytes.");
    }

    @Override
    public Integer call() throws Exception {
        Path at = store.pathOfAnyFormat();
        List<StoreFiles.Entry> files;
        if (StoreFormat.isLegacy(at)) {
            files = LegacyFiles.of(LegacyStore.open(at));
        } else {
            try (PackSet packs = store.packs()) {
                // refuses a folder that is no store, in the sentence every other command uses
            }
            files = StoreFiles.of(at);
        }
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
