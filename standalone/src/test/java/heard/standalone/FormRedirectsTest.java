package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The participant's forms answer 303 to a page whose address echoes the id or token in the post's
 * path. One longer than any real id, yet short enough to be taken in, would not fit in the answer's
 * headers: it is refused as a bad request naming it, never a 500.
 */
@StandaloneTest
class FormRedirectsTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    Api api;

    @Test
    void anIdTooLongToEchoInTheWayBackIsRefusedNamingIt() {
        String tooLong = "x".repeat(7_900);
        for (List<String> post : List.of(List.of("/i/" + tooLong + "/feedback", "initiativeId"),
                List.of("/r/" + tooLong + "/answer", "receiptToken"),
                List.of("/r/" + tooLong + "/forget", "receiptToken"))) {
            Api.Response answer = api.postAs(FORM, post.get(0), "text=x&feedbackId=x&confirm=true&lang=es");
            BadInputTest.assertProblem(answer, 400);
            assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly(post.get(1));
        }
    }
}
