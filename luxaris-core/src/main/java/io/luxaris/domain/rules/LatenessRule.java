package io.luxaris.domain.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * A schedule found due longer ago than the lateness window (the engine was down, the queue was stuck) is skipped
 * with a reason instead of posting stale content. The time compared is the attempt's due time ({@code
 * next_attempt_at}), so a deliberate retry delay never makes a schedule late.
 */
public final class LatenessRule {
    private LatenessRule() {}

    /**
     * Whether a schedule is too late to publish.
     *
     * @param due the attempt's due time ({@code next_attempt_at})
     * @param now the current time
     * @param window the lateness window of the rules
     * @return true when the due time is more than {@code window} ago
     */
    public static boolean isTooLate(Instant due, Instant now, Duration window) {
        return Duration.between(due, now).compareTo(window) > 0;
    }

    /**
     * The sentence that says why a schedule was skipped as too late.
     *
     * @param due the attempt's due time ({@code next_attempt_at})
     * @param now the current time
     * @param window the lateness window of the rules
     * @return a reason safe to show, naming how late it was and the window
     */
    public static String tooLateReason(Instant due, Instant now, Duration window) {
        return "found " + Duration.between(due, now).toMinutes()
                + " min after it was due, beyond the lateness window of " + window.toMinutes()
                + " min; not publishing stale content";
    }
}
