package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.PathVersions;
import dev.packinspector.history.StoreIndex;
import java.io.IOException;
import java.util.List;

/** JSON shapes several commands share. */
final class JsonWriting {
    private JsonWriting() {
    }

    /** {@code "id", "size", "mode"} (and {@code "problem"}) of a manifest row, as fields of the open object. */
    static void entryFields(JsonGenerator g, ManifestEntry e) throws IOException {
        g.writeStringField("id", e.blob() == null ? null : e.blob().toHex());
        g.writeNumberField("size", e.size());
        g.writeStringField("mode", Long.toOctalString(e.mode()));
        if (e.problem() != null) {
            g.writeStringField("problem", e.problem());
        }
    }

    static void entry(JsonGenerator g, String name, ManifestEntry e) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("path", e.path());
        entryFields(g, e);
        g.writeEndObject();
    }

    static void snapshotIds(JsonGenerator g, List<Snapshot> snapshots) throws IOException {
        g.writeArrayFieldStart("snapshots");
        for (Snapshot s : snapshots) {
            g.writeString(s.id());
        }
        g.writeEndArray();
    }

    /** {@code {"path", "versions": [{"id", "size", "mode", "first_seen", "snapshots"}]}} */
    static void pathVersions(JsonGenerator g, PathVersions p) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", p.path());
        g.writeArrayFieldStart("versions");
        for (PathVersions.Version v : p.versions()) {
            g.writeStartObject();
            entryFields(g, v.entry());
            g.writeStringField("first_seen", v.snapshots().get(0).createdAt());
            snapshotIds(g, v.snapshots());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code "uses": [{"snapshot", "created_at", "path", "mode"}]} */
    static void uses(JsonGenerator g, List<StoreIndex.Use> uses) throws IOException {
        g.writeArrayFieldStart("uses");
        for (StoreIndex.Use u : uses) {
            g.writeStartObject();
            g.writeStringField("snapshot", u.snapshot().id());
            g.writeStringField("created_at", u.snapshot().createdAt());
            g.writeStringField("path", u.path());
            g.writeStringField("mode", Long.toOctalString(u.mode()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
