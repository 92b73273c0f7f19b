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

/**
 * What a plan statement risks beyond the lock it takes ({@link PlannedStatement}). The planner
 * decides each statement's hazards from why the statement is in the plan. Applying a plan
 * with a hazard the configuration does not allow is refused ({@link PlanHazardException}).
 */
public enum Hazard {

	/**
	 * The statement drops an object that is created again only because something it depends
	 * on is dropped and created: a view reading a function whose result type changes, a
	 * trigger on a view that is recreated. The object comes back as it was, but every session
	 * using it waits for the plan's transaction, and its data (a materialized view's) is
	 * computed again.
	 */
	DROPS_DEPENDENT,

	/**
	 * The statement runs a query over live data: a materialized view created {@code WITH DATA}.
	 * It takes as long as the query does, holding its locks meanwhile.
	 */
	RUNS_QUERY,

	/**
	 * The statement changes who may see or do what: a policy is created, dropped or changed; a
	 * privilege is granted or revoked or an owner changed as declared; a routine becomes or
	 * stops being {@code SECURITY DEFINER}; a view's {@code security_barrier} or
	 * {@code security_invoker} option changes. Giving a recreated object back its owner and
	 * privileges is not such a change.
	 */
	CHANGES_ACCESS,

	/**
	 * The statement drops an object that nothing declares, for good: only planned when
	 * undeclared objects are dropped ({@link PgEntitiesEngine.Builder#dropUndeclared(boolean)}).
	 */
	DROPS_UNDECLARED

}
