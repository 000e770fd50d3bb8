package heard.standalone;

import heard.command.CommandSideApplication;
import heard.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Both sides in one JVM: events flow through the local event store, no broker. */
@SpringBootApplication
@ComponentScan(basePackages = {"heard.command", "heard.query", "heard.standalone"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class})})
public class HeardApplication {
    public static void main(String[] args) {
        // no calls home: the framework's update check stays off unless asked for
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        SpringApplication.run(HeardApplication.class, args);
    }
}
