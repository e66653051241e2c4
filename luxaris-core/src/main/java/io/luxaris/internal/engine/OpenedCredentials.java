package io.luxaris.internal.engine;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The credentials the engine opened last, per connection, kept with the sealed bytes they came from: a start whose
 * connection's stored bytes are the same ones uses them again instead of decrypting and decoding anew (a busy
 * account is started many times a minute; each decryption costs more than the rest of its start). Stored bytes
 * that changed (rotated or refreshed tokens, a re-keyed store) are opened again. At most {@code capacity}
 * connections are kept, the least recently started dropped first; what cannot be opened is never kept. Thread-safe.
 *
 * <p>Decrypted credentials live in the engine's memory as long as they are kept here, as they do while their calls
 * run; they are never logged ({@link Credentials#toString()} shows the keys only).
 */
final class OpenedCredentials {
    /** Credentials and the bytes they were opened from (a copy: the caller's array is its own). */
    private static final class Opened {
        final byte[] sealed;
        final Credentials credentials;

        Opened(byte[] sealed, Credentials credentials) {
            this.sealed = sealed;
            this.credentials = credentials;
        }
    }

    private final Map<ConnectionId, Opened> opened;

    OpenedCredentials(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive but was " + capacity);
        }
        this.opened = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ConnectionId, Opened> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The credentials sealed in {@code sealed}: the kept ones when the bytes are the same as last time, else
     * {@code open}'s (kept unless it throws, which goes to the caller).
     */
    Credentials open(ConnectionId id, byte[] sealed, Function<byte[], Credentials> open) {
        Opened kept;
        synchronized (opened) {
            kept = opened.get(id);
        }
        if (kept != null && Arrays.equals(kept.sealed, sealed)) {
            return kept.credentials;
        }
        Credentials credentials = open.apply(sealed);
        synchronized (opened) {
            opened.put(id, new Opened(sealed.clone(), credentials));
        }
        return credentials;
    }

    /** How many connections' credentials are kept. */
    int size() {
        synchronized (opened) {
            return opened.size();
        }
    }
}
