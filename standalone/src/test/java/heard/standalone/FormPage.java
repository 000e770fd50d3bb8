package heard.standalone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a browser takes from a page before it posts one of its forms. */
public final class FormPage {
    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    private FormPage() {
    }

    /** The signed token the page put in its forms. */
    public static String token(String html) {
        return tokenIn(html).orElseThrow(() -> new AssertionError("the page has no form token: " + html));
    }

    static Optional<String> tokenIn(String html) {
        Matcher found = TOKEN.matcher(html);
        return found.find() ? Optional.of(found.group(1)) : Optional.empty();
    }

    /** An application/x-www-form-urlencoded body of name, value pairs. */
    public static String body(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
