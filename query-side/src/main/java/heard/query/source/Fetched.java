package heard.query.source;

/**
 * Tells the waking source that a processor's consumer fetched records. The streams' buffers are made with the
 * Kafka source, before the waking source that wraps it, so they are given this and it is told whom to tell.
 */
final class Fetched implements Runnable {
    private volatile Runnable listener = () -> { };

    void tell(Runnable listener) {
        this.listener = listener;
    }

    @Override
    public void run() {
        listener.run();
    }
}
