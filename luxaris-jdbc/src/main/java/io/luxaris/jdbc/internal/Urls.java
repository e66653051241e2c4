package io.luxaris.jdbc.internal;

import java.util.regex.Pattern;

/** JDBC URLs made safe for messages and logs: passwords removed, credentials in the authority hidden. */
public final class Urls {
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;:]\\s*(?:password|pwd|passwd|sslpassword|sslkeypassword)\\s*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?;]*@");

    private Urls() {}

    /** The URL with every password parameter and any {@code user:password@} part replaced by {@code ***}. */
    public static String redact(String url) {
        if (url == null) {
            return "(no URL)";
        }
        String redacted = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(redacted).replaceAll("$1***@");
    }

    /** Where the URL points, for descriptions: {@code host:port/database} without parameters or credentials. */
    public static String location(String url) {
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
