package heard.command.demo;

import heard.command.catalog.Catalog;
import heard.command.feedback.AcknowledgeFeedback;
import heard.command.feedback.AnswerSummary;
import heard.command.feedback.SubmitFeedback;
import heard.command.feedback.SummarizeUnderstanding;
import heard.command.feedback.ThemeFeedback;
import heard.command.initiative.LaunchInitiative;
import heard.command.learning.PublishLearning;
import heard.events.Actors;
import heard.events.Channel;
import heard.events.ReceiptTokens;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A filled-in loop for a first look ({@code heard.demo-data=true}, the demo profile's default):
 * one initiative, voices from several groups and channels, a corrected summary, a published
 * learning. Written once; a restart on the same data finds it there and adds nothing. Its two
 * receipt tokens are public sample values so that a newcomer can open a participant's page.
 */
@Component
@ConditionalOnProperty(name = "heard.demo-data", havingValue = "true")
class SampleInitiative implements ApplicationRunner {
    static final String INITIATIVE = "5a3c1e0e-0000-4000-8000-000000000001";
    static final String FAMILY_RECEIPT = "DemoFamilyReceipt00001";
    static final String STUDENT_RECEIPT = "DemoStudentReceipt0001";
    private static final Logger log = LoggerFactory.getLogger(SampleInitiative.class);

    private final CommandGateway commands;
    private final Catalog catalog;

    SampleInitiative(CommandGateway commands, Catalog catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalog.initiative(INITIATIVE).isPresent()) {
            return;
        }
        Instant start = Instant.now().minus(Duration.ofDays(5));
        commands.sendAndWait(new LaunchInitiative(INITIATIVE, "Getting to school safely",
                "What makes the trip to and from school hard for your family, and what would help?",
                List.of(new StakeholderGroup("families", "Families", StakeholderRole.BENEFICIARY, 0.55),
                        new StakeholderGroup("students", "Students", StakeholderRole.BENEFICIARY, 0.25),
                        new StakeholderGroup("staff", "School staff", StakeholderRole.PROVIDER, 0.10),
                        new StakeholderGroup("neighbours", "Neighbours", StakeholderRole.COMMUNITY, 0.10)),
                List.of("en", "es"), 72, start, "leader"));

        String family = submit("5a3c1e0e-0000-4000-8000-000000000011", FAMILY_RECEIPT,
                "El autobús de la tarde llega media hora tarde y mis hijos esperan solos en la parada.",
                Channel.SMS, "es", "families", start.plus(Duration.ofHours(2)), Actors.PARTICIPANT);
        String student = submit("5a3c1e0e-0000-4000-8000-000000000012", STUDENT_RECEIPT,
                "There is no crossing guard at Main Street after three o'clock.",
                Channel.WEB, "en", "students", start.plus(Duration.ofHours(5)), Actors.PARTICIPANT);
        String neighbour = submit("5a3c1e0e-0000-4000-8000-000000000013", ReceiptTokens.newToken(),
                "Parents park on the sidewalk at pickup time, so we walk in the street.",
                Channel.PAPER, "en", "neighbours", start.plus(Duration.ofDays(1)), "facilitator");
        submit("5a3c1e0e-0000-4000-8000-000000000014", ReceiptTokens.newToken(),
                "Necesitamos información en español cuando cambian las rutas.",
                Channel.MEETING, "es", "families", start.plus(Duration.ofHours(27)), "facilitator");

        Instant day2 = start.plus(Duration.ofDays(1));
        commands.sendAndWait(new AcknowledgeFeedback(family, "Gracias por escribirnos. Lo estamos revisando.", day2,
                "facilitator"));
        commands.sendAndWait(new SummarizeUnderstanding(family,
                "The morning bus is late and your children wait alone.", day2.plusSeconds(600), "facilitator"));
        commands.sendAndWait(new AnswerSummary(family, ReceiptTokens.hash(FAMILY_RECEIPT), false,
                "No, es el autobús de la tarde, el de la mañana llega bien.", day2.plusSeconds(7200)));
        commands.sendAndWait(new SummarizeUnderstanding(family,
                "The afternoon bus is about 30 minutes late and your children wait alone at the stop.",
                day2.plusSeconds(9000), "facilitator"));
        commands.sendAndWait(new AnswerSummary(family, ReceiptTokens.hash(FAMILY_RECEIPT), true, null,
                day2.plusSeconds(10_800)));
        commands.sendAndWait(new ThemeFeedback(family, List.of("transport", "safety"), day2.plusSeconds(11_000),
                "analyst"));

        commands.sendAndWait(new AcknowledgeFeedback(student, "Thank you. We have shared this with the principal.",
                day2, "facilitator"));
        commands.sendAndWait(new SummarizeUnderstanding(student,
                "The Main Street crossing has no guard after 3 pm, when many of you walk home.",
                day2.plusSeconds(900), "facilitator"));
        commands.sendAndWait(new AnswerSummary(student, ReceiptTokens.hash(STUDENT_RECEIPT), true, null,
                day2.plusSeconds(4000)));
        commands.sendAndWait(new ThemeFeedback(student, List.of("safety"), day2.plusSeconds(11_000), "analyst"));

        commands.sendAndWait(new AcknowledgeFeedback(neighbour, "Thank you for writing to us.",
                start.plus(Duration.ofDays(2)), "facilitator"));

        commands.sendAndWait(new PublishLearning("5a3c1e0e-0000-4000-8000-000000000021", INITIATIVE,
                "Afternoon buses and the Main Street crossing",
                "Families told us the afternoon bus runs late and children wait alone; students told us the "
                        + "Main Street crossing has no guard after school.",
                "The district moves the afternoon route 20 minutes earlier and funds a crossing guard until 4 pm.",
                "We had assumed the morning route was the problem. A family corrected us: it is the afternoon.",
                "We will ask again in six weeks whether waits are shorter.",
                List.of(), List.of(family, student), start.plus(Duration.ofDays(3)), "leader"));
        log.info("Sample initiative written: open /i/{} (participants' sample receipts are in the README)",
                INITIATIVE);
    }

    private String submit(String id, String receiptToken, String text, Channel channel, String language,
            String group, Instant at, String actor) {
        commands.sendAndWait(new SubmitFeedback(id, INITIATIVE, text, channel, language, group, null, false,
                ReceiptTokens.hash(receiptToken), at, actor));
        return id;
    }
}
