package heard.command.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import heard.command.refusals.Caps;
import heard.command.refusals.RuleViolation;
import heard.events.StaffMemberNamed;
import heard.limits.InputLimits;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A staff member who signs in with the organization's provider: the name it gives them, so that the
 * histories can show a name beside the provider's subject that their events carry. Its id is the subject
 * behind a prefix, so that no subject can share a stream with another aggregate (a local account's name,
 * say).
 */
@Aggregate
public class StaffMember {
    static final String ID_PREFIX = "staff-member:";

    @AggregateIdentifier
    private String memberId;
    private String displayName;

    protected StaffMember() {
    }

    static String idOf(String subject) {
        return ID_PREFIX + subject;
    }

    /** The first name recorded, and each other one after it; the same name again records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(NameStaffMember command) {
        Caps.line("subject", command.subject(), InputLimits.ACCOUNT_NAME);
        if (!idOf(command.subject()).equals(command.memberId())) {
            throw new RuleViolation("subject", "name the member by their own subject");
        }
        Caps.line("displayName", command.displayName(), InputLimits.DISPLAY_NAME);
        if (!command.displayName().equals(displayName)) {
            apply(new StaffMemberNamed(command.subject(), command.displayName(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(StaffMemberNamed event) {
        memberId = idOf(event.subject());
        displayName = event.displayName();
    }
}
