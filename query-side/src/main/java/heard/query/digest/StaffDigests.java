package heard.query.digest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The digests to write, one row per facilitator and day: {@code PENDING}, then {@code SENT}, or {@code FAILED}
 * after its last attempt; one that finds nothing waiting any more when it leaves is {@code NOTHING_WAITING}.
 */
@Component
class StaffDigests {
    /** A digest a sender took, until {@code claim} lapses. */
    record Claimed(String accountId, LocalDate day, String claim, int attempts) {
    }

    private final JdbcClient db;

    StaffDigests(JdbcClient db) {
        this.db = db;
    }

    /** False if this facilitator already has the day's digest. */
    boolean add(String accountId, LocalDate day, Instant now) {
        return db.sql("insert into staff_digest (account_id, digest_day, status, attempts, next_attempt_at)"
                        + " select ?, ?, 'PENDING', 0, ? where not exists"
                        + " (select 1 from staff_digest where account_id = ? and digest_day = ?)")
                .params(accountId, Date.valueOf(day), Timestamp.from(now), accountId, Date.valueOf(day))
                .update() == 1;
    }

    /** Takes up to {@code limit} due digests, each until {@code leaseUntil}; another sender takes none of them. */
    List<Claimed> claimDue(int limit, Instant now, Instant leaseUntil) {
        record Due(String accountId, LocalDate day, int attempts) {
        }
        List<Due> due = db.sql("select account_id, digest_day, attempts from staff_digest where status = 'PENDING'"
                        + " and next_attempt_at <= ? order by digest_day, account_id")
                .param(Timestamp.from(now))
                .query((rs, row) -> new Due(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3)))
                .list();
        List<Claimed> claimed = new ArrayList<>();
        for (Due digest : due.subList(0, Math.min(limit, due.size()))) {
            String claim = UUID.randomUUID().toString();
            if (db.sql("update staff_digest set claim = ?, next_attempt_at = ? where account_id = ? and digest_day = ?"
                            + " and status = 'PENDING' and next_attempt_at <= ?")
                    .params(claim, Timestamp.from(leaseUntil), digest.accountId(), Date.valueOf(digest.day()),
                            Timestamp.from(now))
                    .update() == 1) {
                claimed.add(new Claimed(digest.accountId(), digest.day(), claim, digest.attempts()));
            }
        }
        return claimed;
    }

    void done(Claimed digest, String status, Instant at) {
        db.sql("update staff_digest set status = ?, sent_at = ?, last_error = null, attempts = attempts + 1"
                        + " where claim = ? and status = 'PENDING'")
                .params(status, Timestamp.from(at), digest.claim())
                .update();
    }

    /** Another attempt at {@code retryAt}, or none ({@code retryAt} null): then the digest has FAILED. */
    void failed(Claimed digest, String cause, Instant retryAt) {
        String shortCause = cause == null ? "unknown" : cause.length() > 500 ? cause.substring(0, 500) : cause;
        db.sql("update staff_digest set status = ?, last_error = ?, attempts = attempts + 1, claim = null,"
                        + " next_attempt_at = ? where claim = ? and status = 'PENDING'")
                .params(retryAt == null ? "FAILED" : "PENDING", shortCause,
                        Timestamp.from(retryAt == null ? Instant.now() : retryAt), digest.claim())
                .update();
    }
}
