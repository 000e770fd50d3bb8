package bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Feedback bodies as participants send them: a few sentences, a group of the initiative, sometimes a contact. */
final class Submissions {
    static final List<String> GROUPS = List.of("families", "students", "staff", "neighbours");
    private static final List<String> SENTENCES = List.of(
            "The crossing on Elm Street has no guard in the morning.",
            "My daughter waits forty minutes for the bus when it rains.",
            "We would walk if the pavement by the park were lit.",
            "Please send the letters in Spanish as well as English.",
            "The new drop-off loop works, thank you for listening.",
            "Cars park on the cycle lane every afternoon.");

    private Submissions() {
    }

    /** The leader's body for an initiative that seeks the four groups above. */
    static String initiative(String title) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("title", title);
        body.put("guidingQuestion", "How do your children get to school safely?");
        var groups = body.putArray("stakeholderGroups");
        String[] roles = {"BENEFICIARY", "BENEFICIARY", "PROVIDER", "COMMUNITY"};
        for (int i = 0; i < GROUPS.size(); i++) {
            groups.addObject().put("code", GROUPS.get(i)).put("name", GROUPS.get(i)).put("role", roles[i])
                    .put("populationShare", 0.2);
        }
        body.putArray("languages").add("en").add("es");
        body.put("acknowledgeWithinHours", 72);
        return body.toString();
    }

    /** The CRUD baseline's initiative: its title and groups. */
    static String crudInitiative(String title) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("title", title);
        var groups = body.putArray("groups");
        GROUPS.forEach(groups::add);
        return body.toString();
    }

    static String feedbackText() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            text.append(i == 0 ? "" : " ").append(SENTENCES.get(random.nextInt(SENTENCES.size())));
        }
        return text.toString();
    }

    static String feedback() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("text", feedbackText());
        body.put("channel", "WEB");
        body.put("language", "en");
        body.put("stakeholderGroup", GROUPS.get(random.nextInt(GROUPS.size())));
        if (random.nextInt(4) == 0) {
            body.put("contact", "parent" + random.nextInt(100_000) + "@example.org");
        }
        body.put("followUpConsent", random.nextBoolean());
        return body.toString();
    }
}
