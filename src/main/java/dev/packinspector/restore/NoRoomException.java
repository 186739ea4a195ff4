package dev.packinspector.restore;

import java.io.IOException;

/**
 * What is to be written cannot fit where it is to go, as the file system says before anything is
 * written; the message is the user's sentence (where, how much is free, how much is needed).
 */
public final class NoRoomException extends IOException {
    public NoRoomException(String sentence) {
        super(sentence);
    }
}
