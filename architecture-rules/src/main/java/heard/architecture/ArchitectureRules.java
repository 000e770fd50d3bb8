package heard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every module's classes keep. Each module runs them on its own classes ({@link OwnClasses}) in its
 * build; a rule about classes a module does not hold (aggregates in the query side) holds there trivially.
 * Annotations are named, not imported, so that this module depends on neither Spring nor Axon.
 */
public final class ArchitectureRules {
    private static final String SPRING = "org.springframework..";

    /** Every class is Heard's; and a module whose classes were not found fails here, rather than pass the rest. */
    @ArchTest
    public static final ArchRule CLASSES_FOUND = classes().should().resideInAPackage("heard..");

    /** The sides meet through the events only: the command side never uses a class of the query side. */
    @ArchTest
    public static final ArchRule COMMAND_SIDE_IGNORES_QUERY_SIDE = noClasses()
            .that().resideInAPackage("heard.command..")
            .should().dependOnClassesThat().resideInAPackage("heard.query..")
            .allowEmptyShould(true);

    /** ... and the query side never uses a class of the command side. */
    @ArchTest
    public static final ArchRule QUERY_SIDE_IGNORES_COMMAND_SIDE = noClasses()
            .that().resideInAPackage("heard.query..")
            .should().dependOnClassesThat().resideInAPackage("heard.command..")
            .allowEmptyShould(true);

    /** An aggregate decides on its state and its commands alone, testable without any application context. */
    @ArchTest
    public static final ArchRule AGGREGATES_WITHOUT_SPRING = noClasses()
            .that().areMetaAnnotatedWith("org.axonframework.modelling.command.AggregateRoot")
            .should().dependOnClassesThat().resideInAPackage(SPRING)
            .allowEmptyShould(true);

    /** The events are a stored contract, read by both sides and by outside readers, whatever their framework. */
    @ArchTest
    public static final ArchRule EVENTS_WITHOUT_SPRING = noClasses()
            .that().resideInAPackage("heard.events..")
            .should().dependOnClassesThat().resideInAPackage(SPRING)
            .allowEmptyShould(true);

    /**
     * Beans are declared where the wiring is looked for: configuration classes (auto-configurations and the
     * applications' own classes among them). A {@code @Bean} method in a component is a factory hidden in it.
     */
    @ArchTest
    public static final ArchRule BEANS_IN_CONFIGURATION_CLASSES = methods()
            .that().areAnnotatedWith("org.springframework.context.annotation.Bean")
            .should().beDeclaredInClassesThat()
            .areMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
            .allowEmptyShould(true);

    /** Each package may use others, but never through a chain that leads back to itself. */
    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("heard.(**)").should().beFreeOfCycles()
            .allowEmptyShould(true);

    private ArchitectureRules() {
    }
}
