package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import heard.forms.FormTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random bodies against every form post of the pages (the feedback form, the answer on a receipt
 * page, the console's acknowledge, summary and theme forms), sent as a browser sends them: the
 * page's own token, and for the console a signed-in facilitator and this site's {@code Origin}.
 * Each valid body has its fields replaced by random values (any characters, text over the body
 * limit, numbers, script), dropped, repeated or joined by unknown ones, its encoding garbled
 * (broken escapes, bytes that are not UTF-8, another or unknown charset), or is random text; a
 * few more go without a token, with a forged one, or from another site. No answer is a 5xx; a
 * refusal (a 303 back with {@code error=}, or a 4xx as problem+json) records no event; and neither
 * the answer nor the page it sends the browser to shows a script it was given. Each run draws every
 * case from one seed ({@link FuzzSeeds}), so a failure names the seed that replays it.
 */
@StandaloneTest
@ExtendWith(FuzzSeeds.Session.class)
class FuzzFormsTest {
    static final int CASES_PER_FORM = 40;
    static final int BAD_TOKENS = 6;
    static final String SCRIPT = "<script>alert('heard')</script>";
    /** What a page shows of the script when it does not escape it. */
    static final String SHOWN = "<script>alert";
    static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;
    Api api;
    @Autowired
    JdbcTemplate db;

    /**
     * One form: where it posts, a valid body as name, value pairs, who sends it, and a fresh token from its
     * page for each post, as a browser posts the page it shows: a token is good for one accepted post.
     */
    record Form(String name, String path, List<String> valid, String[] headers, Supplier<String> token) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A field's value: anything a JSON body may hold, as text, or script. */
    static Arbitrary<String> values() {
        return Arbitraries.oneOf(FuzzBodiesTest.values(1).map(node -> node.isTextual() ? node.asText() : node.toString()),
                Arbitraries.of(SCRIPT, "\"><script>alert(1)</script>", "/staff/i/x?error=<script>", "/staff",
                        "true", "false", "on", "en", "es", "families"));
    }

    /** The valid body changed in one to three places, then perhaps garbled on the wire. */
    static String mutate(List<String> valid, Random random, FuzzSeeds.Draw<String> values) {
        List<String> pairs = new ArrayList<>(valid);
        for (int change = 0, changes = 1 + random.nextInt(3); change < changes; change++) {
            int field = 2 * random.nextInt(Math.max(1, pairs.size() / 2));
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (!pairs.isEmpty()) {
                        pairs.subList(field, field + 2).clear();
                    }
                }
                case 1 -> pairs.addAll(List.of(random.nextBoolean() ? "unknown" + random.nextInt(100)
                        : values.next(), values.next()));
                case 2 -> {
                    if (!pairs.isEmpty()) {
                        pairs.addAll(List.of(pairs.get(field), values.next()));
                    }
                }
                default -> {
                    if (!pairs.isEmpty()) {
                        pairs.set(field + 1, values.next());
                    }
                }
            }
        }
        String body = FormPage.body(pairs.toArray(String[]::new));
        if (random.nextInt(4) > 0) {
            return body;
        }
        String[] garbles = {"%", "%zz", "%FF%FE%C3%28", "%E2%82", "&&=&", "==", "ü€✓", "+%00+", "&text", "%u003c"};
        int at = random.nextInt(body.length() + 1);
        return body.substring(0, at) + garbles[random.nextInt(garbles.length)] + body.substring(at);
    }

    static String contentType(Random random) {
        String[] charsets = {"", "", "", "", "", "", "", "; charset=UTF-8", "; charset=ISO-8859-1",
                "; charset=UTF-16", "; charset=x-unknown", ";;"};
        return FORM + charsets[random.nextInt(charsets.length)];
    }

    static Stream<Long> seeds() {
        // 103: a console post repeating returnTo, joined into a way back too long for the headers (a 500)
        return FuzzSeeds.with(20261124, 103);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noFormBodyBreaksAPostAndARefusedOneRecordsNothing(long seed) {
        List<Form> forms = forms(api);
        Random random = new Random(seed);
        FuzzSeeds.Draw<String> values = new FuzzSeeds.Draw<>(values(), random);
        FuzzSeeds.Draw<String> notAForm = new FuzzSeeds.Draw<>(Arbitraries.strings().all().ofMaxLength(200), random);
        List<String> broken = new ArrayList<>();
        Map<String, String[]> pagesShown = new LinkedHashMap<>();
        int refused = 0;
        int accepted = 0;
        for (Form form : forms) {
            for (int i = 0; i < CASES_PER_FORM + BAD_TOKENS; i++) {
                boolean badToken = i >= CASES_PER_FORM;
                String body = badToken ? FormPage.body(form.valid().toArray(String[]::new))
                        : i % 10 == 9 ? notAForm.next() : mutate(form.valid(), random, values);
                String fresh = form.token().get();
                String token = badToken ? badToken(i - CASES_PER_FORM, fresh) : fresh;
                String[] headers = form.headers();
                if (i == CASES_PER_FORM + BAD_TOKENS - 1) {
                    String[] elsewhere = {"Origin", "https://elsewhere.example"};
                    headers = form.path().startsWith("/staff") ? Api.headers(Api.as("facilitator"), elsewhere) : elsewhere;
                    token = fresh;
                }
                String sent = token == null ? body : FormPage.body("formToken", token) + "&" + body;
                long before = FuzzBodiesTest.events(db);
                Api.Response answer = api.postAs(badToken ? FORM : contentType(random), form.path(), sent, headers);
                String location = answer.headers().firstValue("Location").orElse("");
                boolean refusal = answer.status() >= 400 || location.contains("error=");
                String what = form + " answered " + answer.status() + " " + location + " to "
                        + FuzzBodiesTest.abbreviated(sent);
                if (answer.status() >= 500) {
                    broken.add(what);
                }
                if (refusal && FuzzBodiesTest.events(db) != before) {
                    broken.add("recorded although refused: " + what);
                }
                if (answer.status() >= 400 && !answer.contentType().equals("application/problem+json")) {
                    broken.add("a refusal not as problem+json: " + what);
                }
                if (answer.status() < 400 && answer.status() != 303) {
                    broken.add("neither a 303 nor a refusal: " + what);
                }
                if (badToken && !(location.contains("error=expired") || answer.status() == 403)) {
                    broken.add("not refused for its token or its origin: " + what);
                }
                if (shows(answer.body())) {
                    broken.add("shows the script unescaped: " + what);
                }
                if (!location.isEmpty()) {
                    pagesShown.put(location, form.headers());
                }
                if (refusal) {
                    refused++;
                } else {
                    accepted++;
                }
            }
        }
        // the console's forms go first, so that their changes are in its pages by the time they are read here
        pagesShown.forEach((location, headers) -> {
            if (shows(readModelPage(api, location, headers))) {
                broken.add("the page " + location + " shows a script it was given");
            }
        });
        System.out.printf("Fuzzed forms with seed %d: %d refused, %d accepted%n", seed, refused, accepted);
        assertThat(broken).as("seed " + seed).isEmpty();
        assertThat(accepted).as("seed " + seed + ": some bodies get through the checks").isPositive();
        assertThat(refused).as("seed " + seed + ": the mutations reach the checks").isGreaterThan(accepted);
    }

    /** Without a token, a forged one, one signed elsewhere, one for another form, and a cut one. */
    private static String badToken(int kind, String valid) {
        FormTokens elsewhere = new FormTokens("a key that is not this site's own".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC(), Duration.ofHours(1));
        return switch (kind) {
            case 0 -> null;
            case 1 -> "forged.token";
            case 2 -> elsewhere.issue(FormTokens.staffForms("facilitator"));
            case 3 -> FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1))
                    .issue(FormTokens.feedbackForm("another-question"));
            default -> valid.substring(0, valid.length() - 3);
        };
    }

    private static boolean shows(String html) {
        return html != null && html.contains(SHOWN);
    }

    /** The page a 303 sent the browser to; a receipt page once it shows the feedback, no longer pending. */
    private String readModelPage(Api api, String location, String[] headers) {
        URI target = URI.create(location);
        assertThat(target.getPort()).as("a redirect stays on this site: " + location).isEqualTo(port);
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return eventually()
                .until(() -> api.get(path, headers).body(), page -> !path.startsWith("/r/")
                        || page.contains("class=\"words\"") || page.contains("class=\"erased\""));
    }

    /** The six forms, each with the tokens its page renders: the receipt page's once a summary awaits an answer. */
    private List<Form> forms(Api api) {
        BadInputTest.Known known = BadInputTest.known(api);
        BadInputTest.Ids ids = known.ids();
        String feedback = ids.feedback();
        String receipt = "/r/" + known.receiptToken();
        api.post("/api/feedback/" + feedback + "/acknowledgement", "{\"message\": \"Thank you\"}", Api.as("facilitator"));
        api.post("/api/feedback/" + feedback + "/understanding", "{\"summary\": \"The bus is late\"}",
                Api.as("facilitator"));
        // the console's forms answer a second submission, which nobody has acknowledged yet
        String answered = new Loop(api).submit(ids.initiative(), "The crossing has no guard").get("feedbackId").asText();
        String console = "/staff/i/" + ids.initiative();
        String[] facilitator = Api.headers(Api.as("facilitator"), new String[] {"Origin", "http://localhost:" + port});
        eventually()
                .until(() -> api.get(console, Api.as("facilitator")).body(), page -> page.contains(answered));
        eventually()
                .until(() -> api.get(receipt).body(), page -> FormPage.tokenIn(page).isPresent());
        Supplier<String> staffToken = () -> FormPage.token(api.get(console, Api.as("facilitator")).body());
        Supplier<String> feedbackToken = () -> FormPage.token(api.get("/i/" + ids.initiative()).body());
        // once the participant is forgotten their page shows no form: then a token as the page signed it before
        Supplier<String> answerToken = () -> FormPage.tokenIn(api.get(receipt).body()).orElseGet(() ->
                FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1))
                        .issue(FormTokens.answerForm(feedback)));
        String staff = "/staff/feedback/" + answered;
        return List.of(
                new Form("console acknowledge", staff + "/acknowledgement", List.of("message", "Thank you " + SCRIPT,
                        "returnTo", console), facilitator, staffToken),
                new Form("console summary", staff + "/understanding", List.of("summary", "The bus is late " + SCRIPT,
                        "returnTo", console + "?status=SUBMITTED"), facilitator, staffToken),
                new Form("console themes", staff + "/themes", List.of("themes", "transport, " + SCRIPT,
                        "returnTo", console), facilitator, staffToken),
                new Form("feedback form", "/i/" + ids.initiative() + "/feedback", List.of("text", "The bus is late " + SCRIPT,
                        "language", "en", "stakeholderGroup", "families", "contact", "+1 555 0100",
                        "followUpConsent", "true", "lang", "es"), new String[0], feedbackToken),
                new Form("answer", receipt + "/answer", List.of("feedbackId", feedback, "confirmed", "false",
                        "correction", "It is the afternoon bus " + SCRIPT, "lang", "en"), new String[0], answerToken),
                // last: once the participant is forgotten, the answer above has nothing left to answer
                new Form("forget", receipt + "/forget", List.of("feedbackId", feedback, "confirm", "true",
                        "lang", "es"), new String[0], answerToken));
    }
}
