package heard.events;

import heard.events.personal.AboutParticipant;
import heard.events.personal.PersonalData;
import java.time.Instant;

/**
 * At submission, the participant gave an address on one channel and asked to be told there what becomes of
 * their feedback: {@code address} is an e-mail address or a mobile number in E.164. The messages carry the
 * participant's receipt link, so {@code receiptToken} is kept too; both are stored encrypted with the
 * participant's key (see {@link PersonalData}) and read as null once they are forgotten, which ends follow-up.
 * {@code language} is the feedback's, the one the messages are written in.
 */
public record FollowUpConsented(
        String feedbackId,
        String initiativeId,
        FollowUpChannel channel,
        @PersonalData String address,
        @PersonalData String receiptToken,
        String language,
        Instant at,
        String actor) implements InitiativeEvent, AboutParticipant {
}
