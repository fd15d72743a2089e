package org.aigaq.platform.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The shipped vocabulary file itself: well formed, really translated, and its HURIDOCS equivalents real. */
class ShippedVocabularyFileTest {

    private final ShippedVocabularies.Shipped shipped = ShippedVocabularies.read();

    @Test
    void itShipsItsListsWithUniqueCodes() {
        assertThat(shipped.lists()).extracting(ShippedVocabularies.ShippedList::code)
                .containsExactlyInAnyOrderElementsOf(VocabulariesTest.SHIPPED);
        var codes = new HashSet<String>();
        for (var term : shipped.terms()) {
            assertThat(codes.add(term.list() + "/" + term.code())).as(term.code()).isTrue();
            assertThat(term.code()).matches(Vocabularies.CODE);
        }
        assertThat(shipped.terms()).hasSizeGreaterThan(250);
    }

    @Test
    void russianAndKazakhLabelsAreTranslations() {
        int kazakhLetters = 0;
        for (var term : shipped.terms()) {
            String ru = term.labels().get("ru");
            String kk = term.labels().get("kk");
            assertThat(ru).as("ru " + term.code()).containsPattern("\\p{IsCyrillic}");
            assertThat(kk).as("kk " + term.code()).containsPattern("\\p{IsCyrillic}");
            if (kk.matches(".*[әғқңөұүһіӘҒҚҢӨҰҮҺІ].*")) kazakhLetters++;
            // Names of things like "Prosecutor's office" may coincide; most labels may not.
        }
        long same = shipped.terms().stream().filter(t -> t.labels().get("ru").equals(t.labels().get("kk"))).count();
        assertThat(same).as("terms whose Kazakh label is the Russian one").isLessThan(10);
        assertThat(kazakhLetters).as("Kazakh labels with Kazakh letters").isGreaterThan(shipped.terms().size() * 3 / 4);
    }

    @Test
    void everyHuridocsCodeIsARealTermOfTheMatchingHuridocsList() throws IOException {
        var huridocs = new HashMap<String, String>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new StringReader(Files.readString(HuridocsFiles.thesaurus())))) {
            huridocs.put(row.get("vocab_number"), row.get("list_code"));
        }
        Map<String, Integer> listNumbers = shipped.lists().stream().filter(l -> l.huridocsList() != null)
                .collect(Collectors.toMap(ShippedVocabularies.ShippedList::code, ShippedVocabularies.ShippedList::huridocsList));
        int matched = 0;
        for (var term : shipped.terms()) {
            if (term.huridocsCode() == null) continue;
            matched++;
            assertThat(huridocs).as(term.list() + "/" + term.code()).containsKey(term.huridocsCode());
            assertThat(Integer.parseInt(huridocs.get(term.huridocsCode()))).as(term.list() + "/" + term.code())
                    .isEqualTo(listNumbers.get(term.list()));
        }
        assertThat(matched).isGreaterThan(150);
    }
}
