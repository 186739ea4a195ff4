package dev.packinspector.restore;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A restore plan written out before anything is restored: one row per action ({@code create
 * folder}, {@code write}, {@code replace}, {@code unchanged}, {@code fix mode}, {@code keep},
 * {@code refuse}) with path, object id, size, mode (octal) and detail, as CSV (RFC 4180, with a
 * header row) or as JSON (the target, the totals and the same rows). Stateless.
 */
public final class PlanExport {
    private static final JsonFactory JSON = new JsonFactory();

    /** One action of the plan. */
    public record Row(String action, String path, String id, long size, String mode, String detail) {
    }

    private PlanExport() {
    }

    /** The plan's actions in the order a dry run prints them. */
    public static List<Row> rows(RestorePlan plan) {
        var rows = new ArrayList<Row>();
        for (String folder : plan.folders()) {
            rows.add(new Row("create folder", folder, "", -1, "", ""));
        }
        for (RestorePlan.Write w : plan.writes()) {
            rows.add(row(w.replaces() ? "replace" : "write", w.item(), ""));
        }
        for (RestorePlan.Existing e : plan.unchanged()) {
            rows.add(row(e.modeDiffers() ? "fix mode" : "unchanged", e.item(), ""));
        }
        for (RestorePlan.Existing e : plan.conflicts()) {
            rows.add(row("keep", e.item(), "the target has a different file"));
        }
        for (RestoreProblem p : plan.refused()) {
            rows.add(new Row("refuse", p.path(), p.id() == null ? "" : p.id().toHex(), -1, "", p.message()));
        }
        return rows;
    }

    private static Row row(String action, RestoreItem item, String detail) {
        return new Row(action, item.path(), item.id() == null ? "" : item.id().toHex(), item.size(),
                item.mode() < 0 ? "" : Long.toOctalString(item.mode()), detail);
    }

    public static void csv(RestorePlan plan, Writer out) throws IOException {
        out.write("action,path,id,size,mode,detail\r\n");
        for (Row r : rows(plan)) {
            out.write(String.join(",", field(r.action()), field(r.path()), field(r.id()), r.size() < 0 ? "" : Long.toString(r.size()),
                    field(r.mode()), field(r.detail())) + "\r\n");
        }
        out.flush();
    }

    /** A CSV field, quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it. */
    static String field(String s) {
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    public static void json(RestorePlan plan, OutputStream out) throws IOException {
        // the caller owns the stream (it may be standard output)
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField("target", plan.target().toString());
            g.writeNumberField("files_to_write", plan.filesToWrite());
            g.writeNumberField("bytes_to_write", plan.bytesToWrite());
            g.writeNumberField("unchanged", plan.unchanged().size());
            g.writeNumberField("kept", plan.conflicts().size());
            g.writeNumberField("refused", plan.refused().size());
            // room on the target's file system: usable -1 when it would not say
            g.writeNumberField("bytes_needed", plan.space().neededBytes());
            g.writeNumberField("bytes_free", plan.space().usableBytes());
            g.writeBooleanField("fits", plan.space().fits());
            g.writeArrayFieldStart("actions");
            for (Row r : rows(plan)) {
                g.writeStartObject();
                g.writeStringField("action", r.action());
                g.writeStringField("path", r.path());
                if (!r.id().isEmpty()) {
                    g.writeStringField("id", r.id());
                }
                if (r.size() >= 0) {
                    g.writeNumberField("size", r.size());
                }
                if (!r.mode().isEmpty()) {
                    g.writeStringField("mode", r.mode());
                }
                if (!r.detail().isEmpty()) {
                    g.writeStringField("detail", r.detail());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
