package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import heard.standalone.BadInputTest.Endpoint;
import heard.standalone.BadInputTest.Ids;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random bodies against every JSON write endpoint, as the allowed staff role sends them: each
 * valid body with its fields replaced by random values (strings of any characters, huge and odd
 * numbers, nulls, lists, objects), dropped, or joined by unknown ones, and random text that is not
 * JSON at all. No answer is a 5xx, and a refused body records nothing; a failure names the body
 * that caused it, and the seed that replays the run ({@link FuzzSeeds}).
 */
@StandaloneTest
@ExtendWith(FuzzSeeds.Session.class)
class FuzzBodiesTest {
    static final int CASES_PER_ENDPOINT = 40;
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    Api api;
    @Autowired
    JdbcTemplate db;

    /** Any JSON value, nested at most two levels. */
    static Arbitrary<JsonNode> values(int depth) {
        List<Arbitrary<? extends JsonNode>> choices = new ArrayList<>(List.of(
                Arbitraries.strings().all().ofMaxLength(300).map(NODES::textNode),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(70_000).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(),
                        java.math.BigInteger.TEN.pow(30)).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of("2026-03-01T16:00:00Z", "yesterday", "2099-06-01", "-1", "", " ", "0",
                        "SUPPORTED", "WEB", "families", "no-such-id").map(NODES::textNode)));
        if (depth > 0) {
            choices.add(values(depth - 1).list().ofMaxSize(5).map(items -> {
                var array = NODES.arrayNode();
                items.forEach(array::add);
                return array;
            }));
            choices.add(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                    .flatMap(name -> values(depth - 1).map(value -> (JsonNode) NODES.objectNode().set(name, value))));
        }
        return Arbitraries.oneOf(choices);
    }

    /** The valid body changed in one to three places. */
    static String mutate(ObjectNode valid, Random random, FuzzSeeds.Draw<JsonNode> values) {
        ObjectNode body = valid.deepCopy();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        for (int change = 0, changes = 1 + random.nextInt(3); change < changes; change++) {
            String field = fields.isEmpty() ? "x" : fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(4)) {
                case 0 -> body.remove(field);
                case 1 -> body.set("unknown" + random.nextInt(100), values.next());
                default -> body.set(field, values.next());
            }
        }
        return body.toString();
    }

    /** How many events the store holds. */
    static long events(JdbcTemplate db) {
        Long count = db.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    static Stream<Long> seeds() {
        return FuzzSeeds.with(20261123);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noBodyBreaksAnEndpointAndARefusedOneRecordsNothing(long seed) throws Exception {
        Ids ids = BadInputTest.known(api).ids();
        Random random = new Random(seed);
        FuzzSeeds.Draw<JsonNode> values = new FuzzSeeds.Draw<>(values(2), random);
        FuzzSeeds.Draw<String> notJson = new FuzzSeeds.Draw<>(Arbitraries.strings().all().ofMaxLength(200), random);
        List<String> broken = new ArrayList<>();
        int refused = 0;
        int accepted = 0;
        for (Iterator<Endpoint> endpoints = BadInputTest.endpoints().iterator(); endpoints.hasNext();) {
            Endpoint endpoint = endpoints.next();
            ObjectNode valid = (ObjectNode) Api.JSON.readTree(endpoint.body().apply(ids));
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                String body = i % 10 == 9 ? notJson.next() : mutate(valid, random, values);
                long before = events(db);
                Api.Response answer = api.post(endpoint.path().apply(ids), body, endpoint.allowed());
                if (answer.status() >= 500) {
                    broken.add(endpoint + " answered " + answer.status() + " to " + abbreviated(body));
                }
                if (answer.status() >= 400 && events(db) != before) {
                    broken.add(endpoint + " refused (" + answer.status() + ") but recorded " + abbreviated(body));
                }
                if (answer.status() >= 400) {
                    refused++;
                } else {
                    accepted++;
                }
                if (answer.status() >= 400) {
                    assertThat(answer.contentType()).as("seed " + seed + ", " + endpoint + ": " + abbreviated(body))
                            .isEqualTo("application/problem+json");
                }
            }
        }
        System.out.printf("Fuzzed bodies with seed %d: %d refused, %d accepted%n", seed, refused, accepted);
        assertThat(broken).as("seed " + seed).isEmpty();
        assertThat(refused).as("seed " + seed + ": the mutations reach the checks").isGreaterThan(accepted);
    }

    static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
