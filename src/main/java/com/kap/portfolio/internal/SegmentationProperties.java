package com.kap.portfolio.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Criteria weights per axis (criterion key → weight), the "high" threshold and the focus limit
 * (most Strategic + Star accounts before the validation task warns). Defaults in application.yaml.
 */
@ConfigurationProperties("kap.segmentation")
public record SegmentationProperties(
    BigDecimal highThreshold,
    int focusLimit,
    Map<String, BigDecimal> attractiveness,
    Map<String, BigDecimal> strength) {}
