package bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The administrator's view of the read models ({@code GET /api/admin/projections}): where each projection
 * stands, so that a phase knows when a rebuild has finished instead of guessing from its tables.
 */
final class Projections {
    /**
     * One projection: LIVE, REBUILDING, FAILING or STOPPED; its position and the log's head, where known.
     * A rebuild is done when the view says LIVE at the head: its position reaches the head before its rebuilt
     * tables are handed to the readers, and the view says REBUILDING until that hand-over has committed (it
     * copies every rebuilt row: seconds, for the largest read models).
     */
    record Standing(String name, String state, Long position, Long head, Integer rebuiltPercent) {
        boolean liveAtHead() {
            return "LIVE".equals(state) && position != null && head != null && position >= head;
        }

        boolean saysLive() {
            return "LIVE".equals(state);
        }

        /** The share of the log behind it: 1 once live at the head. */
        double done() {
            if (liveAtHead()) {
                return 1;
            }
            return position == null || head == null || head == 0 ? 0 : Math.min(1, position / (double) head);
        }
    }

    private Projections() {
    }

    static List<Standing> read(String baseUrl) throws Exception {
        HttpResponse<String> answer = Http.getAs("admin", baseUrl + "/api/admin/projections");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /api/admin/projections answered " + answer.statusCode());
        }
        List<Standing> standings = new ArrayList<>();
        for (JsonNode p : Http.JSON.readTree(answer.body())) {
            standings.add(new Standing(p.path("name").asText(), p.path("state").asText(), number(p, "position"),
                    number(p, "head"), p.hasNonNull("rebuiltPercent") ? p.get("rebuiltPercent").asInt() : null));
        }
        return standings;
    }

    static void replay(String baseUrl, String projection) throws Exception {
        Http.postAs("admin", baseUrl + "/api/admin/projections/" + projection + "/replay", "");
    }

    /** Whether each of {@code names} has reached the head of the log (see {@link Standing}). */
    static boolean allLive(List<Standing> standings, Collection<String> names) {
        return standings.stream().filter(s -> names.contains(s.name())).filter(Standing::liveAtHead).count()
                == names.size();
    }

    /** Whether the view says LIVE for each of {@code names}. */
    static boolean saidLive(List<Standing> standings, Collection<String> names) {
        return standings.stream().filter(s -> names.contains(s.name())).filter(Standing::saysLive).count()
                == names.size();
    }

    /** The mean share done over {@code names}. */
    static double done(List<Standing> standings, Collection<String> names) {
        return standings.stream().filter(s -> names.contains(s.name())).mapToDouble(Standing::done).sum()
                / names.size();
    }

    private static Long number(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asLong() : null;
    }
}
