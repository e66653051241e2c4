package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class OAuthBuilderTest {
    @Test
    void byDefault_theDefaultHttpSettings_andTheUtcSystemClock() {
        var builder = new OAuthBuilder();

        assertThat(builder.http()).isEqualTo(HttpSettings.defaults());
        assertThat(builder.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void theSharedClientAndTheClock_areKept() {
        var builder = new OAuthBuilder();
        OkHttpClient shared = new OkHttpClient();
        Clock fixed = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

        builder.httpClient(shared);
        builder.clock(fixed);

        assertThat(builder.http().sharedClient()).containsSame(shared);
        assertThat(builder.http().defaultTimeouts()).isEqualTo(HttpSettings.API_TIMEOUTS);
        assertThat(builder.clock()).isSameAs(fixed);
        try (PlatformHttp http = builder.platformHttp("X")) {
            assertThat(http.settings()).isEqualTo(builder.http());
            assertThat(http.isDryRun()).isFalse();
        }
    }

    @Test
    void nullSettings_areRefused_namingTheSetting() {
        var builder = new OAuthBuilder();

        assertThatThrownBy(() -> builder.httpClient(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("httpClient");
        assertThatThrownBy(() -> builder.clock(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("clock");
    }
}
