package heard.query.pages;

import heard.query.admin.ProjectionStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** For an administrator: each projection's state and, while one rebuilds, a bar of its progress. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ProjectionsPage {
    private final ProjectionStatus status;

    ProjectionsPage(ProjectionStatus status) {
        this.status = status;
    }

    @GetMapping("/staff/projections")
    ModelAndView projections() {
        return new ModelAndView("staff-projections").addObject("staffPage", true)
                .addObject("projections", status.list());
    }
}
