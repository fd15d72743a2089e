package org.aigaq.reports;

import java.util.Map;

/** A live block as typed: its kind and parameters by name (each optional unless the kind says otherwise). */
public record BlockDraft(LiveBlock kind, Map<String, String> parameters) {}
