package org.mopr.ledger.api.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules the code relies on: controllers parse, call and render (no JDBC in web); the domain core knows
 * nothing of Spring; and no module reaches back up the flow catalog -> scenario -> commands -> aggregates -> event
 * store -> projections -> API (the API wires everything; nothing below it depends on it).
 */
class ArchitectureTest {

    private static final String[] CORE = {"org.mopr.ledger.catalog..", "org.mopr.ledger.fund..",
            "org.mopr.ledger.money..", "org.mopr.ledger.organisation..", "org.mopr.ledger.patronage..",
            "org.mopr.ledger.provenance..", "org.mopr.ledger.rates..", "org.mopr.ledger.section..",
            "org.mopr.ledger.shared..", "org.mopr.ledger.time.."};
    private static final String[] AGGREGATES = {"org.mopr.ledger.fund..", "org.mopr.ledger.organisation..",
            "org.mopr.ledger.patronage..", "org.mopr.ledger.rates..", "org.mopr.ledger.section.."};
    private static final String SIMULATION = "org.mopr.ledger.simulation..";
    private static final String PROJECTION = "org.mopr.ledger.projection..";
    private static final String API = "org.mopr.ledger.api..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mopr.ledger");
    }

    @Test
    void webTouchesNoJdbc() {
        check(noClasses().that().resideInAPackage("org.mopr.ledger.api.web..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql..")
                .because("controllers parse, call and render; reads go through projections' query API"));
    }

    @Test
    void theCoreKnowsNothingOfSpring() {
        check(noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.."));
    }

    @Test
    void theCatalogStandsFirst() {
        check(noClasses().that().resideInAPackage("org.mopr.ledger.catalog..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(AGGREGATES, SIMULATION, PROJECTION, API)));
    }

    @Test
    void theCoreReachesNoModuleAfterIt() {
        check(noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage(SIMULATION, PROJECTION, API));
    }

    @Test
    void scenariosReachNeitherProjectionsNorTheApi() {
        check(noClasses().that().resideInAPackage(SIMULATION).should().dependOnClassesThat()
                .resideInAnyPackage(PROJECTION, API));
    }

    @Test
    void projectionsReachNeitherScenariosNorTheApi() {
        check(noClasses().that().resideInAPackage(PROJECTION).should().dependOnClassesThat()
                .resideInAnyPackage(SIMULATION, API));
    }

    /** Metrics, Kafka headers and projections read an event's provenance through LedgerEvent: no event may lack it. */
    @Test
    void everyAppliedEventIsALedgerEvent() {
        check(methods().that().areAnnotatedWith(EventSourcingHandler.class).should(new ArchCondition<>(
                "take a LedgerEvent") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean ok = !method.getRawParameterTypes().isEmpty()
                        && method.getRawParameterTypes().get(0).isAssignableTo(LedgerEvent.class);
                events.add(new SimpleConditionEvent(method, ok, method.getFullName() + " handles an event that is "
                        + "not a LedgerEvent"));
            }
        }));
    }

    /** An event is a record carrying a Provenance that is not a command (a command names its target aggregate). */
    @Test
    void everyEventRecordIsALedgerEvent() {
        check(classes().that().resideInAnyPackage(AGGREGATES).and().areRecords().should(new ArchCondition<>(
                "implement LedgerEvent when it is an event") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean carriesProvenance = type.getFields().stream()
                        .anyMatch(f -> f.getRawType().isEquivalentTo(Provenance.class));
                boolean command = type.getFields().stream()
                        .anyMatch(f -> f.isAnnotatedWith(TargetAggregateIdentifier.class));
                boolean ok = !carriesProvenance || command || type.isAssignableTo(LedgerEvent.class);
                events.add(new SimpleConditionEvent(type, ok, type.getName() + " carries a Provenance but is "
                        + "neither a command nor a LedgerEvent"));
            }
        }));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
