package io.luxaris.util;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/** RFC 9562 version 7 UUIDs: 48-bit Unix milliseconds, then a monotonic counter, then random bits. */
public final class Uuids {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long lastMillis;
    private static long counter;

    private Uuids() {}

    public static UUID timeOrdered() {
        long millis;
        long seq;
        LOCK.lock();
        try {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = ThreadLocalRandom.current().nextInt(1 << 11);
            } else {
                counter++;
                if (counter >= (1 << 12)) {
                    // counter overflow within one millisecond: borrow the next millisecond
                    lastMillis++;
                    counter = 0;
                }
            }
            millis = lastMillis;
            seq = counter;
        } finally {
            LOCK.unlock();
        }
        long msb = (millis << 16) | (0x7L << 12) | seq;
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
