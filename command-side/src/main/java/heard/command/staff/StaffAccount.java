package heard.command.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import heard.command.refusals.Caps;
import heard.command.refusals.RuleViolation;
import heard.command.refusals.StateConflict;
import heard.events.StaffAccountDisabled;
import heard.events.StaffAccountOpened;
import heard.events.StaffRole;
import heard.events.StaffRolesSet;
import heard.limits.InputLimits;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A staff member an administrator added: the roles they hold and whether they may still sign in. Its
 * events are the history of who could act, who granted it and when.
 */
@Aggregate
public class StaffAccount {
    @AggregateIdentifier
    private String accountId;
    private boolean disabled;
    private List<StaffRole> roles;

    protected StaffAccount() {
    }

    @CommandHandler
    public StaffAccount(OpenStaffAccount command, StaffPasswords passwords) {
        if (command.accountId() == null || !command.accountId().matches(InputLimits.ACCOUNT_NAME_PATTERN)) {
            throw new RuleViolation("name", "use a name of lower-case letters, digits and . _ @ -, at most "
                    + InputLimits.ACCOUNT_NAME + " characters");
        }
        if (passwords.configured(command.accountId())) {
            throw new RuleViolation("name", "this name belongs to a user in the configuration");
        }
        Caps.line("displayName", command.displayName(), InputLimits.DISPLAY_NAME);
        checkRoles(command.roles());
        passwords.keep(command.accountId(), command.passwordHash());
        apply(new StaffAccountOpened(command.accountId(), command.displayName(), List.copyOf(command.roles()),
                command.at(), command.actor()));
    }

    @CommandHandler
    void handle(SetStaffRoles command) {
        if (disabled) {
            throw new StateConflict("the account is disabled");
        }
        checkRoles(command.roles());
        if (!command.roles().equals(roles)) {
            apply(new StaffRolesSet(accountId, List.copyOf(command.roles()), command.at(), command.actor()));
        }
    }

    @CommandHandler
    void handle(DisableStaffAccount command) {
        if (disabled) {
            throw new StateConflict("the account is already disabled");
        }
        if (accountId.equals(command.actor())) {
            throw new RuleViolation("account", "an administrator cannot disable their own account");
        }
        apply(new StaffAccountDisabled(accountId, command.at(), command.actor()));
    }

    private static void checkRoles(List<StaffRole> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)
                || roles.stream().distinct().count() != roles.size()) {
            throw new RuleViolation("roles", "give at least one role, each once");
        }
    }

    @EventSourcingHandler
    void on(StaffAccountOpened event) {
        accountId = event.accountId();
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(StaffRolesSet event) {
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(StaffAccountDisabled event) {
        disabled = true;
    }
}
