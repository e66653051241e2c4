package io.luxaris.internal;

import io.luxaris.errors.ConflictException;
import io.luxaris.errors.Violation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.IdempotencyRecord;
import io.luxaris.spi.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency keys inside the creating transaction: claim the key first (an earlier use with the same request
 * returns its stored result, another request is a conflict), store the result before commit. Also the request
 * fingerprint and the encoding of results. Internal.
 */
public final class Idempotency {
    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);

    /** The default retention of a key. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    /** The shortest retention the builder accepts. */
    public static final Duration MIN_RETENTION = Duration.ofMinutes(1);

    /** The longest retention the builder accepts. */
    public static final Duration MAX_RETENTION = Duration.ofDays(30);

    /** The most expired keys one housekeeping pass deletes. */
    public static final int PURGE_BATCH = 1_000;

    private static final char ITEM = '\n';
    private static final char VIOLATION = '\u001E';
    private static final char FIELD = '\u001F';

    private Idempotency() {}

    /**
     * Claims {@code key} for the principal; returns the stored result of an earlier call with the same operation
     * and fingerprint, or empty when this call is the first (and must {@link #complete} before its commit).
     *
     * @throws ConflictException when the key was used with another operation or request
     */
    public static Optional<String> claim(
            CoreRuntime rt, Transaction tx, Principal principal, String key, String operation, String fingerprint) {
        Instant now = rt.now();
        var claim = new IdempotencyRecord(
                principal.id(), key, operation, fingerprint, "", now, now.plus(rt.idempotencyRetention()));
        Optional<IdempotencyRecord> existing = tx.idempotency().claim(claim);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord found = existing.get();
        if (!found.operation().equals(operation) || !found.fingerprint().equals(fingerprint)) {
            throw new ConflictException("idempotency key '" + key + "' was already used with a different request ("
                    + found.operation() + "); use a new key for a new request");
        }
        return Optional.of(found.result());
    }

    /** Stores the result of a key claimed in this transaction. */
    public static void complete(Transaction tx, Principal principal, String key, String result) {
        tx.idempotency().complete(principal.id(), key, result);
    }

    /** Deletes up to {@value #PURGE_BATCH} expired keys; failures are logged, never thrown (housekeeping). */
    public static int purge(CoreRuntime rt) {
        try {
            Instant now = rt.now();
            return rt.storage().inTransaction(tx -> tx.idempotency().purgeExpired(now, PURGE_BATCH));
        } catch (RuntimeException e) {
            LOG.warn("purging expired idempotency keys failed; retrying at the next pass", e);
            return 0;
        }
    }

    /** A fingerprint of one request: the SHA-256 of its operation and fields, each length-prefixed. */
    public static Fingerprint fingerprint(String operation) {
        return new Fingerprint().add(operation);
    }

    /** Accumulates the fields of a request. */
    public static final class Fingerprint {
        private final MessageDigest digest;

        private Fingerprint() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Adds a value (null and empty are told apart). */
        public Fingerprint add(@Nullable Object value) {
            if (value == null) {
                digest.update((byte) 0);
                return this;
            }
            byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 1);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
            return this;
        }

        /** Adds an optional value. */
        public Fingerprint add(Optional<?> value) {
            return add(value.orElse(null));
        }

        /** Adds a list, in order. */
        public Fingerprint addAll(List<?> values) {
            add(values.size());
            values.forEach(v -> add(v instanceof Optional<?> o ? o.orElse(null) : v));
            return this;
        }

        /** Adds a map, in key order (so two maps with one content give one fingerprint). */
        public Fingerprint add(Map<String, String> values) {
            add(values.size());
            new TreeMap<>(values).forEach((k, v) -> add(k).add(v));
            return this;
        }

        /** The hex SHA-256. */
        public String hash() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** The stored form of one item of a result: the id it created, or its violations. */
    public record Item(Optional<String> id, List<Violation> violations) {
        public static Item created(Object id) {
            return new Item(Optional.of(id.toString()), List.of());
        }

        public static Item rejected(List<Violation> violations) {
            return new Item(Optional.empty(), List.copyOf(violations));
        }
    }

    /** Encodes items: one line each, {@code +id} or {@code -} with the violations' fields. */
    public static String encode(List<Item> items) {
        var out = new StringBuilder();
        for (Item item : items) {
            if (!out.isEmpty()) {
                out.append(ITEM);
            }
            if (item.id().isPresent()) {
                out.append('+').append(item.id().get());
                continue;
            }
            out.append('-');
            for (int i = 0; i < item.violations().size(); i++) {
                Violation v = item.violations().get(i);
                if (i > 0) {
                    out.append(VIOLATION);
                }
                out.append(clean(v.field()))
                        .append(FIELD)
                        .append(clean(v.rule()))
                        .append(FIELD)
                        .append(clean(v.message()));
            }
        }
        return out.toString();
    }

    /** Decodes what {@link #encode} wrote. */
    public static List<Item> decode(String encoded) {
        var items = new ArrayList<Item>();
        if (encoded.isEmpty()) {
            return items;
        }
        for (String line : encoded.split(String.valueOf(ITEM), -1)) {
            if (line.startsWith("+")) {
                items.add(Item.created(line.substring(1)));
                continue;
            }
            var violations = new ArrayList<Violation>();
            for (String v : line.substring(1).split(String.valueOf(VIOLATION), -1)) {
                String[] parts = v.split(String.valueOf(FIELD), 3);
                violations.add(new Violation(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
            }
            items.add(Item.rejected(violations));
        }
        return items;
    }

    private static String clean(String value) {
        var out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c < ' ' ? ' ' : c);
        }
        return out.toString();
    }
}
