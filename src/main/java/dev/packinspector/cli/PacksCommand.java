package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackState;
import dev.packinspector.store.PackStatus;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "packs", mixinStandardHelpOptions = true,
        description = {"One line per pack: name, entries, data bytes, state (ok, chunked, incomplete, unreadable)"
                + " and, for a pack that cannot be used, why. Tab-separated.",
                "Exit code 3 if a pack is damaged or unreadable (an incomplete pack, which chkpt may still be writing, is not an error)."})
final class PacksCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "STORE", description = "a chkpt store folder or a bare packs/ folder")
    private Path store;

    @Option(names = "--json", description = "print a JSON array")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        try (PackSet packs = PackSet.open(store)) {
            if (json) {
                writeJson(packs);
            } else {
                writeText(packs);
            }
            boolean damaged = packs.packs().stream().anyMatch(p -> p.state() == PackState.UNREADABLE);
            return damaged ? Cli.UNREADABLE : Cli.OK;
        }
    }

    private void writeText(PackSet packs) throws Exception {
        try (Writer out = Output.text(root.stdout)) {
            for (PackStatus p : packs.packs()) {
                out.write(p.name() + '\t' + (p.readable() ? Long.toString(p.entryCount()) : "-") + '\t'
                        + (p.dataBytes() >= 0 ? Long.toString(p.dataBytes()) : "-") + '\t' + p.state().label());
                if (p.problem() != null) {
                    out.write('\t' + Records.text(p.problem().getMessage()));
                }
                out.write('\n');
            }
        }
    }

    private void writeJson(PackSet packs) throws Exception {
        try (JsonGenerator g = Output.json(root.stdout)) {
            g.writeStartArray();
            for (PackStatus p : packs.packs()) {
                g.writeStartObject();
                g.writeStringField("pack", p.name());
                g.writeStringField("state", p.state().label());
                if (p.readable()) {
                    g.writeNumberField("entries", p.entryCount());
                }
                if (p.dataBytes() >= 0) {
                    g.writeNumberField("data_bytes", p.dataBytes());
                }
                if (p.problem() != null) {
                    g.writeStringField("problem", p.problem().kind().name());
                    g.writeStringField("message", p.problem().getMessage());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }
}
