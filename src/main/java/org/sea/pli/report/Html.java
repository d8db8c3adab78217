package org.sea.pli.report;

import org.unbescape.html.HtmlEscape;

/** The report's one HTML escaper, the template engine's own: the five markup characters only. */
final class Html {

    private Html() {}

    /** Text or an attribute value, escaped; null gives the empty string. */
    static String escape(String text) {
        return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
    }

    /**
     * Appends {@code text} escaped, as {@link #escape} gives it. Almost no text of a page holds a
     * markup character, and such text is appended as it is, without the escaper's copy.
     */
    static void escapeTo(StringBuilder out, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '&', '<', '>', '"', '\'' -> {
                    out.append(HtmlEscape.escapeHtml4Xml(text));
                    return;
                }
                default -> {}
            }
        }
        out.append(text);
    }
}
