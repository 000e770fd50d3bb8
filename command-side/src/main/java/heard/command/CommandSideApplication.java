package heard.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side alone (port 8081): aggregates, the write API, the event store. */
@SpringBootApplication
public class CommandSideApplication {
    public static void main(String[] args) {
        // no calls home: the framework's update check stays off unless asked for
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
