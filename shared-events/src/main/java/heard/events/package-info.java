/**
 * The events Heard stores and publishes, and the values they carry.
 * Names and fields are a stored, public contract: change one only with
 * {@code @Revision}, an upcaster and a test that reads the old form.
 * Every event carries when it happened ({@code at}) and who acted ({@code actor}:
 * a staff user name, or {@value Actors#PARTICIPANT}).
 */
package heard.events;
