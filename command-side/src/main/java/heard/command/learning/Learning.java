package heard.command.learning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import heard.command.catalog.Catalog;
import heard.command.refusals.Caps;
import heard.command.refusals.NotFound;
import heard.command.refusals.RuleViolation;
import heard.events.LearningPublished;
import heard.limits.InputLimits;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** What was heard, decided and learned, returned to the people it came from. */
@Aggregate
public class Learning {
    @AggregateIdentifier
    private String learningId;

    protected Learning() {
    }

    @CommandHandler
    public Learning(PublishLearning command, Catalog catalog) {
        Caps.text("title", command.title(), InputLimits.TITLE);
        Caps.text("whatWeHeard", command.whatWeHeard(), InputLimits.LEARNING_TEXT);
        Caps.text("whatWeDecided", command.whatWeDecided(), InputLimits.LEARNING_TEXT);
        Caps.text("whatWeLearned", command.whatWeLearned(), InputLimits.LEARNING_TEXT);
        Caps.text("whatsNext", command.whatsNext(), InputLimits.LEARNING_TEXT);
        Caps.items("decisionIds", command.decisionIds(), InputLimits.DECISIONS_PER_LEARNING);
        Caps.items("feedbackIds", command.feedbackIds(), InputLimits.FEEDBACK_IDS);
        if (catalog.initiative(command.initiativeId()).isEmpty()) {
            throw new NotFound("initiative", command.initiativeId());
        }
        List<String> foreign = catalog.feedbackOutside(command.initiativeId(), command.feedbackIds());
        if (!foreign.isEmpty()) {
            throw new RuleViolation("feedbackIds", "not feedback of this initiative: " + foreign);
        }
        List<String> foreignDecisions = catalog.decisionsOutside(command.initiativeId(), command.decisionIds());
        if (!foreignDecisions.isEmpty()) {
            throw new RuleViolation("decisionIds", "not decisions of this initiative: " + foreignDecisions);
        }
        apply(new LearningPublished(command.learningId(), command.initiativeId(), command.title(),
                command.whatWeHeard(), command.whatWeDecided(), command.whatWeLearned(), command.whatsNext(),
                command.decisionIds().stream().distinct().toList(), command.feedbackIds().stream().distinct().toList(),
                command.at(), command.actor()));
    }

    @EventSourcingHandler
    void on(LearningPublished event) {
        learningId = event.learningId();
    }
}
