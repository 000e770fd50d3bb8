package heard.events;

/** Who acted, when it was not a named staff user. */
public final class Actors {
    public static final String PARTICIPANT = "participant";
    public static final String SYSTEM = "system";

    private Actors() {
    }
}
