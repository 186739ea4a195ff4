package dev.packinspector;

import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The user's one sentence for any exception, for the command line and the window alike (DESIGN.md
 * §2: errors are shown as one clear sentence, never a stack trace). Exceptions whose message is
 * written for a user ({@link StoreException}, {@link UnknownSnapshotException}, {@link
 * IllegalArgumentException}, other {@link IOException}s) give their message; the file system's
 * exceptions give what happened and to which file ({@code no such file: /a/b}); wrappers
 * ({@link UncheckedIOException}, {@link ExecutionException}, ...) give their cause's sentence; anything
 * else, a programming error, is named by its class so that it is not mistaken for advice. The
 * sentence is on one line whatever the message holds. Stateless and thread-safe.
 */
public final class Errors {
    private Errors() {
    }

    /** One line for a user saying what went wrong; {@code "unknown error"} for null. Never throws. */
    public static String sentence(Throwable e) {
        Throwable t = unwrapped(e);
        if (t == null) {
            return "unknown error";
        }
        String text;
        if (t instanceof FileSystemException f) {
            text = fileSystem(f);
        } else if (t instanceof IOException || t instanceof IllegalArgumentException || t instanceof UnknownSnapshotException) {
            // StoreException is an IOException; its message names the file and offset already
            text = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        } else {
            text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return PathText.oneLine(text);
    }

    /** The exception a wrapper stands for: the cause of one that only carries another. */
    private static Throwable unwrapped(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 16 && t != null && t.getCause() != null && wrapper(t); depth++) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean wrapper(Throwable t) {
        return t instanceof UncheckedIOException || t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof InvocationTargetException;
    }

    /** "no such file: /a/b", "permission denied: /a/b", "file name too long: /a/b": what happened, then where. */
    private static String fileSystem(FileSystemException f) {
        String what = switch (f) {
            case NoSuchFileException _ -> "no such file";
            case AccessDeniedException _ -> "permission denied";
            case FileAlreadyExistsException _ -> "already exists";
            case DirectoryNotEmptyException _ -> "folder not empty";
            case NotDirectoryException _ -> "not a folder";
            case NotLinkException _ -> "not a symbolic link";
            case FileSystemLoopException _ -> "symbolic links in a loop";
            default -> null;
        };
        String reason = f.getReason() == null ? null : lowerFirst(f.getReason());
        if (what == null) {
            what = reason != null ? reason : "cannot use the file";
        } else if (reason != null) {
            what += " (" + reason + ")";
        }
        String where = f.getFile() == null ? f.getOtherFile() : f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
        return where == null ? what : what + ": " + where;
    }

    /** "No space left on device" as the middle of a sentence; "I/O error" stays as it is. */
    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }
}
