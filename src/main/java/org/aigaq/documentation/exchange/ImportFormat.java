package org.aigaq.documentation.exchange;

/** The kinds of file an import reads. */
public enum ImportFormat { CSV, JSON }
