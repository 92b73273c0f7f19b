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
 * Why no plan can bring the database to the declarations, and what to do by hand. Most often a
 * managed object must be dropped (and perhaps created again), but objects that are no entities
 * (a column default, a constraint, an index expression) depend on it, and pg-entities never
 * drops with {@code CASCADE}; or the declarations ask for something PostgreSQL cannot hold at
 * once, such as a partition's trigger named like its partitioned table's row trigger. Only a
 * hand-written migration, or changed declarations, can resolve it.
 *
 * @param kind the kind of the refused entity
 * @param identity the identity of the refused entity, such as {@code public.code()}
 * @param reason why no plan can be made, one sentence without final punctuation
 * @param action what to do by hand, in sentences
 * @param dependents PostgreSQL's descriptions of what blocks the plan, such as {@code default
 * value for column code of table public.orders}; empty when nothing depends on the entity
 */
public record PlanRefusal(EntityKind kind, String identity, String reason, String action, List<String> dependents) {

	public PlanRefusal {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(identity, "identity must not be null");
		Objects.requireNonNull(reason, "reason must not be null");
		Objects.requireNonNull(action, "action must not be null");
		dependents = List.copyOf(dependents);
	}

	/**
	 * The refusal of a drop that objects which are no entities block.
	 * @param kind the kind of the entity to drop
	 * @param identity its identity
	 * @param why the step a plan would need, such as {@code drop and create (return type changed)}
	 * or {@code drop (declared by nothing)}
	 * @param recreated whether the plan would create the entity again after dropping it
	 * @param dependents PostgreSQL's descriptions of what depends on it
	 * @return the refusal
	 */
	public static PlanRefusal blockedDrop(EntityKind kind, String identity, String why, boolean recreated,
			List<String> dependents) {
		String entity = kind.sqlName() + " " + identity;
		String list = String.join("; ", dependents);
		String them = (dependents.size() == 1) ? "it" : "them";
		String reason = entity + " needs " + why + ", but " + list + " depend" + ((dependents.size() == 1) ? "s" : "")
				+ " on it, and pg-entities never drops with CASCADE";
		String action = "Write a Flyway migration by hand that first removes the dependence of " + list + " on "
				+ entity + " (drop " + them + " or change " + them + "), then "
				+ (recreated ? "changes " + entity + " as declared, then restores " + them : "drops " + entity)
				+ "; then check again.";
		return new PlanRefusal(kind, identity, reason, action, dependents);
	}

	/**
	 * The refused entity, as SQL names it: {@code FUNCTION public.code()}.
	 * @return the kind and identity
	 */
	public String entity() {
		return this.kind.sqlName() + " " + this.identity;
	}

	/**
	 * The reason and the action in one message.
	 * @return the message
	 */
	public String message() {
		return "No plan can be made: " + this.reason + ". " + this.action;
	}

}
