package heard.command.forms;

import heard.forms.FormTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes each form token good for one accepted post, across every command-side instance: the first post
 * to get through records the token in the shared database (table {@code spent_form_token}), and the
 * table's primary key refuses the record of any other. A post that its command then refuses gives the
 * token back, so the form can be corrected and sent again from the same page. Expired tokens, which the
 * signature check refuses anyway, are purged every so many posts.
 */
@Component
public class SpentFormTokens {
    private static final long PURGE_EVERY = 100;
    private final JdbcClient jdbc;
    private final AtomicLong spent = new AtomicLong();

    SpentFormTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs what the post asks, once per token: empty, and nothing run, when the token was spent before. The
     * token must be one {@link FormTokens#accepts} accepted. If {@code post} throws, the token is not spent.
     */
    public <T> Optional<T> once(String acceptedToken, Supplier<T> post) {
        FormTokens.Spent token = FormTokens.spent(acceptedToken);
        if (!spend(token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(post.get());
        } catch (RuntimeException | Error e) {
            jdbc.sql("delete from spent_form_token where token_hash = ?").param(token.hash()).update();
            throw e;
        }
    }

    private boolean spend(FormTokens.Spent token) {
        if (spent.incrementAndGet() % PURGE_EVERY == 0) {
            purgeExpiredAt(Instant.now());
        }
        try {
            jdbc.sql("insert into spent_form_token (token_hash, expires_at) values (?, ?)")
                    .params(token.hash(), Timestamp.from(token.expiresAt())).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Forgets the tokens that have expired by {@code now}; how many. */
    public int purgeExpiredAt(Instant now) {
        return jdbc.sql("delete from spent_form_token where expires_at <= ?").param(Timestamp.from(now)).update();
    }
}
