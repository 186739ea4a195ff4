package dev.packinspector.app.session;

import dev.packinspector.store.ObjectId;

/**
 * Something found damaged while it was looked at (an object or tree previewed): {@code what} it is
 * in words, the pack and object to go to (either may be null) and why.
 */
public record Damage(String what, String pack, ObjectId object, Throwable cause) {
}
