package org.aigaq.detention;

/** A member of a visit's team: a user of the organisation ({@code userId}) or an outside member (name only). */
public record TeamMember(Long userId, String name) {}
