package heard.query.followup;

/**
 * A message waits ({@code PENDING}), then is {@code SENT}, or {@code FAILED} after its last attempt; one the
 * participant no longer wants (forgotten, stopped) is {@code CANCELLED} before it leaves. An SMS gateway that
 * reports back moves a sent message on to {@code DELIVERED} or {@code UNDELIVERED}.
 */
public enum OutboxStatus { PENDING, SENT, DELIVERED, UNDELIVERED, FAILED, CANCELLED }
