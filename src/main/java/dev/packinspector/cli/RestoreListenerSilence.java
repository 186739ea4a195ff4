package dev.packinspector.cli;

import dev.packinspector.restore.RestoreListener;

/** For --json runs: problems go into the JSON, not onto standard error. */
enum RestoreListenerSilence implements RestoreListener {
    INSTANCE
}
