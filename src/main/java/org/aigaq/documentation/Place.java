package org.aigaq.documentation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A place of deprivation of liberty in the registry: its official code in Latin ({@code officialCode}) and Cyrillic
 * form, type (and penal regime), the authority in charge, region (a term of the {@code region} list), town, address
 * and coordinates, whether the NPM's mandate covers it, when it closed (null while open) and whether the coalition
 * publishes it.
 */
public record Place(long id, String name, String officialCode, String locationType, String region, String town,
                    String officialCodeCyrillic, String penalRegime, String authority, String address,
                    BigDecimal latitude, BigDecimal longitude, boolean inMandate, LocalDate closedOn, boolean published) {

    public boolean open() {
        return closedOn == null;
    }
}
