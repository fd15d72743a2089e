package org.aigaq.detention;

/** A person interviewed whose identity was recorded: a documentation person, shown by name only to case workers. */
public record Interviewee(long personId, String pseudonym, String name) {

    /** Links a person already recorded ({@code personId}) or records one with this name (encrypted by People). */
    public record Draft(Long personId, String name) {}
}
