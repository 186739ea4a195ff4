package dev.packinspector.cli;

import dev.packinspector.restore.RestoreItem;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class ExtractCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folderOrPacks());

    private final PositionalParamSpec ids = add(Arguments.parameters("1", "ID", String.class, "object ids (32 hex digits or unique prefixes)"));

    private final OptionSpec to = add(Arguments.requiredOption("--to", "DIR", Path.class, "the folder to write into (created if missing)"));

    private final RestoreOptions options = add(new RestoreOptions());

    ExtractCommand() {
        super("extract", "Writes objects by id as DIR/<id>, verified, with default permissions.",
                "Works on a bare packs/ folder too. Exit code 1 if an object is missing or damaged.");
    }

    @Override
    public Integer call() throws Exception {
        try (PackSet packs = store.packs(); var catalog = store.catalogIfAny()) {
            var items = new ArrayList<RestoreItem>();
            for (String text : Arguments.<String>values(ids)) {
                ObjectId id = CatCommand.resolve(packs, text);
                long size = -1;
                if (catalog.value().isPresent()) {
                    size = catalog.value().get().blob(id).map(b -> b.size()).orElse(-1L);
                }
                items.add(RestoreItem.object(id, size));
            }
            return options.restore(packs, items, Arguments.value(to), freeSpace(), stdout(), stderr());
        }
    }
}
