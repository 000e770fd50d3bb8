package bench.load;

/** Nearest-rank percentiles of sorted nanosecond samples, in milliseconds. */
final class Percentiles {
    private Percentiles() {
    }

    static double ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1_000_000.0;
    }
}
