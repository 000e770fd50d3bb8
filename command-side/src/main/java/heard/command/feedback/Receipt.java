package heard.command.feedback;

/** What a submission answers: the feedback id and the receipt token, shown this once. */
public record Receipt(String feedbackId, String receiptToken, boolean replayed) {
}
