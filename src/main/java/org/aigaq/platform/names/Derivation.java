package org.aigaq.platform.names;

/**
 * How a name part was derived from another name. Surnames (-ov, -ev, -in, -skiy; -ova, -eva, -ina, -skaya) and
 * patronymics (-ovich, -uly, -ogly; -ovna, -kyzy) say whether the bearer is a man or a woman; a plain part says
 * nothing. A plain part paired with a patronymic is often a father's given name: father and son, not one person.
 */
public enum Derivation {
    PLAIN(null, false), MALE_SURNAME(true, false), FEMALE_SURNAME(false, false), MALE_PATRONYMIC(true, true),
    FEMALE_PATRONYMIC(false, true);

    private final Boolean male;
    private final boolean patronymic;

    Derivation(Boolean male, boolean patronymic) {
        this.male = male;
        this.patronymic = patronymic;
    }

    /** True for a man's form, false for a woman's, null for a plain part. */
    public Boolean male() {
        return male;
    }

    public boolean patronymic() {
        return patronymic;
    }
}
