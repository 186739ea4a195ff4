package dev.packinspector.cli;

import dev.packinspector.legacy.LegacyVerifier;
import dev.packinspector.catalog.PathText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Locale;

/**
 * {@code verify}'s report on a store of chkpt 0.1.x, in the text and JSON shapes of the current
 * format's: each cause on a line with its file, then, indented, the snapshot files (or folders)
 * it takes with it; notes; a summary.
 */
final class LegacyVerifyOutput {
    private LegacyVerifyOutput() {
    }

    static void text(OutputStream stdout, LegacyVerifier.Report r) throws IOException {
        try (Writer out = Output.text(stdout)) {
            for (LegacyVerifier.Cause c : r.causes()) {
                out.write(c.finding().kind() + "\t" + PathText.oneLine(c.finding().getMessage()) + "\n");
                for (LegacyVerifier.Affected a : c.affected()) {
                    out.write((a.path().endsWith("/") ? "\tfolder\t" : "\tfile\t") + a.snapshot() + "\t" + PathText.quote(a.path())
                            + (a.object() == null ? "" : "\t" + a.object().toHex()) + "\n");
                }
            }
            for (String note : r.notes()) {
                out.write("note\t" + PathText.oneLine(note) + "\n");
            }
            out.write(String.format(Locale.ROOT, "a store of chkpt 0.1.x: %,d snapshots, %,d trees, %,d objects, %s of content checked in %.2f s%n",
                    r.snapshots(), r.trees(), r.objects(), TerminalProgress.bytes(r.contentBytes()), r.elapsedNanos() / 1e9));
            out.write(r.ok() ? "no problems found\n" : VerifyCommand.summary(r.causes().size(), r.affectedFiles(), false) + "\n");
        }
    }

    static void json(OutputStream stdout, LegacyVerifier.Report r) throws IOException {
        Output.json(stdout, g -> {
            g.writeStartObject();
            g.writeBooleanField("ok", r.ok());
            g.writeStringField("format", "chkpt 0.1.x");
            g.writeNumberField("snapshots", r.snapshots());
            g.writeNumberField("trees", r.trees());
            g.writeNumberField("objects", r.objects());
            g.writeNumberField("content_bytes", r.contentBytes());
            g.writeNumberField("seconds", r.elapsedNanos() / 1e9);
            g.writeNumberField("causes", r.causes().size());
            g.writeNumberField("affected_files", r.affectedFiles());
            g.writeArrayFieldStart("problems");
            for (LegacyVerifier.Cause c : r.causes()) {
                g.writeStartObject();
                g.writeStringField("kind", c.finding().kind().name());
                g.writeStringField("file", c.finding().file() == null ? null : c.finding().file().toString());
                g.writeStringField("message", c.finding().detail());
                g.writeArrayFieldStart("affected");
                for (LegacyVerifier.Affected a : c.affected()) {
                    g.writeStartObject();
                    g.writeStringField("snapshot", a.snapshot());
                    g.writeStringField(a.path().endsWith("/") ? "folder" : "path", a.path());
                    if (a.object() != null) {
                        g.writeStringField("id", a.object().toHex());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String note : r.notes()) {
                g.writeString(note);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
