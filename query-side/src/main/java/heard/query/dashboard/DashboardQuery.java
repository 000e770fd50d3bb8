package heard.query.dashboard;

/**
 * Asks for an initiative's dashboard, and as a subscription query for every change to it;
 * {@code exact} asks for unsuppressed figures, which only ANALYST and ADMIN may be given.
 */
public record DashboardQuery(String initiativeId, boolean exact) {
}
