package com.kap.portfolio;

/** The cycle segments the whole portfolio for its year. */
public record SegmentPortfolio(int year) {}
