package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A standalone test is given its clients on the suite's app, in its empty fields and as parameters. */
@StandaloneTest
class StandaloneHarnessTest {
    @LocalServerPort
    int port;
    Api api;
    Loop loop;
    Api ownApi = new Api("127.0.0.2", 1);

    @Test
    void fieldsAndParametersGetTheSameClientsOfTheRunningApp(Api given, Loop alsoGiven) {
        assertThat(api).isNotNull().isSameAs(given);
        assertThat(loop).isNotNull().isSameAs(alsoGiven);
        assertThat(api.base()).isEqualTo("http://localhost:" + port);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        loop.awaitQuestionPage(loop.launchInitiative());
    }

    @Test
    void aFieldTheTestFilledItselfIsLeftAsItIs() {
        assertThat(ownApi.base()).isEqualTo("http://127.0.0.2:1");
    }
}
