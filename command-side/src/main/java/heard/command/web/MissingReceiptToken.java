package heard.command.web;

/** A participant's request came without its receipt token (HTTP 401). */
public class MissingReceiptToken extends RuntimeException {
    public MissingReceiptToken() {
        super("Send your receipt token in the X-Receipt-Token header");
    }
}
