package org.convene.core.registration;

import org.springframework.stereotype.Component;

import org.convene.core.idempotency.IdempotencyClaim;

/**
 * Stores the answer of registering under the call's idempotency key, in the batch transaction
 * that takes the seats: a retry gets the first answer, ticket code included, and a request
 * whose batch rolled back stored nothing.
 */
@Component
class IdempotentAnswers implements CommitHook.Source {

	private final AnswerTickets tickets;

	IdempotentAnswers(AnswerTickets tickets) {
		this.tickets = tickets;
	}

	@Override
	public CommitHook current() {
		return IdempotencyClaim.current()
			.<CommitHook>map(claim -> (db, answer) -> claim.storeIn(db, this.tickets.added(answer)))
			.orElse(CommitHook.NONE);
	}

}
