package heard.command.sms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which initiative a text message is feedback for: {@code heard.sms.routes[n]} names an initiative, the
 * stakeholder group and language its texts are recorded in, and the number texted ({@code number}, E.164)
 * and/or a short code the text begins with ({@code code}). A short code wins over the number. Read at each
 * message, so a route added to the configuration holds at once.
 */
@Component
class SmsRoutes {
    record Route(String number, String code, String initiative, String group, String language) {
    }

    record Routed(Route route, String text) {
    }

    private final Environment environment;

    SmsRoutes(Environment environment) {
        this.environment = environment;
    }

    Optional<Routed> route(String to, String body) {
        List<Route> routes = Binder.get(environment).bind("heard.sms.routes", Bindable.listOf(Route.class))
                .orElse(List.of());
        String[] words = body.strip().split("\\s+", 2);
        for (Route route : routes) {
            if (route.code() != null && words[0].toUpperCase(Locale.ROOT).equals(route.code().toUpperCase(Locale.ROOT))
                    && words.length > 1) {
                return Optional.of(new Routed(route, words[1].strip()));
            }
        }
        return routes.stream().filter(route -> route.number() != null && route.number().equals(to)).findFirst()
                .map(route -> new Routed(route, body.strip()));
    }
}
