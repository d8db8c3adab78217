package org.sea.pli.ops;

import java.util.regex.Pattern;

/** JDBC URLs fit for a log line or an error message: never a password (docs/spec.md §7, one clear line). */
public final class JdbcUrls {

    /** {@code password=…} in a query string ({@code ?…&password=…}) or H2-style {@code ;PASSWORD=…}. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:password|pwd|pass)=)[^&;]*");
    /** {@code //user:secret@host} user info. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*):[^/@]*@");

    private JdbcUrls() {}

    /** The URL with any password replaced by {@code ***}; null stays null. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String s = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("$1:***@");
    }
}
