package org.mopr.ledger.projection.engine;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * The Axon side of the projections: one handler for every event of the processing group. It does not write per
 * event; it collects the events of the current unit of work (a pooled streaming processor hands a whole batch to
 * one unit of work) and projects them at once, in the prepare-commit phase, inside the transaction in which the
 * processor also stores its token.
 */
public class ProjectionEventHandler {

    /** The processing group, and the name of its processor and token. */
    public static final String PROCESSING_GROUP = "projections";

    private static final String BATCH = ProjectionEventHandler.class.getName() + ".batch";

    private final Projector projector;

    public ProjectionEventHandler(Projector projector) {
        this.projector = projector;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        batch().add(message);
    }

    /** The unit of work's events in stream order; they are projected when it prepares to commit. */
    private List<EventMessage<?>> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new ProjectionException("projection events must be handled in a unit of work (a streaming processor)");
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<EventMessage<?>> batch = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> projector.applyMessages(batch));
            return batch;
        });
    }
}
