package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.catalog.PathText;
import dev.packinspector.history.Folder;
import dev.packinspector.history.SpaceReport.PackSpace;
import dev.packinspector.history.SpaceReport.SnapshotSpace;
import dev.packinspector.history.SpaceReport;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import picocli.CommandLine.Model.OptionSpec;

final class StatsCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final OptionSpec foldersOption = add(Arguments.option("--folders", "SNAPSHOT", String.class, "split this snapshot by folder instead"));

    private final OptionSpec depthOption = add(Arguments.option("--depth", "<depth>", int.class, 2,
            "folder levels shown with --folders (default ${DEFAULT-VALUE})"));

    private final OptionSpec jsonFlag = add(Arguments.flag("--json", "print JSON"));

    StatsCommand() {
        super("stats", "Where the store's space goes. Per snapshot (oldest first): files, content bytes, stored bytes of its distinct",
                "objects, and the bytes unique to it (used by no other snapshot: what deleting it would free). Per pack: entries, data",
                "bytes, content of the entries snapshots use, ratio, and entries no snapshot uses. With --folders SNAPSHOT, that",
                "snapshot's folders by size with their unique bytes.",
                "A store of chkpt 0.1.x has no packs: an object's stored bytes are the size of its file under objects/.");
    }

    @Override
    public Integer call() throws Exception {
        String folders = Arguments.value(foldersOption);
        int depth = Arguments.value(depthOption);
        boolean json = Arguments.on(jsonFlag);
        try (IndexedStore s = store.indexed(stderr())) {
            SpaceReport report = s.store().space(s.index());
            if (depth < 0) {
                throw new UsageException("--depth must be 0 or more");
            }
            if (folders != null) {
                Folder tree = report.folders(s.catalog().resolve(folders));
                if (json) {
                    Output.json(stdout(), g -> folderJson(g, tree, depth));
                } else {
                    try (Writer out = Output.text(stdout())) {
                        out.write(String.format(Locale.ROOT, "%-50s %8s %12s %12s%n", "folder", "files", "bytes", "unique"));
                        folderText(out, tree, 0, depth);
                    }
                }
                return Cli.OK;
            }
            if (json) {
                json(report);
            } else {
                text(report, s.store() instanceof OpenedStore.Legacy);
            }
        }
        return Cli.OK;
    }

    private void text(SpaceReport report, boolean loose) throws IOException {
        try (Writer out = Output.text(stdout())) {
            out.write(String.format(Locale.ROOT, "%-36s  %-19s %8s %10s %10s %10s %10s%n", "snapshot", "created", "files", "content",
                    "stored", "unique", "unique st."));
            for (SnapshotSpace sn : report.snapshots()) {
                out.write(String.format(Locale.ROOT, "%-36s  %-19s %8d %10s %10s %10s %10s%n", sn.snapshot().id(),
                        sn.snapshot().createdAt().substring(0, Math.min(19, sn.snapshot().createdAt().length())).replace('T', ' '),
                        sn.files(), TerminalProgress.bytes(sn.bytes()), TerminalProgress.bytes(sn.storedBytes()),
                        TerminalProgress.bytes(sn.uniqueBytes()), TerminalProgress.bytes(sn.uniqueStoredBytes())));
            }
            if (loose) {
                out.write(String.format(Locale.ROOT, "%nno packs: this store of chkpt 0.1.x keeps each object as a file of its own;"
                        + " stored is the size of those files%n"));
                return;
            }
            out.write(String.format(Locale.ROOT, "%n%-16s %9s %10s %10s %6s %8s %10s%n", "pack", "entries", "data", "content", "ratio",
                    "unused", "unused st."));
            for (PackSpace p : report.packs()) {
                out.write(String.format(Locale.ROOT, "%-16s %9d %10s %10s %6.2f %8d %10s%n", p.name(), p.entries(),
                        TerminalProgress.bytes(p.dataBytes()), TerminalProgress.bytes(p.contentBytes()), p.ratio(), p.unusedEntries(),
                        TerminalProgress.bytes(p.unusedStoredBytes())));
            }
        }
    }

    private void json(SpaceReport report) throws IOException {
        Output.json(stdout(), g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("snapshots");
            for (SnapshotSpace sn : report.snapshots()) {
                g.writeStartObject();
                g.writeStringField("id", sn.snapshot().id());
                g.writeStringField("created_at", sn.snapshot().createdAt());
                g.writeNumberField("files", sn.files());
                g.writeNumberField("bytes", sn.bytes());
                g.writeNumberField("distinct_bytes", sn.distinctBytes());
                g.writeNumberField("stored_bytes", sn.storedBytes());
                g.writeNumberField("unique_bytes", sn.uniqueBytes());
                g.writeNumberField("unique_stored_bytes", sn.uniqueStoredBytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("packs");
            for (PackSpace p : report.packs()) {
                g.writeStartObject();
                g.writeStringField("pack", p.name());
                g.writeNumberField("entries", p.entries());
                g.writeNumberField("data_bytes", p.dataBytes());
                g.writeNumberField("content_bytes", p.contentBytes());
                g.writeNumberField("ratio", Math.round(p.ratio() * 1000) / 1000.0);
                g.writeNumberField("unused_entries", p.unusedEntries());
                g.writeNumberField("unused_stored_bytes", p.unusedStoredBytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void folderText(Writer out, Folder f, int level, int depth) throws IOException {
        String name = f.path().isEmpty() ? "/" : "  ".repeat(level - 1) + PathText.quote(f.name() + "/");
        out.write(String.format(Locale.ROOT, "%-50s %8d %12d %12d%n", name, f.files(), f.bytes(), f.uniqueBytes()));
        if (level < depth) {
            for (Folder c : f.children()) {
                folderText(out, c, level + 1, depth);
            }
        }
    }

    private static void folderJson(JsonGenerator g, Folder f, int levels) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", f.path());
        g.writeNumberField("files", f.files());
        g.writeNumberField("bytes", f.bytes());
        g.writeNumberField("unique_bytes", f.uniqueBytes());
        if (levels > 0 && !f.children().isEmpty()) {
            g.writeArrayFieldStart("folders");
            for (Folder c : f.children()) {
                folderJson(g, c, levels - 1);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
