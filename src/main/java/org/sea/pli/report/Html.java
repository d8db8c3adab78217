package org.sea.pli.report;

import org.unbescape.html.HtmlEscape;

/** The report's one HTML escaper, the template engine's own: the five markup characters only. */
final class Html {

    private Html() {}

    /** Text or an attribute value, escaped; null gives the empty string. */
    static String escape(String text) {
        return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
    }
}
