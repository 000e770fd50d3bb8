package heard.query.balancing;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;

/**
 * How many of a processor's segments this instance may hold: its even share among the instances that
 * are up, rounded up so that every segment has a holder, and never more than the configured cap (0: none).
 * The framework's coordinator asks on every round: it releases what is over the share, and claims
 * what is free while under it. So a new instance takes its share from the others within a beat and a
 * claim interval, and the survivors of an instance that died take its segments once their claims lapse.
 */
public class FairShare implements MaxSegmentProvider {
    private final LiveInstances instances;
    private final int cap;

    public FairShare(LiveInstances instances, int cap) {
        this.instances = instances;
        this.cap = cap;
    }

    @Override
    public int getMaxSegments(String processor) {
        int live = instances.count();
        int segments = instances.segments(processor);
        int share = live == 0 || segments == 0 ? Short.MAX_VALUE : (segments + live - 1) / live;
        return cap > 0 ? Math.min(cap, share) : share;
    }
}
