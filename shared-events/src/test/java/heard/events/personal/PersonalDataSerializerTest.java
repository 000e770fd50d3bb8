package heard.events.personal;

import static org.assertj.core.api.Assertions.assertThat;

import heard.events.Actors;
import heard.events.Channel;
import heard.events.EventJson;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stored form of events with a participant's words, before and after they are forgotten, on a real database. */
class PersonalDataSerializerTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private final Serializer plain = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private JdbcDataSource dataSource;
    private JdbcParticipantKeys keys;
    private Serializer serializer;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/keys").load().migrate();
        keys = new JdbcParticipantKeys(dataSource, Duration.ofMinutes(1), Clock.systemUTC());
        serializer = new PersonalDataSerializer(plain, keys);
    }

    @Test
    void storesTheWordsAndContactEncryptedAndReadsThemBack() {
        FeedbackSubmitted event = submitted("feedback-1", "The crossing on Elm St is unsafe", "maria@example.org");

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Elm St", "maria@example.org")
                .contains(PersonalCipher.PREFIX, "\"stakeholderGroup\":\"parents\"", "\"feedbackId\":\"feedback-1\"");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void everyTextOfTheParticipantsLoopIsEncrypted() {
        List<Object> events = List.of(
                new FeedbackAcknowledged("feedback-1", "initiative-1", "Thank you, Maria", AT, "facilitator"),
                new UnderstandingSummarized("feedback-1", "initiative-1", "Maria finds Elm St unsafe", 1, AT,
                        "facilitator"),
                new UnderstandingCorrected("feedback-1", "initiative-1", 1, "It is Oak St, not Elm St", AT,
                        Actors.PARTICIPANT));
        for (Object event : events) {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            // whole phrases: a short word such as "St" turns up in random ciphertext's Base64 now and then
            assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                    .doesNotContain("Maria", "Thank you", "Elm St", "Oak St", "unsafe");
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        }
    }

    /** A participant may write anything, the stored form's own marker included: it is sealed like any words. */
    @Test
    void wordsThatBeginLikeTheStoredFormAreEncryptedAndForgottenAllTheSame() {
        String words = PersonalCipher.PREFIX + " Maria asks for a guard at Elm St";
        FeedbackSubmitted event = submitted("feedback-1", words, PersonalCipher.PREFIX + "maria@example.org");

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .doesNotContain("Maria asks", "guard at Elm St", "maria@example.org");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        keys.forget("feedback-1", AT);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(submitted("feedback-1", null, null));
    }

    /** The stored form is a contract: events sealed by earlier releases, prefix and Base64, still open. */
    @Test
    void readsTheSealedFormEarlierReleasesStored() {
        SecretKey key = keys.forWriting("feedback-1").orElseThrow();
        FeedbackSubmitted event = submitted("feedback-1", "The crossing on Elm St is unsafe", "maria@example.org");
        FeedbackSubmitted sealed = submitted("feedback-1",
                PersonalCipher.PREFIX + PersonalCipher.seal(key, event.text(), "feedback-1/text"),
                PersonalCipher.PREFIX + PersonalCipher.seal(key, event.contact(), "feedback-1/contact"));

        assertThat((Object) serializer.deserialize(plain.serialize(sealed, byte[].class))).isEqualTo(event);
    }

    @Test
    void leavesEventsWithoutPersonalDataAsThePlainSerializerWritesThem() {
        FeedbackThemed event = new FeedbackThemed("feedback-1", "initiative-1", List.of("safety"), AT, "analyst");

        assertThat(serializer.serialize(event, byte[].class).getData())
                .isEqualTo(plain.serialize(event, byte[].class).getData());
    }

    @Test
    void afterForgettingTheWordsAndContactReadAsNullAndTheRestStays() {
        FeedbackSubmitted event = submitted("feedback-1", "The crossing on Elm St is unsafe", "maria@example.org");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        keys.forget("feedback-1", AT);

        FeedbackSubmitted read = serializer.deserialize(stored);
        assertThat(read.text()).isNull();
        assertThat(read.contact()).isNull();
        assertThat(read).isEqualTo(submitted("feedback-1", null, null));
    }

    @Test
    void forgettingOneParticipantLeavesAnothersWordsReadable() {
        SerializedObject<byte[]> first = serializer.serialize(submitted("feedback-1", "First", null), byte[].class);
        SerializedObject<byte[]> second = serializer.serialize(submitted("feedback-2", "Second", null), byte[].class);

        keys.forget("feedback-1", AT);

        assertThat(((FeedbackSubmitted) serializer.deserialize(first)).text()).isNull();
        assertThat(((FeedbackSubmitted) serializer.deserialize(second)).text()).isEqualTo("Second");
    }

    @Test
    void readsTheOldPlainFormUntilTheParticipantIsForgotten() {
        FeedbackSubmitted event = submitted("feedback-old", "Stored before encryption began", "+15550100");
        SerializedObject<byte[]> oldForm = plain.serialize(event, byte[].class);

        assertThat((Object) serializer.deserialize(oldForm)).isEqualTo(event);

        keys.forget("feedback-old", AT);

        assertThat(((FeedbackSubmitted) serializer.deserialize(oldForm)).text()).isNull();
    }

    @Test
    void anotherInstanceThatRememberedNoKeyFindsTheKeyMadeLater() {
        Serializer otherInstance = new PersonalDataSerializer(plain,
                new JdbcParticipantKeys(dataSource, Duration.ofHours(1), Clock.systemUTC()));
        FeedbackSubmitted old = submitted("feedback-old", "Stored before encryption began", null);
        assertThat((Object) otherInstance.deserialize(plain.serialize(old, byte[].class))).isEqualTo(old);

        FeedbackAcknowledged later = new FeedbackAcknowledged("feedback-old", "initiative-1", "Thank you, Maria", AT,
                "facilitator");
        SerializedObject<byte[]> sealed = serializer.serialize(later, byte[].class);

        assertThat(new String(sealed.getData(), StandardCharsets.UTF_8)).doesNotContain("Maria");
        assertThat((Object) otherInstance.deserialize(sealed)).isEqualTo(later);
        assertThat((Object) serializer.deserialize(sealed)).isEqualTo(later);
    }

    @Test
    void storesNothingNewOfAForgottenParticipant() {
        keys.forget("feedback-1", AT);

        SerializedObject<byte[]> stored = serializer.serialize(
                new UnderstandingCorrected("feedback-1", "initiative-1", 1, "Too late", AT, Actors.PARTICIPANT),
                byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).doesNotContain("Too late")
                .contains("\"correction\":null");
    }

    @Test
    void aValueMovedToAnotherParticipantOrFieldDoesNotDecrypt() {
        SerializedObject<byte[]> stored = serializer.serialize(submitted("feedback-1", "Mine", "me@example.org"),
                byte[].class);
        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        serializer.serialize(submitted("feedback-2", "Theirs", null), byte[].class);

        String moved = json.replace("\"feedbackId\":\"feedback-1\"", "\"feedbackId\":\"feedback-2\"");
        FeedbackSubmitted read = serializer.deserialize(new SimpleSerializedObject<>(
                moved.getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType()));

        assertThat(read.text()).isNull();
        assertThat(read.contact()).isNull();
    }

    @Test
    void eachValueGetsAFreshNonce() {
        FeedbackSubmitted event = submitted("feedback-1", "Same words", null);

        assertThat(serializer.serialize(event, byte[].class).getData())
                .isNotEqualTo(serializer.serialize(event, byte[].class).getData());
    }

    private static FeedbackSubmitted submitted(String feedbackId, String text, String contact) {
        return new FeedbackSubmitted(feedbackId, "initiative-1", text, Channel.WEB, "en", "parents", contact, true,
                "hash", AT.plusSeconds(3600), AT, Actors.PARTICIPANT);
    }
}
