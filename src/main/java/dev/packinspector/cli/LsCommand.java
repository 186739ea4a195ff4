package dev.packinspector.cli;

import dev.packinspector.legacy.LegacyId;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LooseObject;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackIndex;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackState;
import dev.packinspector.store.PackStatus;
import dev.packinspector.store.StoreFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;

final class LsCommand extends Subcommand {
    /** The pack column of an object of chkpt 0.1.x, kept in a file of its own. */
    static final String LOOSE = "loose";

    private final StoreArgument store = add(StoreArgument.folderOrPacks());

    private final OptionSpec packOption = add(Arguments.option("--pack", "HASH", String.class, "list only this pack's entries"));

    private final OutputFormat format = add(OutputFormat.jsonArray());

    /** One index row, whichever way it was found. */
    private interface Rows {
        int count();

        void write(int row, Sink sink) throws IOException;
    }

    private interface Sink {
        void entry(String id, String pack, long offset, long size) throws IOException;
    }

    LsCommand() {
        super("ls", "Index entries sorted by id: id, pack, offset, compressed size. Tab-separated.",
                "Without --pack, the entries of all readable packs merged; unusable packs are named on stderr"
                        + " (exit code 3 if one is damaged).",
                "Of a store of chkpt 0.1.x, its loose objects (one file each under objects/): id (BLAKE3, 64 hex digits), 'loose', 0,"
                        + " the file's size.");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            return loose(LegacyStore.open(at));
        }
        try (PackSet packs = store.packs()) {
            Rows rows;
            int exit = Cli.OK;
            String pack = Arguments.value(packOption);
            if (pack != null) {
                Pack one = choose(packs, pack);
                PackIndex idx = one.index();
                rows = new Rows() {
                    public int count() {
                        return idx.count();
                    }

                    public void write(int row, Sink sink) throws IOException {
                        sink.entry(idx.id(row).toHex(), one.name(), idx.offset(row), idx.compressedSize(row));
                    }
                };
            } else {
                exit = reportUnusable(packs);
                rows = new Rows() {
                    public int count() {
                        return packs.entryCount();
                    }

                    public void write(int row, Sink sink) throws IOException {
                        ObjectLocation at = packs.entryAt(row);
                        sink.entry(at.id().toHex(), at.pack().name(), at.offset(), at.compressedSize());
                    }
                };
            }
            if (format.isJson()) {
                writeJson(rows);
            } else {
                writeText(rows);
            }
            return exit;
        }
    }

    /** The loose objects of a store of chkpt 0.1.x, as rows of no pack: id, "loose", offset 0, the file's size. */
    private int loose(LegacyStore legacy) throws Exception {
        if (Arguments.value(packOption) != null) {
            throw new UsageException("this store of chkpt 0.1.x keeps no packs, so it has no pack '" + Arguments.<String>value(packOption)
                    + "'; without --pack its loose objects are listed");
        }
        List<LegacyId> ids = legacy.objectsStartingWith("", Integer.MAX_VALUE);
        Rows rows = new Rows() {
            public int count() {
                return ids.size();
            }

            public void write(int row, Sink sink) throws IOException {
                LooseObject at = legacy.locate(ids.get(row));
                // a file gc removed since it was listed is shown with size -1, not dropped
                sink.entry(ids.get(row).toHex(), LOOSE, 0, at == null ? -1 : at.compressedSize());
            }
        };
        if (format.isJson()) {
            writeJson(rows);
        } else {
            writeText(rows);
        }
        return Cli.OK;
    }

    private static Pack choose(PackSet packs, String pack) throws Exception {
        for (PackStatus p : packs.packs()) {
            if (p.name().equals(pack)) {
                if (!p.readable()) {
                    throw p.problem();
                }
                return p.pack();
            }
        }
        throw new UsageException("no pack named '" + pack + "' in " + packs.packsDir());
    }

    private int reportUnusable(PackSet packs) {
        int exit = Cli.OK;
        for (PackStatus p : packs.packs()) {
            if (!p.readable()) {
                stderr().println("pack-inspector: skipped " + p.state().label() + " pack " + p.name() + ": " + Records.text(p.problem().getMessage()));
                if (p.state() == PackState.UNREADABLE) {
                    exit = Cli.UNREADABLE;
                }
            }
        }
        return exit;
    }

    private void writeText(Rows rows) throws Exception {
        try (Records out = format.records(stdout())) {
            var line = new StringBuilder(96);
            for (int r = 0; r < rows.count(); r++) {
                rows.write(r, (id, p, offset, size) -> {
                    line.setLength(0);
                    line.append(id).append('\t').append(p).append('\t').append(offset).append('\t').append(size);
                    out.write(line);
                });
            }
        }
    }

    private void writeJson(Rows rows) throws Exception {
        Output.json(stdout(), g -> {
            g.writeStartArray();
            for (int r = 0; r < rows.count(); r++) {
                rows.write(r, (id, p, offset, size) -> {
                    g.writeStartObject();
                    g.writeStringField("id", id);
                    g.writeStringField("pack", p);
                    g.writeNumberField("offset", offset);
                    g.writeNumberField("compressed_size", size);
                    g.writeEndObject();
                });
            }
            g.writeEndArray();
        });
    }
}
