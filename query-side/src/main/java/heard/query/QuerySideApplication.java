package heard.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side alone (port 8082): projections, the read API, the pages. */
@SpringBootApplication
public class QuerySideApplication {
    public static void main(String[] args) {
        // no calls home: the framework's update check stays off unless asked for
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
