package heard.query.followup;

import heard.events.FollowUpChannel;

/** A way out to participants: e-mail or SMS. */
interface MessageChannel {
    FollowUpChannel channel();

    /** False while nothing is configured to send through: the messages wait in the outbox. */
    boolean ready();

    /**
     * Hands the message over, or throws with the cause; the sender retries later. Answers the gateway's id of
     * the message when it reports deliveries back by that id, else null.
     */
    String send(String address, FollowUpMessage message) throws Exception;
}
