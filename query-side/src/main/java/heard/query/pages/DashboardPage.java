package heard.query.pages;

import heard.query.dashboard.PublicDashboard;
import heard.query.web.ExactFigures;
import heard.query.web.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The web dashboard: charts drawn in the browser from the live stream, and the same figures as
 * tables rendered here, so the page reads without script and each chart has its table. The
 * tables alone are served again for the page to refresh them as the figures change.
 */
@Controller
class DashboardPage {
    private final PublicDashboard dashboards;

    DashboardPage(PublicDashboard dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/i/{initiativeId}/dashboard")
    ModelAndView dashboard(@PathVariable String initiativeId, Authentication caller) {
        return page("dashboard", initiativeId, caller);
    }

    @GetMapping("/i/{initiativeId}/dashboard/tables")
    ModelAndView tables(@PathVariable String initiativeId, Authentication caller) {
        return page("dashboard-tables :: live", initiativeId, caller);
    }

    private ModelAndView page(String view, String initiativeId, Authentication caller) {
        try {
            return new ModelAndView(view).addObject("dashboard",
                    dashboards.read(initiativeId, ExactFigures.allowedTo(caller)));
        } catch (NotFound unknown) {
            return Pages.notFound();
        }
    }
}
