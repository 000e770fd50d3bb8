package heard.query.balancing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Beats for this instance from before the processors start until after they stopped; a graceful stop
 * deletes this instance's row, so the others take its share without waiting for the row to age.
 */
class Heartbeat implements SmartLifecycle {
    private final LiveInstances instances;
    private final Duration interval;
    private ScheduledExecutorService beats;

    Heartbeat(LiveInstances instances, Duration interval) {
        this.instances = instances;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        instances.beat();
        beats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "query-instance-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleWithFixedDelay(instances::beat, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (beats != null) {
            beats.shutdownNow();
            beats = null;
            instances.leave();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beats != null;
    }

    /** Before the event processors (which start in a later phase) and stopped after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
