package heard.query.dashboard;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the dashboard as a query; {@link DashboardUpdates} sends its subscribers each change. */
@Component
class DashboardQueries {
    private final PublicDashboard dashboards;

    DashboardQueries(PublicDashboard dashboards) {
        this.dashboards = dashboards;
    }

    @QueryHandler
    DashboardView handle(DashboardQuery query) {
        return dashboards.read(query.initiativeId(), query.exact());
    }
}
