package heard.command.learning;

import heard.command.feedback.CloseLoop;
import heard.events.LearningPublished;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Publishing a learning closes the loop of every feedback it names. A streaming processor with
 * its own token: a failure is retried, and a repeat is harmless because closing twice records nothing.
 */
@Component
@ProcessingGroup("loop-closing")
class LoopClosingProcess {
    private final CommandGateway commands;

    LoopClosingProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(LearningPublished event) {
        for (String feedbackId : event.feedbackIds()) {
            commands.sendAndWait(new CloseLoop(feedbackId, event.learningId(), event.at(), event.actor()));
        }
    }
}
