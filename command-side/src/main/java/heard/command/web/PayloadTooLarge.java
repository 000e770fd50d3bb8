package heard.command.web;

import java.io.IOException;

/** A request body longer than the limit; an IOException so it travels through body readers. */
class PayloadTooLarge extends IOException {
    PayloadTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
