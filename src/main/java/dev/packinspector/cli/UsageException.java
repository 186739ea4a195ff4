package dev.packinspector.cli;

/** The arguments name something that does not exist or are ambiguous: exit code 2, and the message alone. */
final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
