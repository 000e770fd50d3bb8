package heard.events.personal;

/**
 * An event of one participant's loop. A participant is known only by the feedback they sent, so
 * the key of their {@link PersonalData} is that feedback's.
 */
public interface AboutParticipant {
    String feedbackId();
}
