package heard.query.followup;

/**
 * A message waits ({@code PENDING}), then is {@code SENT}, or {@code FAILED} after its last attempt; one the
 * participant no longer wants (forgotten, stopped) is {@code CANCELLED} before it leaves.
 */
public enum OutboxStatus { PENDING, SENT, FAILED, CANCELLED }
