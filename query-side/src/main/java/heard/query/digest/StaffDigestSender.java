package heard.query.digest;

import heard.query.digest.DigestRecipients.Recipient;
import heard.query.followup.MailAddresses;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the digests that are due, as the follow-up sender does its messages, on the same rhythm
 * ({@code heard.follow-up.send-every}), backoff, attempts and lease, from {@code heard.follow-up.mail-from}.
 * What waits is read as the digest leaves; a digest that finds nothing waiting any more is not sent. With no
 * mail server configured the digests wait. A digest sent again after a crash carries the same
 * {@code Message-ID}, made from the facilitator and the day.
 */
@Component
@EnableConfigurationProperties(DigestRecipients.class)
class StaffDigestSender {
    private static final Logger log = LoggerFactory.getLogger(StaffDigestSender.class);
    private static final int PER_ROUND = 50;

    private final StaffDigests digests;
    private final DigestRecipients recipients;
    private final WaitingWork work;
    private final StaffDigestMail mail;
    private final ObjectProvider<JavaMailSender> server;
    private final String from;
    private final Duration backoff;
    private final int attempts;
    private final Duration lease;

    StaffDigestSender(StaffDigests digests, DigestRecipients recipients, WaitingWork work, StaffDigestMail mail,
            ObjectProvider<JavaMailSender> server,
            @Value("${heard.follow-up.mail-from:Heard <heard@localhost>}") String from,
            @Value("${heard.follow-up.backoff:PT30S}") Duration backoff,
            @Value("${heard.follow-up.attempts:6}") int attempts,
            @Value("${heard.follow-up.lease:PT5M}") Duration lease) {
        this.digests = digests;
        this.recipients = recipients;
        this.work = work;
        this.mail = mail;
        this.server = server;
        this.from = from;
        this.backoff = backoff;
        this.attempts = attempts;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${heard.follow-up.send-every:PT5S}", initialDelayString = "PT1S")
    void sendDue() {
        JavaMailSender sender = server.getIfAvailable();
        if (sender == null) {
            return;
        }
        Instant now = Instant.now();
        for (StaffDigests.Claimed digest : digests.claimDue(PER_ROUND, now, now.plus(lease))) {
            send(sender, digest);
        }
    }

    private void send(JavaMailSender sender, StaffDigests.Claimed digest) {
        Optional<Recipient> recipient = recipients.find(digest.accountId());
        List<WaitingWork.Initiative> waiting = work.at(Instant.now());
        if (recipient.isEmpty() || waiting.isEmpty()) {
            digests.done(digest, "NOTHING_WAITING", Instant.now());
            return;
        }
        try {
            StaffDigestMail.Written written = mail.write(recipient.get(), digest.day(), waiting);
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(recipient.get().email());
            helper.setSubject(written.subject());
            helper.setText(written.text(), false);
            mime.setHeader("Content-Language", recipient.get().language());
            mime.setHeader("Message-ID", MailAddresses.messageId(UUID.nameUUIDFromBytes((digest.accountId() + "/"
                    + digest.day()).getBytes(StandardCharsets.UTF_8)) + ".digest", from));
            sender.send(mime);
            digests.done(digest, "SENT", Instant.now());
        } catch (Exception e) {
            int attempt = digest.attempts() + 1;
            Instant retryAt = attempt >= attempts ? null
                    : Instant.now().plus(backoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
            String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("The staff digest of {} failed (attempt {} of {}): {}", digest.day(), attempt, attempts, cause);
            digests.failed(digest, cause, retryAt);
        }
    }
}
