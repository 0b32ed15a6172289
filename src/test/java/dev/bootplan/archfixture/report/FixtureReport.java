package dev.bootplan.archfixture.report;

/** The fixture engine's report. */
public record FixtureReport(long totalUs) {}
