package io.luxaris.channels.threads.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import java.util.Locale;
import java.util.Optional;

/**
 * The Graph API error envelope Threads answers with: {@code {"error":{"message","type","code","error_subcode",
 * "is_transient","error_user_title","error_user_msg","fbtrace_id"}}}. Every field may be missing (an HTML error
 * page, a cut body): numbers are then -1, texts empty.
 *
 * @param message Meta's message for developers
 * @param type the exception type ({@code OAuthException}...)
 * @param code the error code (24, 100, 190...), -1 when absent
 * @param subcode the error subcode (4279009, 2207052...), -1 when absent
 * @param isTransient Meta's own hint whether trying again may help, when given
 * @param userTitle the title meant for users ({@code Media Not Found})
 * @param userMessage the message meant for users
 */
public record GraphError(
        String message,
        String type,
        int code,
        int subcode,
        Optional<Boolean> isTransient,
        String userTitle,
        String userMessage) {
    /** The marker of the link limit, in whatever field Meta puts it. */
    static final String LINK_LIMIT = "THREADS_API__LINK_LIMIT_EXCEEDED";

    /** The envelope of an answer (fields missing when it has none). */
    public static GraphError of(HttpResult result) {
        JsonNode error = result.json().path("error");
        JsonNode transientFlag = error.path("is_transient");
        return new GraphError(
                Json.text(error, "/message").orElse(""),
                Json.text(error, "/type").orElse(""),
                Json.number(error, "/code").map(Long::intValue).orElse(-1),
                Json.number(error, "/error_subcode").map(Long::intValue).orElse(-1),
                transientFlag.isBoolean() ? Optional.of(transientFlag.asBoolean()) : Optional.empty(),
                Json.text(error, "/error_user_title").orElse(""),
                Json.text(error, "/error_user_msg").orElse(""));
    }

    /** The transient "Media Not Found" Meta answers right after a container reported {@code FINISHED}. */
    public boolean isMediaNotFound() {
        return code == 24 && subcode == 4279009;
    }

    /** An object (container, post) that does not exist, or cannot be seen with this token. */
    public boolean isNotFound() {
        return (code == 24 && subcode != 4279009)
                || (code == 100 && subcode == 33)
                || message.toLowerCase(Locale.ROOT).contains("does not exist");
    }

    /** More than five links in the text. */
    public boolean isLinkLimit() {
        return message.contains(LINK_LIMIT)
                || type.contains(LINK_LIMIT)
                || userTitle.contains(LINK_LIMIT)
                || userMessage.contains(LINK_LIMIT);
    }

    /** What people should read: the user message, else the user title, else the developer message. */
    String readable() {
        String text = !userMessage.isBlank() ? userMessage : !userTitle.isBlank() ? userTitle : message;
        return text.strip();
    }

    /** {@code (code 24, subcode 4279009)}, or empty without a code. */
    String codes() {
        if (code < 0) {
            return "";
        }
        return " (code " + code + (subcode >= 0 ? ", subcode " + subcode : "") + ")";
    }
}
