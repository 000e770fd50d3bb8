package heard.events;

/**
 * An event that belongs to one initiative. Projections that keep figures per initiative
 * process these in order of their initiative (not of their aggregate), so that, say, a
 * submission is never counted before its initiative's launch.
 */
public interface InitiativeEvent {
    String initiativeId();
}
