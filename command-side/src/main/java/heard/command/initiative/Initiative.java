package heard.command.initiative;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import heard.command.refusals.Caps;
import heard.command.refusals.RuleViolation;
import heard.events.InitiativeLaunched;
import heard.events.StakeholderGroup;
import heard.limits.InputLimits;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One common agenda: a guiding question and the stakeholder groups whose voices it seeks. */
@Aggregate
public class Initiative {
    /** Shares are decimals typed by people; allow for rounding in their sum. */
    private static final double SHARE_TOLERANCE = 1e-9;

    @AggregateIdentifier
    private String initiativeId;

    protected Initiative() {
    }

    @CommandHandler
    public Initiative(LaunchInitiative command) {
        Caps.text("title", command.title(), InputLimits.TITLE);
        Caps.text("guidingQuestion", command.guidingQuestion(), InputLimits.GUIDING_QUESTION);
        requireValidGroups(command.stakeholderGroups());
        if (command.languages().isEmpty()) {
            throw new RuleViolation("languages", "name at least one language");
        }
        Caps.items("languages", command.languages(), InputLimits.LANGUAGES);
        command.languages().forEach(language -> Caps.languageTag("languages", language));
        if (new HashSet<>(command.languages()).size() != command.languages().size()) {
            throw new RuleViolation("languages", "each language may be named once");
        }
        if (command.acknowledgeWithinHours() < 1) {
            throw new RuleViolation("acknowledgeWithinHours", "the acknowledgement target must be at least one hour");
        }
        apply(new InitiativeLaunched(command.initiativeId(), command.title(), command.guidingQuestion(),
                List.copyOf(command.stakeholderGroups()), List.copyOf(command.languages()),
                command.acknowledgeWithinHours(), command.at(), command.actor()));
    }

    private static void requireValidGroups(List<StakeholderGroup> groups) {
        if (groups.isEmpty()) {
            throw new RuleViolation("stakeholderGroups", "name at least one stakeholder group");
        }
        Caps.items("stakeholderGroups", groups, InputLimits.GROUPS);
        var codes = new HashSet<String>();
        double total = 0;
        for (StakeholderGroup group : groups) {
            if (group.code() == null || !group.code().matches(InputLimits.GROUP_CODE_PATTERN)) {
                throw new RuleViolation("stakeholderGroups", "use 1 to " + InputLimits.GROUP_CODE
                        + " letters, digits, - or _ for a group code");
            }
            Caps.line("stakeholderGroups", group.name(), InputLimits.GROUP_NAME);
            if (!codes.add(group.code())) {
                throw new RuleViolation("stakeholderGroups", "the group code " + group.code() + " is used twice");
            }
            // written so that NaN, which compares false with everything, is refused too
            if (!(group.populationShare() >= 0 && group.populationShare() <= 1)) {
                throw new RuleViolation("stakeholderGroups",
                        "the population share of " + group.code() + " must be between 0 and 1");
            }
            total += group.populationShare();
        }
        if (total > 1 + SHARE_TOLERANCE) {
            throw new RuleViolation("stakeholderGroups",
                    "population shares add up to " + total + "; they may add up to at most 1");
        }
    }

    @EventSourcingHandler
    void on(InitiativeLaunched event) {
        this.initiativeId = event.initiativeId();
    }
}
