package heard.query.followup;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.core.env.Environment;

/** What the messages to participants and the staff's digests share: their links' base and their ids. */
public final class MailAddresses {
    private MailAddresses() {
    }

    /** The configured public address, or this app's local one when none is set. */
    public static String baseOr(String configured, Environment environment) {
        return configured.isEmpty() ? "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) : configured;
    }

    /** {@code <key@domain>}, the domain the sender's address's: the same key makes the same Message-ID. */
    public static String messageId(String key, String from) throws AddressException {
        String address = new InternetAddress(from).getAddress();
        return "<" + key + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
    }
}
