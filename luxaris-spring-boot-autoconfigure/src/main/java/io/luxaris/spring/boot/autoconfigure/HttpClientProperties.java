package io.luxaris.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What every HTTP-backed plugin (channel or generator) is configured with: whether to register it, where its API is,
 * and its client's timeouts. Unset values keep the plugin builder's defaults.
 */
public abstract class HttpClientProperties {
    /** Register the plugin. */
    private boolean enabled = true;

    /** Where its API is (a proxy, a mock server, a compatible server); default: the platform's. */
    private @Nullable String baseUrl;

    /** How long to wait for a connection; default: the plugin's. */
    private @Nullable Duration connectTimeout;

    /** How long to wait for a read; default: the plugin's. */
    private @Nullable Duration readTimeout;

    /** How long one whole call may take; default: the plugin's. */
    private @Nullable Duration callTimeout;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public @Nullable Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(@Nullable Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public @Nullable Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(@Nullable Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /**
     * Hands the base URL and the timeouts that are set to a plugin builder's setters.
     *
     * @param baseUrl the builder's base-URL setter
     * @param connect its connect-timeout setter
     * @param read its read-timeout setter
     * @param call its call-timeout setter
     */
    void applyTo(
            Consumer<String> baseUrl, Consumer<Duration> connect, Consumer<Duration> read, Consumer<Duration> call) {
        set(this.baseUrl, baseUrl);
        set(connectTimeout, connect);
        set(readTimeout, read);
        set(callTimeout, call);
    }

    static <T> void set(@Nullable T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
