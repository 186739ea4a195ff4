package dev.packinspector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The diff of two fixture snapshots worked out from manifest.json alone, for the diff tests to compare with. */
public final class ManifestDiff {
    private ManifestDiff() {
    }

    /** git-style lines, from the JSON: renames pair a removed and an added path of one non-empty object, in path order. */
    public static List<String> lines(JsonNode from, JsonNode to) {
        Map<String, JsonNode> a = new TreeMap<>();
        from.get("files").forEach(f -> a.put(f.get("path").asText(), f));
        Map<String, JsonNode> b = new TreeMap<>();
        to.get("files").forEach(f -> b.put(f.get("path").asText(), f));
        var lines = new TreeMap<String, String>();
        var removed = new HashMap<String, ArrayDeque<String>>();
        for (var e : a.entrySet()) {
            if (!b.containsKey(e.getKey()) && e.getValue().get("size").asLong() > 0) {
                removed.computeIfAbsent(e.getValue().get("blob_hash").asText(), h -> new ArrayDeque<>()).add(e.getKey());
            }
        }
        var renamed = new ArrayList<String>();
        for (var e : b.entrySet()) {
            JsonNode old = a.get(e.getKey());
            if (old == null) {
                var candidates = e.getValue().get("size").asLong() > 0 ? removed.get(e.getValue().get("blob_hash").asText()) : null;
                if (candidates != null && !candidates.isEmpty()) {
                    String was = candidates.poll();
                    renamed.add(was);
                    lines.put(e.getKey(), "R " + was + " -> " + e.getKey());
                } else {
                    lines.put(e.getKey(), "A " + e.getKey());
                }
            } else if (!old.get("blob_hash").equals(e.getValue().get("blob_hash")) || !old.get("mode").equals(e.getValue().get("mode"))
                    || !old.get("size").equals(e.getValue().get("size"))) {
                lines.put(e.getKey(), "M " + e.getKey());
            }
        }
        for (String path : a.keySet()) {
            if (!b.containsKey(path) && !renamed.contains(path)) {
                lines.put(path, "D " + path);
            }
        }
        return new ArrayList<>(lines.values());
    }
}
