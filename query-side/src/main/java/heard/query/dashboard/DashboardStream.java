package heard.query.dashboard;

import heard.query.web.ExactFigures;
import heard.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The dashboard as Server-Sent Events: a {@code dashboard} event with the figures at once and
 * after each change (for the public, each new public snapshot: see {@link PublicDashboard}), and
 * a comment now and then so that proxies keep an idle stream open. A
 * viewer that leaves is noticed at the next write, and its subscription ends.
 */
@RestController
class DashboardStream {
    static final String EVENT = "dashboard";
    private final QueryGateway queries;
    private final DashboardReader reader;
    private final LiveDashboard live;
    private final Set<Viewing> open = ConcurrentHashMap.newKeySet();

    DashboardStream(QueryGateway queries, DashboardReader reader, LiveDashboard live) {
        this.queries = queries;
        this.reader = reader;
        this.live = live;
    }

    @Operation(summary = "The dashboard live: its figures at once and after each change (server-sent events)")
    @GetMapping(value = "/api/initiatives/{initiativeId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String initiativeId, Authentication caller) {
        if (!reader.exists(initiativeId)) {
            throw new NotFound("initiative", initiativeId);
        }
        SubscriptionQueryResult<DashboardView, DashboardView> figures = queries.subscriptionQuery(
                new DashboardQuery(initiativeId, ExactFigures.allowedTo(caller)),
                ResponseTypes.instanceOf(DashboardView.class), ResponseTypes.instanceOf(DashboardView.class));
        SseEmitter viewer = new SseEmitter(live.timeout().toMillis());
        Flux<SseEventBuilder> events = Flux.merge(
                figures.initialResult().concatWith(figures.updates())
                        .map(view -> SseEmitter.event().name(EVENT).data(view, MediaType.APPLICATION_JSON)),
                Flux.interval(live.heartbeat(), live.heartbeat()).map(tick -> SseEmitter.event().comment("heartbeat")));
        Viewing viewing = new Viewing(viewer, figures, open);
        open.add(viewing);
        viewing.sending = events.publishOn(Schedulers.boundedElastic())
                .subscribe(viewing::send, viewer::completeWithError, viewer::complete);
        viewer.onCompletion(viewing::end);
        viewer.onError(error -> viewing.end());
        viewer.onTimeout(viewer::complete);
        return viewer;
    }

    /** Ends every stream when the app stops, so a graceful shutdown does not wait for viewers who never leave. */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        open.forEach(viewing -> {
            viewing.end();
            viewing.viewer.complete();
        });
    }

    /** One viewer's stream; it ends once, whether the viewer left, the stream timed out or sending failed. */
    private static final class Viewing {
        private final SseEmitter viewer;
        private final SubscriptionQueryResult<?, ?> figures;
        private final Set<Viewing> open;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Disposable sending;

        Viewing(SseEmitter viewer, SubscriptionQueryResult<?, ?> figures, Set<Viewing> open) {
            this.viewer = viewer;
            this.figures = figures;
            this.open = open;
        }

        void send(SseEventBuilder event) {
            if (ended.get()) {
                return;
            }
            try {
                viewer.send(event);
            } catch (IOException | IllegalStateException gone) {
                end();
                viewer.completeWithError(gone);
            }
        }

        void end() {
            if (ended.compareAndSet(false, true)) {
                open.remove(this);
                if (sending != null) {
                    sending.dispose();
                }
                figures.close();
            }
        }
    }
}
