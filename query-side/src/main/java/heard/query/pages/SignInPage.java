package heard.query.pages;

import heard.limits.InputLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The staff sign-in page. Spring Security takes its form (POST /signin) and sign-out (POST /signout);
 * a refused sign-in comes back here with {@code ?error}, which says the same whatever was wrong.
 */
@Controller
class SignInPage {
    private final long lockoutMinutes;

    SignInPage(@Value("${heard.security.sign-in.lockout:PT15M}") Duration lockout) {
        this.lockoutMinutes = Math.max(1, lockout.toMinutes());
    }

    @GetMapping("/signin")
    ModelAndView signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedout,
            StaffSession session) {
        return new ModelAndView("signin")
                .addObject("staffPage", true)
                .addObject("refused", error != null)
                .addObject("lockoutMinutes", lockoutMinutes)
                .addObject("signedOut", signedout != null)
                .addObject("signedInAs", session.name())
                .addObject("nameMax", InputLimits.ACCOUNT_NAME)
                .addObject("passwordMax", InputLimits.PASSWORD);
    }
}
