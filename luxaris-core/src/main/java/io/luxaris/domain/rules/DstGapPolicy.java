package io.luxaris.domain.rules;

/** What to do with a local time that does not exist because clocks jump forward. */
public enum DstGapPolicy {
    /** Refuse it with a {@code dst_gap} violation that says what happens at that time. */
    REJECT,
    /** Move it forward by the length of the gap (02:30 in a 02:00→03:00 gap becomes 03:30). */
    SHIFT_FORWARD
}
