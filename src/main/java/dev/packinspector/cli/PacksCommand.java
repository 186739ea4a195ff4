package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.legacy.LegacyFiles;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackState;
import dev.packinspector.store.PackStatus;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoreFormat;
import dev.packinspector.store.tree.TreePackState;
import dev.packinspector.store.tree.TreeStore;
import java.io.Writer;
import java.nio.file.Path;

final class PacksCommand extends Subcommand {
    /** The tree pack's row name: no blob pack can have it (theirs are 16 hex digits). */
    private static final String TREES_ROW = "trees";

    private final StoreArgument store = add(StoreArgument.folderOrPacks());

    private final JsonTable json = add(new JsonTable());

    PacksCommand() {
        super("packs", "One line per pack: name, entries, data bytes, state (ok, chunked, incomplete, unreadable)"
                + " and, for a pack that cannot be used, why. Tab-separated.",
                "Where the store has a trees/ folder, a last line named 'trees' for its tree pack: trees, trees.dat bytes,"
                + " state (ok, incomplete, absent, unreadable) and why, or a note (records chkpt left unindexed).",
                "Exit code 3 if a pack is damaged or unreadable (an incomplete pack, which chkpt may still be writing, is not an error).",
                "A store of chkpt 0.1.x keeps no packs: its rows are 'objects' and 'trees', each with its files and their bytes,"
                        + " state 'loose', and any file in packs/ (which it never writes).");
    }

    @Override
    public Integer call() throws Exception {
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            return loose(LegacyStore.open(at));
        }
        try (PackSet packs = store.packs(); TreeStore trees = store.trees()) {
            TreeStore treeRow = trees.folderExists() ? trees : null;
            if (json.on()) {
                writeJson(packs, treeRow);
            } else {
                writeText(packs, treeRow);
            }
            boolean damaged = packs.packs().stream().anyMatch(p -> p.state() == PackState.UNREADABLE)
                    || trees.state() == TreePackState.UNREADABLE;
            return damaged ? Cli.UNREADABLE : Cli.OK;
        }
    }

    /**
     * A store of chkpt 0.1.x keeps no packs: a row each for its loose objects and loose trees
     * (files, bytes, "loose", why), then any file in {@code packs/}, which it never writes.
     */
    private int loose(LegacyStore legacy) throws Exception {
        record Row(String kind, String name, long entries, long bytes, String state, String note) {
        }
        var rows = new java.util.ArrayList<Row>();
        LegacyFiles.Count objects = LegacyFiles.count(legacy, "objects");
        LegacyFiles.Count trees = LegacyFiles.count(legacy, "trees");
        rows.add(new Row("blobs", "objects", objects.files() - objects.temps(), objects.bytes(), LsCommand.LOOSE,
                "chkpt 0.1.x keeps each file content as a zstd file of its own under objects/ (see 'ls')"));
        rows.add(new Row("trees", TREES_ROW, trees.files() - trees.temps(), trees.bytes(), LsCommand.LOOSE,
                "each folder listing is a file of its own under trees/"));
        Path packsFolder = legacy.root().resolve("packs");
        if (java.nio.file.Files.isDirectory(packsFolder)) {
            try (var files = java.nio.file.Files.list(packsFolder)) {
                for (Path f : files.sorted().toList()) {
                    rows.add(new Row("blobs", f.getFileName().toString(), -1, java.nio.file.Files.size(f), "not read",
                            "a file in packs/, which no chkpt 0.1.x command writes (a CHKP v1 pack is not read)"));
                }
            }
        }
        if (json.on()) {
            Output.jsonArray(stdout(), rows, (g, r) -> {
                writeRowFields(g, r.kind(), r.name(), r.state(), r.entries(), r.bytes(), null);
                g.writeStringField("note", r.note());
            });
        } else {
            try (Writer out = Output.text(stdout())) {
                for (Row r : rows) {
                    out.write(r.name() + '\t' + (r.entries() >= 0 ? Long.toString(r.entries()) : "-") + '\t' + r.bytes() + '\t' + r.state()
                            + '\t' + r.note() + '\n');
                }
            }
        }
        return Cli.OK;
    }

    /** The problem of the tree pack, or its first note: what the row says after the state. */
    private static StoreException reasonOf(TreeStore trees) {
        return trees.problem() != null ? trees.problem() : trees.notes().stream().findFirst().orElse(null);
    }

    private void writeText(PackSet packs, TreeStore trees) throws Exception {
        try (Writer out = Output.text(stdout())) {
            for (PackStatus p : packs.packs()) {
                out.write(p.name() + '\t' + (p.readable() ? Long.toString(p.entryCount()) : "-") + '\t'
                        + (p.dataBytes() >= 0 ? Long.toString(p.dataBytes()) : "-") + '\t' + p.state().label());
                if (p.problem() != null) {
                    out.write('\t' + Records.text(p.problem().getMessage()));
                }
                out.write('\n');
            }
            if (trees != null) {
                out.write(TREES_ROW + '\t' + (trees.treeCount() >= 0 ? Long.toString(trees.treeCount()) : "-") + '\t'
                        + (trees.dataBytes() >= 0 ? Long.toString(trees.dataBytes()) : "-") + '\t' + trees.state().label());
                if (reasonOf(trees) != null) {
                    out.write('\t' + reasonOf(trees).getMessage());
                }
                out.write('\n');
            }
        }
    }

    private void writeJson(PackSet packs, TreeStore trees) throws Exception {
        Output.json(stdout(), g -> {
            g.writeStartArray();
            for (PackStatus p : packs.packs()) {
                g.writeStartObject();
                writeRowFields(g, "blobs", p.name(), p.state().label(), p.readable() ? p.entryCount() : -1, p.dataBytes(), p.problem());
                g.writeEndObject();
            }
            if (trees != null) {
                writeTreesJson(g, trees);
            }
            g.writeEndArray();
        });
    }

    /** A row's fields in --json: its kind, pack, state, entries and data bytes where known (-1: not), and its problem if any. */
    private static void writeRowFields(JsonGenerator g, String kind, String pack, String state, long entries, long dataBytes, StoreException problem)
            throws java.io.IOException {
        g.writeStringField("kind", kind);
        g.writeStringField("pack", pack);
        g.writeStringField("state", state);
        if (entries >= 0) {
            g.writeNumberField("entries", entries);
        }
        if (dataBytes >= 0) {
            g.writeNumberField("data_bytes", dataBytes);
        }
        if (problem != null) {
            g.writeStringField("problem", problem.kind().name());
            g.writeStringField("message", problem.getMessage());
        }
    }

    private static void writeTreesJson(JsonGenerator g, TreeStore trees) throws java.io.IOException {
        g.writeStartObject();
        writeRowFields(g, "trees", TREES_ROW, trees.state().label(), trees.treeCount(), trees.dataBytes(), trees.problem());
        if (!trees.notes().isEmpty()) {
            g.writeArrayFieldStart("notes");
            for (StoreException note : trees.notes()) {
                g.writeStartObject();
                g.writeStringField("kind", note.kind().name());
                g.writeStringField("message", note.getMessage());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
