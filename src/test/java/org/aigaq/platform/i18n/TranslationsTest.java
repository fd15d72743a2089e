package org.aigaq.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** Every string a user sees exists in English, Russian and Kazakh, and none is written into a template. */
class TranslationsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        String bundle = "messages";
        Properties english = load(bundle + ".properties");
        for (String language : new String[] {"ru", "kk"}) {
            Properties other = load(bundle + "_" + language + ".properties");
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(bundle + "_" + language).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(other.getProperty(key))).as(language + " " + key).isEqualTo(placeholders(english.getProperty(key)));
                assertThat(other.getProperty(key)).as(language + " " + key).isNotBlank();
            }
        }
    }

    /** A key given twice takes the last value silently: two capabilities would then show each other's words. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_ru.properties", "messages_kk.properties"}) {
            var seen = new TreeSet<String>();
            var twice = new TreeSet<String>();
            for (String line : Files.readAllLines(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || !line.contains("=")) continue;
                String key = line.substring(0, line.indexOf('=')).strip();
                if (!seen.add(key)) twice.add(key);
            }
            assertThat(twice).as(file).isEmpty();
        }
    }

    @Test
    void russianAndKazakhAreReallyTranslated() throws IOException {
        Properties english = load("messages.properties");
        Properties russian = load("messages_ru.properties");
        Properties kazakh = load("messages_kk.properties");
        assertThat(russian.getProperty("sign-in.title")).isNotEqualTo(english.getProperty("sign-in.title"));
        assertThat(kazakh.getProperty("sign-in.title")).isNotEqualTo(russian.getProperty("sign-in.title"));
        // Kazakh-specific letters appear in the Kazakh file.
        assertThat(String.join(" ", kazakh.values().stream().map(Object::toString).toList())).containsPattern("[әғқңөұүһі]");
    }

    @Test
    void everyMessageKeyUsedInTemplatesAndCodeExists() throws IOException {
        Properties english = load("messages.properties");
        var used = new TreeSet<String>();
        var literal = Pattern.compile("#\\{([a-z0-9.-]+)[}(]");
        var inJava = Pattern.compile("\"((?:validation|password|user|organisation|second-factor|problem|account|error)\\.[a-z0-9.-]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(RESOURCES.resolve("templates")), Files.walk(Path.of("src/main/java")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                var matcher = (file.toString().endsWith(".java") ? inJava : literal).matcher(text);
                while (matcher.find()) used.add(matcher.group(1));
            }
        }
        used.removeIf(key -> key.endsWith("."));
        // Audit actions are codes in the trail; the audit page shows each one through its audit.action.* message.
        var action = Pattern.compile("record(?:As)?\\((?:[^,()\"]+,\\s*)?\"([a-z.-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var matcher = action.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.remove(matcher.group(1));
                    used.add("audit.action." + matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        var missing = new TreeSet<>(used);
        missing.removeAll(english.stringPropertyNames());
        assertThat(missing).as("message keys used but not defined").isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        var problems = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var document = Jsoup.parse(Files.readString(file));
                for (Element element : document.getAllElements()) {
                    boolean replaced = element.attributes().asList().stream().anyMatch(a ->
                            Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors").contains(a.getKey()));
                    if (replaced || inReplacedAncestor(element)) continue;
                    for (TextNode text : element.textNodes()) {
                        String value = text.text().strip();
                        if (value.matches(".*\\p{L}.*")) {
                            problems.add(RESOURCES.relativize(file) + ": <" + element.tagName() + "> \"" + value + "\"");
                        }
                    }
                    for (String attribute : new String[] {"title", "alt", "placeholder", "aria-label"}) {
                        if (element.hasAttr(attribute) && element.attr(attribute).matches(".*\\p{L}.*")) {
                            problems.add(RESOURCES.relativize(file) + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean inReplacedAncestor(Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent.hasAttr("th:text") || parent.hasAttr("th:replace") || parent.hasAttr("th:utext")) return true;
        }
        return false;
    }

    private static Set<String> placeholders(String value) {
        var found = new TreeSet<String>();
        var matcher = Pattern.compile("\\{\\d+}").matcher(value);
        while (matcher.find()) found.add(matcher.group());
        return found;
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
