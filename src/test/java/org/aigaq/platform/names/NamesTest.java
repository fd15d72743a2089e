package org.aigaq.platform.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spellings of DOMAIN.md §8 meet on one skeleton, the similarity tolerates order, initials and typos, and the
 * "probably the same person" decision keeps its precision and recall on the labelled set.
 */
class NamesTest {

    @Test
    void cyrillicAndLatinSpellingsOfOneNameMeet() {
        assertSameStems("Ержан", "Yerzhan", "Erzhan", "Erjan", "Yerdzhan");
        assertSameStems("Қайрат", "Kairat", "Qairat", "Kayrat", "Кайрат", "Qaırat");
        assertSameStems("Шынар", "Shynar", "Şynar", "Шинар");
        assertSameStems("Асель", "Assel", "Әсел", "Äsel", "Asel");
        assertSameStems("Юрий", "Yuriy", "Iurii", "Yury", "Yurii");
        assertSameStems("Алия", "Aliya", "Aliia", "Әлия", "Alia");
        assertSameStems("Хасен", "Khasen", "Hasen", "Xasen");
        assertSameStems("Мухаммед", "Mukhammed", "Muhamed", "Mukhamed");
        assertSameStems("Айгүл", "Aigul", "Aygul", "Aygül", "Айгуль");
    }

    @Test
    void surnameEndingsAreTakenOffAndKept() {
        var male = NameForm.of("Ахметов").parts().getFirst();
        var female = NameForm.of("Akhmetova").parts().getFirst();
        var plain = NameForm.of("Ахмет").parts().getFirst();
        var uly = NameForm.of("Тұрсынұлы").parts().getFirst();
        var kyzy = NameForm.of("Bekmukhambetqyzy").parts().getFirst();
        assertThat(male.stem()).isEqualTo(female.stem()).isEqualTo(plain.stem());
        assertThat(List.of(male.derivation(), female.derivation(), plain.derivation(), uly.derivation(), kyzy.derivation()))
                .containsExactly(Derivation.MALE_SURNAME, Derivation.FEMALE_SURNAME, Derivation.PLAIN, Derivation.MALE_PATRONYMIC,
                        Derivation.FEMALE_PATRONYMIC);
        // "ұлы" written apart belongs to the part before it.
        var apart = NameForm.of("Нұрлан Серік ұлы");
        assertThat(apart.parts()).hasSize(2);
        assertThat(apart.parts().get(1).derivation()).isEqualTo(Derivation.MALE_PATRONYMIC);
        // A short given name keeps its ending: Marina is no -ina surname.
        assertThat(NameForm.of("Марина").parts().getFirst().derivation()).isEqualTo(Derivation.PLAIN);
    }

    @Test
    void initialsAndNumbersAreRecognised() {
        var form = NameForm.of("Ахметов Е.Т. 12");
        assertThat(form.parts()).hasSize(3);
        assertThat(form.parts().get(1).initial()).isTrue();
        assertThat(form.parts().get(2).initial()).isTrue();
        assertThat(NameForm.of("Zh. Ospanova").parts().getFirst().initial()).isTrue();
        assertThat(NameForm.of("Zh. Ospanova").parts().getFirst().initialLetter())
                .isEqualTo(NameForm.of("Жанар").parts().getFirst().initialLetter());
        assertThat(NameForm.of("  123 - ").isEmpty()).isTrue();
    }

    @Test
    void similarityToleratesOrderInitialsAndTyposButNotAnotherName() {
        double reordered = similarity("Ержан Тұрсынұлы Сәрсенбаев", "Sarsenbayev Yerzhan Tursynovich");
        double initials = similarity("Сарсенбаев Е.Т.", "Yerzhan Tursynuly Sarsenbayev");
        double typo = similarity("Yerzhan Sarsenbaev", "Yerzhan Sarsnebaev");
        double brother = similarity("Ержан Сәрсенбаев", "Серік Сәрсенбаев");
        double wife = similarity("Ержан Сәрсенбаев", "Сәрсенбаева Ержан");
        assertThat(reordered).isGreaterThan(0.92);
        assertThat(initials).isGreaterThan(0.8);
        assertThat(typo).isGreaterThan(0.92);
        assertThat(brother).isLessThan(0.8);
        assertThat(wife).isLessThan(reordered);
        assertThat(similarity("", "Ержан")).isZero();
    }

    @Test
    void tokensNeverCarryTheNameAsWrittenAndMeetAcrossScripts() {
        var cyrillic = NameTokens.of(NameForm.of("Ержан Тұрсынұлы Сәрсенбаев"));
        var latin = NameTokens.of(NameForm.of("Sarsenbayev Ye."));
        assertThat(cyrillic).extracting(SearchToken::text).noneMatch(t -> t.contains("Ержан") || t.contains("erzhan"));
        var shared = new ArrayList<>(cyrillic.stream().map(SearchToken::text).toList());
        shared.retainAll(latin.stream().map(SearchToken::text).toList());
        assertThat(shared).contains("d:sarsanba", "i:sarsanba/e");
        // One typo still shares a token with one letter left out.
        var typo = NameTokens.of(NameForm.of("Sarsnebaev")).stream().map(SearchToken::text).toList();
        assertThat(typo).containsAnyElementsOf(cyrillic.stream().filter(t -> t.kind() == SearchToken.Kind.TYPO)
                .map(SearchToken::text).toList());
    }

    @Test
    void aSameBirthDateHelpsAndDifferentOnesSeparate() {
        var born = LocalDate.of(1988, 3, 4);
        var first = new SamePerson.Description(List.of("Ержан Сәрсенбаев"), born);
        assertThat(SamePerson.decide(first, new SamePerson.Description(List.of("Yerzhan Sarsenbayev"), born)).reasons())
                .extracting(SamePerson.Reason::code).contains("birth-date-same", "same-name-other-script");
        var other = SamePerson.decide(first, new SamePerson.Description(List.of("Yerzhan Sarsenbayev"), born.plusYears(20)));
        assertThat(other.probablySame()).isFalse();
        assertThat(other.reasons()).contains(new SamePerson.Reason("birth-dates-differ", true));
    }

    @Test
    void probablySamePersonKeepsItsPrecisionAndRecallOnTheLabelledSet() {
        var labelled = LabelledNames.load();
        assertThat(labelled.same()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(labelled.different()).hasSizeGreaterThanOrEqualTo(200);
        int truePositives = 0;
        int falsePositives = 0;
        var missed = new ArrayList<String>();
        var wrong = new ArrayList<String>();
        for (var pair : labelled.pairs()) {
            var decision = SamePerson.decide(SamePerson.Description.named(pair.first()), SamePerson.Description.named(pair.second()));
            if (decision.probablySame() && pair.same()) truePositives++;
            if (decision.probablySame() && !pair.same()) {
                falsePositives++;
                wrong.add(pair.first() + " ~ " + pair.second() + " (" + pair.relation() + ") " + round(decision.nameSimilarity()));
            }
            if (!decision.probablySame() && pair.same()) {
                missed.add(pair.first() + " ~ " + pair.second() + " (" + pair.relation() + ") " + round(decision.nameSimilarity()));
            }
        }
        double precision = (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / labelled.same().size();
        System.out.printf("Probably the same person, on %d same and %d different pairs: precision %.3f, recall %.3f%n",
                labelled.same().size(), labelled.different().size(), precision, recall);
        System.out.println("Missed: " + String.join("; ", missed));
        System.out.println("Wrongly proposed: " + String.join("; ", wrong));
        assertThat(precision).as("precision of the proposals").isGreaterThanOrEqualTo(0.9);
        assertThat(recall).as("recall of the proposals").isGreaterThanOrEqualTo(0.9);
    }

    private static double similarity(String a, String b) {
        return NameSimilarity.between(NameForm.of(a), NameForm.of(b)).score();
    }

    private static String round(double value) {
        return String.format("%.2f", value);
    }

    private static void assertSameStems(String... spellings) {
        String first = NameForm.of(spellings[0]).parts().getFirst().stem();
        for (String spelling : spellings) {
            assertThat(NameForm.of(spelling).parts().getFirst().stem()).as(spelling + " vs " + spellings[0]).isEqualTo(first);
        }
    }
}
