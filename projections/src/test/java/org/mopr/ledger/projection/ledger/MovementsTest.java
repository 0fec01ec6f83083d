package org.mopr.ledger.projection.ledger;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.fund.MoneyMovement;
import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.engine.EventEnvelope;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.ProjectionException;
import org.mopr.ledger.provenance.Provenance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two-leg movements, the common case, give what the general pairing gives; unbalanced ones are still refused. */
class MovementsTest {

    private static final ProjectedEvent EVENT = new ProjectedEvent(new EventEnvelope(1, "r/section/SU", 0, "payload"), "r",
            "DuesCollected", null, null);

    private static MoneyMovement movement(List<Posting> postings) {
        return new MoneyMovement() {
            @Override
            public List<Posting> postings() {
                return postings;
            }

            @Override
            public Provenance provenance() {
                return Provenance.documented("c1");
            }
        };
    }

    @Test
    void aDebitAndACreditOfTheSameAmountAreOneFlowFromTheCreditedAccountWhicheverComesFirst() {
        Posting debit = Posting.debit("fund", Money.of(80, "XRG"));
        Posting credit = Posting.credit("members", Money.of(80, "XRG"));
        List<Movements.Flow> expected = List.of(new Movements.Flow("members", "fund", Money.of(80, "XRG")));
        assertThat(Movements.flows(List.of(debit, credit))).isEqualTo(expected);
        assertThat(Movements.flows(List.of(credit, debit))).isEqualTo(expected);
        // Three legs take the general pairing, which agrees.
        assertThat(Movements.flows(List.of(debit, credit, Posting.debit("x", Money.of(0, "XRG"))))).isEqualTo(expected);
    }

    @Test
    void zeroAmountsMoveNothingAndUnbalancedLegsAreRefused() {
        List<Posting> zero = List.of(Posting.debit("fund", Money.of(0, "XRG")), Posting.credit("members", Money.of(0, "XRG")));
        assertThat(Movements.flows(zero)).isEmpty();
        assertThat(Movements.balancedPostings(EVENT, movement(zero))).isEqualTo(zero);
        assertThatThrownBy(() -> Movements.balancedPostings(EVENT, movement(List.of(Posting.debit("fund", Money.of(80, "XRG")),
                Posting.credit("members", Money.of(79, "XRG")))))).isInstanceOf(ProjectionException.class);
        assertThatThrownBy(() -> Movements.balancedPostings(EVENT, movement(List.of(Posting.debit("fund", Money.of(80, "XRG")),
                Posting.credit("members", Money.of(80, "USD")))))).isInstanceOf(ProjectionException.class);
    }
}
