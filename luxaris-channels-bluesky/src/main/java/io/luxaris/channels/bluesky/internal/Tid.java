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
 * <p>The keys of two schedules of one account must never meet (a create under a taken key fails, and a post found
 * under it with the same text would be taken for this schedule's). So the key's timestamp and clock id come from a
 * SHA-256 of the whole schedule id: a microsecond within the hour before the schedule was made (the millisecond of a
 * time-ordered, version 7 id; other ids are hashed to a millisecond too), in steps of {@value #SLOT}, and thread part
 * {@code n} adds {@code n} microseconds. About 10^11 keys per hour: even a thousand schedules of one account made in
 * the same millisecond are all but certain to get distinct keys. The keys lie in the past, as TIDs made by a clock do.
 */
public final class Tid {
    /** The base32-sortable alphabet of TIDs. */
    static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    private static final Pattern SYNTAX = Pattern.compile("[2-7a-j][2-7a-z]{12}");
    private static final int SLOT = 32;
    private static final long WINDOW_MICROS = 3_600_000_000L;

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
        if (part < 0 || part > io.luxaris.domain.Limits.THREAD_PARTS) {
            throw new IllegalArgumentException(
                    "a thread part must be within 0.." + io.luxaris.domain.Limits.THREAD_PARTS + " but was " + part);
        }
        UUID id = schedule.value();
        ByteBuffer hash = ByteBuffer.wrap(sha256(id.toString()));
        long millis = id.version() == 7
                ? id.getMostSignificantBits() >>> 16
                // a millisecond between 2023-11 and about 2058, from the hash
                : 1_700_000_000_000L + Math.floorMod(hash.getLong(16), 1L << 40);
        long back = Math.floorMod(hash.getLong(0), WINDOW_MICROS / SLOT) * SLOT;
        long start = Math.max(0, millis * 1000 - WINDOW_MICROS + back);
        start -= start % SLOT;
        int clockId = Math.floorMod(hash.getInt(8), 1024);
        return of(start + part, clockId);
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
        for (int i = 0; i < tid.length(); i++) {
            value = (value << 5) | ALPHABET.indexOf(tid.charAt(i));
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
