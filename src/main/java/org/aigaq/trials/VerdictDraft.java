package org.aigaq.trials;

/** The verdict, sentence and appeal of one defendant as entered. */
public record VerdictDraft(Trial.Verdict verdict, String sentence, String appeal) {}
