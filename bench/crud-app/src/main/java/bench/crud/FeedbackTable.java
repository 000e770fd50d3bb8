package bench.crud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One insert per submission, in a transaction that first checks the initiative seeks the group,
 * as Heard's write side checks its catalog. The receipt token is kept only as its SHA-256, as in Heard.
 */
@Repository
class FeedbackTable {
    record Stored(String feedbackId, String receiptToken) {
    }

    static class UnknownGroup extends RuntimeException {
        UnknownGroup(String group) {
            super("the initiative does not seek the group " + group);
        }
    }

    private final JdbcTemplate db;
    private final SecureRandom random = new SecureRandom();

    FeedbackTable(JdbcTemplate db) {
        this.db = db;
    }

    @Transactional
    String launch(String title, List<String> groups) {
        String id = UUID.randomUUID().toString();
        db.update("insert into initiative (id, title) values (?, ?)", id, title);
        for (String group : groups) {
            db.update("insert into initiative_group (initiative_id, code) values (?, ?)", id, group);
        }
        return id;
    }

    @Transactional
    Stored submit(String initiativeId, FeedbackController.SubmitRequest s) {
        Integer known = db.queryForObject("select count(*) from initiative_group where initiative_id = ? and code = ?",
                Integer.class, initiativeId, s.stakeholderGroup());
        if (known == null || known == 0) {
            throw new UnknownGroup(s.stakeholderGroup());
        }
        String id = UUID.randomUUID().toString();
        String token = newToken();
        Instant now = Instant.now();
        db.update("insert into feedback (id, initiative_id, text, channel, language, stakeholder_group, contact,"
                        + " follow_up_consent, receipt_token_hash, status, submitted_at, acknowledge_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)",
                id, initiativeId, s.text(), s.channel().name(), s.language(), s.stakeholderGroup(),
                s.contact() == null || s.contact().isBlank() ? null : s.contact().strip(),
                Boolean.TRUE.equals(s.followUpConsent()), sha256(token), Timestamp.from(now),
                Timestamp.from(now.plus(72, ChronoUnit.HOURS)));
        return new Stored(id, token);
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
