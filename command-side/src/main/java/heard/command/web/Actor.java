package heard.command.web;

import heard.events.Actors;
import java.security.Principal;

/** Who acts: the signed-in staff user, or the anonymous participant. */
public final class Actor {
    private Actor() {
    }

    public static String of(Principal principal) {
        return principal == null ? Actors.PARTICIPANT : principal.getName();
    }
}
