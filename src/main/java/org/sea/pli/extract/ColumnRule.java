package org.sea.pli.extract;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One column of an extract with its value rules (docs/spec.md §2), as declared in
 * {@code schemas/extracts/<extract>.json}.
 *
 * @param min          lower bound, inclusive unless {@code minExclusive}; null when unbounded
 * @param max          upper bound, inclusive; null when unbounded
 * @param maxScale     most decimals once trailing zeros are dropped; -1 when free
 * @param finite       a non-finite decimal is out of range
 * @param inRubric     value must be a dimension of {@code _state/rubric.csv}
 */
public record ColumnRule(
        String name,
        ColumnType type,
        boolean optional,
        Set<String> values,
        BigDecimal min,
        boolean minExclusive,
        BigDecimal max,
        int maxScale,
        boolean finite,
        boolean inRubric) {}
