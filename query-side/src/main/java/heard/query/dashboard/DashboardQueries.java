package heard.query.dashboard;

import java.time.Clock;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the dashboard as a query; {@link DashboardUpdates} sends its subscribers each change. */
@Component
class DashboardQueries {
    private final DashboardReader reader;
    private final Clock clock = Clock.systemUTC();

    DashboardQueries(DashboardReader reader) {
        this.reader = reader;
    }

    @QueryHandler
    DashboardView handle(DashboardQuery query) {
        return reader.dashboard(query.initiativeId(), clock.instant(), query.exact());
    }
}
