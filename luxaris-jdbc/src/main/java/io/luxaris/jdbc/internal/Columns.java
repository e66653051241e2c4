package io.luxaris.jdbc.internal;

import io.luxaris.domain.Limits;
import io.luxaris.spi.security.Principal;

/** Sizes of the text columns, in characters; the migrations use the same numbers. */
final class Columns {
    static final int OWNER = Principal.MAX_ID_LENGTH;
    static final int CHANNEL_KEY = 100;
    static final int CHANNEL_NAME = 200;
    static final int DISPLAY_NAME = Limits.DISPLAY_NAME;
    static final int STATUS_REASON = 1_000;
    static final int TITLE = Limits.TITLE;
    static final int BASE_CONTENT = Limits.BASE_CONTENT;
    static final int TAG = Limits.TAG;
    static final int VARIANT_CONTENT = Limits.VARIANT_CONTENT;
    static final int TONE = Limits.TONE;
    static final int TIMEZONE = 64;
    static final int ERROR_CODE = Limits.ERROR_CODE;
    static final int ERROR_MESSAGE = Limits.ERROR_MESSAGE;
    static final int EXTERNAL_REF = Limits.EXTERNAL_REF;
    static final int LEASE_OWNER = 200;
    static final int RAW_RESPONSE = Limits.RAW_RESPONSE;
    static final int TEMPLATE_NAME = Limits.TEMPLATE_NAME;
    static final int TEMPLATE_DESCRIPTION = Limits.TEMPLATE_DESCRIPTION;
    static final int TEMPLATE_BODY = Limits.TEMPLATE_BODY;
    static final int PROMPT = Limits.PROMPT;
    static final int SUGGESTION_CONTENT = Limits.VARIANT_CONTENT;

    private Columns() {}
}
