package dev.packinspector.differential;

import java.util.List;

/** The edits made before one save, and the save's message. */
record Round(String message, List<Edit> edits) {
    Round {
        edits = List.copyOf(edits);
    }
}
