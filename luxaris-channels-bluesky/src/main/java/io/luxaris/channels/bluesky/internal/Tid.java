package io.luxaris.channels.bluesky.internal;

import io.luxaris.domain.ScheduleId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Record keys ({@code rkey}) of a schedule's posts: TIDs (13 characters of base32-sortable, a 53-bit microsecond
 * timestamp and a 10-bit clock id) derived from the schedule id alone, so every attempt of a schedule writes the same
 * keys. The repository refuses a second record under an existing key, and an attempt whose outcome is unknown is
 * settled by reading the record under its key ({@code getRecord}), never by posting again.
 *
 * <p>For the time-ordered (version 7) schedule ids Luxaris makes, the timestamp is the schedule's creation millisecond;
 * its microseconds and the clock id come from the id's counter and random bits, and thread part {@code n} adds {@code
 * n} microseconds (up to 26 parts fit in one slot of the millisecond). Other UUIDs are hashed.
 */
public final class Tid {
    /** The base32-sortable alphabet of TIDs. */
    static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    private static final Pattern SYNTAX = Pattern.compile("[2-7a-j][2-7a-z]{12}");
    private static final int SLOT = 26;
    private static final int SLOTS_PER_MILLI = 1000 / SLOT;

    private Tid() {}

    /** The TID of {@code micros} since the epoch with clock id {@code clockId} (0..1023). */
    public static String of(long micros, int clockId) {
        if (micros < 0 || micros >= (1L << 53)) {
            throw new IllegalArgumentException("a TID timestamp must be within 0..2^53-1 but was " + micros);
        }
        if (clockId < 0 || clockId > 1023) {
            throw new IllegalArgumentException("a TID clock id must be within 0..1023 but was " + clockId);
        }
        long value = (micros << 10) | clockId;
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(out);
    }

    /** The microsecond timestamp of a TID. */
    public static long micros(String tid) {
        return decode(tid) >>> 10;
    }

    /** The clock id of a TID. */
    public static int clockId(String tid) {
        return (int) (decode(tid) & 1023);
    }

    /** Whether {@code text} is a TID. */
    public static boolean isTid(String text) {
        return SYNTAX.matcher(text).matches();
    }

    /** The record key of part {@code part} (0 = the first post) of the schedule's variant. */
    public static String forPart(ScheduleId schedule, int part) {
        if (part < 0 || part >= SLOT) {
            throw new IllegalArgumentException("a thread part must be within 0.." + (SLOT - 1) + " but was " + part);
        }
        UUID id = schedule.value();
        long millis;
        int slot;
        int clockId;
        if (id.version() == 7) {
            millis = id.getMostSignificantBits() >>> 16;
            int counter = (int) (id.getMostSignificantBits() & 0xFFF);
            slot = counter % SLOTS_PER_MILLI;
            clockId = (int) (id.getLeastSignificantBits() & 1023);
        } else {
            ByteBuffer hash = ByteBuffer.wrap(sha256(id.toString()));
            // a millisecond between 2023-11 and about 2058, from the hash
            millis = 1_700_000_000_000L + Math.floorMod(hash.getLong(), 1L << 40);
            slot = Math.floorMod(hash.getInt(), SLOTS_PER_MILLI);
            clockId = Math.floorMod(hash.getInt(), 1024);
        }
        return of(millis * 1000 + (long) slot * SLOT + part, clockId);
    }

    /** When a TID says it was made (for messages). */
    public static Instant instant(String tid) {
        long micros = micros(tid);
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }

    private static long decode(String tid) {
        if (!isTid(tid)) {
            throw new IllegalArgumentException("not a TID: '" + tid + "'");
        }
        long value = 0;
        for (char c : tid.toCharArray()) {
            value = (value << 5) | ALPHABET.indexOf(c);
        }
        return value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
