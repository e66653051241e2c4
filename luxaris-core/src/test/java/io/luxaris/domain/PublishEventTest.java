package io.luxaris.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The named factories of {@link PublishEvent} fill exactly the fields of their outcome. */
class PublishEventTest {
    private static final ScheduleId SCHEDULE = ScheduleId.random();
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Optional<String> RAW = Optional.of("{\"id\":\"1\"}");

    @Test
    void successCarriesTheExternalPostAndNoError() {
        PublishEvent e = PublishEvent.success(SCHEDULE, 2, AT, "ext-1", Optional.of("https://x.example/1"), RAW);

        assertThat(e.status()).isEqualTo(PublishEventStatus.SUCCESS);
        assertThat(e.scheduleId()).isEqualTo(SCHEDULE);
        assertThat(e.attemptIndex()).isEqualTo(2);
        assertThat(e.timestamp()).isEqualTo(AT);
        assertThat(e.externalPostId()).contains("ext-1");
        assertThat(e.externalUrl()).contains("https://x.example/1");
        assertThat(e.failureKind()).isEmpty();
        assertThat(e.errorCode()).isEmpty();
        assertThat(e.errorMessage()).isEmpty();
        assertThat(e.rawResponse()).isEqualTo(RAW);
    }

    @Test
    void failuresCarryTheirStatusKindCodeAndMessageAndNoExternalPost() {
        Optional<FailureKind> kind = Optional.of(FailureKind.RETRYABLE);
        PublishEvent failed = PublishEvent.failed(SCHEDULE, 1, AT, kind, "http_500", "server error", RAW);
        PublishEvent retried = PublishEvent.retried(SCHEDULE, 1, AT, kind, "http_503", "unavailable", RAW);
        PublishEvent unconfirmed =
                PublishEvent.unconfirmed(SCHEDULE, 1, AT, Optional.empty(), "timeout", "no answer", Optional.empty());

        assertThat(failed.status()).isEqualTo(PublishEventStatus.FAILED);
        assertThat(retried.status()).isEqualTo(PublishEventStatus.RETRIED);
        assertThat(unconfirmed.status()).isEqualTo(PublishEventStatus.UNCONFIRMED);
        assertThat(failed.failureKind()).isEqualTo(kind);
        assertThat(failed.errorCode()).contains("http_500");
        assertThat(failed.errorMessage()).contains("server error");
        assertThat(retried.errorCode()).contains("http_503");
        assertThat(unconfirmed.failureKind()).isEmpty();
        assertThat(unconfirmed.errorMessage()).contains("no answer");
        for (PublishEvent e : new PublishEvent[] {failed, retried, unconfirmed}) {
            assertThat(e.externalPostId()).isEmpty();
            assertThat(e.externalUrl()).isEmpty();
        }
    }

    @Test
    void cancelledAndDryRunCarryOnlyTheirOwnFields() {
        PublishEvent cancelled = PublishEvent.cancelled(SCHEDULE, 0, AT, "too_late", "approved after its time");
        PublishEvent dry = PublishEvent.dryRun(SCHEDULE, 1, AT, Optional.of("POST /posts [REDACTED]"));

        assertThat(cancelled.status()).isEqualTo(PublishEventStatus.CANCELLED);
        assertThat(cancelled.errorCode()).contains("too_late");
        assertThat(cancelled.errorMessage()).contains("approved after its time");
        assertThat(cancelled.failureKind()).isEmpty();
        assertThat(cancelled.rawResponse()).isEmpty();
        assertThat(dry.status()).isEqualTo(PublishEventStatus.DRY_RUN);
        assertThat(dry.rawResponse()).contains("POST /posts [REDACTED]");
        assertThat(dry.errorCode()).isEmpty();
        assertThat(dry.externalPostId()).isEmpty();
    }

    @Test
    void eachFactoryGivesANewIdAndWithNoteKeepsItWhileAddingTheNote() {
        PublishEvent a = PublishEvent.success(SCHEDULE, 1, AT, "ext", Optional.empty(), Optional.empty());
        PublishEvent b = PublishEvent.success(SCHEDULE, 1, AT, "ext", Optional.empty(), Optional.empty());
        PublishEvent noted = a.withNote("reconciled", "found on the platform");

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(noted.id()).isEqualTo(a.id());
        assertThat(noted.status()).isEqualTo(PublishEventStatus.SUCCESS);
        assertThat(noted.externalPostId()).contains("ext");
        assertThat(noted.errorCode()).contains("reconciled");
        assertThat(noted.errorMessage()).contains("found on the platform");
    }
}
