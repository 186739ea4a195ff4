package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.PathQuery;
import dev.packinspector.history.PathVersions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Every distinct version of PATH across snapshots, oldest first: when it first appeared, id, size, mode (octal),",
            "and the snapshots holding it. Get a version's content with 'cat STORE ID'."})
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "STORE", description = "a chkpt store folder")
    private Path store;

    @Parameters(index = "1", paramLabel = "PATH", description = "a path as the snapshots store it (relative, with /), or as printed, in double quotes")
    private String path;

    @Option(names = "--json", description = "print JSON")
    private boolean json;

    @Mixin
    private NulOption z;

    @Override
    public Integer call() throws Exception {
        z.refuseWith(json);
        // a path copied from our output comes quoted; the text as typed is tried too if no snapshot holds that
        List<String> readings = PathText.readings(path);
        PathVersions history = historyOf(readings.get(0));
        for (int i = 1; i < readings.size() && history.versions().isEmpty(); i++) {
            PathVersions other = historyOf(readings.get(i));
            if (!other.versions().isEmpty()) {
                history = other;
            }
        }
        if (json) {
            try (JsonGenerator g = Output.json(root.stdout)) {
                JsonWriting.pathVersions(g, history);
                g.writeRaw('\n');
            }
        } else {
            try (Records out = z.open(root.stdout)) {
                for (PathVersions.Version v : history.versions()) {
                    out.write(v.snapshots().get(0).createdAt() + '\t' + TextWriting.entry(v.entry()) + '\t'
                            + v.snapshots().stream().map(Snapshot::id).collect(Collectors.joining(",")));
                }
            }
        }
        if (history.versions().isEmpty()) {
            root.stderr.println("pack-inspector: no snapshot holds " + TextWriting.named(readings.get(0)) + " (paths are relative, with /; try 'find')");
            return Cli.PROBLEMS;
        }
        return Cli.OK;
    }

    private PathVersions historyOf(String stored) throws Exception {
        try (IndexedStore s = IndexedStore.open(store, PathQuery.sqliteGlobExactly(stored), root.stderr)) {
            return s.index().history(stored);
        }
    }
}
