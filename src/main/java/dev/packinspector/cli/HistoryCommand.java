package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.PathQuery;
import dev.packinspector.history.PathVersions;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.PositionalParamSpec;

final class HistoryCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final PositionalParamSpec path = add(Arguments.parameter("1", "PATH", String.class,
            "a path as the snapshots store it (relative, with /), or as printed, in double quotes"));

    private final OutputFormat format = add(OutputFormat.json());

    HistoryCommand() {
        super("history", "Every distinct version of PATH across snapshots, oldest first: when it first appeared, id, size, mode (octal),",
                "and the snapshots holding it. Get a version's content with 'cat STORE ID'.");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        List<String> readings = PathText.readings(Arguments.value(path));
        PathVersions history = firstHeld(readings);
        if (format.isJson()) {
            Output.json(stdout(), g -> JsonWriting.pathVersions(g, history));
        } else {
            try (Records out = format.records(stdout())) {
                for (PathVersions.Version v : history.versions()) {
                    out.write(v.snapshots().get(0).createdAt() + '\t' + TextWriting.entry(v.entry()) + '\t'
                            + v.snapshots().stream().map(Snapshot::id).collect(Collectors.joining(",")));
                }
            }
        }
        if (history.versions().isEmpty()) {
            stderr().println("pack-inspector: no snapshot holds " + TextWriting.named(readings.get(0)) + " (paths are relative, with /; try 'find')");
            return Cli.PROBLEMS;
        }
        return Cli.OK;
    }

    /** The history of the first reading some snapshot holds, else of the first: a path copied from our output comes quoted. */
    private PathVersions firstHeld(List<String> readings) throws Exception {
        PathVersions history = historyOf(readings.get(0));
        for (int i = 1; i < readings.size() && history.versions().isEmpty(); i++) {
            PathVersions other = historyOf(readings.get(i));
            if (!other.versions().isEmpty()) {
                history = other;
            }
        }
        return history;
    }

    private PathVersions historyOf(String stored) throws Exception {
        try (IndexedStore s = store.indexed(PathQuery.sqliteGlobExactly(stored), stderr())) {
            return s.index().history(stored);
        }
    }
}
