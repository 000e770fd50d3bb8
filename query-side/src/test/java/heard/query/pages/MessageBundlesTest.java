package heard.query.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every word a participant reads exists in both languages, and the counted phrases read well. */
class MessageBundlesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    @Test
    void englishAndSpanishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");

        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (Properties bundle : new Properties[] {english, spanish}) {
            bundle.stringPropertyNames().forEach(key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    /**
     * A message with arguments goes through MessageFormat, where an apostrophe is written {@code ''} and a
     * lone one would swallow the text after it; a message without arguments is shown as written, so there
     * {@code ''} would show twice. Each message is checked as it would be shown.
     */
    @Test
    void everyApostropheIsWrittenTheWayItsMessageIsShown() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_es.properties"}) {
            Properties bundle = load(name);
            for (String key : bundle.stringPropertyNames()) {
                String message = bundle.getProperty(key);
                if (ARGUMENT.matcher(message).find()) {
                    assertThat(message.replace("''", "")).as(name + " " + key + ": write an apostrophe as ''")
                            .doesNotContain("'");
                    assertThat(new MessageFormat(message, Locale.ENGLISH).format(new Object[] {1, 2, 3, 4}))
                            .as(name + " " + key).doesNotContain("''");
                } else {
                    assertThat(message).as(name + " " + key + ": without arguments, write an apostrophe as '")
                            .doesNotContain("''");
                }
            }
        }
    }

    @Test
    void everyStatusAndStepHasItsWords() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        for (var status : heard.events.FeedbackStatus.values()) {
            assertThat(keys).contains("status." + status.name());
        }
        for (var step : heard.query.receipt.StepKind.values()) {
            assertThat(keys).contains("step." + step.name());
        }
        for (String field : InitiativePages.FORM_FIELDS) {
            assertThat(keys).contains("form.error." + field);
        }
        for (String problem : ReceiptPage.ANSWER_PROBLEMS) {
            assertThat(keys).contains("receipt.error." + problem);
        }
    }

    @Test
    void everyEngagementLevelVerdictAndDecisionStepHasItsWords() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        for (var level : heard.events.EngagementLevel.values()) {
            assertThat(keys).contains("engagement." + level.name(), "engagement.name." + level.name());
        }
        for (var verdict : heard.events.Verdict.values()) {
            assertThat(keys).contains("verdict." + verdict.name());
        }
        for (var kind : heard.query.decision.DecisionHistory.Kind.values()) {
            assertThat(keys).contains("decision.step." + kind.name());
        }
        for (String field : DecisionPage.FIELDS) {
            assertThat(keys).contains("decision.field." + field);
        }
    }

    @Test
    void theEvidenceIsCountedInEachLanguage() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        Locale es = Locale.forLanguageTag("es");

        assertThat(format(english, "decision.evidence.count", Locale.ENGLISH, 0)).startsWith("No feedback");
        assertThat(format(english, "decision.evidence.count", Locale.ENGLISH, 1)).contains("1 piece of feedback.");
        assertThat(format(english, "decision.evidence.count", Locale.ENGLISH, 12)).contains("12 pieces of feedback.");
        assertThat(format(spanish, "decision.evidence.count", es, 1)).isEqualTo("Se basa en 1 opinión.");
        assertThat(format(spanish, "decision.evidence.count", es, 3)).isEqualTo("Se basa en 3 opiniones.");
        assertThat(format(english, "decision.step.EVIDENCE_LINKED", Locale.ENGLISH, 2))
                .isEqualTo("2 more pieces of feedback weighed as evidence");
        assertThat(format(spanish, "decision.step.EVIDENCE_LINKED", es, 1))
                .isEqualTo("Tuvimos en cuenta 1 opinión más como evidencia");
    }

    @Test
    void thePromiseCountsDaysAndHoursInEachLanguage() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");

        assertThat(format(english, "form.next.acknowledge.days", Locale.ENGLISH, 1)).endsWith("within 1 day.");
        assertThat(format(english, "form.next.acknowledge.days", Locale.ENGLISH, 3)).endsWith("within 3 days.");
        assertThat(format(english, "form.next.acknowledge.hours", Locale.ENGLISH, 36)).endsWith("within 36 hours.");
        Locale es = Locale.forLanguageTag("es");
        assertThat(format(spanish, "form.next.acknowledge.days", es, 1)).contains("en 1 día como máximo");
        assertThat(format(spanish, "form.next.acknowledge.days", es, 14)).contains("en 14 días como máximo");
        assertThat(format(spanish, "form.next.acknowledge.hours", es, 1)).contains("en 1 hora como máximo");
    }

    private static String format(Properties bundle, String key, Locale locale, Object... args) {
        return new MessageFormat(bundle.getProperty(key), locale).format(args);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(
                MessageBundlesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
