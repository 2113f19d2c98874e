package com.kap.portfolio.internal;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The "high" threshold and the focus limit (most Strategic + Star accounts before the validation task warns).
 * Defaults in application.yaml; the criteria weights are in the DMN table segmentationWeights.
 */
@ConfigurationProperties("kap.segmentation")
public record SegmentationProperties(BigDecimal highThreshold, int focusLimit) {}
