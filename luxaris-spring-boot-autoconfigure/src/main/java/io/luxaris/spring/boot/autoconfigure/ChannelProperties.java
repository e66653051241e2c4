package io.luxaris.spring.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What every channel is configured with besides its own settings: dry run and the token-refresh margin. */
public abstract class ChannelProperties extends HttpClientProperties {
    /** Build and log each request (token redacted) instead of sending it. */
    private boolean dryRun;

    /** Refresh a token when it expires within this margin; default: the channel's. */
    private @Nullable Duration refreshAhead;

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public @Nullable Duration getRefreshAhead() {
        return refreshAhead;
    }

    public void setRefreshAhead(@Nullable Duration refreshAhead) {
        this.refreshAhead = refreshAhead;
    }
}
