package heard.command.decision;

/** The payload of a decision's review deadline: the version whose review it is. */
public record ReviewDeadline(int version) {
    public static final String NAME = "decision-review";
}
