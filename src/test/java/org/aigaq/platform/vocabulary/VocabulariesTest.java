package org.aigaq.platform.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aigaq.platform.InvalidInput;
import org.aigaq.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Aigaq's shipped vocabularies in the database: present in three languages, in tree order, loaded once, never overwritten. */
class VocabulariesTest extends ApplicationTest {

    static final List<String> SHIPPED = List.of("act-type", "method", "location-type", "perpetrator-type", "agency",
            "involvement-degree", "perpetrator-status", "legal-counsel", "statement-signed", "medical-attention",
            "torture-intent", "detention-type", "violation-status", "monitoring-status", "reliability",
            "source-connection", "source-type", "intervention-type", "intervention-status", "person-characteristic",
            "sex", "event-relationship",
            // monitoring visits (detention)
            "monitoring-body", "visit-type", "obstruction-type", "finding-theme",
            // the registry of places (documentation)
            "penal-regime", "authority", "region",
            // deaths and self-harm in custody (detention)
            "death-cause", "death-manner", "autopsy", "investigation-outcome", "self-harm-kind",
            // threats to human-rights defenders (defenders)
            "defender-group", "defender-threat");

    @Autowired Vocabularies vocabularies;
    @Autowired ShippedVocabularies shipped;
    @Autowired JdbcClient jdbc;

    @Test
    void everyShippedListIsThereWithEveryTermInEnglishRussianAndKazakh() {
        var aigaq = vocabularies.lists().stream().filter(list -> !list.importedFromHuridocs()).toList();
        assertThat(aigaq).extracting(VocabularyList::code).containsAll(SHIPPED);
        for (String code : SHIPPED) {
            var list = vocabularies.list(code).orElseThrow();
            assertThat(list.labels()).as(code).containsKeys("en", "ru", "kk");
            var terms = vocabularies.terms(code);
            assertThat(terms).as(code).isNotEmpty().hasSize(list.terms());
            for (Term term : terms) {
                assertThat(term.labels()).as(code + "/" + term.code()).containsKeys("en", "ru", "kk");
                assertThat(term.labels().get("ru")).as(code + "/" + term.code()).matches("[^a-zA-Z]*\\p{IsCyrillic}.*");
            }
        }
    }

    @Test
    void statusesFollowHuridocsInTheirOrder() {
        assertThat(vocabularies.terms("violation-status")).extracting(Term::code)
                .startsWith("confirmed", "likely", "possible", "unlikely", "not-a-violation");
        assertThat(vocabularies.terms("monitoring-status")).extracting(Term::code).startsWith("active", "pending", "not-active");
        assertThat(vocabularies.find("violation-status", "confirmed").orElseThrow().huridocsCode()).isEqualTo("01000000000041");
        assertThat(vocabularies.find("reliability", "highly-reliable").orElseThrow().huridocsCode()).isEqualTo("01000000000042");
    }

    @Test
    void termsComeInTreeOrderWithEachParentBeforeItsChildren() {
        var methods = vocabularies.terms("method");
        var seen = new HashSet<String>();
        for (Term term : methods) {
            if (term.parentCode() != null) {
                assertThat(seen).as(term.code() + " after its parent").contains(term.parentCode());
            }
            seen.add(term.code());
        }
        var codes = methods.stream().map(Term::code).toList();
        assertThat(codes).containsSubsequence("beating", "punching-kicking-slapping", "falanga", "positional-torture",
                "swallow", "asphyxiation", "plastic-bag", "electric-shock", "sexual-violence", "psychological-methods",
                "deprivation", "sleep-deprivation");
        var falanga = vocabularies.find("method", "falanga").orElseThrow();
        assertThat(falanga.parentCode()).isEqualTo("beating");
        assertThat(falanga.level()).isEqualTo(1);
        assertThat(vocabularies.terms("location-type")).extracting(Term::code).contains("police-station",
                "temporary-detention-isolator", "pre-trial-detention-centre", "penal-colony", "prison", "military-base",
                "court", "hospital", "psychiatric-institution", "social-care-home", "childrens-institution",
                "intelligence-facility", "migration-centre", "transport-vehicle", "office-without-recording", "car",
                "private-premises", "secret-place", "victims-home", "street", "other");
    }

    @Test
    void aLabelIsShownInTheUsersLanguageOrElseInEnglish() {
        var torture = vocabularies.find("act-type", "torture").orElseThrow();
        assertThat(torture.label(Locale.ENGLISH)).isEqualTo("Torture");
        assertThat(torture.label(Locale.of("ru"))).isEqualTo("Пытки");
        assertThat(torture.label(Locale.of("kk"))).isEqualTo("Азаптау");
        assertThat(torture.label(Locale.FRENCH)).isEqualTo("Torture");
        assertThat(torture.labelLanguage(Locale.FRENCH)).isEqualTo("en");
    }

    @Test
    void requireRejectsACodeThatIsNotInTheListNamingTheField() {
        assertThat(vocabularies.require("location-type", "penal-colony", "locationType").code()).isEqualTo("penal-colony");
        for (String[] wrong : new String[][] {{"location-type", "gulag"}, {"location-type", "torture"},
                {"no-such-list", "penal-colony"}, {"location-type", null}}) {
            var invalid = catchThrowableOfType(InvalidInput.class,
                    () -> vocabularies.require(wrong[0], wrong[1], "locationType"));
            assertThat(invalid).as(String.join("/", java.util.Arrays.asList(wrong))).isNotNull();
            assertThat(invalid.violations()).extracting(InvalidInput.Violation::field, InvalidInput.Violation::messageKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("locationType", "vocabulary.unknown-term"));
        }
    }

    @Test
    void theLoaderAddsWhatIsMissingAndNeverOverwritesOrRemoves() {
        assertThat(shipped.load()).isEqualTo(new ShippedVocabularies.Added(0, 0));
        String code = "loader-test-" + System.nanoTime();
        vocabularies.add("agency", code, null, Map.of("en", "Local office", "ru", "Местное отделение", "kk", "Жергілікті бөлім"));
        // A term the database has is left as it is, even when its label differs from the shipped one.
        jdbc.sql("UPDATE vocabulary_term SET labels = labels || '{\"en\": \"Police (renamed here)\"}' WHERE list_code = 'agency' AND code = 'police'")
                .update();
        // A shipped term missing from the database comes back, under its parent and in its place.
        jdbc.sql("DELETE FROM vocabulary_term WHERE list_code = 'method' AND code = 'overcrowding'").update();

        assertThat(shipped.load()).isEqualTo(new ShippedVocabularies.Added(0, 1));
        var restored = vocabularies.find("method", "overcrowding").orElseThrow();
        assertThat(restored.parentCode()).isEqualTo("deprivation");
        assertThat(restored.labels()).containsEntry("kk", "Камераның шектен тыс толуы");
        assertThat(vocabularies.find("agency", "police").orElseThrow().label(Locale.ENGLISH)).isEqualTo("Police (renamed here)");
        assertThat(vocabularies.find("agency", code)).isPresent();
        assertThat(shipped.load()).isEqualTo(new ShippedVocabularies.Added(0, 0));
    }
}
