package io.luxaris.channels.linkedin.internal;

import io.luxaris.channels.linkedin.LinkedInText;
import io.luxaris.domain.TextMeasure;

/**
 * LinkedIn's length of a variant's content: code points once every little-text reserved character is escaped, i.e.
 * the length of the commentary sent for plain text (LinkedIn's 3000-character limit applies to what is sent).
 */
public enum EscapedLength implements TextMeasure {
    INSTANCE;

    @Override
    public int measure(String text) {
        return LinkedInText.escapedLength(text);
    }

    @Override
    public String unit() {
        return "characters (reserved characters escaped)";
    }
}
