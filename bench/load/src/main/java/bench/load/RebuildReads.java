package bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What readers see while read models are rebuilt: the dashboard's and the returned-learning feed's
 * projections are replayed (POST /api/admin/projections/{name}/replay) with no writes going on, and
 * until the administrator's view shows both at the head of the log again, an analyst's dashboard read and
 * a participant's receipt read are sent every {@code READ_EVERY}, one after the other (both
 * projections at the head of the log counts as done: see {@link Projections.Standing}). Each answer is
 * counted if 2xx, and compared with the figures read just before the rebuild began: the dashboard's
 * participation and the whole receipt. {@code oldFiguresUntilSwap} holds if every answer before the
 * rebuild finished was 2xx and showed those figures; {@code sameFiguresAfter} if the rebuilt read models
 * show them too.
 */
final class RebuildReads {
    record Result(int sent, int ok, boolean oldFiguresUntilSwap, int showedOtherFigures, double rebuildSeconds,
                  boolean finished, boolean viewSaidLive, boolean sameFiguresAfter, long eventsInLog) {
    }

    static final List<String> REBUILT = List.of("dashboard", "returned-learning");
    private static final Duration READ_EVERY = Duration.ofMillis(100);
    private static final Duration LOOK_EVERY = Duration.ofMillis(250);

    private RebuildReads() {
    }

    static Result run(String baseUrl, String initiativeId, String receiptToken, Duration limit) throws Exception {
        String dashboardUrl = baseUrl + "/api/initiatives/" + initiativeId + "/dashboard";
        String receiptUrl = baseUrl + "/api/receipts/me";
        JsonNode participation = participation(Http.getAs("analyst", dashboardUrl));
        JsonNode receipt = body(Http.get(receiptUrl, "X-Receipt-Token", receiptToken));
        if (participation == null || receipt == null) {
            throw new IllegalStateException("the dashboard or the receipt did not answer before the rebuild");
        }
        List<Projections.Standing> standings = Projections.read(baseUrl);
        long events = standings.stream().map(Projections.Standing::head).filter(Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(-1);
        long start = System.nanoTime();
        for (String projection : REBUILT) {
            Projections.replay(baseUrl, projection);
        }
        long deadline = start + limit.toNanos();
        long nextLook = start;
        int sent = 0;
        int ok = 0;
        int other = 0;
        boolean finished = false;
        boolean saidLive = false;
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextLook) {
                List<Projections.Standing> now = Projections.read(baseUrl);
                if (Projections.allLive(now, REBUILT)) {
                    finished = true;
                    saidLive = Projections.saidLive(now, REBUILT);
                    break;
                }
                nextLook = System.nanoTime() + LOOK_EVERY.toNanos();
            }
            HttpResponse<String> dashboard = Http.getAs("analyst", dashboardUrl);
            HttpResponse<String> mine = Http.get(receiptUrl, "X-Receipt-Token", receiptToken);
            sent += 2;
            ok += (dashboard.statusCode() / 100 == 2 ? 1 : 0) + (mine.statusCode() / 100 == 2 ? 1 : 0);
            other += (participation.equals(participation(dashboard)) ? 0 : 1) + (receipt.equals(body(mine)) ? 0 : 1);
            Thread.sleep(READ_EVERY.toMillis());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean sameAfter = finished
                && participation.equals(participation(Http.getAs("analyst", dashboardUrl)))
                && receipt.equals(body(Http.get(receiptUrl, "X-Receipt-Token", receiptToken)));
        return new Result(sent, ok, sent > 0 && other == 0 && ok == sent, other, seconds, finished, saidLive,
                sameAfter, events);
    }

    private static JsonNode participation(HttpResponse<String> answer) {
        JsonNode body = body(answer);
        return body == null ? null : body.path("participation");
    }

    private static JsonNode body(HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 2) {
            return null;
        }
        try {
            return Http.JSON.readTree(answer.body());
        } catch (Exception e) {
            return null;
        }
    }
}
