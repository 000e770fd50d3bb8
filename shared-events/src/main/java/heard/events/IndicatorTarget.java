package heard.events;

/** An indicator a decision is judged against: where it stands, where the decision means to take it. */
public record IndicatorTarget(String indicatorId, double baseline, double target) {
}
