package bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import heard.events.personal.PersonalCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A stored history written straight into the event store's table, in the form the app stores:
 * Jackson JSON of the event records' fields (ISO-8601 instants), the payload's class as its type, each
 * participant's words encrypted with a key of their own in {@code participant_key} as the app seals them
 * (so that reading the history back decrypts, as it does for real data). Initiatives first, then for each feedback its submission, acknowledgement, the facilitator's
 * summary and its themes, interleaved across feedback as they would be in a busy week.
 */
final class EventSeed {
    /** What was written, and one participant's receipt token to open afterwards. */
    record Seeded(int events, int initiatives, int feedback, String sampleReceiptToken, String sampleFeedbackId) {
    }

    private static final int FEEDBACK_EVENTS = 4;
    private static final int INTERLEAVE = 64;

    private static final NoArgGenerator IDS = Generators.timeBasedEpochGenerator();

    private EventSeed() {
    }

    /** A new id as the app makes one: time-ordered, so each new feedback's rows land beside the last ones. */
    private static String newId() {
        return IDS.generate().toString();
    }

    static Seeded write(String jdbcUrl, int events) throws Exception {
        int initiatives = 8;
        int feedback = (events - initiatives) / FEEDBACK_EVENTS;
        int total = initiatives + feedback * FEEDBACK_EVENTS;
        List<String> initiativeIds = new ArrayList<>();
        for (int i = 0; i < initiatives; i++) {
            initiativeIds.add(newId());
        }
        Instant start = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String sampleToken = null;
        String sampleFeedback = null;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "sa", "");
             PreparedStatement insert = db.prepareStatement("insert into domain_event_entry (global_index,"
                     + " event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                     + " payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, null, ?, ?)");
             PreparedStatement key = db.prepareStatement("insert into participant_key (participant_id, secret,"
                     + " created_at) values (?, ?, ?)")) {
            db.setAutoCommit(false);
            long index = 0;
            for (int i = 0; i < initiatives; i++) {
                Instant at = start.plusSeconds(i);
                add(insert, ++index, initiativeIds.get(i), 0, "Initiative", at, "heard.events.InitiativeLaunched",
                        launched(initiativeIds.get(i), at));
            }
            // feedback in blocks of INTERLEAVE: all submissions of a block, then their acknowledgements, ...
            for (int block = 0; block < feedback; block += INTERLEAVE) {
                int size = Math.min(INTERLEAVE, feedback - block);
                String[] ids = new String[size];
                String[] initiativeOf = new String[size];
                for (int k = 0; k < size; k++) {
                    ids[k] = newId();
                    initiativeOf[k] = initiativeIds.get((block + k) % initiatives);
                }
                for (int step = 0; step < FEEDBACK_EVENTS; step++) {
                    for (int k = 0; k < size; k++) {
                        Instant at = start.plusMillis(10L * index);
                        ObjectNode payload = Http.JSON.createObjectNode()
                                .put("feedbackId", ids[k]).put("initiativeId", initiativeOf[k]);
                        String type;
                        switch (step) {
                            case 0 -> {
                                String token = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
                                if (sampleToken == null || block + k == feedback - 1) {
                                    sampleToken = token;
                                    sampleFeedback = ids[k];
                                }
                                type = "heard.events.FeedbackSubmitted";
                                payload.put("text", sealed(key, ids[k], at, Submissions.feedbackText()))
                                        .put("channel", "WEB")
                                        .put("language", "en")
                                        .put("stakeholderGroup", Submissions.GROUPS.get((block + k) % 4))
                                        .putNull("contact").put("followUpConsent", false)
                                        .put("receiptTokenHash", sha256(token))
                                        .put("acknowledgeBy", at.plus(72, ChronoUnit.HOURS).toString());
                            }
                            case 1 -> {
                                type = "heard.events.FeedbackAcknowledged";
                                payload.put("message", "Thank you, we read it.");
                            }
                            case 2 -> {
                                type = "heard.events.UnderstandingSummarized";
                                payload.put("summary", "You would like a safer crossing.").put("round", 1);
                            }
                            default -> {
                                type = "heard.events.FeedbackThemed";
                                payload.putArray("themes").add("transport").add("safety");
                            }
                        }
                        payload.put("at", at.toString()).put("actor", step == 0 ? "participant" : "facilitator");
                        add(insert, ++index, ids[k], step, "Feedback", at, type, payload);
                    }
                }
                if ((block / INTERLEAVE) % 8 == 7) {
                    key.executeBatch();
                    insert.executeBatch();
                    db.commit();
                }
            }
            key.executeBatch();
            insert.executeBatch();
            try (Statement statement = db.createStatement()) {
                statement.execute("alter sequence domain_event_entry_seq restart with " + (index + 1));
            }
            db.commit();
        }
        return new Seeded(total, initiatives, feedback, sampleToken, sampleFeedback);
    }

    private static ObjectNode launched(String id, Instant at) {
        ObjectNode payload = Http.JSON.createObjectNode().put("initiativeId", id)
                .put("title", "Getting to school safely " + id.substring(0, 4))
                .put("guidingQuestion", "How do your children get to school safely?");
        var groups = payload.putArray("stakeholderGroups");
        for (String group : Submissions.GROUPS) {
            groups.addObject().put("code", group).put("name", group).put("role", "COMMUNITY")
                    .put("populationShare", 0.2);
        }
        payload.putArray("languages").add("en").add("es");
        payload.put("acknowledgeWithinHours", 72).put("at", at.toString()).put("actor", "leader");
        return payload;
    }

    /** The participant's text as the app stores it: encrypted with a new key of theirs, bound to them and the field. */
    private static String sealed(PreparedStatement keys, String participant, Instant at, String text) throws Exception {
        javax.crypto.SecretKey key = PersonalCipher.newKey();
        keys.setString(1, participant);
        keys.setString(2, Base64.getEncoder().encodeToString(key.getEncoded()));
        keys.setTimestamp(3, Timestamp.from(at));
        keys.addBatch();
        return PersonalCipher.encrypt(key, text, participant + "/text");
    }

    private static void add(PreparedStatement insert, long index, String aggregate, long sequence, String type,
                            Instant at, String payloadType, ObjectNode payload) throws Exception {
        insert.setLong(1, index);
        insert.setString(2, newId());
        insert.setString(3, aggregate);
        insert.setLong(4, sequence);
        insert.setString(5, type);
        insert.setString(6, at.toString());
        insert.setString(7, payloadType);
        insert.setBytes(8, Http.JSON.writeValueAsBytes(payload));
        insert.setBytes(9, "{}".getBytes(StandardCharsets.UTF_8));
        insert.addBatch();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
