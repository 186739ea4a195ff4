package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackState;
import dev.packinspector.store.PackStatus;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreePackState;
import dev.packinspector.store.tree.TreeStore;
import java.io.Writer;

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
                "Exit code 3 if a pack is damaged or unreadable (an incomplete pack, which chkpt may still be writing, is not an error).");
    }

    @Override
    public Integer call() throws Exception {
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
