package heard.command.staff;

import heard.command.refusals.RuleViolation;
import heard.command.refusals.StateConflict;
import heard.command.web.FormOrigin;
import heard.command.web.ReceiptLinks;
import heard.events.StaffRole;
import heard.forms.FormTokens;
import heard.limits.InputLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The targets of the administrators' staff page: add a staff member, set their roles, disable their
 * account; each goes back (303) to the page with a notice. Like the console's forms, a post must come
 * from this site's pages and carry the token the page signed for this administrator.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class StaffAccountForms {
    static final String PAGE = "/staff/accounts";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** The fields whose refusal the page explains in its own words; any other rule is told as one. */
    private static final Set<String> EXPLAINED = Set.of("name", "displayName", "password", "roles", "account");

    private final CommandGateway commands;
    private final PasswordEncoder passwords;
    private final FormOrigin origins;
    private final FormTokens forms;
    private final ReceiptLinks links;

    StaffAccountForms(CommandGateway commands, PasswordEncoder passwords, FormOrigin origins, FormTokens forms,
            ReceiptLinks links) {
        this.commands = commands;
        this.passwords = passwords;
        this.origins = origins;
        this.forms = forms;
        this.links = links;
    }

    @PostMapping(path = PAGE, consumes = FORM)
    ResponseEntity<Void> open(@RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request, Principal admin) {
        String refused = checked(request, formToken, admin);
        if (refused != null) {
            return back("error", refused, null);
        }
        String accountId = name.strip().toLowerCase(Locale.ROOT);
        if (!accountId.matches(InputLimits.ACCOUNT_NAME_PATTERN)) {
            return back("error", "name", null);
        }
        if (displayName.isBlank() || displayName.length() > InputLimits.DISPLAY_NAME
                || !displayName.matches(InputLimits.ONE_LINE)) {
            return back("error", "displayName", accountId);
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < InputLimits.PASSWORD_MIN || bytes > InputLimits.PASSWORD) {
            return back("error", "password", accountId);
        }
        List<StaffRole> chosen = roles(roles);
        if (chosen == null) {
            return back("error", "roles", accountId);
        }
        return send(accountId, "opened", () -> commands.sendAndWait(new OpenStaffAccount(accountId,
                displayName.strip(), passwords.encode(password), chosen, Instant.now(), admin.getName())));
    }

    @PostMapping(path = PAGE + "/{accountId}/roles", consumes = FORM)
    ResponseEntity<Void> setRoles(@PathVariable String accountId,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request, Principal admin) {
        String refused = checked(request, formToken, admin);
        if (refused != null || !accountId.matches(InputLimits.ACCOUNT_NAME_PATTERN)) {
            return back("error", refused == null ? "missing" : refused, null);
        }
        List<StaffRole> chosen = roles(roles);
        if (chosen == null) {
            return back("error", "roles", accountId);
        }
        return send(accountId, "roles", () -> commands.sendAndWait(new SetStaffRoles(accountId, chosen,
                Instant.now(), admin.getName())));
    }

    @PostMapping(path = PAGE + "/{accountId}/disable", consumes = FORM)
    ResponseEntity<Void> disable(@PathVariable String accountId,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request, Principal admin) {
        String refused = checked(request, formToken, admin);
        if (refused != null || !accountId.matches(InputLimits.ACCOUNT_NAME_PATTERN)) {
            return back("error", refused == null ? "missing" : refused, null);
        }
        return send(accountId, "disabled", () -> commands.sendAndWait(new DisableStaffAccount(accountId,
                Instant.now(), admin.getName())));
    }

    /** Refused outright when it comes from another site; "expired" when the page's token is not right. */
    private String checked(HttpServletRequest request, String formToken, Principal admin) {
        if (origins.of(request) != FormOrigin.Source.THIS_SITE) {
            throw new AccessDeniedException("The staff page's forms must be sent from its own page");
        }
        return forms.accepts(formToken, FormTokens.staffForms(admin.getName())) ? null : "expired";
    }

    /** The roles ticked, each one of the four and once; null when there is none or one is not a role. */
    private static List<StaffRole> roles(List<String> ticked) {
        if (ticked == null || ticked.isEmpty() || ticked.size() > StaffRole.values().length) {
            return null;
        }
        Set<String> known = Set.copyOf(Arrays.stream(StaffRole.values()).map(Enum::name).toList());
        if (!known.containsAll(ticked)) {
            return null;
        }
        return Arrays.stream(StaffRole.values()).filter(role -> ticked.contains(role.name())).toList();
    }

    private ResponseEntity<Void> send(String accountId, String done, Supplier<Object> command) {
        try {
            command.get();
            return back("done", done, accountId);
        } catch (RuleViolation e) {
            return back("error", EXPLAINED.contains(e.field()) ? e.field() : "rule", accountId);
        } catch (StateConflict e) {
            return back("error", "state", accountId);
        } catch (ConcurrencyException | DataIntegrityViolationException e) {
            return back("error", "taken", accountId);
        } catch (AggregateNotFoundException e) {
            return back("error", "missing", accountId);
        }
    }

    private ResponseEntity<Void> back(String key, String value, String accountId) {
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(links.pages() + PAGE).queryParam(key, value);
        if (accountId != null) {
            target.queryParam("account", accountId);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, target.build().toUriString())
                .build();
    }
}
