package dev.packinspector.cli;

/** The arguments name something that does not exist or are ambiguous: exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
