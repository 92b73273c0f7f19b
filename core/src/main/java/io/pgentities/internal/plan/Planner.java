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
package io.pgentities.internal.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.pgentities.DriftStatus;
import io.pgentities.EntityKind;
import io.pgentities.Hazard;
import io.pgentities.MigrationPlan;
import io.pgentities.PgAccess;
import io.pgentities.PlanRefusal;
import io.pgentities.PlannedStatement;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.Change;
import io.pgentities.internal.catalog.Operation;
import io.pgentities.internal.diff.DeclaredAccess;
import io.pgentities.internal.diff.EntityComparison;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Turns comparisons into an ordered plan. Changes apply in place ({@code CREATE OR REPLACE},
 * {@code COMMENT ON}, index changes of a materialized view) where PostgreSQL allows it;
 * otherwise the object is dropped and created again together with everything that depends on
 * it, dependents dropped first and created last, each getting its comment, owner and grants
 * back. Never {@code CASCADE}. Every name is schema-qualified, so nothing depends on the
 * {@code search_path} of whoever applies the plan.
 */
public final class Planner {

	private final Map<String, EntityComparison> comparisons = new LinkedHashMap<>();

	private final DependencyGraph current;

	private final DependencyGraph desired;

	private final Map<String, Integer> creationRank = new HashMap<>();

	private final Options options;

	private final Set<String> drops = new LinkedHashSet<>();

	private final Set<String> creates = new LinkedHashSet<>();

	private final Map<String, Change.InPlace> inPlace = new LinkedHashMap<>();

	private final Map<String, String> reasons = new LinkedHashMap<>();

	private final Set<String> dependents = new HashSet<>();

	private final Surroundings surroundings;

	private Planner(PlanningProblem problem) {
		problem.comparisons().forEach((comparison) -> this.comparisons.put(comparison.identity(), comparison));
		// bystanders stay as they are unless something they depend on is dropped
		problem.surroundings()
			.bystanders()
			.forEach((identity, bystander) -> this.comparisons.putIfAbsent(identity,
					new EntityComparison(identity, null, bystander, bystander, DriftStatus.IN_SYNC, "")));
		this.surroundings = problem.surroundings();
		this.current = problem.current();
		this.desired = problem.desired();
		List<String> creationOrder = problem.creationOrder();
		for (int i = 0; i < creationOrder.size(); i++) {
			this.creationRank.putIfAbsent(creationOrder.get(i), i);
		}
		this.options = problem.options();
	}

	/**
	 * Plans.
	 * @param problem the comparisons, dependencies, surroundings and options
	 * @return the plan, {@link MigrationPlan#isRefused() refused} if an object must be dropped
	 * that something no plan can recreate depends on
	 */
	public static MigrationPlan plan(PlanningProblem problem) {
		return new Planner(problem).plan();
	}

	private MigrationPlan plan() {
		Set<String> stillNeeded = neededByDesired();
		for (EntityComparison comparison : this.comparisons.values()) {
			if (comparison.status() == DriftStatus.UNDECLARED && this.options.dropUndeclared()
					&& stillNeeded.contains(comparison.identity())) {
				this.reasons.put(comparison.identity(), "kept: a declared object depends on it");
				continue;
			}
			decide(comparison);
		}
		closeOverDependents();
		PlanRefusal refusal = blockedDrop();
		if (refusal == null) {
			refusal = triggerNameClash();
		}
		if (refusal != null) {
			return MigrationPlan.refused(refusal);
		}
		List<PlannedStatement> statements = new ArrayList<>();
		for (String identity : TopologicalOrder.sort(this.drops, this.current::dependents, this::compareForDrop)) {
			statements.add(drop(identity));
		}
		Set<String> toCreate = new LinkedHashSet<>(this.creates);
		toCreate.addAll(this.inPlace.keySet());
		for (String identity : TopologicalOrder.sort(toCreate, this::needs, this::compareForCreate)) {
			statements.addAll(this.creates.contains(identity) ? create(identity) : changeInPlace(identity));
		}
		List<String> summary = new ArrayList<>();
		this.reasons.forEach((identity, reason) -> {
			EntityComparison comparison = this.comparisons.get(identity);
			summary.add(comparison.status() + " " + comparison.kind().sqlName() + " " + identity + ": " + reason);
		});
		List<String> dropped = this.drops.stream().filter((identity) -> !this.creates.contains(identity)).toList();
		return new MigrationPlan(statements, summary, dropped, null);
	}

	private void decide(EntityComparison comparison) {
		String identity = comparison.identity();
		switch (comparison.status()) {
			case MISSING -> {
				this.creates.add(identity);
				this.reasons.put(identity, "create");
			}
			case CHANGED -> {
				Change change = change(comparison);
				if (change instanceof Change.InPlace inPlace) {
					this.inPlace.put(identity, inPlace);
					this.reasons.put(identity, inPlace.description());
				}
				else if (change instanceof Change.Recreate recreate) {
					this.drops.add(identity);
					this.creates.add(identity);
					this.reasons.put(identity, "drop and create (" + recreate.reason() + ")");
				}
			}
			case UNDECLARED -> {
				if (this.options.dropUndeclared()) {
					this.drops.add(identity);
					this.reasons.put(identity, "drop (declared by nothing)");
				}
			}
			case IN_SYNC -> {
			}
		}
	}

	private static Change change(EntityComparison comparison) {
		CatalogEntity desired = Objects.requireNonNull(comparison.desired());
		CatalogEntity current = Objects.requireNonNull(comparison.current());
		if (desired.sharesComparisonKeyWith(current)) {
			boolean comment = !Objects.equals(comparison.desiredComment(), current.comment());
			return new Change.InPlace(comment ? "set comment" : "set owner or privileges", List.of());
		}
		return desired.changeFrom(current, comparison.declared());
	}

	/**
	 * What the desired state needs, transitively: an undeclared object a declared one reads
	 * cannot be dropped, whatever drop-undeclared says.
	 */
	private Set<String> neededByDesired() {
		Set<String> needed = new HashSet<>();
		Deque<String> work = new ArrayDeque<>();
		for (EntityComparison comparison : this.comparisons.values()) {
			if (comparison.desired() != null) {
				work.push(comparison.identity());
			}
		}
		while (!work.isEmpty()) {
			String identity = work.pop();
			for (String referenced : needs(identity)) {
				if (needed.add(referenced)) {
					work.push(referenced);
				}
			}
		}
		return needed;
	}

	/**
	 * Whatever depends on a dropped object is dropped before it and created again after.
	 */
	private void closeOverDependents() {
		Deque<String> work = new ArrayDeque<>(this.drops);
		while (!work.isEmpty()) {
			String dropped = work.pop();
			for (String dependent : this.current.dependents(dropped)) {
				EntityComparison comparison = this.comparisons.get(dependent);
				if (comparison == null || comparison.current() == null || !this.drops.add(dependent)) {
					continue;
				}
				work.push(dependent);
				boolean kept = comparison.desired() != null || !this.options.dropUndeclared();
				if (kept) {
					this.creates.add(dependent);
					this.dependents.add(dependent);
					this.inPlace.remove(dependent);
					this.reasons.put(dependent, "drop and create (depends on " + dropped + ")");
				}
			}
		}
	}

	private @Nullable PlanRefusal blockedDrop() {
		for (String identity : this.drops) {
			List<String> blockers = this.surroundings.blockers().get(identity);
			if (blockers != null) {
				EntityComparison comparison = this.comparisons.get(identity);
				return PlanRefusal.blockedDrop(comparison.kind(), identity, this.reasons.getOrDefault(identity, "drop"),
						this.creates.contains(identity), blockers);
			}
		}
		return null;
	}

	/**
	 * PostgreSQL clones a partitioned table's row trigger onto each of its partitions under the
	 * trigger's name, so a partition cannot also have a trigger of its own by that name: refuse
	 * a plan that would create one of the two while the other is there after the plan. A
	 * trigger on a partition that takes over from its partitioned table's trigger is fine when
	 * the plan drops that one for good, since its clones go with it.
	 */
	private @Nullable PlanRefusal triggerNameClash() {
		if (this.surroundings.partitionAncestors().isEmpty()) {
			return null;
		}
		Map<OnTable, CatalogEntity> remaining = new HashMap<>();
		for (EntityComparison comparison : this.comparisons.values()) {
			boolean remains = this.creates.contains(comparison.identity())
					|| (comparison.current() != null && !this.drops.contains(comparison.identity()));
			CatalogEntity entity = comparison.either();
			if (remains && entity.table() != null) {
				remaining.put(OnTable.of(entity), entity);
			}
		}
		for (Map.Entry<OnTable, CatalogEntity> entry : remaining.entrySet()) {
			OnTable key = entry.getKey();
			CatalogEntity entity = entry.getValue();
			for (String ancestor : this.surroundings.partitionAncestors().getOrDefault(key.table(), Set.of())) {
				CatalogEntity cloned = remaining.get(new OnTable(key.kind(), ancestor, key.name()));
				if (cloned != null && cloned.clonedOntoPartitions()
						&& (this.creates.contains(entity.identity()) || this.creates.contains(cloned.identity()))) {
					String kind = entity.kind().sqlName().toLowerCase(Locale.ROOT);
					return new PlanRefusal(entity.kind(), entity.identity(), entity.designation()
							+ " cannot be created: PostgreSQL clones row " + cloned.designation()
							+ " onto every partition of " + ancestor + " under its name, so partition " + key.table()
							+ " cannot have a " + kind + " " + Identifiers.quote(entity.name())
							+ " of its own while that one exists",
							"Declare the " + kind + " once: on " + ancestor + ", or on the partitions and not on " + ancestor
									+ ".",
							List.of());
				}
			}
		}
		return null;
	}

	/**
	 * The drop of an object: of a dependent that comes back, of an undeclared object for good,
	 * or of one that is created again as declared, which changes access if at all.
	 */
	private PlannedStatement drop(String identity) {
		EntityComparison comparison = this.comparisons.get(identity);
		CatalogEntity entity = current(identity);
		Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
		boolean recreated = this.creates.contains(identity);
		if (recreated && this.dependents.contains(identity)) {
			hazards.add(Hazard.DROPS_DEPENDENT);
		}
		if (!recreated && comparison.status() == DriftStatus.UNDECLARED) {
			hazards.add(Hazard.DROPS_UNDECLARED);
		}
		if (!recreated && entity.accessDiffersFrom(null)) {
			hazards.add(Hazard.CHANGES_ACCESS);
		}
		return step(entity.dropStatement(), entity, Operation.DROP, false, hazards);
	}

	private List<PlannedStatement> create(String identity) {
		EntityComparison comparison = this.comparisons.get(identity);
		CatalogEntity entity = comparison.either();
		List<PlannedStatement> statements = new ArrayList<>();
		Set<Hazard> creation = EnumSet.noneOf(Hazard.class);
		if (entity.createRunsQuery(comparison.declared())) {
			creation.add(Hazard.RUNS_QUERY);
		}
		if (entity.accessDiffersFrom(comparison.current())) {
			creation.add(Hazard.CHANGES_ACCESS);
		}
		List<String> created = entity.createStatements(comparison.declared());
		statements.add(step(created.get(0), entity, Operation.CREATE, false, creation));
		// the rest (a materialized view's indexes) builds on the object just created
		created.subList(1, created.size())
			.forEach((sql) -> statements.add(step(sql, entity, Operation.CREATE_INDEX, true, Set.of())));
		String comment = comparison.desiredComment();
		if (comment != null) {
			statements.add(step(entity.commentStatement(comment), entity, Operation.COMMENT, true, Set.of()));
		}
		CatalogEntity restoredFrom = this.options.undo() ? comparison.desired() : comparison.current();
		PgAccess declared = (comparison.declared() != null) ? comparison.declared().access() : PgAccess.UNDECLARED;
		String owner = this.options.currentUser();
		if (restoredFrom != null) {
			// declared privileges are set below rather than given back
			Privileges.restore(restoredFrom, entity, this.options.currentUser(), !declared.declaresPrivileges())
				.forEach((sql) -> statements.add(step(sql, entity, Operation.RESTORE, true, Set.of())));
			if (restoredFrom.access() != null) {
				owner = restoredFrom.access().owner();
			}
		}
		// declared access on a new object is new access; on a recreated one, only if it differs
		CatalogEntity before = comparison.current();
		boolean accessChanges = before == null || (comparison.desired() != null
				&& !DeclaredAccess.changes(before, comparison.desired(), declared).isEmpty());
		statements.addAll(accessSteps(DeclaredAccess.afterCreate(owner, entity, declared), entity, true, accessChanges));
		return statements;
	}

	private List<PlannedStatement> changeInPlace(String identity) {
		EntityComparison comparison = this.comparisons.get(identity);
		CatalogEntity desired = Objects.requireNonNull(comparison.desired());
		CatalogEntity current = Objects.requireNonNull(comparison.current());
		Change.InPlace change = this.inPlace.get(identity);
		Set<Hazard> hazards = desired.accessDiffersFrom(current) ? Set.of(Hazard.CHANGES_ACCESS) : Set.of();
		List<PlannedStatement> statements = new ArrayList<>();
		for (int i = 0; i < change.statements().size(); i++) {
			statements.add(step(change.statements().get(i), current, change.operations().get(i), false, hazards));
		}
		String comment = comparison.desiredComment();
		if (!Objects.equals(comment, current.comment())) {
			statements.add(step(desired.commentStatement(comment), current, Operation.COMMENT, false, Set.of()));
		}
		if (comparison.declared() != null) {
			statements.addAll(accessSteps(DeclaredAccess.changes(current, desired, comparison.declared().access()), current,
					false, true));
		}
		return statements;
	}

	private List<PlannedStatement> accessSteps(DeclaredAccess.Changes changes, CatalogEntity entity, boolean created,
			boolean changesAccess) {
		Set<Hazard> hazards = changesAccess ? Set.of(Hazard.CHANGES_ACCESS) : Set.of();
		List<PlannedStatement> statements = new ArrayList<>();
		changes.owner().forEach((sql) -> statements.add(step(sql, entity, Operation.ALTER_OWNER, created, hazards)));
		changes.privileges().forEach((sql) -> statements.add(step(sql, entity, Operation.GRANT, created, hazards)));
		return statements;
	}

	private static PlannedStatement step(String sql, CatalogEntity entity, Operation operation, boolean created,
			Set<Hazard> hazards) {
		return new PlannedStatement(sql, entity.kind(), entity.identity(), operation.lock(entity, created), hazards);
	}

	private CatalogEntity current(String identity) {
		return Objects.requireNonNull(this.comparisons.get(identity).current());
	}

	private int compareForDrop(String a, String b) {
		return Comparator.<String>comparingInt((identity) -> -current(identity).kind().creationRank())
			.thenComparing(Comparator.naturalOrder())
			.compare(a, b);
	}

	private int compareForCreate(String a, String b) {
		return Comparator.<String>comparingInt((identity) -> this.creationRank.getOrDefault(identity, Integer.MAX_VALUE))
			.thenComparingInt((identity) -> this.comparisons.get(identity).kind().creationRank())
			.thenComparing(Comparator.naturalOrder())
			.compare(a, b);
	}

	/**
	 * What an object needs in the state it is created in: as declared, or as it is now when
	 * it is recreated without a declaration.
	 */
	private Set<String> needs(String identity) {
		EntityComparison comparison = this.comparisons.get(identity);
		return (comparison != null && comparison.desired() != null) ? this.desired.needs(identity)
				: this.current.needs(identity);
	}

	/**
	 * An object on a table, as the names PostgreSQL keeps unique per table see it.
	 */
	private record OnTable(EntityKind kind, String table, String name) {

		static OnTable of(CatalogEntity entity) {
			return new OnTable(entity.kind(), Identifiers.qualify(entity.schema(), Objects.requireNonNull(entity.table())),
					entity.name());
		}

	}

	/**
	 * What a plan may do.
	 *
	 * @param dropUndeclared whether undeclared objects are dropped
	 * @param currentUser the role that will apply the plan; recreated objects owned by
	 * another role are given back to it
	 * @param undo whether this plans the way back, where the desired objects are the ones the
	 * database had, owners and privileges included
	 */
	public record Options(boolean dropUndeclared, String currentUser, boolean undo) {

	}

}
