package io.luxaris.channels.linkedin;

import io.luxaris.spi.channel.PublishOutcome;
import java.util.Objects;

/** Ends a publish attempt early with a failure outcome (a step before the post itself failed). */
final class PublishStop extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized: it only carries an outcome up the stack
    private final PublishOutcome.Failed outcome;

    PublishStop(PublishOutcome.Failed outcome) {
        super(outcome.code(), null, false, false);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    PublishOutcome.Failed outcome() {
        return outcome;
    }
}
