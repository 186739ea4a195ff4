package dev.packinspector.app.history;

/** A result worked out in the background and how long that took, to show beside it. */
record Timed<T>(T value, long nanos) {
}
