package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.spi.channel.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class AdapterBuilderTest {
    @Test
    void byDefault_apiTimeouts_noSharedClient_noDryRun_noSleeper() {
        var builder = new AdapterBuilder<String>();

        assertThat(builder.http()).isEqualTo(HttpSettings.defaults());
        assertThat(builder.isDryRun()).isFalse();
        assertThat(builder.sleeper()).isEmpty();
        assertThat(new AdapterBuilder<String>(new HttpSettings.Timeouts(
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(3),
                                Duration.ofSeconds(4)))
                        .http()
                        .effectiveCallTimeout())
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theHttpSetters_buildUpTheHttpSettings() {
        var builder = new AdapterBuilder<String>();
        OkHttpClient shared = new OkHttpClient();

        builder.httpClient(shared);
        builder.connectTimeout(Duration.ofSeconds(1));
        builder.readTimeout(Duration.ofSeconds(2));
        builder.writeTimeout(Duration.ofSeconds(3));
        builder.callTimeout(Duration.ofSeconds(4));
        builder.maxResponseBytes(4096);

        HttpSettings http = builder.http();
        assertThat(http.sharedClient()).containsSame(shared);
        assertThat(http.effectiveConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(http.effectiveReadTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(http.effectiveWriteTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(http.effectiveCallTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(http.maxResponseBytes()).isEqualTo(4096);
        assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO))
                .hasMessage("readTimeout must be positive but was PT0S");
        assertThatThrownBy(() -> builder.maxResponseBytes(10))
                .hasMessageStartingWith("maxResponseBytes must be within");
    }

    @Test
    void dryRun_withOrWithoutASink_andTheSleeper() {
        var previews = new ArrayList<String>();
        var builder = new AdapterBuilder<String>();
        Sleeper sleeper = d -> {};

        builder.dryRun();
        assertThat(builder.isDryRun()).isTrue();
        builder.dryRun(previews::add);
        builder.dryRunSink().accept("POST /statuses");
        builder.sleeper(sleeper);

        assertThat(previews).containsExactly("POST /statuses");
        assertThat(builder.sleeper()).containsSame(sleeper);
        assertThat(builder.toString()).contains("dryRun=true").contains("sleeper=true");
        assertThatThrownBy(() -> builder.dryRun(null)).hasMessage("sink");
        assertThatThrownBy(() -> builder.sleeper(null)).hasMessage("sleeper");
    }

    @Test
    void theChecks_nameTheSetting() {
        assertThat(AdapterBuilder.url("https://api.example/", "baseUrl"))
                .isEqualTo(HttpUrl.get("https://api.example/"));
        assertThatThrownBy(() -> AdapterBuilder.url("ftp://x", "baseUrl"))
                .hasMessage("baseUrl must be an http(s) URL but was 'ftp://x'");
        assertThatThrownBy(() -> AdapterBuilder.url(null, "pdsUrl")).hasMessage("pdsUrl");
        assertThat(AdapterBuilder.positive(Duration.ofMillis(1), "pollInterval"))
                .isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> AdapterBuilder.positive(Duration.ofSeconds(-1), "pollInterval"))
                .hasMessage("pollInterval must be positive but was PT-1S");
        assertThat(AdapterBuilder.notNegative(Duration.ZERO, "lookupGrace")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> AdapterBuilder.notNegative(Duration.ofSeconds(-1), "lookupGrace"))
                .hasMessage("lookupGrace must not be negative but was PT-1S");
        assertThat(AdapterBuilder.nonBlank("app", "clientId")).isEqualTo("app");
        assertThatThrownBy(() -> AdapterBuilder.nonBlank(" ", "clientId")).hasMessage("clientId must not be blank");
    }
}
