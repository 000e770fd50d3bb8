package heard.command.refusals;

/** The receipt token presented does not belong to this feedback (HTTP 403). */
public class ReceiptRejected extends RuntimeException {
    public ReceiptRejected() {
        super("This receipt token does not belong to this feedback");
    }
}
