package heard.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import heard.beans.FromComponent;
import heard.beans.FromConfiguration;
import heard.command.fixture.PeeksAtQuerySide;
import heard.command.fixture.PlainAggregate;
import heard.command.fixture.SendsCommands;
import heard.command.fixture.SpringAggregate;
import heard.cycle.first.First;
import heard.cycle.second.Leaf;
import heard.cycle.second.Second;
import heard.events.fixture.PlainEvent;
import heard.events.fixture.SpringEvent;
import heard.query.fixture.PeeksAtCommandSide;
import heard.query.fixture.ReadModel;
import org.junit.jupiter.api.Test;

/** Each rule refuses a deliberate violation, naming the class that breaks it, and passes its like kept right. */
class ArchitectureRulesTest {

    @Test
    void theCommandSideMayNotUseTheQuerySide() {
        assertBreaks(ArchitectureRules.COMMAND_SIDE_IGNORES_QUERY_SIDE, "PeeksAtQuerySide",
                PeeksAtQuerySide.class, ReadModel.class);
        assertKeeps(ArchitectureRules.COMMAND_SIDE_IGNORES_QUERY_SIDE, SendsCommands.class, ReadModel.class);
    }

    @Test
    void theQuerySideMayNotUseTheCommandSide() {
        assertBreaks(ArchitectureRules.QUERY_SIDE_IGNORES_COMMAND_SIDE, "PeeksAtCommandSide",
                PeeksAtCommandSide.class, SendsCommands.class);
        assertKeeps(ArchitectureRules.QUERY_SIDE_IGNORES_COMMAND_SIDE, ReadModel.class, SendsCommands.class);
    }

    @Test
    void anAggregateMayNotUseSpring() {
        assertBreaks(ArchitectureRules.AGGREGATES_WITHOUT_SPRING, "SpringAggregate", SpringAggregate.class);
        assertKeeps(ArchitectureRules.AGGREGATES_WITHOUT_SPRING, PlainAggregate.class);
    }

    @Test
    void anEventMayNotUseSpring() {
        assertBreaks(ArchitectureRules.EVENTS_WITHOUT_SPRING, "SpringEvent", SpringEvent.class);
        assertKeeps(ArchitectureRules.EVENTS_WITHOUT_SPRING, PlainEvent.class);
    }

    @Test
    void onlyAConfigurationClassMayDeclareABean() {
        assertBreaks(ArchitectureRules.BEANS_IN_CONFIGURATION_CLASSES, "FromComponent", FromComponent.class);
        assertKeeps(ArchitectureRules.BEANS_IN_CONFIGURATION_CLASSES, FromConfiguration.class);
    }

    @Test
    void packagesMayNotUseEachOtherInACycle() {
        assertBreaks(ArchitectureRules.NO_PACKAGE_CYCLES, "cycle.first", First.class, Second.class);
        assertKeeps(ArchitectureRules.NO_PACKAGE_CYCLES, First.class, Leaf.class);
    }

    @Test
    void aModuleWhoseClassesWereNotFoundFailsRatherThanPassing() {
        assertThatThrownBy(() -> ArchitectureRules.CLASSES_FOUND.check(new ClassFileImporter()
                .withImportOption(location -> false).importPackages("heard")))
                .isInstanceOf(AssertionError.class);
        assertKeeps(ArchitectureRules.CLASSES_FOUND, First.class);
    }

    @Test
    void aModuleChecksItsOwnClassesOnly() {
        JavaClasses own = new ClassFileImporter().importLocations(new OwnClasses().get(getClass()));
        // this module's main classes, not its tests' deliberate violations
        assertThat(own.contain(ArchitectureRules.class)).isTrue();
        assertThat(own.contain(PeeksAtQuerySide.class)).isFalse();
    }

    private static void assertBreaks(ArchRule rule, String named, Class<?>... classes) {
        assertThatThrownBy(() -> rule.check(of(classes))).isInstanceOf(AssertionError.class)
                .hasMessageContaining(named);
    }

    private static void assertKeeps(ArchRule rule, Class<?>... classes) {
        assertThatCode(() -> rule.check(of(classes))).doesNotThrowAnyException();
    }

    private static JavaClasses of(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
