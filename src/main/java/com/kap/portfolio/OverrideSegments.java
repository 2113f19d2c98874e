package com.kap.portfolio;

import java.util.List;

/**
 * The programme director overrides computed segments of a cycle year while validating the segmentation, each with
 * a reason.
 */
public record OverrideSegments(int year, List<PortfolioSegmentation.OverrideRequest> overrides) {}
