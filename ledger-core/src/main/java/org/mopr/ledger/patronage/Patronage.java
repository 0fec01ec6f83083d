package org.mopr.ledger.patronage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mopr.ledger.shared.BatchDispatch;
import org.mopr.ledger.shared.DomainException;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A city's patronage of prisoners in one country: established once, ended at most once, never before it began. */
@AggregateRoot
public class Patronage {

    /** The handlers a batch of commands sent together may reach, each with the id its command targets. */
    private static final BatchDispatch<Patronage> SENT_TOGETHER = BatchDispatch.<Patronage>forAggregate("patronage")
            .on(EstablishPatronage.class, EstablishPatronage::patronageId, Patronage::handle)
            .on(EndPatronage.class, EndPatronage::patronageId, Patronage::handle)
            .build();

    @AggregateIdentifier
    private PatronageId id;
    private LocalDate since;
    private LocalDate endedOn;

    protected Patronage() {
        // Axon rebuilds the patronage from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EstablishPatronage cmd) {
        if (id != null) {
            throw new DomainException("patronage " + cmd.patronageId() + " was already established on " + since);
        }
        if (cmd.cityName() == null || cmd.cityName().isBlank() || cmd.placedOn() == null || cmd.period() == null) {
            throw new DomainException("patronage " + cmd.patronageId() + " needs the city's name, its period and a placement");
        }
        if (!cmd.period().mayFallWithin(cmd.placedOn(), cmd.placedOn())) {
            throw new DomainException("patronage " + cmd.patronageId() + ": placement " + cmd.placedOn()
                    + " lies outside its period " + cmd.period());
        }
        apply(new PrisonerPatronized(cmd.patronageId(), cmd.cityName(), cmd.period(), cmd.placedOn(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EndPatronage cmd) {
        if (id == null) {
            throw new DomainException("patronage " + cmd.patronageId() + " was never established: cannot end it on " + cmd.on());
        }
        if (endedOn != null) {
            throw new DomainException("patronage " + id + " already ended on " + endedOn);
        }
        if (cmd.on() == null || cmd.on().isBefore(since)) {
            throw new DomainException("patronage " + id + " began on " + since + ": cannot end on " + cmd.on());
        }
        apply(new PatronageEnded(id, cmd.on(), cmd.provenance()));
    }

    /** Consecutive commands to this patronage, applied one by one by the handlers above. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PatronageCommands batch) {
        SENT_TOGETHER.handle(this, batch.commands(), batch.patronageId());
    }

    @EventSourcingHandler
    void on(PrisonerPatronized e) {
        id = e.patronageId();
        since = e.placedOn();
    }

    @EventSourcingHandler
    void on(PatronageEnded e) {
        endedOn = e.on();
    }
}
