package org.sea.pli.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts one method or class from the build's forbidden-API check (forbiddenapis, run by
 * {@code mvn verify}); every use says why the call is right there.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface SuppressForbidden {
    /** Why the forbidden call is the right one here. */
    String reason();
}
