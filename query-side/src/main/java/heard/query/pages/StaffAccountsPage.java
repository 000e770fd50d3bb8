package heard.query.pages;

import heard.events.StaffRole;
import heard.forms.FormTokens;
import heard.limits.InputLimits;
import heard.query.staff.StaffChanges;
import heard.query.staff.StaffMembers;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * For an administrator: add a staff member, set their roles, disable their account, and read who
 * granted what and when, and who signs in with the organization's provider under which name. The forms
 * post to the command side, which comes back here.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StaffAccountsPage {
    static final Set<String> DONE = Set.of("opened", "roles", "disabled");
    static final Set<String> ERRORS = Set.of("name", "displayName", "password", "roles", "account", "taken", "state",
            "missing", "expired", "rule");

    private final StaffChanges changes;
    private final StaffMembers members;
    private final PageLinks links;
    private final FormTokens forms;

    StaffAccountsPage(StaffChanges changes, StaffMembers members, PageLinks links, FormTokens forms) {
        this.changes = changes;
        this.members = members;
        this.links = links;
        this.forms = forms;
    }

    @GetMapping("/staff/accounts")
    ModelAndView accounts(@RequestParam(required = false) String done, @RequestParam(required = false) String error,
            HttpServletRequest request, Principal admin) {
        return new ModelAndView("staff-accounts")
                .addObject("staffPage", true)
                .addObject("accounts", changes.accounts())
                .addObject("history", changes.history())
                .addObject("members", members.all())
                .addObject("roles", StaffRole.values())
                .addObject("open", links.commandTarget(request, "staff", "accounts"))
                .addObject("target", links.commandTarget(request, "staff", "accounts"))
                .addObject("formToken", forms.issue(FormTokens.staffForms(admin.getName())))
                .addObject("nameMax", InputLimits.ACCOUNT_NAME)
                .addObject("displayNameMax", InputLimits.DISPLAY_NAME)
                .addObject("passwordMin", InputLimits.PASSWORD_MIN)
                .addObject("passwordMax", InputLimits.PASSWORD)
                .addObject("done", done != null && DONE.contains(done) ? done : null)
                .addObject("error", error == null ? null : ERRORS.contains(error) ? error : "rule");
    }
}
