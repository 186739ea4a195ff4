package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.SnapshotDiff.Change;
import dev.packinspector.history.SnapshotDiff.Kind;
import dev.packinspector.history.SnapshotDiff;
import java.util.Locale;
import picocli.CommandLine.Model.PositionalParamSpec;

final class DiffCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final PositionalParamSpec from = add(Arguments.parameter("1", "A", String.class,
            "the older snapshot: an id, a unique prefix, or 'latest'"));

    private final PositionalParamSpec to = add(Arguments.parameter("2", "B", String.class, "the newer snapshot"));

    private final OutputFormat format = add(OutputFormat.json());

    DiffCommand() {
        super("diff", "What changed from snapshot A to snapshot B, one line per path in path order, as git's --name-status:",
                "A (added), D (removed), M (other content, size or mode), R (renamed: the same object at a new path), then bytes and path",
                "(a rename: old and new path). Totals go to standard error.");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        SnapshotDiff diff;
        try (Catalog catalog = store.catalog()) {
            Snapshot a = catalog.resolve(Arguments.value(from));
            Snapshot b = catalog.resolve(Arguments.value(to));
            diff = SnapshotDiff.between(a, catalog.files(a), b, catalog.files(b));
        }
        print(diff, format, stdout(), stderr());
        return Cli.OK;
    }

    /** Writes {@code diff} as {@code diff} does (its records, or JSON), its totals to {@code stderr} after the records. */
    static void print(SnapshotDiff diff, OutputFormat format, java.io.OutputStream stdout, java.io.PrintStream stderr) throws java.io.IOException {
        if (format.isJson()) {
            Output.json(stdout, g -> {
                g.writeStartObject();
                g.writeStringField("from", diff.from().id());
                g.writeStringField("to", diff.to().id());
                g.writeNumberField("unchanged", diff.unchanged());
                for (Kind k : Kind.values()) {
                    g.writeObjectFieldStart(k.name().toLowerCase(Locale.ROOT));
                    g.writeNumberField("files", diff.total(k).files());
                    g.writeNumberField("bytes", diff.total(k).bytes());
                    g.writeEndObject();
                }
                g.writeArrayFieldStart("changes");
                for (Change c : diff.changes()) {
                    g.writeStartObject();
                    g.writeStringField("kind", c.kind().name().toLowerCase(Locale.ROOT));
                    g.writeStringField("path", c.path());
                    if (c.before() != null) {
                        JsonWriting.entry(g, "before", c.before());
                    }
                    if (c.after() != null) {
                        JsonWriting.entry(g, "after", c.after());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            return;
        }
        try (Records out = format.records(stdout)) {
            for (Change c : diff.changes()) {
                out.write(c.kind().letter() + '\t' + c.bytes() + '\t'
                        + (c.kind() == Kind.RENAMED ? out.path(c.before().path()) + '\t' : "") + out.path(c.path()));
            }
        }
        stderr.println(summary(diff));
    }

    static String summary(SnapshotDiff diff) {
        var parts = new StringBuilder();
        for (Kind k : Kind.values()) {
            SnapshotDiff.Total t = diff.total(k);
            parts.append(t.files()).append(' ').append(k.name().toLowerCase(Locale.ROOT)).append(" (")
                    .append(TerminalProgress.bytes(t.bytes())).append("), ");
        }
        return parts + "" + diff.unchanged() + " unchanged";
    }
}
