package io.luxaris.spi.channel;

import java.io.IOException;

/** The media source does not have this reference (for good: retrying will not help). */
public final class MediaUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which reference and why, safe to log
     */
    public MediaUnavailableException(String message) {
        super(message);
    }
}
