package heard.query.followup;

/**
 * One message to a participant: its subject (for e-mail), its text, the language it is in, its links, and
 * {@code key}, the same for every attempt at sending the same outbox rows (an e-mail's {@code Message-ID}).
 */
public record FollowUpMessage(String language, String subject, String text, String receiptUrl,
        String unsubscribeUrl, String key) {
}
