package dev.packinspector.app.session;

/**
 * Who still works on a store the window may have moved on from (a restore of the store shown
 * before): the store closes when it is asked to and the last of them has let go.
 */
final class Holds {
    private int count;
    private boolean closing;

    /** One more user; false if the store is closed or closing with no user left (too late to hold it). */
    synchronized boolean take() {
        if (closing && count == 0) {
            return false;
        }
        count++;
        return true;
    }

    /** One user fewer; true if that was the last and the store is to close now. */
    synchronized boolean release() {
        count--;
        return closing && count == 0;
    }

    /** The store is to close; true if nobody holds it, so it closes now. */
    synchronized boolean closeWhenFree() {
        boolean now = !closing && count == 0;
        closing = true;
        return now;
    }
}
