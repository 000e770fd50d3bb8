package heard.standalone;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code heard.data-dir} absolute before the H2 URL is built from it: H2 refuses a path
 * that is implicitly relative, and {@code --heard.data-dir=mydata} should simply work.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {
    static final String PROPERTY = "heard.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(PROPERTY);
        if (dir != null && !dir.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("heard-data-dir",
                    Map.of(PROPERTY, Path.of(dir).toAbsolutePath().normalize().toString())));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
