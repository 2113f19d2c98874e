package com.kap.portfolio;

/** One problem in an imported file: {@code line} counts the header as line 1, {@code column} is the header name. */
public record ImportError(long line, String column, String message) {}
