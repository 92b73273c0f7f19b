/*
 * Copyright 2026 the pg-entities authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.pgentities;

import java.util.List;
import java.util.Objects;

/**
 * Why no plan can bring the database to the declarations: a managed object must be dropped and
 * created again, but objects that are no entities (a column default, a constraint, an index
 * expression) depend on it, and pg-entities never drops with {@code CASCADE}. Only a
 * hand-written migration can resolve it.
 *
 * @param kind the kind of the refused entity
 * @param identity the identity of the refused entity, such as {@code public.code()}
 * @param why the step a plan would need, such as {@code drop and create (return type changed)}
 * @param dependents PostgreSQL's descriptions of what depends on it, such as {@code default
 * value for column code of table public.orders}
 */
public record PlanRefusal(EntityKind kind, String identity, String why, List<String> dependents) {

	public PlanRefusal {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(identity, "identity must not be null");
		Objects.requireNonNull(why, "why must not be null");
		dependents = List.copyOf(dependents);
	}

	/**
	 * The refused entity, as SQL names it: {@code FUNCTION public.code()}.
	 * @return the kind and identity
	 */
	public String entity() {
		return this.kind.sqlName() + " " + this.identity;
	}

	/**
	 * Why no plan can be made.
	 * @return the reason, one sentence without final punctuation
	 */
	public String reason() {
		return entity() + " needs " + this.why + ", but " + dependentList() + " depend"
				+ ((this.dependents.size() == 1) ? "s" : "") + " on it, and pg-entities never drops with CASCADE";
	}

	/**
	 * What to do by hand.
	 * @return the action, in sentences
	 */
	public String action() {
		String them = (this.dependents.size() == 1) ? "it" : "them";
		return "Write a Flyway migration by hand that first removes the dependence of " + dependentList() + " on "
				+ entity() + " (drop " + them + " or change " + them + "), then changes " + entity()
				+ " as declared, then restores " + them + "; then check again.";
	}

	/**
	 * The reason and the action in one message.
	 * @return the message
	 */
	public String message() {
		return "No plan can be made: " + reason() + ". " + action();
	}

	private String dependentList() {
		return String.join("; ", this.dependents);
	}

}
