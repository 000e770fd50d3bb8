package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import heard.events.DecisionReviewDue;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A decision's public page, as a browser without JavaScript reads it, in English and in Spanish:
 * each version, what changed from what to what, why, on which feedback, the engagement level in
 * plain words, the evidence, the outcome; and the participant's page that links to it.
 */
@StandaloneTest
class DecisionPagesTest {
    @Autowired
    EventStore events;
    Api api;
    DecisionStory story;

    @BeforeEach
    void aDecisionRevisedTwice() {
        story = new DecisionStory(api, "Earlier afternoon buses");
        story.awaitWholeHistory();
    }

    @Test
    void thePageTellsTheDecisionsStoryInEnglish() {
        Api.Response page = api.get("/decisions/" + story.decisionId, "Accept-Language", "en-GB,en;q=0.9");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String body = page.body();
        assertThat(body).contains("<html lang=\"en\">", "<title>Earlier afternoon buses · Heard</title>",
                "href=\"#main\"", "Getting to school safely", "href=\"/i/" + story.initiativeId + "/learnings\"")
                .contains("Earlier afternoon buses", "Version 3", "We treat every decision as a hypothesis")
                .contains("Where it stands now", DecisionStory.SECOND_HYPOTHESIS, "Waits under 10 minutes")
                .contains("How much say you have",
                        "Collaborate: we shape the decision and carry it out together with you.")
                .contains("September 1, 2099", "Minutes waiting: from 31 to 12.5", "(in min)", "Families")
                .contains("It is based on 2 pieces of feedback.")
                .contains("What happened", "Too early to tell", "Waits fell to 14 minutes",
                        "Assessed against version 2.");
        assertThat(body).contains("How this decision changed", "Proposed as version 1", "Revised: now version 2",
                "1 more piece of feedback weighed as evidence", "We assessed version 2", "Revised: now version 3");
        assertThat(body).contains("What changed", "Hypothesis", "Before", "After", DecisionStory.FIRST_HYPOTHESIS,
                "Consult: we ask for your views and weigh them before we decide.", "Review date", "June 1, 2099",
                "Minutes waiting: from 31 to 10")
                .contains("Why", "Families said Fridays are the worst, and asked to plan the route with us",
                        "Count through the summer", "Heard at the May meeting")
                .contains("The feedback that moved us", "Feedback " + story.trigger.substring(0, 8),
                        "title=\"" + story.trigger + "\"", "<li>fridays</li>", "<li>transport</li>",
                        "Feedback " + story.evidence.substring(0, 8), "not themed yet")
                .contains("Recorded by leader", "Recorded by analyst");
        assertThat(body).doesNotContain("The afternoon bus is late", "It is worse on Fridays", "555 0100",
                "The review date,");
        assertThat(body.indexOf("Proposed as version 1")).isLessThan(body.indexOf("Revised: now version 2"));
        assertThat(body.indexOf("Revised: now version 2")).isLessThan(body.indexOf("Revised: now version 3"));
    }

    @Test
    void thePageIsInSpanishWhenAskedFor() {
        String body = api.get("/decisions/" + story.decisionId + "?lang=es", "Accept-Language", "en").body();

        assertThat(body).contains("<html lang=\"es\">", "Decisión", "Versión 3", "Tratamos cada decisión como una hipótesis")
                .contains("En qué punto está", "Cuánto pueden decidir ustedes",
                        "Colaborar: damos forma a la decisión y la llevamos a cabo junto con ustedes.")
                .contains("1 de septiembre de 2099", "Minutes waiting: de 31 a 12,5", "Se basa en 2 opiniones.")
                .contains("Qué pasó", "Aún es pronto para saberlo", "Evaluada frente a la versión 2.")
                .contains("Cómo ha cambiado esta decisión", "Propuesta como versión 1", "Revisada: ahora es la versión 2",
                        "Tuvimos en cuenta 1 opinión más como evidencia", "Evaluamos la versión 2")
                .contains("Qué cambió", "Hipótesis", "Antes", "Después", "Por qué",
                        "Consultar: les pedimos su opinión y la tenemos en cuenta antes de decidir.",
                        "Las opiniones que nos movieron", "Opinión " + story.trigger.substring(0, 8),
                        "todavía sin temas", "Registrado por leader", "href=\"?lang=en\"")
                .doesNotContain("Where it stands now", "How much say you have");
    }

    @Test
    void aMissedReviewIsShownUntilTheDecisionIsAssessed() {
        long last = events.lastSequenceNumberFor(story.decisionId).orElseThrow();
        Instant passed = Instant.now();
        events.publish(new GenericDomainEventMessage<>("Decision", story.decisionId, last + 1,
                new DecisionReviewDue(story.decisionId, story.initiativeId, 3, LocalDate.parse("2099-09-01"), passed,
                        "system")));

        String body = eventually()
                .until(() -> api.get("/decisions/" + story.decisionId).body(),
                        page -> page.contains("The review date, September 1, 2099, has passed"));
        assertThat(body).contains("We owe you that answer.",
                "The review date of version 3 passed without an assessment")
                .doesNotContain("Recorded by system");
        assertThat(api.get("/decisions/" + story.decisionId + "?lang=es").body())
                .contains("La fecha de revisión, 1 de septiembre de 2099, ya pasó");
        assertThat(api.get("/api/decisions/" + story.decisionId).json().get("reviewDue").get("version").asInt())
                .isEqualTo(3);

        assertThat(api.post("/api/decisions/" + story.decisionId + "/outcome",
                "{\"verdict\": \"SUPPORTED\", \"observed\": \"Waits fell to 9 minutes\"}", Api.as("leader"))
                .status()).isEqualTo(200);
        String assessed = eventually()
                .until(() -> api.get("/decisions/" + story.decisionId).body(),
                        page -> page.contains("Waits fell to 9 minutes"));
        assertThat(assessed).contains("It worked: what happened supports the hypothesis.", "We assessed version 3",
                "Assessed against version 3.").doesNotContain("The review date, September 1, 2099, has passed");
        assertThat(api.get("/api/decisions/" + story.decisionId).json().has("reviewDue")).isFalse();
    }

    @Test
    void aLearningLinksToTheDecisionsItNames() {
        Api.Response published = api.post("/api/initiatives/" + story.initiativeId + "/learnings", """
                {"title": "Buses leave earlier", "whatWeHeard": "Long waits", "whatWeDecided": "Earlier buses",
                 "whatWeLearned": "Fridays matter", "whatsNext": "We count again in June",
                 "decisionIds": ["%s"], "feedbackIds": ["%s"]}""".formatted(story.decisionId, story.evidence),
                Api.as("leader"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        String page = eventually()
                .until(() -> api.get("/i/" + story.initiativeId + "/learnings?lang=es").body(),
                        body -> body.contains("Buses leave earlier"));
        assertThat(page).contains("Las decisiones detrás de esto y cómo han cambiado",
                "href=\"/decisions/" + story.decisionId + "\"", ">Earlier afternoon buses</a>", "Versión 3");
    }

    @Test
    void anUnknownDecisionIsTheNotFoundPageInEitherLanguage() {
        Api.Response english = api.get("/decisions/nope");
        assertThat(english.status()).isEqualTo(404);
        assertThat(english.contentType()).startsWith("text/html");
        assertThat(english.body()).contains("<html lang=\"en\">", "We could not find this page");

        Api.Response spanish = api.get("/decisions/nope", "Accept-Language", "es");
        assertThat(spanish.status()).isEqualTo(404);
        assertThat(spanish.body()).contains("<html lang=\"es\">", "No encontramos esta página");
    }

    @Test
    void storedTextIsShownAsTextNeverAsMarkup() {
        DecisionStory hostile = new DecisionStory(api, "<script>alert(1)</script> & buses");
        hostile.awaitWholeHistory();

        String body = api.get("/decisions/" + hostile.decisionId).body();
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; buses")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void theParticipantsPageLinksToEachDecisionTheirFeedbackInformedOrChanged() {
        String receipt = "/r/" + story.evidenceToken;
        String english = eventually()
                .until(() -> api.get(receipt + "?lang=en").body(), page -> page.contains("Your feedback changed a decision"));
        assertThat(english).contains("Your feedback was weighed as evidence for a decision:",
                "href=\"/decisions/" + story.decisionId + "\"", ">Earlier afternoon buses</a>", "Version 1",
                "Your feedback changed a decision:", "Version 3", "Why it changed", "Count through the summer",
                "See how this decision has changed");

        String spanish = api.get("/r/" + story.triggerToken + "?lang=es").body();
        assertThat(spanish).contains("Su opinión nos hizo cambiar una decisión:", "Versión 2", "Por qué cambió",
                "Families said Fridays are the worst", "Vea cómo ha cambiado esta decisión",
                "href=\"/decisions/" + story.decisionId + "\"");
    }
}
