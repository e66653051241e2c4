package io.luxaris.http.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The numbered entries a publisher keeps in a schedule's checkpoint for the parts of a thread ({@code x.part.0}, {@code
 * x.part.1}...: what part N got from the platform), read back by the next attempt, and the first part still missing.
 * Entries whose number is not a whole number from 0, or whose value is blank, are not the publisher's and are passed
 * over.
 */
public final class Checkpoints {
    private Checkpoints() {}

    /**
     * The entries {@code prefix + N} of {@code checkpoint}, by N.
     *
     * @param checkpoint a schedule's checkpoint
     * @param prefix the key prefix, such as {@code x.part.}
     * @return the values by part number, in order (a new map the caller may change)
     */
    public static TreeMap<Integer, String> numbered(Map<String, String> checkpoint, String prefix) {
        return numbered(checkpoint, prefix, "");
    }

    /**
     * The entries {@code prefix + N + suffix} of {@code checkpoint}, by N (such as {@code bluesky.part.0.uri}).
     *
     * @param checkpoint a schedule's checkpoint
     * @param prefix the key prefix, such as {@code bluesky.part.}
     * @param suffix what follows the number, such as {@code .uri} ({@code ""} for nothing)
     * @return the values by part number, in order (a new map the caller may change)
     */
    public static TreeMap<Integer, String> numbered(Map<String, String> checkpoint, String prefix, String suffix) {
        var found = new TreeMap<Integer, String>();
        checkpoint.forEach((key, value) -> {
            if (key.startsWith(prefix)
                    && key.endsWith(suffix)
                    && key.length() > prefix.length() + suffix.length()
                    && !value.isBlank()) {
                try {
                    int part = Integer.parseInt(key.substring(prefix.length(), key.length() - suffix.length()));
                    if (part >= 0) {
                        found.put(part, value);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        });
        return found;
    }

    /**
     * Writes {@code values} into {@code checkpoint} as {@code prefix + N}, in part order.
     *
     * @param checkpoint the checkpoint being built
     * @param prefix the key prefix, such as {@code x.part.}
     * @param values the values by part number
     */
    public static void putNumbered(Map<String, String> checkpoint, String prefix, Map<Integer, String> values) {
        new TreeMap<>(values).forEach((part, value) -> checkpoint.put(prefix + part, value));
    }

    /**
     * The first of the parts {@code 0..parts-1} that {@code posted} does not hold.
     *
     * @param posted what is known by part number
     * @param parts how many parts there are
     * @return that part's number, or {@code -1} when every part is there
     */
    public static int firstMissing(Map<Integer, ?> posted, int parts) {
        for (int i = 0; i < parts; i++) {
            if (!posted.containsKey(i)) {
                return i;
            }
        }
        return -1;
    }
}
