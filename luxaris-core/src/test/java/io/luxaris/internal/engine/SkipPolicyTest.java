package io.luxaris.internal.engine;

import static io.luxaris.internal.engine.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SkipPolicyTest {
    private static final Duration WINDOW = Duration.ofHours(2);
    private static final Jobs JOBS = new Jobs();
    private static final PostVariant VARIANT = JOBS.job("x", "@a").variant();
    private static final ChannelConnection CONNECTED = JOBS.connection("x", "@a");
    private static final Post POST = new Post(
            VARIANT.postId(),
            "alice",
            Optional.empty(),
            "text",
            List.of(),
            PostStatus.SCHEDULED,
            Map.of(),
            T0,
            T0,
            Optional.empty(),
            0);

    private static ChannelConnection in(ConnectionStatus status, Optional<String> reason) {
        return new ChannelConnection(
                CONNECTED.id(),
                "alice",
                CONNECTED.channelId(),
                "@a",
                status,
                reason,
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                T0,
                T0,
                Optional.empty(),
                0);
    }

    static Stream<Arguments> cases() {
        Post archived = POST.withStatus(PostStatus.ARCHIVED, T0);
        Instant now = T0.plus(WINDOW);
        return Stream.of(
                // variant, post, connection, channel registered, due, code (null: published)
                Arguments.of(Optional.empty(), Optional.of(POST), Optional.of(CONNECTED), true, T0, "variant_missing"),
                Arguments.of(
                        Optional.of(VARIANT), Optional.empty(), Optional.of(CONNECTED), true, T0, "variant_missing"),
                Arguments.of(
                        Optional.of(VARIANT), Optional.of(archived), Optional.of(CONNECTED), true, T0, "post_archived"),
                Arguments.of(Optional.of(VARIANT), Optional.of(POST), Optional.empty(), true, T0, "connection_missing"),
                Arguments.of(
                        Optional.of(VARIANT),
                        Optional.of(POST),
                        Optional.of(in(ConnectionStatus.REVOKED, Optional.empty())),
                        true,
                        T0,
                        "connection_revoked"),
                Arguments.of(
                        Optional.of(VARIANT),
                        Optional.of(POST),
                        Optional.of(in(ConnectionStatus.ERROR, Optional.of("token refused"))),
                        true,
                        T0,
                        "connection_error"),
                Arguments.of(
                        Optional.of(VARIANT),
                        Optional.of(POST),
                        Optional.of(CONNECTED),
                        false,
                        T0,
                        "channel_unavailable"),
                Arguments.of(
                        Optional.of(VARIANT),
                        Optional.of(POST),
                        Optional.of(CONNECTED),
                        true,
                        T0.minusMillis(1),
                        "too_late"),
                Arguments.of(Optional.of(VARIANT), Optional.of(POST), Optional.of(CONNECTED), true, T0, null),
                Arguments.of(Optional.of(VARIANT), Optional.of(POST), Optional.of(CONNECTED), true, now, null));
    }

    @ParameterizedTest(name = "[{index}] -> {5}")
    @MethodSource("cases")
    void aClaimedScheduleIsSkippedForTheFirstReasonThatApplies(
            Optional<PostVariant> variant,
            Optional<Post> post,
            Optional<ChannelConnection> connection,
            boolean registered,
            Instant due,
            String code) {
        Instant now = T0.plus(WINDOW);

        Optional<SkipPolicy.Skip> skip = SkipPolicy.check(variant, post, connection, registered, due, now, WINDOW);

        assertThat(skip.map(SkipPolicy.Skip::code)).isEqualTo(Optional.ofNullable(code));
        skip.ifPresent(s -> assertThat(s.reason()).isNotBlank());
    }

    @Test
    void theReasons_sayWhatPeopleNeedToKnow() {
        var error = SkipPolicy.check(
                        Optional.of(VARIANT),
                        Optional.of(POST),
                        Optional.of(in(ConnectionStatus.ERROR, Optional.of("token refused"))),
                        true,
                        T0,
                        T0,
                        WINDOW)
                .orElseThrow();
        assertThat(error.reason()).isEqualTo("the connection is error (token refused)");

        var late = SkipPolicy.check(
                        Optional.of(VARIANT),
                        Optional.of(POST),
                        Optional.of(CONNECTED),
                        true,
                        T0,
                        T0.plus(Duration.ofMinutes(150)),
                        WINDOW)
                .orElseThrow();
        assertThat(late.reason()).contains("150 min after it was due").contains("lateness window of 120 min");
    }

    @Test
    void anArchivedPostWins_overARevokedConnection() {
        var skip = SkipPolicy.check(
                Optional.of(VARIANT),
                Optional.of(POST.withStatus(PostStatus.ARCHIVED, T0)),
                Optional.of(in(ConnectionStatus.REVOKED, Optional.empty())),
                false,
                T0.minusSeconds(99_999),
                T0,
                WINDOW);
        assertThat(skip.map(SkipPolicy.Skip::code)).contains("post_archived");
    }
}
