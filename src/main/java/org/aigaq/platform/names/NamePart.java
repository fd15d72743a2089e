package org.aigaq.platform.names;

/**
 * One part of a recorded name, made comparable: {@code stem} is its skeleton without the -ov/-ova/-uly/-kyzy ending
 * (see {@link NameForm}), {@code derivation} what that ending said, {@code initial} whether only an initial was
 * written, and {@code initialLetter} the letter its initial is (Е., Ye. and Yerzhan agree).
 */
public record NamePart(String stem, Derivation derivation, boolean initial, char initialLetter) {
}
