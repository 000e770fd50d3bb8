package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator adds a staff member on the staff page, sets their roles and disables the account:
 * the account acts at once, with the roles it holds now, and not at all once disabled, whether it
 * signs in on the page or with HTTP Basic; each change is an event naming the administrator, and the
 * page shows who granted what. The password is kept hashed and is in no event.
 */
@StandaloneTest
class StaffAccountsTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PASSWORD = "a long first password";

    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Loop loop;
    private String[] admin;

    @BeforeEach
    void signIn() {
        admin = api.signedIn("admin");
    }

    @Test
    void aStaffMemberAddedOnThePageActsAtOnceWithTheRolesTheyHoldAndNotAtAllOnceDisabled() {
        String name = "maria." + shortId();
        Api.Response added = post("/staff/accounts", "name", name.toUpperCase(), "displayName", "María López",
                "password", PASSWORD, "roles", "FACILITATOR");
        assertThat(added.headers().firstValue("Location"))
                .hasValue(api.base() + "/staff/accounts?done=opened&account=" + name);

        String initiative = loop.launchInitiative();
        String feedback = loop.submit(initiative, "The bus is late").get("feedbackId").asText();
        String[] maria = api.signIn(name, PASSWORD);
        assertThat(maria).as("signs in on the page at once").isNotNull();
        assertThat(api.post("/api/feedback/" + feedback + "/acknowledgement", "{\"message\": \"Thank you\"}",
                basic(name)).status()).as("acts with HTTP Basic at once").isEqualTo(200);
        assertThat(api.get("/staff", maria).body()).contains("Signed in as " + name);
        assertThat(jdbc.queryForObject("select password_hash from staff_password where account_id = ?",
                String.class, name)).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);

        eventually().until(() -> api.get("/staff/accounts", admin).body(),
                page -> page.contains("María López"));
        String page = api.get("/staff/accounts", admin).body();
        assertThat(page).contains("<h1>Staff accounts</h1>", "id=\"account-" + name + "\"", "Can sign in",
                "admin added " + name + " with the roles FACILITATOR");

        post("/staff/accounts/" + name + "/roles", "roles", "ANALYST");
        assertThat(api.post("/api/feedback/" + feedback + "/understanding", "{\"summary\": \"The bus\"}", maria)
                .status()).as("the session has the new roles from its next request").isEqualTo(403);
        assertThat(api.get("/api/initiatives/" + initiative + "/feedback.csv", maria).status()).isEqualTo(200);

        Api.Response disabled = post("/staff/accounts/" + name + "/disable");
        assertThat(disabled.headers().firstValue("Location")).hasValue(api.base()
                + "/staff/accounts?done=disabled&account=" + name);
        assertThat(api.get("/staff", maria).status()).as("the open session ends").isEqualTo(401);
        assertThat(api.get("/staff", basic(name)).status()).isEqualTo(401);
        assertThat(api.signIn(name, PASSWORD)).isNull();

        List<String> history = events.readEvents(name).asStream()
                .map(e -> e.getPayloadType().getSimpleName() + " by " + actor(e.getPayload().toString())).toList();
        assertThat(history).containsExactly("StaffAccountOpened by admin", "StaffRolesSet by admin",
                "StaffAccountDisabled by admin");
        events.readEvents(name).asStream().forEach(e -> assertThat(e.getPayload().toString()).doesNotContain("bcrypt"));
        eventually().until(() -> api.get("/staff/accounts", admin).body(),
                after -> after.contains("admin disabled " + name));
        assertThat(api.get("/staff/accounts", admin).body()).contains("admin gave " + name + " the roles ANALYST",
                "Disabled: cannot sign in");
        assertThat(api.get("/staff/accounts?lang=es", admin).body()).contains("Cuentas del personal",
                "admin desactivó a " + name);
    }

    @Test
    void whatThePageRefusesItSaysAndRecordsNothing() {
        String name = "jo." + shortId();
        post("/staff/accounts", "name", name, "displayName", "Jo", "password", PASSWORD, "roles", "LEADER");
        List<String[]> refused = List.of(
                new String[] {"taken", "name", name, "displayName", "Jo again", "password", PASSWORD, "roles", "LEADER"},
                new String[] {"name", "name", "facilitator", "displayName", "F", "password", PASSWORD, "roles", "LEADER"},
                new String[] {"name", "name", "x".repeat(101), "displayName", "X", "password", PASSWORD, "roles", "LEADER"},
                new String[] {"name", "name", "has space", "displayName", "X", "password", PASSWORD, "roles", "LEADER"},
                new String[] {"name", "name", "", "displayName", "X", "password", PASSWORD, "roles", "LEADER"},
                new String[] {"displayName", "name", "a" + shortId(), "displayName", "x".repeat(201), "password",
                        PASSWORD, "roles", "LEADER"},
                new String[] {"displayName", "name", "b" + shortId(), "displayName", "two\nlines", "password",
                        PASSWORD, "roles", "LEADER"},
                new String[] {"password", "name", "c" + shortId(), "displayName", "X", "password", "short",
                        "roles", "LEADER"},
                new String[] {"password", "name", "d" + shortId(), "displayName", "X", "password", "ñ".repeat(40),
                        "roles", "LEADER"},
                new String[] {"roles", "name", "e" + shortId(), "displayName", "X", "password", PASSWORD},
                new String[] {"roles", "name", "f" + shortId(), "displayName", "X", "password", PASSWORD,
                        "roles", "OWNER"});
        for (String[] attempt : refused) {
            String[] fields = java.util.Arrays.copyOfRange(attempt, 1, attempt.length);
            Api.Response answer = post("/staff/accounts", fields);
            assertThat(answer.status()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(String.join(" ", fields))
                    .contains("error=" + attempt[0]);
        }
        assertThat(post("/staff/accounts/" + name + "/roles").headers().firstValue("Location").orElseThrow())
                .contains("error=roles");
        assertThat(post("/staff/accounts/nobody-" + shortId() + "/disable").headers().firstValue("Location")
                .orElseThrow()).contains("error=missing");
        assertThat(api.signIn(name, PASSWORD)).as("the first account stands").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from staff_account where account_id like 'a%' and"
                + " display_name like 'xxxx%'", Integer.class)).isZero();
        assertThat(events.readEvents(name).asStream().count()).isEqualTo(1);

        String token = FormPage.token(api.get("/staff/accounts", admin).body());
        String body = FormPage.body("name", "g" + shortId(), "displayName", "G", "password", PASSWORD,
                "roles", "LEADER", "formToken", token);
        assertThat(api.postAs(FORM, "/staff/accounts", body, "Origin", "https://elsewhere.example", admin[0], admin[1])
                .status()).as("from another site").isEqualTo(403);
        assertThat(api.postAs(FORM, "/staff/accounts", body, "Origin", api.base()).status()).as("anonymous")
                .isEqualTo(401);
        assertThat(api.postAs(FORM, "/staff/accounts", body, "Origin", api.base(), "Authorization",
                Api.as("facilitator")[1]).status()).as("not an administrator").isEqualTo(403);
        assertThat(api.postAs(FORM, "/staff/accounts", FormPage.body("name", "h" + shortId(), "displayName", "H",
                "password", PASSWORD, "roles", "LEADER", "formToken", "forged"), "Origin", api.base(), admin[0],
                admin[1]).headers().firstValue("Location").orElseThrow()).contains("error=expired");
        assertThat(api.get("/staff/accounts", Api.as("leader")).status()).isEqualTo(403);
        assertThat(api.get("/staff/accounts").status()).isEqualTo(401);
    }

    @Test
    void theHistoryOfADecisionShowsTheNameAnAdministratorGaveItsAuthor() {
        String name = "jo." + shortId();
        post("/staff/accounts", "name", name, "displayName", "Jo Mensah", "password", PASSWORD, "roles", "LEADER");
        BadInputTest.Ids ids = BadInputTest.known(api).ids();
        Api.Response proposed = api.post("/api/initiatives/" + ids.initiative() + "/decisions",
                BadInputTest.proposal(ids), basic(name));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String decision = proposed.json().get("decisionId").asText();
        String page = eventually().until(() -> api.get("/decisions/" + decision),
                answer -> answer.status() == 200).body();
        assertThat(page).contains("Recorded by Jo Mensah");
        assertThat(api.get("/api/decisions/" + decision + "/history").json().at("/steps/0/author").asText())
                .as("the events and the API keep the account's own name").isEqualTo(name);
    }

    @Test
    void anAdministratorSigningInLandsOnTheStaffPage() {
        Api.Response signedIn = api.postAs(FORM, "/signin", FormPage.body("username", "admin", "password",
                "admin-demo"), "Origin", api.base());
        assertThat(signedIn.headers().firstValue("Location")).hasValue(api.base() + "/staff/accounts");
    }

    /** Posts one of the page's forms as the signed-in administrator, with the page's token. */
    private Api.Response post(String path, String... fields) {
        String token = FormPage.token(api.get("/staff/accounts", admin).body());
        String[] withToken = java.util.Arrays.copyOf(fields, fields.length + 2);
        withToken[fields.length] = "formToken";
        withToken[fields.length + 1] = token;
        Api.Response answer = api.postAs(FORM, path, FormPage.body(withToken), "Origin", api.base(), admin[0],
                admin[1]);
        assertThat(answer.status()).as(answer.body()).isEqualTo(303);
        return answer;
    }

    private static String[] basic(String name) {
        return new String[] {"Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((name + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))};
    }

    private static String actor(String payload) {
        int at = payload.indexOf("actor=");
        return payload.substring(at + 6, payload.indexOf(']', at));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
