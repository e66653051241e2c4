package io.luxaris.generation.openai.internal;

import io.luxaris.generation.openai.AuthScheme;
import io.luxaris.generation.openai.ServerProfile.TokenLimit;
import io.luxaris.http.internal.HttpSettings;
import io.luxaris.spi.channel.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import okhttp3.HttpUrl;

/**
 * Configuration of one OpenAI generator, as the public builder validated it. {@link #toString()} never shows the
 * key or header values.
 *
 * @param key the provider key ({@code openai} unless the host registers several)
 * @param server the profile name, recorded in metadata
 * @param baseUrl the API base, ending in {@code /}
 * @param apiKey the key, when one is configured
 * @param auth how the key is sent
 * @param model the model (Azure: the deployment name); empty only with a {@code problem}
 * @param organization {@code OpenAI-Organization} header
 * @param project {@code OpenAI-Project} header
 * @param headers further headers sent with every request (values may be secret)
 * @param supportsN whether one call may ask for several choices
 * @param tokenLimit which output-token parameter to send first
 * @param maxOutputTokens a fixed output-token limit; computed from the channel limit when empty
 * @param temperature the sampling temperature; the server's default when empty
 * @param http the host's client (if any), timeouts (models can think for a while) and response cap
 * @param maxRetries retries of one request after a rate limit, a server error or a network failure
 * @param retryBudget the longest time one request may spend waiting to retry
 * @param initialBackoff first backoff when the server gives no delay
 * @param maxBackoff longest backoff when the server gives no delay
 * @param clock the clock set on the builder (else the environment's)
 * @param sleeper how retry delays are waited out, when set on the builder (else the clock's {@link
 *     Sleeper#forClock})
 * @param problem why this generator cannot work (a discovered provider without key or model)
 */
public record Settings(
        String key,
        String server,
        HttpUrl baseUrl,
        Optional<String> apiKey,
        AuthScheme auth,
        Optional<String> model,
        Optional<String> organization,
        Optional<String> project,
        Map<String, String> headers,
        boolean supportsN,
        TokenLimit tokenLimit,
        OptionalInt maxOutputTokens,
        OptionalDouble temperature,
        HttpSettings http,
        int maxRetries,
        Duration retryBudget,
        Duration initialBackoff,
        Duration maxBackoff,
        Optional<Clock> clock,
        Optional<Sleeper> sleeper,
        Optional<String> problem) {
    /** Connect 10 s, read 120 s (models can think for a while), write 30 s, whole call 180 s. */
    public static final HttpSettings.Timeouts TIMEOUTS = new HttpSettings.Timeouts(
            Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(180));

    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(30);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    public static final double DEFAULT_TEMPERATURE = 0.8;

    public Settings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(project, "project");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(tokenLimit, "tokenLimit");
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(retryBudget, "retryBudget");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(problem, "problem");
        if (model.isEmpty() && problem.isEmpty()) {
            throw new IllegalArgumentException("model is required");
        }
    }

    /** The endpoint: {@code chat/completions} under the base URL. */
    public HttpUrl chatCompletionsUrl() {
        return Objects.requireNonNull(baseUrl.resolve("chat/completions"), "chat/completions URL");
    }

    /** Values that must never appear in a message, log line or metadata value. */
    public List<String> secrets() {
        var secrets = new ArrayList<String>();
        apiKey.ifPresent(secrets::add);
        secrets.addAll(headers.values());
        return secrets;
    }

    @Override
    public String toString() {
        return "Settings[key=" + key + ", server=" + server + ", baseUrl=" + baseUrl + ", model="
                + model.orElse("(none)") + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)") + ", auth="
                + auth.header() + ", headers=" + headers.keySet() + ", supportsN=" + supportsN + ", tokenLimit="
                + tokenLimit.parameter() + ", temperature="
                + (temperature.isPresent() ? Double.toString(temperature.getAsDouble()) : "(server default)")
                + ", maxRetries=" + maxRetries + ", retryBudget=" + retryBudget + ", " + http
                + (problem.isPresent() ? ", problem=" + problem.get() : "") + "]";
    }
}
