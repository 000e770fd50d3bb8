package heard.events;

/** One field a revision changed, as text a person reads (an indicator list reads as "id: baseline → target"). */
public record FieldChange(String field, String from, String to) {
}
