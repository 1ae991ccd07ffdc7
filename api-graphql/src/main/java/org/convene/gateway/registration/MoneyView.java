package org.convene.gateway.registration;

import org.convene.registration.v1.proto.Money;

/**
 * An amount of money.
 *
 * @param amount integer minor units (cents)
 * @param currency ISO 4217 code
 */
public record MoneyView(long amount, String currency) {

	public static MoneyView of(Money money) {
		return new MoneyView(money.getAmount(), money.getCurrency());
	}

}
