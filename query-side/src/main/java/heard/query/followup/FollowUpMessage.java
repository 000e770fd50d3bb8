package heard.query.followup;

/** One message to a participant: its subject (for e-mail), its text, the language it is in, its links. */
public record FollowUpMessage(String language, String subject, String text, String receiptUrl,
        String unsubscribeUrl) {
}
