package heard.command.feedback;

import static heard.command.refusals.Rejections.ruleViolationOn;

import heard.command.catalog.InMemoryCatalog;
import heard.command.followup.FollowUpAddress;
import heard.command.followup.ResumeFollowUp;
import heard.command.followup.StopFollowUp;
import heard.command.refusals.ReceiptRejected;
import heard.events.Actors;
import heard.events.Channel;
import heard.events.FeedbackSubmitted;
import heard.events.FollowUpChannel;
import heard.events.FollowUpConsented;
import heard.events.FollowUpResumed;
import heard.events.FollowUpStopped;
import heard.events.ParticipantForgotten;
import heard.events.ReceiptTokens;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowUpConsentTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String FEEDBACK = "feedback-1";
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");
    private static final String TOKEN = ReceiptTokens.newToken();
    private static final FollowUpAddress EMAIL = new FollowUpAddress(FollowUpChannel.EMAIL, "maria@example.org");
    private static final FollowUpAddress SMS = new FollowUpAddress(FollowUpChannel.SMS, "+34612345678");

    private FixtureConfiguration<Feedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
        fixture.registerInjectableResource(new InMemoryCatalog().withInitiative(INITIATIVE, 72, "parents"));
    }

    @Test
    void recordsEachConsentedChannelWithTheReceiptItsMessagesLinkTo() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of(EMAIL, SMS), TOKEN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new FeedbackSubmitted(FEEDBACK, INITIATIVE, "The bus is late", Channel.WEB, "es", "parents",
                                null, false, ReceiptTokens.hash(TOKEN), AT.plusSeconds(72 * 3600), AT,
                                Actors.PARTICIPANT),
                        new FollowUpConsented(FEEDBACK, INITIATIVE, FollowUpChannel.EMAIL, "maria@example.org", TOKEN,
                                "es", AT, Actors.PARTICIPANT),
                        new FollowUpConsented(FEEDBACK, INITIATIVE, FollowUpChannel.SMS, "+34612345678", TOKEN, "es",
                                AT, Actors.PARTICIPANT));
    }

    @Test
    void refusesALinkToAnotherReceipt() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of(EMAIL), ReceiptTokens.newToken()))
                .expectException(ruleViolationOn("receiptToken"))
                .expectNoEvents();
    }

    @Test
    void refusesTwoAddressesOnOneChannel() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of(EMAIL, new FollowUpAddress(FollowUpChannel.EMAIL, "other@example.org")), TOKEN))
                .expectException(ruleViolationOn("followUps"))
                .expectNoEvents();
    }

    @Test
    void capsEachAddressWhateverPathItCameBy() {
        fixture.givenNoPriorActivity()
                .when(submit(List.of(new FollowUpAddress(FollowUpChannel.EMAIL, "a".repeat(250) + "@example.org")),
                        TOKEN))
                .expectException(ruleViolationOn("email"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(submit(List.of(new FollowUpAddress(FollowUpChannel.SMS, "+3461234\n5678")), TOKEN))
                .expectException(ruleViolationOn("mobile"))
                .expectNoEvents();
    }

    @Test
    void stopsAChannelOnceAndOnlyWithItsReceipt() {
        fixture.given(submitted(), consented(FollowUpChannel.EMAIL), consented(FollowUpChannel.SMS))
                .when(new StopFollowUp(FEEDBACK, ReceiptTokens.hash(TOKEN), FollowUpChannel.EMAIL, AT, Actors.PARTICIPANT))
                .expectEvents(new FollowUpStopped(FEEDBACK, INITIATIVE, FollowUpChannel.EMAIL, AT, Actors.PARTICIPANT));
        fixture.given(submitted(), consented(FollowUpChannel.EMAIL),
                        new FollowUpStopped(FEEDBACK, INITIATIVE, null, AT, Actors.PARTICIPANT))
                .when(new StopFollowUp(FEEDBACK, ReceiptTokens.hash(TOKEN), FollowUpChannel.EMAIL, AT, Actors.PARTICIPANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(submitted(), consented(FollowUpChannel.EMAIL))
                .when(new StopFollowUp(FEEDBACK, ReceiptTokens.hash(ReceiptTokens.newToken()), null, AT,
                        Actors.PARTICIPANT))
                .expectException(ReceiptRejected.class)
                .expectNoEvents();
        fixture.given(submitted())
                .when(new StopFollowUp(FEEDBACK, ReceiptTokens.hash(TOKEN), null, AT, Actors.PARTICIPANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void resumesAStoppedChannelWithItsReceiptButNeverForOneWhoWasForgotten() {
        FollowUpStopped stopped = new FollowUpStopped(FEEDBACK, INITIATIVE, null, AT, Actors.PARTICIPANT);
        fixture.given(submitted(), consented(FollowUpChannel.EMAIL), stopped)
                .when(new ResumeFollowUp(FEEDBACK, ReceiptTokens.hash(TOKEN), FollowUpChannel.EMAIL, AT,
                        Actors.PARTICIPANT))
                .expectEvents(new FollowUpResumed(FEEDBACK, INITIATIVE, FollowUpChannel.EMAIL, AT, Actors.PARTICIPANT));
        fixture.given(submitted(), consented(FollowUpChannel.EMAIL), stopped)
                .when(new ResumeFollowUp(FEEDBACK, ReceiptTokens.hash(ReceiptTokens.newToken()),
                        FollowUpChannel.EMAIL, AT, Actors.PARTICIPANT))
                .expectException(ReceiptRejected.class)
                .expectNoEvents();
        fixture.given(submitted(), consented(FollowUpChannel.EMAIL))
                .when(new ResumeFollowUp(FEEDBACK, ReceiptTokens.hash(TOKEN), FollowUpChannel.EMAIL, AT,
                        Actors.PARTICIPANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(submitted(), consented(FollowUpChannel.EMAIL), stopped,
                        new ParticipantForgotten(FEEDBACK, INITIATIVE, AT, Actors.PARTICIPANT))
                .when(new ResumeFollowUp(FEEDBACK, ReceiptTokens.hash(TOKEN), FollowUpChannel.EMAIL, AT,
                        Actors.PARTICIPANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static FeedbackSubmitted submitted() {
        return new FeedbackSubmitted(FEEDBACK, INITIATIVE, "The bus is late", Channel.WEB, "es", "parents", null,
                false, ReceiptTokens.hash(TOKEN), AT.plusSeconds(72 * 3600), AT, Actors.PARTICIPANT);
    }

    private static FollowUpConsented consented(FollowUpChannel channel) {
        return new FollowUpConsented(FEEDBACK, INITIATIVE, channel, "x", TOKEN, "es", AT, Actors.PARTICIPANT);
    }

    private static SubmitFeedback submit(List<FollowUpAddress> followUps, String token) {
        return new SubmitFeedback(FEEDBACK, INITIATIVE, "The bus is late", Channel.WEB, "es", "parents", null, false,
                ReceiptTokens.hash(TOKEN), AT, Actors.PARTICIPANT, followUps, token);
    }
}
