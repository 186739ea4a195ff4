package dev.packinspector.cli;

import java.util.Optional;

/** Closes an optional resource (a store may have no catalog) in try-with-resources. */
record Closing<T extends AutoCloseable>(Optional<T> value) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        if (value.isPresent()) {
            value.get().close();
        }
    }
}
