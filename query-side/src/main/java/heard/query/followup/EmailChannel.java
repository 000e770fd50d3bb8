package heard.query.followup;

import heard.events.FollowUpChannel;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Boot's mail support: ready once {@code spring.mail.host} is set. Each message says its
 * language and carries {@code List-Unsubscribe} with the one-click stop link and {@code List-Unsubscribe-Post}
 * (RFC 8058), so a mail client can stop the messages without opening a page. It comes from
 * {@code heard.follow-up.mail-from}. Its {@code Message-ID} is made from its outbox rows and the sender's
 * domain, so a message sent again after a crash has the one it had the first time.
 */
@Component
class EmailChannel implements MessageChannel {
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailChannel(ObjectProvider<JavaMailSender> mail,
            @Value("${heard.follow-up.mail-from:Heard <heard@localhost>}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public FollowUpChannel channel() {
        return FollowUpChannel.EMAIL;
    }

    @Override
    public boolean ready() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public String send(String address, FollowUpMessage message) throws Exception {
        JavaMailSender sender = mail.getObject();
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(address);
        helper.setSubject(message.subject());
        helper.setText(message.text(), false);
        mime.setHeader("Content-Language", message.language());
        mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.setHeader("Message-ID", MailAddresses.messageId(message.key() + ".outbox", from));
        sender.send(mime);
        return null;
    }
}
