package org.sea.pli.model;

import java.math.BigDecimal;

/** An in-force {@code pl_funding} row (docs/spec.md §2). */
public record FundingLine(String activityId, String fundingSource, BigDecimal amountUsd) {}
