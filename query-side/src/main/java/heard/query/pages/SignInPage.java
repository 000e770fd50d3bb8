package heard.query.pages;

import heard.limits.InputLimits;
import heard.signin.OrganizationSignIn;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The staff sign-in page. Spring Security takes its form (POST /signin) and sign-out (POST /signout);
 * a refused sign-in comes back here with {@code ?error}, which says the same whatever was wrong, and a choice of
 * the organization's sign-in while its provider cannot be reached with {@code ?unavailable}.
 */
@Controller
class SignInPage {
    private final long lockoutMinutes;

    private final boolean organization;
    private final String organizationName;

    SignInPage(@Value("${heard.security.sign-in.lockout:PT15M}") Duration lockout,
            @Value("${heard.security.oidc.issuer:}") String issuer,
            @Value("${heard.security.oidc.provider-name:}") String organizationName) {
        this.lockoutMinutes = Math.max(1, lockout.toMinutes());
        this.organization = !issuer.isBlank();
        this.organizationName = organizationName.isBlank() ? null : organizationName;
    }

    @GetMapping("/signin")
    ModelAndView signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedout,
            @RequestParam(required = false) String unavailable, StaffSession session) {
        return new ModelAndView("signin")
                .addObject("staffPage", true)
                .addObject("refused", error != null)
                .addObject("lockoutMinutes", lockoutMinutes)
                .addObject("organization", organization ? OrganizationSignIn.START + "/"
                        + OrganizationSignIn.REGISTRATION : null)
                .addObject("organizationName", organizationName)
                .addObject("organizationUnavailable", organization && unavailable != null)
                .addObject("signedOut", signedout != null)
                .addObject("signedInAs", session.name())
                .addObject("nameMax", InputLimits.ACCOUNT_NAME)
                .addObject("passwordMax", InputLimits.PASSWORD);
    }
}
