package heard.events.personal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A participant's words or contact in an event: stored and published encrypted with that
 * participant's key, and unreadable once they are forgotten. Only on String components of
 * events that are {@link AboutParticipant}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {
}
