package io.luxaris.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** JDBC URLs made safe for messages and logs: passwords removed, credentials in the authority hidden. */
public final class Urls {
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;:]\\s*(?:password|pwd|passwd|sslpassword|sslkeypassword)\\s*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?;]*@");
    private static final Pattern PASSWORD_VALUE =
            Pattern.compile("(?i)[?&;:]\\s*(?:password|pwd|passwd|sslpassword|sslkeypassword)\\s*=([^&;]*)");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//[^/@?;:]*:([^/@?;]*)@");

    private Urls() {}

    /** The URL with every password parameter and any {@code user:password@} part replaced by {@code ***}. */
    public static String redact(@Nullable String url) {
        if (url == null) {
            return "(no URL)";
        }
        String redacted = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(redacted).replaceAll("$1***@");
    }

    /** The secret parts of a URL (password parameter values, the password of a {@code user:password@}). */
    public static List<String> secrets(@Nullable String url) {
        var out = new ArrayList<String>();
        if (url == null) {
            return out;
        }
        for (Pattern p : List.of(PASSWORD_VALUE, USER_INFO_PASSWORD)) {
            Matcher m = p.matcher(url);
            while (m.find()) {
                if (!m.group(1).isEmpty()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** {@code text} with every secret replaced by {@code ***}. */
    public static String scrub(@Nullable String text, Collection<String> secrets) {
        String out = String.valueOf(text);
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    /**
     * {@code e} itself if no message of its cause chain holds a secret; otherwise a copy of the chain (same stack
     * traces, SQL states kept) with the secrets replaced by {@code ***}.
     */
    public static Throwable scrub(Throwable e, Collection<String> secrets) {
        boolean leaks = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!scrub(t.getMessage(), secrets).equals(String.valueOf(t.getMessage()))) {
                leaks = true;
            }
        }
        if (!leaks) {
            return e;
        }
        return copy(e, secrets);
    }

    private static Throwable copy(Throwable e, Collection<String> secrets) {
        Throwable cause = e.getCause() == null || e.getCause() == e ? null : copy(e.getCause(), secrets);
        String message = scrub(e.getMessage(), secrets);
        Throwable copy = e instanceof SQLException sql
                ? new SQLException(message, sql.getSQLState(), sql.getErrorCode(), cause)
                : new RuntimeException(e.getClass().getName() + ": " + message, cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** Where the URL points, for descriptions: {@code host:port/database} without parameters or credentials. */
    public static String location(@Nullable String url) {
        if (url == null) {
            return "(unknown)";
        }
        String rest = url;
        int scheme = rest.indexOf("//");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 2);
            int at = rest.indexOf('@');
            int slash = rest.indexOf('/');
            if (at >= 0 && (slash < 0 || at < slash)) {
                rest = rest.substring(at + 1);
            }
        } else if (rest.startsWith("jdbc:h2:")) {
            rest = rest.substring("jdbc:h2:".length());
        }
        for (char stop : new char[] {'?', ';'}) {
            int i = rest.indexOf(stop);
            if (i >= 0) {
                rest = rest.substring(0, i);
            }
        }
        return rest;
    }
}
