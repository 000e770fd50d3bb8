package heard.query.batching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Reads the rows a batch touches by their keys: one query per few hundred keys, the keys in an {@code in} list. */
public final class InLists {
    /** Keys per {@code in} list: far under what either database takes in one statement. */
    private static final int CHUNK = 500;

    private InLists() {
    }

    /**
     * Runs the query, whose {@code in} list is the parameter {@code :ids}, for every chunk of the keys. A key
     * given as an {@code Object[]} is a row value, {@code (?, ?)}, for a list such as {@code (a, b) in (:ids)}.
     */
    public static void select(NamedParameterJdbcTemplate db, String sql, Collection<?> ids,
            RowCallbackHandler row) {
        List<?> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            db.query(sql, Map.of("ids", all.subList(from, Math.min(all.size(), from + CHUNK))), row);
        }
    }
}
