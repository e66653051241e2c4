package io.luxaris.channels.bluesky.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Logins ({@code createSession}) this process made per account. Bluesky allows 30 per 5 minutes and 300 per day per
 * account, and sessions are kept and refreshed, so a login is rare; this stops a loop (a session that cannot be
 * stored, a refresh token refused again and again) from locking the account out.
 */
final class LoginBudget {
    private static final int MAX_ACCOUNTS = 10_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> logins =
            Collections.synchronizedMap(new LinkedHashMap<String, Deque<Instant>>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                    return size() > MAX_ACCOUNTS;
                }
            });

    LoginBudget(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Takes one login for {@code identifier}: empty when allowed, else when the next one is. */
    Optional<Instant> take(String identifier, Instant now) {
        String key = identifier.toLowerCase(Locale.ROOT);
        synchronized (logins) {
            Deque<Instant> recent = logins.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
                recent.pollFirst();
            }
            if (recent.size() >= limit) {
                return Optional.of(recent.peekFirst().plus(window));
            }
            recent.addLast(now);
            return Optional.empty();
        }
    }

    void clear() {
        logins.clear();
    }
}
