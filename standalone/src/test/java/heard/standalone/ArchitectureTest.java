package heard.standalone;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import heard.architecture.ArchitectureRules;
import heard.architecture.OwnClasses;

/** This module's classes keep the rules of the house (see {@link ArchitectureRules}). */
@AnalyzeClasses(locations = OwnClasses.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
