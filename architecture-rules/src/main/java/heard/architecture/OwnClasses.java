package heard.architecture;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.nio.file.Path;
import java.util.Set;

/**
 * The main classes of the module whose build is running (its {@code target/classes}, the tests' working
 * directory being the module's own), not its tests' nor those of the modules it depends on, which their
 * own builds check.
 */
public final class OwnClasses implements LocationProvider {

    @Override
    public Set<Location> get(Class<?> testClass) {
        return Set.of(Location.of(Path.of("target", "classes").toAbsolutePath()));
    }
}
