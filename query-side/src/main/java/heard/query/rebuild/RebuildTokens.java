package heard.query.rebuild;

import java.util.List;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether every segment of a projection has replayed the log up to where its rebuild began. Read from
 * the token store's table as committed, without claiming a segment, so that any instance can tell,
 * whichever instances hold the segments.
 */
@Component
class RebuildTokens {
    private final JdbcTemplate db;
    private final Serializer serializer;

    RebuildTokens(JdbcTemplate db, @Qualifier("serializer") Serializer serializer) {
        this.db = db;
        this.serializer = serializer;
    }

    boolean replayed(String projection) {
        List<TrackingToken> tokens = db.query("select token, token_type from token_entry where processor_name = ?",
                (row, n) -> token(row.getBytes(1), row.getString(2)), projection);
        return !tokens.isEmpty() && tokens.stream().allMatch(RebuildTokens::pastReset);
    }

    /**
     * Axon keeps a token marked as replaying until an event past the position of the reset comes; a
     * token that has reached that position has replayed everything.
     */
    static boolean pastReset(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            return replay.getTokenAtReset() == null
                    || replay.getCurrentToken() != null && replay.getCurrentToken().covers(replay.getTokenAtReset());
        }
        return token != null;
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
